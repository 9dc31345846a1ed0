import FinanceModel

/// 总计平衡: in a 收支总表, 总计 = 本年收入合计 + 使用非财政拨款结余 + 年初结转和结余
/// = 本年支出合计 + 结余分配 + 年末结转和结余, for every amount column.
public struct GrandTotalBalanceRule: CheckRule {
    public let name = "总计平衡"

    public init() {}

    public func findings(in context: CheckContext) -> [Finding] {
        context.tables.flatMap { table -> [Finding] in
            guard case .incomeExpenseSummary(let summary) = table else { return [] }
            let step = RoundingStep.step(of: table)
            return AmountColumn.allCases.flatMap {
                findings(in: summary, column: $0, step: step, settings: context.settings)
            }
        }
    }

    private func findings(
        in t: IncomeExpenseSummary, column: AmountColumn, step: Money, settings: ReconciliationSettings
    ) -> [Finding] {
        let unit = t.info.unit
        let title = t.info.displayTitle
        let columnTitle = column.title
        var result: [Finding] = []
        let incomeParts = [t.totalIncome, t.nonFiscalBalanceUsed, t.carryoverStart].compactMap { $0[column] }
        let expenseParts = [t.totalExpenditure, t.balanceDistribution, t.carryoverEnd].compactMap { $0[column] }
        if let total = t.grandTotal[column], t.totalIncome[column] != nil {
            let equation = Equation(
                rule: name,
                subject: LocalizedText(
                    zh: "\(title)（\(columnTitle.zh)）收入总计应等于本年收入合计 + 使用非财政拨款结余 + 年初结转和结余",
                    en: "\(title) (\(columnTitle.en)): the income-side grand total should equal total income + "
                        + "non-fiscal balance used + carry-over at start"),
                found: Term(total), terms: incomeParts.map(Term.init), unit: unit, step: step)
            result += equation.finding(settings).map { [$0] } ?? []
        }
        let expenseTotal = t.grandTotalExpenditureSide[column]
        if let total = expenseTotal, t.totalExpenditure[column] != nil {
            let equation = Equation(
                rule: name,
                subject: LocalizedText(
                    zh: "\(title)（\(columnTitle.zh)）支出总计应等于本年支出合计 + 结余分配 + 年末结转和结余",
                    en: "\(title) (\(columnTitle.en)): the expenditure-side grand total should equal total "
                        + "expenditure + balance distribution + carry-over at end"),
                found: Term(total), terms: expenseParts.map(Term.init), unit: unit, step: step)
            result += equation.finding(settings).map { [$0] } ?? []
        }
        if let incomeTotal = t.grandTotal[column] {
            // Both sides' 总计 must agree; without an expenditure-side 总计, its parts stand in.
            let terms: [Term]
            if let expenseTotal {
                terms = [Term(expenseTotal)]
            } else if t.totalExpenditure[column] != nil {
                terms = expenseParts.map(Term.init)
            } else {
                return result
            }
            let equation = Equation(
                rule: name,
                subject: LocalizedText(
                    zh: "\(title)（\(columnTitle.zh)）收入方总计应等于支出方总计",
                    en: "\(title) (\(columnTitle.en)): the income-side grand total should equal the "
                        + "expenditure side's"),
                found: Term(incomeTotal), terms: terms, unit: unit, step: step)
            result += equation.finding(settings).map { [$0] } ?? []
        }
        return result
    }
}
