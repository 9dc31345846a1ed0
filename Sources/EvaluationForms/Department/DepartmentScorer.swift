public import FinanceModel

/// One 年度预算资金 row of the department frame.
public struct DepartmentFundsRow: Sendable, Hashable {
    /// 年度资金总额, 其中：一般公共预算, …, 其中：基本支出, 项目支出.
    public var label: String
    public var amounts: Amounts
    /// 执行率 (nil when it cannot be computed: no 全年预算数, or 0).
    public var rate: Rate?

    public init(label: String, amounts: Amounts, rate: Rate?) {
        self.label = label
        self.amounts = amounts
        self.rate = rate
    }
}

/// The scored 部门整体支出绩效自评表.
public struct DepartmentScore: Sendable, Hashable {
    public var name: String
    public var year: Int?
    /// 年度预算资金 rows; the first is 年度资金总额.
    public var fundsRows: [DepartmentFundsRow]
    /// 年度资金总额's 执行率 score.
    public var execution: ExecutionScore
    public var annualGoal: AnnualGoal?
    public var commonIndicators: [CommonIndicatorResult]
    /// Department-specific indicators from the input, scored like project indicators.
    public var specificIndicators: [IndicatorScore]
    /// Σ 分值 of what was scored (执行率 + computable weighted common indicators + specific indicators).
    public var scoredWeight: Quantity
    /// Σ 得分 before conversion to 100.
    public var rawScore: Quantity
    /// 总分 on a 100-point scale: rawScore ÷ scoredWeight × 100, half-up to 2 decimals.
    public var totalScore: Quantity
    public var grade: Grade
    public var findings: [Finding]
}

/// Scores the department form under the profile's department scheme.
public struct DepartmentScorer: Sendable {
    public var profile: ScoringProfile

    public init(profile: ScoringProfile) { self.profile = profile }

    /// `department` must already be in the display unit.
    public func score(_ department: Department) -> DepartmentScore {
        let figures = DepartmentFigures(department: department)
        let rows = figures.fundsRows.map {
            DepartmentFundsRow(label: $0.label, amounts: $0.amounts, rate: Self.rate($0.amounts))
        }
        var findings: [Finding] = []
        let totalAmounts = rows.first?.amounts ?? .empty
        let (execution, executionFindings) = ExecutionScore.compute(
            totalAmounts, weight: profile.department.executionWeight, owner: department.name, row: "年度预算资金总额")
        findings += executionFindings
        let common = CommonIndicators(department: department, scheme: profile.department).compute()
        let scorer = IndicatorScorer(scheme: profile.project)
        let specific = Self.specificIndicators(of: department).map {
            scorer.score($0, weight: $0.weight?.value, owner: department.name)
        }
        findings += specific.flatMap(\.findings)

        var weight = execution.rate == nil ? Quantity.zero : execution.weight
        var raw = execution.score
        for indicator in common {
            guard let score = indicator.score else { continue }
            weight = weight.adding(indicator.weight) ?? weight
            raw = raw.adding(score) ?? raw
        }
        for indicator in specific {
            guard let score = indicator.score, let w = indicator.weight else { continue }
            weight = weight.adding(w) ?? weight
            raw = raw.adding(score) ?? raw
        }
        let total: Quantity
        if weight.isZero {
            total = .zero
        } else if weight == Quantity(100) {
            total = raw
        } else {
            total = (raw.multiplied(by: Quantity(100).ratio(to: weight) ?? .one) ?? raw).rounded(toDecimals: 2)
        }
        return DepartmentScore(
            name: department.name, year: department.year, fundsRows: rows, execution: execution,
            annualGoal: department.facts?.annualGoal, commonIndicators: common, specificIndicators: specific,
            scoredWeight: weight, rawScore: raw, totalScore: total, grade: profile.grades.grade(for: total),
            findings: findings)
    }

    static func rate(_ amounts: Amounts) -> Rate? {
        guard let actual = amounts.actual, let budget = amounts.adjustedBudget else { return nil }
        return actual.value.ratio(to: budget.value)
    }

    /// Indicators in the input that name no project (or the department itself).
    public static func specificIndicators(of department: Department) -> [Indicator] {
        department.tables.flatMap { table -> [Indicator] in
            guard case .projectIndicators(let t) = table else { return [] }
            return t.indicators.filter { $0.projectName == nil || $0.projectName == department.name }
        }
    }
}

