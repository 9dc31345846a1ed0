public import FinanceModel

/// The score of one performance indicator (绩效指标得分), with how it was reached.
public struct IndicatorScore: Sendable, Hashable {
    /// The indicator as the input gives it (text, cells, any given 得分).
    public var indicator: Indicator
    /// 分值 used: the input's, the category share, or rescaled after dropping not-applicable ones.
    public var weight: Quantity?
    /// 得分, rounded half-up to 2 decimals; nil when the indicator is not applicable.
    public var score: Quantity?
    /// How the score was computed, e.g. "实际/目标×分值 = 148/200×10".
    public var basis: String
    /// Warnings on this indicator (below target without 偏差原因, over-achievement …).
    public var warnings: [LocalizedText]
    /// The same warnings (and errors) as findings with their cells.
    public var findings: [Finding]

    public init(
        indicator: Indicator, weight: Quantity?, score: Quantity?, basis: String, warnings: [LocalizedText] = [],
        findings: [Finding] = []
    ) {
        self.indicator = indicator
        self.weight = weight
        self.score = score
        self.basis = basis
        self.warnings = warnings
        self.findings = findings
    }
}

/// 定性指标 result band.
public enum QualitativeBand: String, Sendable, Hashable, CaseIterable {
    /// 达成年度指标.
    case achieved
    /// 部分达成年度指标并具有一定效果.
    case partial
    /// 未达成年度指标且效果较差.
    case notAchieved

    /// The band a result text names: 未达成/未完成 …, 部分达成/基本达成 …, 达成/完成/已完成 …; nil otherwise.
    public init?(text: String) {
        let t = text.filter { !$0.isWhitespace }
        if t.isEmpty { return nil }
        if ["未达成", "未完成", "未达到", "没有达成", "没有完成"].contains(where: t.contains) {
            self = .notAchieved
        } else if ["部分达成", "基本达成", "部分完成", "基本完成", "部分达到", "基本达到"].contains(where: t.contains) {
            self = .partial
        } else if ["达成", "完成", "达到", "实现"].contains(where: t.contains) {
            self = .achieved
        } else {
            return nil
        }
    }

    /// 达成 / 部分达成 / 未达成.
    public var chinese: String {
        switch self {
        case .achieved: "达成"
        case .partial: "部分达成"
        case .notAchieved: "未达成"
        }
    }
}

extension QualitativeBands {
    /// The default share of 分值 for a band (100 % / 70 % / 50 %).
    public func defaultShare(_ band: QualitativeBand) -> Rate {
        switch band {
        case .achieved: achievedScore
        case .partial: partialScore
        case .notAchieved: notAchievedScore
        }
    }

    /// The band a share of 分值 (score ÷ 分值) falls in, with boundaries owned as configured.
    public func band(ofShare share: Rate) -> QualitativeBand {
        switch boundary {
        case .upper:
            if share >= achievedFloor { return .achieved }
            if share >= partialFloor { return .partial }
            return .notAchieved
        case .lower:
            if share > achievedFloor { return .achieved }
            if share > partialFloor { return .partial }
            return .notAchieved
        }
    }
}
