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

    /// 一般公共预算支出表 合计行 基本支出 = 基本支出表 合计行 合计, table by table where the sides fit.
    private func basicExpenditureTotals(_ context: CheckContext) -> [Finding] {
        var general: [(TableInfo, Amounts)] = []
        var basic: [(TableInfo, Amounts)] = []
        for table in context.tables {
            switch table {
            case .expenseByFunction(let t) where t.info.kind == .generalBudgetExpenseByFunction:
                if let total = t.totalRow, !total.basicExpenditure.isEmpty { general.append((t.info, total.basicExpenditure)) }
            case .basicExpenseByEconomic(let t):
                if let total = t.totalRow, !total.total.isEmpty { basic.append((t.info, total.total)) }
            default: continue
            }
        }
        var result: [Finding] = []
        for (generalInfo, generalAmounts) in general {
            for (basicInfo, basicAmounts) in basic {
                for column in AmountColumn.allCases {
                    guard let a = generalAmounts[column], let b = basicAmounts[column] else { continue }
                    result += finding(
                        contribution(a, generalInfo, context.unit), contribution(b, basicInfo, context.unit),
                        context: context,
                        what: LocalizedText(
                            zh: "\(generalInfo.displayTitle)的基本支出合计（\(column.title.zh)）应等于\(basicInfo.displayTitle)的合计",
                            en: "\(generalInfo.displayTitle) basic expenditure (\(column.title.en)) should equal the "
                                + "total of \(basicInfo.displayTitle)"))
                }
            }
        }
        return result
    }

    private func contribution(_ figure: Figure, _ info: TableInfo, _ unit: MoneyUnit) -> Contribution {
        Contribution(
            value: figure.value.converted(from: info.unit, to: unit), original: figure.value, unit: info.unit,
            table: info, cells: figure.source.map { [CitedCell($0, value: figure.value.description)] } ?? [],
            terms: figure.value.isZero ? 0 : 1, rolledUp: false)
    }

    private func finding(_ a: Contribution, _ b: Contribution, context: CheckContext, what: LocalizedText) -> [Finding] {
        let equation = Equation(
            rule: name, subject: what, found: Term(a, unit: context.unit), terms: [Term(b, unit: context.unit)],
            unit: context.unit, toleranceUnit: a.unit.coarser(b.unit))
        let advice = LocalizedText(
            zh: "请核对两张表的合计数，以正确的数更正另一张表。", en: "Compare the two totals and correct the wrong one.")
        return equation.finding(context.settings, advice: advice).map { [$0] } ?? []
    }
}
