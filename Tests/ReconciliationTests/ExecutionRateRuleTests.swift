import FinanceModel
import Reconciliation
import Testing

@Suite("执行率偏离")
struct ExecutionRateRuleTests {
    static func both(adjusted: String, actual: String, initial: String = "100") -> AnyFinanceTable {
        var row = Build.functionRow("2011308", "招商引资", initial, "C9", file: "决算.xlsx")
        row.total.adjustedBudget = Build.figure(adjusted, "D9", file: "决算.xlsx")
        row.total.actual = Build.figure(actual, "E9", file: "决算.xlsx")
        return .expenseByFunction(
            ExpenseByFunctionTable(info: Build.info(.expenseByFunction, .both, title: "支出决算表", file: "决算.xlsx"), rows: [row]))
    }

    @Test("thresholds 90 % and 110 % are inclusive bounds", arguments: [
        ("100", "89.99", true), ("100", "90", false), ("100", "110", false), ("100", "110.01", true), ("100", "0", true),
    ])
    func thresholds(adjusted: String, actual: String, flagged: Bool) {
        let findings = Build.findings([Self.both(adjusted: adjusted, actual: actual)], rules: [ExecutionRateRule()])
        #expect(findings.count == (flagged ? 1 : 0))
        #expect(findings.allSatisfy { $0.severity == .hint && $0.rule == "执行率偏离" })
    }

    @Test("the finding cites the 全年预算数 and 决算数 cells and asks for the explanation")
    func cites() throws {
        let finding = try #require(Build.findings([Self.both(adjusted: "150", actual: "120")], rules: [ExecutionRateRule()]).first)
        #expect(finding.cellNames == ["决算.xlsx › 支出表 › D9", "决算.xlsx › 支出表 › E9"])
        #expect(finding.found == "80.00%")
        #expect(finding.message.zh.contains("偏差原因"))
    }

    @Test("rows without a 全年预算数 are not rated; the thresholds are settings")
    func settings() {
        let budget = Build.budgetExpense([("2011308", "招商引资", "100", "C9")])
        let final = Build.finalExpense([("2011308", "招商引资", "50", "D9")])
        #expect(Build.findings([budget, final], rules: [ExecutionRateRule()]).isEmpty)
        let strict = ReconciliationSettings(lowerExecutionRate: Rate(95, over: 100) ?? .one)
        #expect(Build.findings([Self.both(adjusted: "100", actual: "94")], rules: [ExecutionRateRule()]).isEmpty)
        #expect(Build.findings([Self.both(adjusted: "100", actual: "94")], rules: [ExecutionRateRule()], settings: strict).count == 1)
    }
}
