/// 绩效指标 (`Indicator`): one performance indicator of a project or a department, with its target and
/// result as written and as numbers.

/// 指标性质: how an actual value is compared with the target.
public enum IndicatorDirection: String, Sendable, Hashable, Codable, CaseIterable {
    /// 正向 (≥): more is better.
    case atLeast
    /// 反向 (≤): less is better.
    case atMost
    /// 等于 (=).
    case equal
    /// 定性: judged in words (达成 / 部分达成 / 未达成).
    case qualitative

    /// Reads 指标性质 as written: ≥ ＞ > 正向 大于 不低于 …, ≤ ＜ < 反向 小于 不高于 …, = ＝ 等于, 定性.
    public init?(text: String) {
        let t = text.trimmingSpaces
        switch t {
        case "≥", ">=", "＞", ">", "≧", "正向", "正向指标", "大于", "大于等于", "不低于", "不少于", "高于": self = .atLeast
        case "≤", "<=", "＜", "<", "≦", "反向", "反向指标", "小于", "小于等于", "不高于", "不超过", "低于": self = .atMost
        case "=", "＝", "等于", "==": self = .equal
        case "定性", "定性指标": self = .qualitative
        default: return nil
        }
    }

    /// ≥, ≤, =, 定性.
    public var symbol: String {
        switch self {
        case .atLeast: "≥"
        case .atMost: "≤"
        case .equal: "="
        case .qualitative: "定性"
        }
    }
}

/// 一级指标: the four standard groups (产出, 效益, 满意度; 成本 in newer forms).
public enum IndicatorCategory: String, Sendable, Hashable, Codable, CaseIterable {
    /// 产出指标.
    case output
    /// 效益指标.
    case effect
    /// 满意度指标.
    case satisfaction
    /// 成本指标.
    case cost

    /// The category of a 一级指标 label ("产出指标", "效益", "满意度指标"); nil for other labels.
    public init?(level1: String) {
        let t = level1.trimmingSpaces
        if t.hasPrefix("产出") { self = .output }
        else if t.hasPrefix("效益") { self = .effect }
        else if t.hasPrefix("满意度") { self = .satisfaction }
        else if t.hasPrefix("成本") { self = .cost }
        else { return nil }
    }
}

/// A target or an actual as written ("≥97.62亿元", "100%", "46个", "达成") and what could be read from it.
public struct IndicatorValue: Sendable, Hashable, Codable {
    /// The cell text, trimmed.
    public var text: String
    /// The cell.
    public var source: SourceLocation?
    /// The number in the text, when there is exactly one ("97.62" of "≥97.62亿元").
    public var number: Quantity?
    /// What follows the number ("亿元", "%", "个"), empty when nothing does.
    public var unit: String
    /// A comparison sign written before the number (≥ ≤ =), when present.
    public var direction: IndicatorDirection?

    public init(
        text: String, source: SourceLocation?, number: Quantity?, unit: String = "",
        direction: IndicatorDirection? = nil
    ) {
        self.text = text
        self.source = source
        self.number = number
        self.unit = unit
        self.direction = direction
    }

    /// Reads a cell: an optional sign (≥ ≤ = > < and full-width forms), a number (commas and full-width
    /// digits allowed), then a unit. Text without a leading number ("达成", "较好") keeps `number` nil.
    public init(parsing cellText: String, source: SourceLocation?) {
        let text = cellText.trimmingSpaces
        var rest = Substring(text)
        var direction: IndicatorDirection?
        let signs: [(String, IndicatorDirection)] = [
            (">=", .atLeast), ("<=", .atMost), ("≥", .atLeast), ("≧", .atLeast), ("≤", .atMost), ("≦", .atMost),
            ("＞", .atLeast), (">", .atLeast), ("＜", .atMost), ("<", .atMost), ("＝", .equal), ("=", .equal),
        ]
        for (sign, value) in signs where rest.hasPrefix(sign) {
            direction = value
            rest = rest.dropFirst(sign.count).drop(while: \.isWhitespace)
            break
        }
        let numberChars = rest.prefix { c in
            c.isASCIIDigit || ",.，．+-".contains(c) || ("０"..."９").contains(c)
        }
        // A number needs a digit: a lone "-" in an indicator cell means "nothing", not zero.
        let hasDigit = numberChars.contains { $0.isASCIIDigit || ("０"..."９").contains($0) }
        let number = hasDigit ? Quantity(parsing: String(numberChars)) : nil
        self.init(
            text: text, source: source, number: number,
            unit: number == nil ? "" : String(rest.dropFirst(numberChars.count)).trimmingSpaces,
            direction: direction)
    }
}

/// One performance indicator (绩效指标).
public struct Indicator: Sendable, Hashable, Codable {
    /// The project it belongs to (项目名称), nil for a department indicator.
    public var projectName: String?
    /// 一级指标 (产出指标 …) as written.
    public var level1: String
    /// 二级指标 (数量指标 …) as written.
    public var level2: String
    /// 三级指标 — the indicator itself.
    public var name: String
    /// The cell of the name.
    public var source: SourceLocation?
    /// 指标性质; from its own column, or from the sign in the target.
    public var direction: IndicatorDirection
    /// 年度指标值.
    public var target: IndicatorValue
    /// 实际完成值; nil when the cell is empty.
    public var actual: IndicatorValue?
    /// The measurement unit when a column gives it separately (计量单位); else the target's.
    public var unit: String
    /// 分值.
    public var weight: Sourced<Quantity>?
    /// 得分, when the input gives one.
    public var score: Sourced<Quantity>?
    /// 偏差原因分析及改进措施, empty when blank.
    public var deviationReason: String
    /// False when the input marks the indicator 不适用 / 无: it is dropped and the rest rescaled.
    public var applicable: Bool

    public init(
        projectName: String? = nil, level1: String, level2: String, name: String, source: SourceLocation?,
        direction: IndicatorDirection, target: IndicatorValue, actual: IndicatorValue? = nil, unit: String? = nil,
        weight: Sourced<Quantity>? = nil, score: Sourced<Quantity>? = nil, deviationReason: String = "",
        applicable: Bool = true
    ) {
        self.projectName = projectName
        self.level1 = level1
        self.level2 = level2
        self.name = name
        self.source = source
        self.direction = direction
        self.target = target
        self.actual = actual
        self.unit = unit ?? target.unit
        self.weight = weight
        self.score = score
        self.deviationReason = deviationReason
        self.applicable = applicable
    }

    /// 产出 / 效益 / 满意度 / 成本, read from `level1`.
    public var category: IndicatorCategory? { IndicatorCategory(level1: level1) }
}

/// 年度总体目标: the goal set at the start of the year and what was achieved.
public struct AnnualGoal: Sendable, Hashable, Codable {
    /// 预期目标.
    public var expected: Sourced<String>
    /// 实际完成情况.
    public var achieved: Sourced<String>?

    public init(expected: Sourced<String>, achieved: Sourced<String>? = nil) {
        self.expected = expected
        self.achieved = achieved
    }
}
