/// The money unit a table is written in (单位：元 / 千元 / 万元).
///
/// Foundation also exports a class named `Unit` (for `Measurement`), so a file that imports both
/// Foundation and FinanceModel must write `FinanceModel.Unit` or the alias `MoneyUnit`.
public enum Unit: String, Sendable, Hashable, CaseIterable, Codable, CustomStringConvertible {
    /// 元.
    case yuan = "元"
    /// 千元.
    case thousandYuan = "千元"
    /// 万元.
    case tenThousandYuan = "万元"

    /// How many 元 one of this unit is.
    public var yuanPerUnit: Int {
        switch self {
        case .yuan: 1
        case .thousandYuan: 1_000
        case .tenThousandYuan: 10_000
        }
    }

    /// The Chinese name as written in a unit line: "万元".
    public var description: String { rawValue }

    /// The English name for messages.
    public var englishName: String {
        switch self {
        case .yuan: "yuan"
        case .thousandYuan: "thousand yuan"
        case .tenThousandYuan: "ten thousand yuan"
        }
    }

    /// The unit named in a title-block line: "单位：万元", "金额单位：元", "单位:元", "(万元)", "（单位：千元）",
    /// "单位：人民币万元", "编制单位：某局　　单位：万元", a title ending in "（万元）", or just "万元". Nil when
    /// the line names no unit.
    public init?(line: String) {
        let text = String(
            line.filter { !$0.isWhitespace }.map { (c: Character) -> Character in
                switch c {
                case "（": "("
                case "）": ")"
                case "：": ":"
                default: c
                }
            })
        // Every "单位:" is a candidate: "编制单位:某局单位:万元" names the unit after the second one.
        for range in text.ranges(of: "单位:") {
            if let unit = Unit.named(text[range.upperBound...], prefixOnly: true) {
                self = unit
                return
            }
        }
        if text.hasSuffix(")"), let open = text.lastIndex(of: "(") {
            // "(万元)" alone, or at the end of a title or header: "三公经费支出表(万元)".
            guard let unit = Unit.named(text[text.index(after: open)..<text.index(before: text.endIndex)]) else {
                return nil
            }
            self = unit
        } else if let unit = Unit.named(Substring(text)) {
            self = unit
        } else {
            return nil
        }
    }

    /// The unit a name spells ("万元", "人民币元"); with `prefixOnly`, the name may be followed by a
    /// bracket or separator and more text ("万元(保留两位小数)").
    private static func named(_ text: Substring, prefixOnly: Bool = false) -> Unit? {
        var name = text
        if prefixOnly {
            name = text.prefix { !"()（）,，;；、".contains($0) }
        }
        if name.hasPrefix("人民币") { name = name.dropFirst(3) }
        switch name {
        case "元": return .yuan
        case "千元": return .thousandYuan
        case "万元": return .tenThousandYuan
        default: return nil
        }
    }
}

/// `Unit` under a name that does not collide with Foundation's `Unit` class.
public typealias MoneyUnit = Unit

extension Money {
    /// The same amount in another unit: exact for every amount with at most 6 decimals (so for every
    /// parsed amount, converted once from the unit it was written in). Only converting an already
    /// converted figure to a coarser unit again could need more than 10 decimals; that rounds half-up at
    /// the 10th decimal (10⁻¹⁰ of the unit).
    public func converted(from source: Unit, to target: Unit) -> Money {
        if source == target { return self }
        if source.yuanPerUnit > target.yuanPerUnit {
            return self * (source.yuanPerUnit / target.yuanPerUnit)
        }
        let divisor = FixedDecimal(target.yuanPerUnit / source.yuanPerUnit)
        // Division by 10 or 10 000 of a value in range cannot fail.
        return Money(value.divided(by: divisor) ?? value)
    }
}
