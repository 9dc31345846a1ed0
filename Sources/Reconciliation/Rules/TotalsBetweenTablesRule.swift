import FinanceModel

/// 表间一致 (totals): the 收支总表's 本年收入合计 / 本年支出合计 equal the 合计 rows of the income and
/// expenditure tables by 功能分类, and the 一般公共预算支出表's 基本支出 合计 equals the 基本支出表's 合计.
public struct TotalsBetweenTablesRule: CheckRule {
    public let name = "表间一致"

    public init() {}

    public func findings(in context: CheckContext) -> [Finding] {
        var result: [Finding] = []
        let pairs: [(ComparisonSection, String, ComparisonSection, String)] = [
            (.incomeExpenseSummary, SummaryField.totalExpenditure.rawValue, .expenseByFunction, ComparisonRow.totalKey),
            (.incomeExpenseSummary, SummaryField.totalIncome.rawValue, .incomeByFunction, ComparisonRow.totalKey),
        ]
        for (leftSection, leftKey, rightSection, rightKey) in pairs {
            guard let left = context.rows.first(where: { $0.section == leftSection && $0.key == leftKey }),
                let right = context.rows.first(where: { $0.section == rightSection && $0.key == rightKey })
            else { continue }
            for column in AmountColumn.allCases {
                guard let a = left.contributions[column]?.first, let b = right.contributions[column]?.first else {
                    continue
                }
                result += finding(
                    a, b, context: context,
                    what: LocalizedText(
                        zh: "\(a.table.displayTitle)的\(left.name)（\(column.title.zh)）应等于\(b.table.displayTitle)的合计",
                        en: "\(a.table.displayTitle) \(left.name) (\(column.title.en)) should equal the total of "
                            + b.table.displayTitle))
            }
        }
        result += basicExpenditureTotals(context)
        return result
    }

    /// 一般公共预算支出表 合计行 基本支出 = 基本支出表 合计行 (its 合计, or 人员经费 + 公用经费 when the table
    /// shows the two halves side by side), table by table.
    private func basicExpenditureTotals(_ context: CheckContext) -> [Finding] {
        var general: [(AnyFinanceTable, TableInfo, Amounts)] = []
        var basic: [(AnyFinanceTable, TableInfo, BasicExpenseRow)] = []
        for table in context.tables {
            switch table {
            case .expenseByFunction(let t) where t.info.kind == .generalBudgetExpenseByFunction:
                if let total = t.totalRow, !total.basicExpenditure.isEmpty { general.append((table, t.info, total.basicExpenditure)) }
            case .basicExpenseByEconomic(let t):
                if let total = t.totalRow { basic.append((table, t.info, total)) }
            default: continue
            }
        }
        var result: [Finding] = []
        for (generalTable, generalInfo, generalAmounts) in general {
            for (basicTable, basicInfo, basicTotal) in basic {
                for column in AmountColumn.allCases {
                    let parts = basicTotal.figures(column)
                    guard let a = generalAmounts[column], !parts.isEmpty else { continue }
                    let step = max(
                        RoundingStep.step(of: generalTable).converted(from: generalInfo.unit, to: context.unit),
                        RoundingStep.step(of: basicTable).converted(from: basicInfo.unit, to: context.unit))
                    let equation = Equation(
                        rule: name,
                        subject: LocalizedText(
                            zh: "\(generalInfo.displayTitle)的基本支出合计（\(column.title.zh)）应等于\(basicInfo.displayTitle)的合计",
                            en: "\(generalInfo.displayTitle) basic expenditure (\(column.title.en)) should equal the "
                                + "total of \(basicInfo.displayTitle)"),
                        found: term(a, generalInfo, context.unit), terms: parts.map { term($0, basicInfo, context.unit) },
                        unit: context.unit, step: step)
                    result += equation.finding(context.settings, advice: advice).map { [$0] } ?? []
                }
            }
        }
        return result
    }

    private let advice = LocalizedText(
        zh: "请核对两张表的合计数，以正确的数更正另一张表。", en: "Compare the two totals and correct the wrong one.")

    /// A figure in the comparison unit, citing the cell as written.
    private func term(_ figure: Figure, _ info: TableInfo, _ unit: MoneyUnit) -> Term {
        let text = info.unit == unit ? figure.value.description : "\(figure.value) \(info.unit.rawValue)"
        return Term(figure.value.converted(from: info.unit, to: unit), figure.source.map { CitedCell($0, value: text) })
    }

    private func finding(_ a: Contribution, _ b: Contribution, context: CheckContext, what: LocalizedText) -> [Finding] {
        if CrossTableRule.skipsPair(context)(a.table.source, b.table.source) { return [] }
        let equation = Equation(
            rule: name, subject: what, found: Term(a, unit: context.unit), terms: [Term(b, unit: context.unit)],
            unit: context.unit, step: max(a.step, b.step))
        return equation.finding(context.settings, advice: advice).map { [$0] } ?? []
    }
}
