public import FinanceModel

/// The score of one performance indicator (绩效指标得分), with how it was reached.
public struct IndicatorScore: Sendable, Hashable {
    /// The indicator as the input gives it (text, cells, any given 得分).
    public var indicator: Indicator
    /// 分值 used: the input's, the category share, or rescaled after dropping not-applicable ones.
    public var weight: Quantity?
    /// 得分, rounded half-up to 2 decimals; nil when the indicator is not applicable or `undetermined`.
    public var score: Quantity?
    /// True when the tool cannot score it (a qualitative result it cannot classify — 无法判定 — or an empty
    /// 实际完成值): the 得分 is left for the accountant and the total is not graded.
    public var undetermined: Bool
    /// The quantitative rule that gave the score (nil for qualitative, given or unscored indicators): what the
    /// written form turns into a live formula over 实际完成值 and 分值.
    public var rule: QuantitativeRule?
    /// How the score was computed, e.g. "实际/目标×分值 = 148/200×10".
    public var basis: String
    /// Warnings on this indicator (below target without 偏差原因, over-achievement …).
    public var warnings: [LocalizedText]
    /// The same warnings (and errors) as findings with their cells.
    public var findings: [Finding]

    public init(
        indicator: Indicator, weight: Quantity?, score: Quantity?, basis: String, warnings: [LocalizedText] = [],
        findings: [Finding] = [], undetermined: Bool = false, rule: QuantitativeRule? = nil
    ) {
        self.undetermined = undetermined
        self.rule = rule
        self.indicator = indicator
        self.weight = weight
        self.score = score
        self.basis = basis
        self.warnings = warnings
        self.findings = findings
    }
}

/// The quantitative scoring rules of FORMS.md §3, with the target they compare against.
public enum QuantitativeRule: Sendable, Hashable {
    /// 正向/等于, target > 0: full when actual ≥ target, else max(actual, 0) ÷ target × 分值.
    case atLeast(target: Quantity)
    /// 正向, target ≤ 0: full when actual ≥ target, else 0.
    case atLeastZeroTarget(target: Quantity)
    /// 等于, target 0: full when actual ≤ 0, else 0.
    case equalZeroTarget
    /// 反向 linear: full when actual ≤ target; (2 − actual ÷ target) × 分值, never below 0.
    case atMostLinear(target: Quantity)
    /// 反向 ratio: full when actual ≤ target; target ÷ actual × 分值.
    case atMostRatio(target: Quantity)
    /// 反向, target ≤ 0: full when actual ≤ target, else 0.
    case atMostZeroTarget(target: Quantity)
}

/// 定性指标 result band.
public enum QualitativeBand: String, Sendable, Hashable, CaseIterable {
    /// 达成年度指标.
    case achieved
    /// 基本达成: the top of 部分达成's band (80 % by default).
    case basicallyAchieved
    /// 部分达成年度指标并具有一定效果.
    case partial
    /// 未达成年度指标且效果较差.
    case notAchieved

    /// The band the standard phrases give a result text (see `QualitativePhrases.band(of:)`).
    public init?(text: String) {
        guard let band = QualitativePhrases.standard.band(of: text) else { return nil }
        self = band
    }

    /// 达成 / 基本达成 / 部分达成 / 未达成.
    public var chinese: String {
        switch self {
        case .achieved: "达成"
        case .basicallyAchieved: "基本达成"
        case .partial: "部分达成"
        case .notAchieved: "未达成"
        }
    }
}

extension QualitativePhrases {
    /// The band a result text names, checking 未达成, 部分达成, 基本达成, then 达成 phrases (so "未完成" is never
    /// read as "完成"); nil when it contains none (无法判定).
    public func band(of text: String) -> QualitativeBand? {
        let t = text.filter { !$0.isWhitespace }
        if t.isEmpty { return nil }
        let ordered: [([String], QualitativeBand)] = [
            (notAchieved, .notAchieved), (partial, .partial), (basicallyAchieved, .basicallyAchieved),
            (achieved, .achieved),
        ]
        for (phrases, band) in ordered where phrases.contains(where: { !$0.isEmpty && t.contains($0) }) {
            return band
        }
        return nil
    }
}

extension QualitativeBands {
    /// The default share of 分值 for a band (100 % / 70 % / 50 %).
    public func defaultShare(_ band: QualitativeBand) -> Rate {
        switch band {
        case .achieved: achievedScore
        case .basicallyAchieved: basicallyAchievedScore
        case .partial: partialScore
        case .notAchieved: notAchievedScore
        }
    }

    /// Whether a given share of 分值 fits `band` (基本达成 accepts the 部分达成 band and its own share).
    public func accepts(share: Rate, for band: QualitativeBand) -> Bool {
        band == .basicallyAchieved
            ? share == basicallyAchievedScore || self.band(ofShare: share) == .partial
            : self.band(ofShare: share) == band
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
