import FinanceModel

/// 执行率偏离: an aligned spending row with a 全年预算数 whose 执行率 (决算数 ÷ 全年预算数) is below the
/// lower or above the upper threshold (90 % / 110 % by default) gets a 提示 asking for the explanation
/// the self-evaluation forms need (偏差原因分析).
public struct ExecutionRateRule: CheckRule {
    public let name = "执行率偏离"

    public init() {}

    public func findings(in context: CheckContext) -> [Finding] {
        let low = context.settings.lowerExecutionRate
        let high = context.settings.upperExecutionRate
        return context.rows.filter(\.section.isExpenditure).compactMap { row -> Finding? in
            guard let budget = row.adjustedBudget, let actual = row.actual, !budget.isZero,
                let rate = actual.ratio(to: budget), rate < low || rate > high
            else { return nil }
            let label = row.code.map { "\($0) \(row.name)" } ?? row.name
            let percent = rate.percent(decimals: 2)
            let below = rate < low
            let threshold = (below ? low : high).percent(decimals: 0)
            var cells: [CitedCell] = []
            for column in [AmountColumn.adjustedBudget, .actual] {
                if let first = row.contributions[column]?.first { cells += Term(first, unit: context.unit).citedCells }
            }
            return Finding(
                severity: .hint, rule: name,
                message: LocalizedText(
                    zh: "\(row.section.title.zh)“\(label)”执行率 \(percent)（决算数 \(actual) ÷ 全年预算数 \(budget)），"
                        + (below ? "低于" : "高于") + " \(threshold)；请在自评表的偏差原因分析中说明原因。",
                    en: "\(row.section.title.en) “\(label)”: execution rate \(percent) (actual \(actual) ÷ adjusted "
                        + "budget \(budget)) is " + (below ? "below" : "above")
                        + " \(threshold); explain the deviation in the evaluation form."),
                cells: cells, expected: "\(low.percent(decimals: 0))–\(high.percent(decimals: 0))", found: percent)
        }
    }
}
