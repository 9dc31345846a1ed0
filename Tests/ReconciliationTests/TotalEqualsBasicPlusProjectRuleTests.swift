import FinanceModel
import Reconciliation
import Testing

@Suite("合计=基本+项目")
struct TotalEqualsBasicPlusProjectRuleTests {
    static func table(total: String, basic: String, project: String?) -> AnyFinanceTable {
        let sheet = "部门支出总表"
        let row = ExpenseByFunctionRow(
            code: nil, name: "合计", role: .total, source: Build.cell("A7", sheet: sheet),
            total: Amounts(initialBudget: Build.figure(total, "C7", sheet: sheet)),
            basicExpenditure: Amounts(initialBudget: Build.figure(basic, "D7", sheet: sheet)),
            projectExpenditure: Amounts(initialBudget: project.map { Build.figure($0, "E7", sheet: sheet) }))
        return .expenseByFunction(
            ExpenseByFunctionTable(info: Build.info(.expenseByFunction, .budget, title: "部门支出总表", sheet: sheet), rows: [row]))
    }

    @Test("944.59 = 698.88 + 245.71 holds")
    func holds() {
        #expect(Build.findings([Self.table(total: "944.59", basic: "698.88", project: "245.71")], rules: [TotalEqualsBasicPlusProjectRule()]).isEmpty)
    }

    @Test("a wrong 合计 is an 错误 citing 合计, 基本 and 项目 cells")
    func wrongTotal() throws {
        let findings = Build.findings(
            [Self.table(total: "944.69", basic: "698.88", project: "245.71")], rules: [TotalEqualsBasicPlusProjectRule()])
        let finding = try #require(findings.first)
        #expect(findings.count == 1)
        #expect(finding.severity == .error)
        #expect(finding.rule == "合计=基本+项目")
        #expect(finding.cellNames == ["预算.xlsx › 部门支出总表 › C7", "预算.xlsx › 部门支出总表 › D7", "预算.xlsx › 部门支出总表 › E7"])
        #expect(finding.expected == "944.59")
        #expect(finding.found == "944.69")
    }

    @Test("a blank 项目支出 counts as zero; 0.02 over one term is an 错误, 0.01 a 提示")
    func blankPart() {
        let rule: [any CheckRule] = [TotalEqualsBasicPlusProjectRule()]
        #expect(Build.findings([Self.table(total: "10", basic: "10", project: nil)], rules: rule).isEmpty)
        #expect(Build.findings([Self.table(total: "10.01", basic: "10", project: nil)], rules: rule).map(\.severity) == [.hint])
        #expect(Build.findings([Self.table(total: "10.02", basic: "10", project: nil)], rules: rule).map(\.severity) == [.error])
    }
}
