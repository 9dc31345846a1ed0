public import FinanceModel

/// 评分方案 (`ScoringProfile`): the weights and scoring variants the forms use, kept as data.
///
/// The default ships as `Data/default-profile.json`; `--profile FILE` replaces it with a file of the same
/// shape. Amounts, weights and rates are decimal strings in the file ("10", "80%"), read exactly.
public struct ScoringProfile: Sendable, Hashable, Codable {
    /// A stable identifier, printed in the forms and in `--json`.
    public var id: String
    /// The human name (中文) printed under each form title.
    public var name: String
    /// What the profile does, in words.
    public var description: String
    /// Where its rules come from.
    public var sources: [String]
    public var project: ProjectScheme
    public var department: DepartmentScheme
    public var grades: GradeBands

    public init(
        id: String, name: String, description: String, sources: [String], project: ProjectScheme,
        department: DepartmentScheme, grades: GradeBands
    ) {
        self.id = id
        self.name = name
        self.description = description
        self.sources = sources
        self.project = project
        self.department = department
        self.grades = grades
    }
}

/// 项目支出绩效自评表 scoring (FORMS.md §3).
public struct ProjectScheme: Sendable, Hashable, Codable {
    /// 执行率 分值 (10).
    public var executionWeight: Quantity
    /// 一级指标 weights by category (产出 50, 效益 30, 满意度 10), used when indicators carry no 分值.
    /// 成本指标 without its own weight counts with 产出.
    public var categoryWeights: [IndicatorCategory: Quantity]
    /// 反向指标: linear (default) or ratio.
    public var reverseScoring: ReverseScoring
    public var qualitative: QualitativeBands
    /// Actual ÷ target above which a met indicator gets an over-achievement warning (120 %).
    public var overAchievementWarningAbove: Rate
    /// How far a given 得分 / 总分 may differ from the recomputed one before it is reported (0.01).
    public var scoreTolerance: Quantity

    public init(
        executionWeight: Quantity, categoryWeights: [IndicatorCategory: Quantity], reverseScoring: ReverseScoring,
        qualitative: QualitativeBands, overAchievementWarningAbove: Rate, scoreTolerance: Quantity
    ) {
        self.executionWeight = executionWeight
        self.categoryWeights = categoryWeights
        self.reverseScoring = reverseScoring
        self.qualitative = qualitative
        self.overAchievementWarningAbove = overAchievementWarningAbove
        self.scoreTolerance = scoreTolerance
    }

    enum CodingKeys: String, CodingKey {
        case executionWeight, categoryWeights, reverseScoring, qualitative, overAchievementWarningAbove, scoreTolerance
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        executionWeight = try c.decode(Quantity.self, forKey: .executionWeight)
        let raw = try c.decode([String: Quantity].self, forKey: .categoryWeights)
        categoryWeights = try IndicatorCategory.weights(raw, forKey: .categoryWeights, in: c)
        reverseScoring = try c.decode(ReverseScoring.self, forKey: .reverseScoring)
        qualitative = try c.decode(QualitativeBands.self, forKey: .qualitative)
        overAchievementWarningAbove = try c.decode(Rate.self, forKey: .overAchievementWarningAbove)
        scoreTolerance = try c.decode(Quantity.self, forKey: .scoreTolerance)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(executionWeight, forKey: .executionWeight)
        try c.encode(
            Dictionary(uniqueKeysWithValues: categoryWeights.map { ($0.key.rawValue, $0.value) }),
            forKey: .categoryWeights)
        try c.encode(reverseScoring, forKey: .reverseScoring)
        try c.encode(qualitative, forKey: .qualitative)
        try c.encode(overAchievementWarningAbove, forKey: .overAchievementWarningAbove)
        try c.encode(scoreTolerance, forKey: .scoreTolerance)
    }
}

/// 反向指标 (≤) scoring variant.
public enum ReverseScoring: String, Sendable, Hashable, Codable {
    /// ≤ target full; between target and 2×target scaled down linearly; ≥ 2×target 0.
    case linear
    /// 年度指标值 ÷ 实际完成值 × 分值 when the actual exceeds the target.
    case ratio
}

/// 定性指标 bands: 达成 [achievedFloor, 100 %], 部分达成 [partialFloor, achievedFloor), 未达成 [0, partialFloor),
/// with the two boundaries owned by the upper band (`upper`) or the lower one (`lower`); 基本达成 reads as the
/// top of 部分达成 (`basicallyAchievedScore`, 80 %); the phrases that name each band are data (`phrases`).
public struct QualitativeBands: Sendable, Hashable, Codable {
    /// Score share when 达成 and the input gives no score (100 %).
    public var achievedScore: Rate
    /// … when 部分达成 (70 %).
    public var partialScore: Rate
    /// … when 未达成 (50 %).
    public var notAchievedScore: Rate
    /// … when 基本达成 (80 %, the top of 部分达成's band, unless the profile says otherwise).
    public var basicallyAchievedScore: Rate
    /// Lower edge of 达成 (80 %).
    public var achievedFloor: Rate
    /// Lower edge of 部分达成 (60 %).
    public var partialFloor: Rate
    public var boundary: BoundaryOwnership
    /// The words that classify a 实际完成值.
    public var phrases: QualitativePhrases

    public init(
        achievedScore: Rate, partialScore: Rate, notAchievedScore: Rate, achievedFloor: Rate, partialFloor: Rate,
        boundary: BoundaryOwnership, basicallyAchievedScore: Rate = Rate(4, over: 5) ?? .one,
        phrases: QualitativePhrases = .standard
    ) {
        self.achievedScore = achievedScore
        self.partialScore = partialScore
        self.notAchievedScore = notAchievedScore
        self.basicallyAchievedScore = basicallyAchievedScore
        self.achievedFloor = achievedFloor
        self.partialFloor = partialFloor
        self.boundary = boundary
        self.phrases = phrases
    }

    enum CodingKeys: String, CodingKey {
        case achievedScore, partialScore, notAchievedScore, basicallyAchievedScore, achievedFloor, partialFloor,
            boundary, phrases
    }

    /// A profile file may leave out `basicallyAchievedScore` (80 %) and `phrases` (the standard lists).
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        achievedScore = try c.decode(Rate.self, forKey: .achievedScore)
        partialScore = try c.decode(Rate.self, forKey: .partialScore)
        notAchievedScore = try c.decode(Rate.self, forKey: .notAchievedScore)
        achievedFloor = try c.decode(Rate.self, forKey: .achievedFloor)
        basicallyAchievedScore = try c.decodeIfPresent(Rate.self, forKey: .basicallyAchievedScore) ?? achievedFloor
        partialFloor = try c.decode(Rate.self, forKey: .partialFloor)
        boundary = try c.decode(BoundaryOwnership.self, forKey: .boundary)
        phrases = try c.decodeIfPresent(QualitativePhrases.self, forKey: .phrases) ?? .standard
    }
}

/// The phrases that classify a qualitative 实际完成值, checked in this order: 未达成, 部分达成, 基本达成, 达成.
/// A text that contains none of them (and is not the target itself) is 无法判定.
public struct QualitativePhrases: Sendable, Hashable, Codable {
    public var notAchieved: [String]
    public var partial: [String]
    public var basicallyAchieved: [String]
    public var achieved: [String]

    public init(notAchieved: [String], partial: [String], basicallyAchieved: [String], achieved: [String]) {
        self.notAchieved = notAchieved
        self.partial = partial
        self.basicallyAchieved = basicallyAchieved
        self.achieved = achieved
    }

    /// The lists of the shipped profiles (FORMS.md §3).
    public static let standard = QualitativePhrases(
        notAchieved: ["未达成", "未完成", "未达到", "未实现", "没有达成", "没有完成", "没有达到", "未取缔", "未落实"],
        partial: ["部分达成", "部分完成", "部分达到", "部分实现", "部分落实"],
        basicallyAchieved: ["基本达成", "基本完成", "基本达到", "基本实现", "基本落实", "基本满足"],
        achieved: [
            "达成", "已完成", "完成", "达到", "实现", "已落实", "落实到位", "已彻底取缔", "彻底取缔", "已取缔", "全面取缔",
            "全部", "全面", "均已", "无事故", "零事故", "未发生", "达标",
        ])
}

/// Which band a boundary share (exactly 80 % or 60 %) belongs to.
public enum BoundaryOwnership: String, Sendable, Hashable, Codable {
    /// The higher band: 80 % is 达成, 60 % is 部分达成 (pmkpi implementation).
    case upper
    /// The lower band: 80 % is 部分达成, 60 % is 未达成.
    case lower
}

/// 部门整体支出绩效自评表 scoring (FORMS.md §4): the 执行率 分值, a rule per common indicator and the points
/// the department's own indicators (部门整体绩效指标) carry. `fullWeight` is their sum (100 in both shipped
/// profiles); a grade is given only when every point of it was scored.
public struct DepartmentScheme: Sendable, Hashable, Codable {
    /// 分值 of the 年度预算资金 执行率 row (10; 0 when the profile scores 预算完成率 instead — the same ratio).
    public var executionWeight: Quantity
    public var indicators: [CommonIndicatorRule]
    /// The department's own 产出/效益/满意度 indicators.
    public var ownIndicators: OwnIndicatorScheme

    public init(executionWeight: Quantity, indicators: [CommonIndicatorRule], ownIndicators: OwnIndicatorScheme = .none) {
        self.executionWeight = executionWeight
        self.indicators = indicators
        self.ownIndicators = ownIndicators
    }

    enum CodingKeys: String, CodingKey { case executionWeight, indicators, ownIndicators }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        executionWeight = try c.decode(Quantity.self, forKey: .executionWeight)
        indicators = try c.decode([CommonIndicatorRule].self, forKey: .indicators)
        ownIndicators = try c.decodeIfPresent(OwnIndicatorScheme.self, forKey: .ownIndicators) ?? .none
        if !executionWeight.isZero,
            let completion = indicators.first(where: { $0.indicator == .budgetCompletionRate }), !completion.weight.isZero
        {
            throw DecodingError.dataCorruptedError(
                forKey: .indicators, in: c,
                debugDescription: "预算完成率与年度预算资金执行率是同一比率，只能有一个计分（把其中一个的分值设为 0）")
        }
    }

    /// The rule for one indicator, if the profile lists it.
    public func rule(for id: CommonIndicatorID) -> CommonIndicatorRule? { indicators.first { $0.indicator == id } }

    /// 满分: 执行率 + the weighted common indicators + the department's own indicators.
    public var fullWeight: Quantity {
        indicators.map(\.weight).reduce(executionWeight.adding(ownIndicators.weight) ?? executionWeight) {
            $0.adding($1) ?? $0
        }
    }
}

/// The points of the department's own indicators (read from a 部门整体绩效指标 table) and, for indicators
/// that give no 分值, each category's share.
public struct OwnIndicatorScheme: Sendable, Hashable, Codable {
    /// Σ 分值 of the department's own indicators (90 in the default profile).
    public var weight: Quantity
    /// 产出 / 效益 / 满意度 shares for indicators without 分值; empty: each indicator must give its 分值.
    public var categoryWeights: [IndicatorCategory: Quantity]

    public init(weight: Quantity, categoryWeights: [IndicatorCategory: Quantity]) {
        self.weight = weight
        self.categoryWeights = categoryWeights
    }

    public static let none = OwnIndicatorScheme(weight: .zero, categoryWeights: [:])

    enum CodingKeys: String, CodingKey { case weight, categoryWeights }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        weight = try c.decode(Quantity.self, forKey: .weight)
        let raw = try c.decodeIfPresent([String: Quantity].self, forKey: .categoryWeights) ?? [:]
        categoryWeights = try IndicatorCategory.weights(raw, forKey: .categoryWeights, in: c)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(weight, forKey: .weight)
        try c.encode(
            Dictionary(uniqueKeysWithValues: categoryWeights.map { ($0.key.rawValue, $0.value) }),
            forKey: .categoryWeights)
    }
}

/// How one common indicator is weighted and scored.
public struct CommonIndicatorRule: Sendable, Hashable, Codable {
    public var indicator: CommonIndicatorID
    /// 一级指标 (投入 / 过程 …).
    public var level1: String
    /// 二级指标 (预算配置 / 预算执行 …).
    public var level2: String
    /// 分值; 0 lists the indicator without scoring it.
    public var weight: Quantity
    public var rule: ValueRule

    public init(indicator: CommonIndicatorID, level1: String, level2: String, weight: Quantity, rule: ValueRule) {
        self.indicator = indicator
        self.level1 = level1
        self.level2 = level2
        self.weight = weight
        self.rule = rule
    }
}

/// A scoring rule over a rate.
public enum ValueRule: Sendable, Hashable, Codable {
    /// Not scored: shown with its formula and value only.
    case none
    /// Full 分值 on the good side of `reference`; `pointsPerPercentagePoint` deducted per percentage point
    /// on the bad side (`side` below: a shortfall; above: an excess), never below 0.
    case deductPerPoint(reference: Rate, side: Side, pointsPerPercentagePoint: Quantity)
    /// The score of the first band whose `atMost` the value (or its absolute value) does not exceed;
    /// `otherwise` beyond the last band.
    case bands(absolute: Bool, bands: [Band], otherwise: Quantity)

    public enum Side: String, Sendable, Hashable, Codable { case below, above }

    public struct Band: Sendable, Hashable, Codable {
        public var atMost: Rate
        public var score: Quantity
        public init(atMost: Rate, score: Quantity) {
            self.atMost = atMost
            self.score = score
        }
    }

    enum CodingKeys: String, CodingKey {
        case kind, reference, side, pointsPerPercentagePoint, absolute, bands, otherwise
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        switch try c.decode(String.self, forKey: .kind) {
        case "none": self = .none
        case "deductPerPoint":
            self = .deductPerPoint(
                reference: try c.decode(Rate.self, forKey: .reference), side: try c.decode(Side.self, forKey: .side),
                pointsPerPercentagePoint: try c.decode(Quantity.self, forKey: .pointsPerPercentagePoint))
        case "bands":
            self = .bands(
                absolute: try c.decodeIfPresent(Bool.self, forKey: .absolute) ?? false,
                bands: try c.decode([Band].self, forKey: .bands),
                otherwise: try c.decode(Quantity.self, forKey: .otherwise))
        case let other:
            throw DecodingError.dataCorruptedError(
                forKey: .kind, in: c, debugDescription: "unknown rule kind \(other) (use none, deductPerPoint, bands)")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .none: try c.encode("none", forKey: .kind)
        case .deductPerPoint(let reference, let side, let points):
            try c.encode("deductPerPoint", forKey: .kind)
            try c.encode(reference, forKey: .reference)
            try c.encode(side, forKey: .side)
            try c.encode(points, forKey: .pointsPerPercentagePoint)
        case .bands(let absolute, let bands, let otherwise):
            try c.encode("bands", forKey: .kind)
            try c.encode(absolute, forKey: .absolute)
            try c.encode(bands, forKey: .bands)
            try c.encode(otherwise, forKey: .otherwise)
        }
    }
}

/// Grade thresholds: 优 ≥ excellent, 良 ≥ good, 中 ≥ fair, else 差.
public struct GradeBands: Sendable, Hashable, Codable {
    public var excellent: Quantity
    public var good: Quantity
    public var fair: Quantity

    public init(excellent: Quantity, good: Quantity, fair: Quantity) {
        self.excellent = excellent
        self.good = good
        self.fair = fair
    }

    public func grade(for score: Quantity) -> Grade {
        if score >= excellent { return .excellent }
        if score >= good { return .good }
        if score >= fair { return .fair }
        return .poor
    }
}

/// 等级: 优 / 良 / 中 / 差.
public enum Grade: String, Sendable, Hashable, Codable, CaseIterable {
    case excellent, good, fair, poor

    /// 优, 良, 中, 差.
    public var chinese: String {
        switch self {
        case .excellent: "优"
        case .good: "良"
        case .fair: "中"
        case .poor: "差"
        }
    }
}

extension IndicatorCategory {
    /// `{"output": 50, …}` read into weights by category; an unknown category is a decoding error naming it.
    static func weights<Key: CodingKey>(
        _ raw: [String: Quantity], forKey key: Key, in container: KeyedDecodingContainer<Key>
    ) throws -> [IndicatorCategory: Quantity] {
        var weights: [IndicatorCategory: Quantity] = [:]
        for (name, value) in raw {
            guard let category = IndicatorCategory(rawValue: name) else {
                throw DecodingError.dataCorruptedError(
                    forKey: key, in: container,
                    debugDescription: "unknown category \(name) (use output, effect, satisfaction, cost)")
            }
            weights[category] = value
        }
        return weights
    }
}
