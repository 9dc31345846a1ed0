public import FinanceModel

/// Whether a project gets a form.
public enum ProjectStatus: String, Sendable, Hashable {
    /// Scored and laid out.
    case scored
    /// No self-evaluation data (no indicators, goal or scores): listed in 评分汇总 as 缺自评资料, no form.
    case missingSelfEvaluation
    /// The inputs have no final-accounts side at all: nothing to evaluate yet, no form.
    case missingFinalAccounts
}

/// The scored 项目支出绩效自评表 of one project.
public struct ProjectScore: Sendable, Hashable {
    /// The project as the input gives it.
    public var project: Project
    public var status: ProjectStatus
    /// 年度资金总额 (summed from its sub-rows when the input leaves it out).
    public var fundsTotal: Amounts
    /// 年度资金总额's 执行率 and 得分.
    public var execution: ExecutionScore
    public var indicators: [IndicatorScore]
    /// True when not-applicable indicators were dropped and the remaining weights rescaled.
    public var weightsRescaled: Bool
    /// 总分 = 执行率得分 + Σ 指标得分 over what was scored; graded only when everything was.
    public var tally: ScoreTally
    /// Every finding of this project (execution, indicators, weights), in form order.
    public var findings: [Finding]

    public init(
        project: Project, status: ProjectStatus = .scored, fundsTotal: Amounts, execution: ExecutionScore,
        indicators: [IndicatorScore], weightsRescaled: Bool, tally: ScoreTally, findings: [Finding]
    ) {
        self.project = project
        self.status = status
        self.fundsTotal = fundsTotal
        self.execution = execution
        self.indicators = indicators
        self.weightsRescaled = weightsRescaled
        self.tally = tally
        self.findings = findings
    }

    /// 总分 (nil when nothing was scored).
    public var totalScore: Quantity? { tally.totalScore }
    /// 等级 (nil when not every point was scored).
    public var grade: Grade? { tally.grade }
    /// Whether the project gets a 项目支出绩效自评表.
    public var hasForm: Bool { status == .scored }
}

/// Scores projects by the profile's project scheme.
public struct ProjectScorer: Sendable {
    public var profile: ScoringProfile

    public init(profile: ScoringProfile) { self.profile = profile }

    /// Whether the input gives the project any self-evaluation data: indicators, an annual goal or scores.
    public static func hasSelfEvaluation(_ project: Project) -> Bool {
        !project.indicators.isEmpty || project.annualGoal != nil || project.fundsScore != nil
            || project.totalScore != nil
    }

    /// A project listed without a form: its funds and execution rate as far as they go, no scores, no findings.
    public func unscored(_ project: Project, status: ProjectStatus) -> ProjectScore {
        let total = Self.fundsTotal(project.funds)
        let rate = total.actual.flatMap { a in total.adjustedBudget.flatMap { a.value.ratio(to: $0.value) } }
        let execution = ExecutionScore(
            initialBudget: total.initialBudget, adjustedBudget: total.adjustedBudget, actual: total.actual, rate: rate,
            weight: profile.project.executionWeight, score: nil, reason: nil)
        return ProjectScore(
            project: project, status: status, fundsTotal: total, execution: execution, indicators: [],
            weightsRescaled: false,
            tally: ScoreTally(scores: [], fullWeight: Self.hundred, grades: profile.grades), findings: [])
    }

    public func score(_ project: Project) -> ProjectScore {
        let scheme = profile.project
        let total = Self.fundsTotal(project.funds)
        var findings: [Finding] = []
        let (execution, executionFindings) = ExecutionScore.compute(
            total, weight: scheme.executionWeight, owner: project.name, row: "年度资金总额")
        findings += executionFindings
        let allocation = WeightAllocation.allocate(
            project.indicators, categoryWeights: scheme.categoryWeights,
            total: Self.hundred.subtracting(scheme.executionWeight) ?? .zero, owner: project.name)
        findings += allocation.findings
        let scorer = IndicatorScorer(scheme: scheme)
        var scores: [IndicatorScore] = []
        for (indicator, weight) in zip(project.indicators, allocation.weights) {
            let scored = scorer.score(indicator, weight: weight, owner: project.name)
            findings += scored.findings
            scores.append(scored)
        }
        var scored: [(weight: Quantity, score: Quantity)] = []
        if let score = execution.score { scored.append((execution.weight, score)) }
        for item in scores {
            guard let weight = item.weight, let score = item.score else { continue }
            scored.append((weight, score))
        }
        let full = scheme.executionWeight.adding(allocation.weights.compactMap { $0 }.reduce(Quantity.zero) {
            $0.adding($1) ?? $0
        }) ?? Self.hundred
        return ProjectScore(
            project: project, fundsTotal: total, execution: execution, indicators: scores,
            weightsRescaled: allocation.rescaled,
            tally: ScoreTally(scores: scored, fullWeight: Swift.max(full, Self.hundred), grades: profile.grades),
            findings: findings)
    }

    static let hundred = Quantity(100)

    /// 年度资金总额: as given, or per column the sum of 当年财政拨款 / 上年结转资金 / 其他资金 when missing.
    public static func fundsTotal(_ funds: ProjectFunds) -> Amounts {
        var total = funds.total
        for column in AmountColumn.allCases where total[column] == nil {
            let parts = [funds.fiscalAppropriation, funds.carryover, funds.other].compactMap { $0[column] }
            if !parts.isEmpty { total[column] = Figure(parts.map(\.value).sum(), at: nil) }
        }
        return total
    }
}

/// 分值 for each indicator: the input's; else the category weight shared among the indicators without
/// one; after dropping not-applicable indicators, rescaled so the indicators still total `total`.
public enum WeightAllocation {
    public struct Result: Sendable {
        /// One entry per indicator (nil for not-applicable or unweighable ones).
        public var weights: [Quantity?]
        public var rescaled: Bool
        public var findings: [Finding]
    }

    public static func allocate(
        _ indicators: [Indicator], categoryWeights: [IndicatorCategory: Quantity], total: Quantity, owner: String
    ) -> Result {
        var weights: [Quantity?] = indicators.map { $0.applicable ? $0.weight?.value : nil }
        var findings: [Finding] = []
        // Share each category's weight among its indicators that carry none.
        func group(_ indicator: Indicator) -> IndicatorCategory? {
            guard let category = indicator.category else { return nil }
            return category == .cost && categoryWeights[.cost] == nil ? .output : category
        }
        let missing = indicators.indices.filter { indicators[$0].applicable && weights[$0] == nil }
        for category in IndicatorCategory.allCases {
            let members = missing.filter { group(indicators[$0]) == category }
            guard !members.isEmpty, let categoryWeight = categoryWeights[category] else { continue }
            let given = indicators.indices.filter {
                indicators[$0].applicable && group(indicators[$0]) == category && !members.contains($0)
            }.compactMap { weights[$0] }.reduce(Quantity.zero) { $0.adding($1) ?? $0 }
            let remaining = categoryWeight.subtracting(given) ?? .zero
            for (index, share) in zip(members, split(remaining, into: members.count)) { weights[index] = share }
        }
        let dropped = indicators.contains { !$0.applicable }
        let sum = weights.compactMap { $0 }.reduce(Quantity.zero) { $0.adding($1) ?? $0 }
        var rescaled = false
        if dropped, sum != total, !sum.isZero, let factor = total.ratio(to: sum) {
            let live = weights.indices.filter { weights[$0] != nil }
            var running = Quantity.zero
            for (position, index) in live.enumerated() {
                guard let weight = weights[index] else { continue }
                let scaled = position == live.count - 1
                    ? (total.subtracting(running) ?? .zero)
                    : (weight.multiplied(by: factor) ?? weight).rounded(toDecimals: 2)
                running = running.adding(scaled) ?? running
                weights[index] = scaled
            }
            rescaled = true
        } else if !indicators.isEmpty, sum != total, !weights.contains(where: { $0 == nil } ) || dropped {
            findings.append(Finding(
                severity: .warning, rule: "分值合计不符",
                message: LocalizedText(
                    zh: "“\(owner)”的指标分值合计为 \(sum)，应为 \(total)（加执行率分值共 100 分）：请核对各指标分值。",
                    en: "the indicator weights of “\(owner)” total \(sum), not \(total) (100 with the execution "
                        + "rate): check the weights."),
                cells: indicators.compactMap { i in i.weight.flatMap { w in w.source.map { CitedCell($0, value: w.value.description) } } },
                expected: total.description, found: sum.description))
        }
        return Result(weights: weights, rescaled: rescaled, findings: findings)
    }

    /// `amount` split into `count` shares of 2 decimals that add up to it exactly (the last takes the rest).
    static func split(_ amount: Quantity, into count: Int) -> [Quantity] {
        guard count > 0, let part = Rate(1, over: count) else { return [] }
        let share = (amount.multiplied(by: part) ?? .zero).rounded(toDecimals: 2)
        var shares = Array(repeating: share, count: count - 1)
        let used = shares.reduce(Quantity.zero) { $0.adding($1) ?? $0 }
        shares.append(amount.subtracting(used) ?? .zero)
        return shares
    }
}
