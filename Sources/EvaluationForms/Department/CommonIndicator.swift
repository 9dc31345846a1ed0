public import FinanceModel

/// The common indicators of the 部门整体支出绩效自评表 (财预〔2013〕53号 framework, FORMS.md §4).
public enum CommonIndicatorID: String, Sendable, Hashable, Codable, CaseIterable {
    /// 预算完成率 = 决算支出 / 全年预算数.
    case budgetCompletionRate
    /// 预算调整率 = (全年预算数 − 年初预算数 − 年初结转和结余) / 年初预算数 (carried-in funds are no adjustment).
    case budgetAdjustmentRate
    /// 结转结余率 = 年末结转和结余 / 全年预算数.
    case carryoverRate
    /// 结转结余变动率 = (年末结转结余 − 年初结转结余) / 年初结转结余.
    case carryoverChangeRate
    /// 公用经费控制率 = 公用经费决算 / 公用经费预算.
    case officeCostControlRate
    /// "三公经费"控制率 = 三公决算 / 三公预算 (年初, and 调整后 where given).
    case threePublicControlRate
    /// "三公经费"变动率 = (本年三公 − 上年三公) / 上年三公.
    case threePublicChangeRate
    /// 在职人员控制率 = 实有在职人数 / 编制数.
    case staffControlRate
    /// 固定资产利用率 = 在用固定资产 / 固定资产总额.
    case fixedAssetUtilizationRate

    /// The indicator's Chinese name.
    public var chineseName: String {
        switch self {
        case .budgetCompletionRate: "预算完成率"
        case .budgetAdjustmentRate: "预算调整率"
        case .carryoverRate: "结转结余率"
        case .carryoverChangeRate: "结转结余变动率"
        case .officeCostControlRate: "公用经费控制率"
        case .threePublicControlRate: "“三公经费”控制率"
        case .threePublicChangeRate: "“三公经费”变动率"
        case .staffControlRate: "在职人员控制率"
        case .fixedAssetUtilizationRate: "固定资产利用率"
        }
    }
}

/// One input of a formula: its name, its exact value and the cell it came from.
public struct FormulaInput: Sendable, Hashable {
    /// e.g. "决算支出（收入支出决算总表 本年支出合计）".
    public var name: String
    /// The exact value as text ("1023.13", "33").
    public var value: String
    public var source: SourceLocation?

    public init(name: String, value: String, source: SourceLocation?) {
        self.name = name
        self.value = value
        self.source = source
    }
}

/// A computed common indicator: formula, inputs, value (or why there is none) and its score.
public struct CommonIndicatorResult: Sendable, Hashable {
    public var id: CommonIndicatorID
    /// The name shown, e.g. "“三公经费”控制率（调整后）".
    public var name: String
    /// 一级 / 二级 指标 from the profile.
    public var level1: String
    public var level2: String
    /// The formula in words, naming which budget figure it divides by.
    public var formula: String
    public var inputs: [FormulaInput]
    /// The rate, exact; nil when the inputs cannot support it (无法计算).
    public var value: Rate?
    /// Why the value is missing.
    public var reason: LocalizedText?
    /// 分值 from the profile (0: listed, not scored).
    public var weight: Quantity
    /// 得分; nil when not scored or not computable.
    public var score: Quantity?
    /// How the score follows from the value under the profile's rule.
    public var scoring: String

    public init(
        id: CommonIndicatorID, name: String, level1: String, level2: String, formula: String, inputs: [FormulaInput],
        value: Rate?, reason: LocalizedText?, weight: Quantity, score: Quantity?, scoring: String
    ) {
        self.id = id
        self.name = name
        self.level1 = level1
        self.level2 = level2
        self.formula = formula
        self.inputs = inputs
        self.value = value
        self.reason = reason
        self.weight = weight
        self.score = score
        self.scoring = scoring
    }
}

extension ValueRule {
    /// The score of `value` under this rule with `weight`, half-up to 2 decimals, and how it was reached;
    /// nil for `.none`.
    public func score(_ value: Rate, weight: Quantity) -> (score: Quantity, basis: String)? {
        switch self {
        case .none:
            return nil
        case .deductPerPoint(let reference, let side, let perPoint):
            let gap = (side == .below ? reference.subtracting(value) : value.subtracting(reference)) ?? .zero
            guard !gap.isNegative, !gap.isZero else {
                return (weight.rounded(toDecimals: 2), "\(side == .below ? "≥" : "≤")\(reference.percent(decimals: 2))，得满分")
            }
            let points = Quantity(100).multiplied(by: gap) ?? .zero
            let deduction = perPoint.multiplied(by: gap).flatMap { $0.multiplied(by: Rate(100)) } ?? .zero
            let remaining = weight.subtracting(deduction) ?? .zero
            let score = remaining.isNegative ? Quantity.zero : remaining
            return (
                score.rounded(toDecimals: 2),
                "\(side == .below ? "低于" : "高于")\(reference.percent(decimals: 2)) \(points.formatted(decimals: 2)) 个百分点，"
                    + "每个百分点扣 \(perPoint) 分：\(weight) − \(deduction.formatted(decimals: 2))"
            )
        case .bands(let absolute, let bands, let otherwise):
            let measured = absolute && value.isNegative ? (Rate.zero.subtracting(value) ?? value) : value
            let label = absolute ? "|值| = \(measured.percent(decimals: 2))" : "值 = \(measured.percent(decimals: 2))"
            for band in bands where measured <= band.atMost {
                return (band.score.rounded(toDecimals: 2), "\(label) ≤ \(band.atMost.percent(decimals: 0))，得 \(band.score) 分")
            }
            return (otherwise.rounded(toDecimals: 2), "\(label) 超过各档，得 \(otherwise) 分")
        }
    }
}
