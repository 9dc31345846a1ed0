public import FinanceModel

/// 执行率 and its 得分 for a funds block (项目资金 / 年度预算资金): 执行率 = 全年执行数 ÷ 全年预算数,
/// 得分 = min(执行率, 100 %) × 分值. A zero or missing 全年预算数 leaves the rate uncomputed (an error).
public struct ExecutionScore: Sendable, Hashable {
    /// 年初预算数.
    public var initialBudget: Figure?
    /// 全年预算数.
    public var adjustedBudget: Figure?
    /// 全年执行数.
    public var actual: Figure?
    /// 执行率, exact; nil when it cannot be computed.
    public var rate: Rate?
    /// 分值.
    public var weight: Quantity
    /// 得分, half-up to 2 decimals; nil when the rate cannot be computed (never 0 in its place) or the
    /// profile gives the row no 分值.
    public var score: Quantity?
    /// Why the rate is missing, when it is.
    public var reason: LocalizedText?

    public init(
        initialBudget: Figure?, adjustedBudget: Figure?, actual: Figure?, rate: Rate?, weight: Quantity,
        score: Quantity?, reason: LocalizedText?
    ) {
        self.initialBudget = initialBudget
        self.adjustedBudget = adjustedBudget
        self.actual = actual
        self.rate = rate
        self.weight = weight
        self.score = score
        self.reason = reason
    }

    /// Scores `amounts` with `weight`; `owner` and `row` name the form row in findings.
    public static func compute(
        _ amounts: Amounts, weight: Quantity, owner: String, row: String
    ) -> (ExecutionScore, [Finding]) {
        func result(rate: Rate?, score: Quantity?, reason: LocalizedText?) -> ExecutionScore {
            ExecutionScore(
                initialBudget: amounts.initialBudget, adjustedBudget: amounts.adjustedBudget, actual: amounts.actual,
                rate: rate, weight: weight, score: score, reason: reason)
        }
        guard let budget = amounts.adjustedBudget else {
            let reason = LocalizedText(zh: "没有全年预算数", en: "no full-year budget")
            let finding = Finding(
                severity: .error, rule: "缺全年预算数",
                message: LocalizedText(
                    zh: "“\(owner)”的\(row)没有全年预算数，无法计算执行率（不以年初预算数代替）：请填写全年预算数。",
                    en: "“\(owner)” \(row): no full-year budget, so the execution rate cannot be computed (the "
                        + "initial budget is not used instead): enter the full-year budget."),
                cells: amounts.initialBudget.flatMap { f in f.source.map { CitedCell($0, value: f.value.description) } }
                    .map { [$0] } ?? [])
            return (result(rate: nil, score: nil, reason: reason), [finding])
        }
        guard let actual = amounts.actual else {
            let reason = LocalizedText(zh: "没有全年执行数", en: "no actual spending")
            let finding = Finding(
                severity: .error, rule: "缺全年执行数",
                message: LocalizedText(
                    zh: "“\(owner)”的\(row)没有全年执行数，无法计算执行率：请填写全年执行数。",
                    en: "“\(owner)” \(row): no actual spending, so the execution rate cannot be computed: enter it."),
                cells: budget.source.map { [CitedCell($0, value: budget.value.description)] } ?? [])
            return (result(rate: nil, score: nil, reason: reason), [finding])
        }
        guard let rate = actual.value.ratio(to: budget.value) else {
            let reason = LocalizedText(zh: "全年预算数为 0", en: "the full-year budget is 0")
            let finding = Finding(
                severity: .error, rule: "全年预算数为零",
                message: LocalizedText(
                    zh: "“\(owner)”的\(row)全年预算数为 0，执行率无法计算（不是 0%）：请核对全年预算数。",
                    en: "“\(owner)” \(row): the full-year budget is 0, so the execution rate is undefined (not 0%): "
                        + "check the budget."),
                cells: [budget.source.map { CitedCell($0, value: budget.value.description) },
                        actual.source.map { CitedCell($0, value: actual.value.description) }].compactMap { $0 })
            return (result(rate: nil, score: nil, reason: reason), [finding])
        }
        let counted = rate.isNegative ? Rate.zero : rate.cappedAtOne
        let score = weight.isZero ? nil : (weight.multiplied(by: counted) ?? .zero).rounded(toDecimals: 2)
        return (result(rate: rate, score: score, reason: nil), [])
    }
}
