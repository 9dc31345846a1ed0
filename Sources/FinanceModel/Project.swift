/// 项目 (`Project`): a project with its own budget line — funds by source, annual goal and indicators.

/// 项目资金: 年度资金总额 and its sources, each with 年初预算数 / 全年预算数 / 全年执行数.
public struct ProjectFunds: Sendable, Hashable, Codable {
    /// 年度资金总额 (the sum of the sources when the input leaves it out).
    public var total: Amounts
    /// 其中：当年财政拨款.
    public var fiscalAppropriation: Amounts
    /// 上年结转资金.
    public var carryover: Amounts
    /// 其他资金.
    public var other: Amounts

    public init(
        total: Amounts = .empty, fiscalAppropriation: Amounts = .empty, carryover: Amounts = .empty,
        other: Amounts = .empty
    ) {
        self.total = total
        self.fiscalAppropriation = fiscalAppropriation
        self.carryover = carryover
        self.other = other
    }

    public func converted(from source: Unit, to target: Unit) -> ProjectFunds {
        ProjectFunds(
            total: total.converted(from: source, to: target),
            fiscalAppropriation: fiscalAppropriation.converted(from: source, to: target),
            carryover: carryover.converted(from: source, to: target),
            other: other.converted(from: source, to: target))
    }
}

/// A project as the inputs describe it; fields a given input does not carry stay empty.
public struct Project: Sendable, Hashable, Codable {
    /// 项目名称.
    public var name: String
    /// The cell of the name.
    public var source: SourceLocation?
    /// 主管部门.
    public var competentDepartment: String?
    /// 实施单位.
    public var implementingUnit: String?
    /// The unit of `funds`.
    public var unit: Unit
    public var funds: ProjectFunds
    /// 年度总体目标.
    public var annualGoal: AnnualGoal?
    public var indicators: [Indicator]
    /// 分值 of the funds block (10 by default in the national form), when the input gives it.
    public var fundsWeight: Sourced<Quantity>?
    /// 得分 of the funds block, when the input gives it.
    public var fundsScore: Sourced<Quantity>?
    /// 总分 as given in the input, when it is.
    public var totalScore: Sourced<Quantity>?

    public init(
        name: String, source: SourceLocation?, competentDepartment: String? = nil, implementingUnit: String? = nil,
        unit: Unit, funds: ProjectFunds = ProjectFunds(), annualGoal: AnnualGoal? = nil, indicators: [Indicator] = [],
        fundsWeight: Sourced<Quantity>? = nil, fundsScore: Sourced<Quantity>? = nil,
        totalScore: Sourced<Quantity>? = nil
    ) {
        self.name = name
        self.source = source
        self.competentDepartment = competentDepartment
        self.implementingUnit = implementingUnit
        self.unit = unit
        self.funds = funds
        self.annualGoal = annualGoal
        self.indicators = indicators
        self.fundsWeight = fundsWeight
        self.fundsScore = fundsScore
        self.totalScore = totalScore
    }

    /// The same project with its funds converted exactly to `unit`.
    public func normalised(to unit: Unit) -> Project {
        var copy = self
        copy.funds = funds.converted(from: self.unit, to: unit)
        copy.unit = unit
        return copy
    }
}
