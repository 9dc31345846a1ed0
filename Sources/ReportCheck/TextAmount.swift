public import FinanceModel

/// The unit written after a figure in a sentence.
public enum TextUnit: String, Sendable, Hashable, Codable, CaseIterable {
    /// 元.
    case yuan = "元"
    /// 万元.
    case tenThousandYuan = "万元"
    /// 亿元.
    case hundredMillionYuan = "亿元"
    /// 美元.
    case dollar = "美元"
    /// 万美元.
    case tenThousandDollars = "万美元"
    /// 亿美元.
    case hundredMillionDollars = "亿美元"
    /// % — the figure is a percentage.
    case percent = "%"

    /// The currency: figures of different currencies are never compared; nil for a percentage.
    var currency: String? {
        switch self {
        case .yuan, .tenThousandYuan, .hundredMillionYuan: "CNY"
        case .dollar, .tenThousandDollars, .hundredMillionDollars: "USD"
        case .percent: nil
        }
    }

    /// Powers of ten above the currency's base unit (万 = 4, 亿 = 8).
    var exponent: Int {
        switch self {
        case .yuan, .dollar, .percent: 0
        case .tenThousandYuan, .tenThousandDollars: 4
        case .hundredMillionYuan, .hundredMillionDollars: 8
        }
    }

    /// The spellings after a number, longest first (余 marks an approximate figure: 120余万元, 57万余元).
    static let spellings: [(text: String, unit: TextUnit, approximate: Bool)] = [
        ("万余美元", .tenThousandDollars, true), ("亿余美元", .hundredMillionDollars, true),
        ("亿美元", .hundredMillionDollars, false), ("万美元", .tenThousandDollars, false),
        ("万余元", .tenThousandYuan, true), ("亿余元", .hundredMillionYuan, true),
        ("美元", .dollar, false), ("亿元", .hundredMillionYuan, false), ("万元", .tenThousandYuan, false),
        ("元", .yuan, false), ("%", .percent, false), ("％", .percent, false),
    ]
}

/// 预算 / 调整预算 / 决算: which quantity a figure is, from the words before it and the headings above.
public enum FigureBasis: String, Sendable, Hashable, Codable {
    /// 年初预算.
    case budget
    /// 调整预算 / 全年预算.
    case adjustedBudget
    /// 决算.
    case finalAccounts
    /// Nothing says (a fixed-asset figure, an output indicator).
    case unknown

    /// 预算 / 调整预算 / 决算 / 未指明.
    var label: LocalizedText {
        switch self {
        case .budget: LocalizedText(zh: "预算", en: "budget")
        case .adjustedBudget: LocalizedText(zh: "调整预算", en: "adjusted budget")
        case .finalAccounts: LocalizedText(zh: "决算", en: "final accounts")
        case .unknown: LocalizedText(zh: "未指明", en: "unspecified")
        }
    }
}

/// A figure found in the report: the number exactly as written, its unit and the words naming it.
public struct TextAmount: Sendable, Hashable {
    /// The number as written (for a percentage, the percent figure: 70.71 for "70.71%"). Exact.
    public var value: Money
    public var unit: TextUnit
    /// The figure with its unit as written ("885.75万元").
    public var text: String
    /// Decimals as written ("274.1" has 1).
    public var decimals: Int
    /// 余/多: "120余万元" is at least 120, not a figure to add up.
    public var isApproximate: Bool
    /// The words before the figure in its clause, cleaned of enumerators and years ("基本支出").
    public var label: String
    /// Index of the paragraph in `ReportDocument.paragraphs`.
    public var paragraphIndex: Int
    /// Index of the sentence within the paragraph.
    public var sentenceIndex: Int
    /// Character offsets of the number (sign included) and of the end of the unit in the paragraph.
    public var start: Int
    public var end: Int
    public var basis: FigureBasis

    /// A change against another year or plan (比上年增加 50万元, 减少原值 9.6万元, 增长 25.5%): never a
    /// part or a total of a breakdown.
    public var isChange: Bool {
        TextAmount.changeWords.contains { label.contains($0) }
    }

    static let changeWords = [
        "比上年", "较上年", "比去年", "较去年", "同比", "环比", "增加", "减少", "增长", "下降", "增幅", "降幅",
        "节约", "超支", "增减",
    ]

    /// Whether `other` can be compared with this figure (same currency, or both percentages).
    func isComparable(with other: TextAmount) -> Bool {
        unit.currency == other.unit.currency && (unit == .percent) == (other.unit == .percent)
    }

    /// The value in the currency's base unit (元 or 美元), exact.
    var baseValue: Money {
        var v = value
        for _ in 0..<unit.exponent { v = v * 10 }
        return v
    }
}
