import FinanceModel
import Reconciliation
import Testing

@Suite("表间一致 (totals between tables)")
struct TotalsBetweenTablesRuleTests {
    @Test("总表 本年支出合计 = 支出决算表 合计; a changed 合计 row is an 错误 naming both cells")
    func summaryAgainstExpenseTable() throws {
        let summary = GrandTotalBalanceRuleTests.summary()
        let expense = Build.finalExpense([(nil, "合计", "1023.13", "D6"), ("201", "一般公共服务支出", "1023.13", "D7")])
        #expect(Build.findings([summary, expense], rules: [TotalsBetweenTablesRule()]).isEmpty)
        let broken = Build.finalExpense([(nil, "合计", "1032.13", "D6")])
        let finding = try #require(Build.findings([summary, broken], rules: [TotalsBetweenTablesRule()]).first)
        #expect(finding.severity == .error)
        #expect(finding.cellNames == ["决算.xlsx › 收入支出决算总表 › F29", "决算.xlsx › 支出决算表 › D6"])
    }

    @Test("一般公共预算支出表 基本支出 = 基本支出表 合计")
    func generalBudgetBasic() throws {
        let sheet = "一般公共预算支出表"
        func table(basic: String) -> AnyFinanceTable {
            let row = ExpenseByFunctionRow(
                code: nil, name: "合计", role: .total, source: Build.cell("A6", sheet: sheet),
                total: Amounts(initialBudget: Build.figure("944.59", "C6", sheet: sheet)),
                basicExpenditure: Amounts(initialBudget: Build.figure(basic, "D6", sheet: sheet)))
            return .expenseByFunction(
                ExpenseByFunctionTable(
                    info: Build.info(.generalBudgetExpenseByFunction, .budget, title: "一般公共预算支出表", sheet: sheet), rows: [row]))
        }
        #expect(Build.findings([table(basic: "698.88"), EconomicTables.table()], rules: [TotalsBetweenTablesRule()]).isEmpty)
        let finding = try #require(
            Build.findings([table(basic: "689.88"), EconomicTables.table()], rules: [TotalsBetweenTablesRule()]).first)
        #expect(finding.severity == .error)
        #expect(finding.cellNames == ["预算.xlsx › 一般公共预算支出表 › D6", "预算.xlsx › 一般公共预算基本支出表 › C5"])
    }
}
