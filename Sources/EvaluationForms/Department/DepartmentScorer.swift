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

/// A point of the profile that could not be scored, and the input that would supply it.
public struct UnscoredItem: Sendable, Hashable {
    /// e.g. "预算调整率", "部门整体绩效指标“服务对象满意度”".
    public var name: String
    /// 分值 left unscored.
    public var weight: Quantity
    /// What is missing and where it goes, e.g. "没有表给出全年预算数：收入支出决算总表的全年预算数".
    public var supplier: String

    public init(name: String, weight: Quantity, supplier: String) {
        self.name = name
        self.weight = weight
        self.supplier = supplier
    }
}

/// The scored 部门整体支出绩效自评表.
public struct DepartmentScore: Sendable, Hashable {
    public var name: String
    public var year: Int?
    /// 年度预算资金 rows; the first is 年度资金总额.
    public var fundsRows: [DepartmentFundsRow]
    /// 年度资金总额's 执行率 and, where the profile weights it, its 得分.
    public var execution: ExecutionScore
    public var annualGoal: AnnualGoal?
    public var commonIndicators: [CommonIndicatorResult]
    /// The department's own indicators (部门整体绩效指标), scored like project indicators.
    public var specificIndicators: [IndicatorScore]
    /// Σ 得分 / scored / full weight and the grade (only when everything was scored).
    public var tally: ScoreTally
    /// What the profile weights but the inputs could not score, with the input that would supply it.
    public var unscored: [UnscoredItem]
    /// True when the inputs have no final-accounts side at all.
    public var budgetOnly: Bool
    public var findings: [Finding]

    /// 总分 = Σ 得分 of the scored items, not rescaled; nil when nothing was scored.
    public var totalScore: Quantity? { tally.totalScore }
    public var scoredWeight: Quantity { tally.scoredWeight }
    public var fullWeight: Quantity { tally.fullWeight }
    /// 等级, only when every weight of the profile was scored.
    public var grade: Grade? { tally.grade }
}

/// Scores the department form under the profile's department scheme (FORMS.md §4): 执行率 and the
/// common indicators where the profile weights them, the department's own indicators, and a total that is
/// graded only when every weight was scored.
public struct DepartmentScorer: Sendable {
    public var profile: ScoringProfile

    public init(profile: ScoringProfile) { self.profile = profile }

    /// `department` must already be in the display unit. `budgetOnly`: the inputs have no final-accounts
    /// side, so a missing 全年执行数 is expected, not an error.
    public func score(_ department: Department, budgetOnly: Bool = false) -> DepartmentScore {
        let scheme = profile.department
        let figures = DepartmentFigures(department: department)
        let rows = figures.fundsRows.map {
            DepartmentFundsRow(label: $0.label, amounts: $0.amounts, rate: Self.rate($0.amounts))
        }
        var findings: [Finding] = []
        var scored: [(weight: Quantity, score: Quantity)] = []
        var unscored: [UnscoredItem] = []
        let totalAmounts = rows.first?.amounts ?? .empty
        let (execution, executionFindings) = ExecutionScore.compute(
            totalAmounts, weight: scheme.executionWeight, owner: department.name, row: "年度预算资金总额")
        if !budgetOnly && !scheme.executionWeight.isZero { findings += executionFindings }
        if let score = execution.score {
            scored.append((execution.weight, score))
        } else if !scheme.executionWeight.isZero {
            unscored.append(UnscoredItem(
                name: "年度预算资金执行率", weight: scheme.executionWeight,
                supplier: "\(execution.reason?.zh ?? "无法计算")：需要收入支出决算总表（或支出决算表）的全年预算数和决算数"))
        }

        let common = CommonIndicators(department: department, scheme: scheme).compute()
        for indicator in common where !indicator.weight.isZero {
            if let score = indicator.score {
                scored.append((indicator.weight, score))
            } else {
                unscored.append(UnscoredItem(
                    name: indicator.name, weight: indicator.weight,
                    supplier: indicator.reason?.zh ?? "本评分方案未规定计分规则"))
            }
        }

        let own = scheme.ownIndicators
        let indicators = CommonIndicators.inFormOrder(DepartmentIndicators.of(department), level1: \.level1)
        var specific: [IndicatorScore] = []
        if indicators.isEmpty {
            if !own.weight.isZero {
                unscored.append(UnscoredItem(
                    name: "部门整体绩效指标", weight: own.weight,
                    supplier: "输入中没有部门整体绩效指标表：请加一张“部门整体绩效指标”工作表（一级指标、二级指标、三级指标、"
                        + "指标性质、年度指标值、实际完成值、分值、偏差原因分析及改进措施）"))
            }
        } else {
            let allocation = WeightAllocation.allocate(
                indicators, categoryWeights: own.categoryWeights, total: own.weight, owner: department.name)
            findings += allocation.findings
            let scorer = IndicatorScorer(scheme: profile.project)
            var allocated = Quantity.zero
            for (indicator, weight) in zip(indicators, allocation.weights) {
                guard indicator.applicable else {
                    specific.append(IndicatorScore(
                        indicator: indicator, weight: nil, score: nil, basis: "不适用，已剔除并折算其余分值"))
                    continue
                }
                guard let weight else {
                    specific.append(IndicatorScore(
                        indicator: indicator, weight: nil, score: nil,
                        basis: "本评分方案未给此类指标分值，输入也没有填分值：未计分", undetermined: true))
                    continue
                }
                allocated = allocated.adding(weight) ?? allocated
                let result = scorer.score(indicator, weight: weight, owner: department.name)
                findings += result.findings
                specific.append(result)
                if let score = result.score {
                    scored.append((weight, score))
                } else {
                    let cell = (indicator.actual?.source ?? indicator.target.source).map { "（\($0)）" } ?? ""
                    unscored.append(UnscoredItem(
                        name: "部门整体绩效指标“\(indicator.name)”", weight: weight,
                        supplier: "\(result.basis)：在部门整体绩效指标表填写实际完成值或得分\(cell)"))
                }
            }
            if let rest = own.weight.subtracting(allocated), rest > .zero {
                unscored.append(UnscoredItem(
                    name: "部门整体绩效指标（未分配的分值）", weight: rest,
                    supplier: "部门整体绩效指标表的指标分值合计不足 \(own.weight) 分（缺少某类指标，或指标未填分值）："
                        + "请补充指标或填写分值"))
            }
        }

        let tally = ScoreTally(scores: scored, fullWeight: scheme.fullWeight, grades: profile.grades)
        if !tally.isGraded && !budgetOnly {
            let list = unscored.map { "\($0.name)（\($0.weight.formatted(decimals: 2)) 分）：\($0.supplier)" }
            let head = tally.totalScore == nil
                ? "“\(department.name)”的部门整体支出绩效自评表没有可计分的项目，不给总分、不评级。"
                : "“\(department.name)”的部门整体支出绩效自评表只评了 \(tally.scoredWeight.formatted(decimals: 2)) 分"
                    + "（满分 \(tally.fullWeight.formatted(decimals: 2)) 分），总分 \(tally.totalScore?.formatted(decimals: 2) ?? "")"
                    + " 只是已评项目的得分合计，不评级。"
            findings.append(Finding(
                severity: .warning, rule: "部门整体不评级",
                message: LocalizedText(
                    zh: head + "未评分的项目：" + list.joined(separator: "；") + "。",
                    en: "The department form of “\(department.name)” scored \(tally.scoredWeight.formatted(decimals: 2)) "
                        + "of \(tally.fullWeight.formatted(decimals: 2)) points and is not graded. Unscored: "
                        + unscored.map { "\($0.name) (\($0.weight.formatted(decimals: 2)))" }.joined(separator: "; ")
                        + "."),
                expected: tally.fullWeight.formatted(decimals: 2), found: tally.scoredWeight.formatted(decimals: 2)))
        }
        return DepartmentScore(
            name: department.name, year: department.year, fundsRows: rows, execution: execution,
            annualGoal: department.facts?.annualGoal, commonIndicators: common, specificIndicators: specific,
            tally: tally, unscored: unscored, budgetOnly: budgetOnly, findings: findings)
    }

    static func rate(_ amounts: Amounts) -> Rate? {
        guard let actual = amounts.actual, let budget = amounts.adjustedBudget else { return nil }
        return actual.value.ratio(to: budget.value)
    }

    /// The department's own indicators (see `DepartmentIndicators`).
    public static func specificIndicators(of department: Department) -> [Indicator] {
        DepartmentIndicators.of(department)
    }
}
