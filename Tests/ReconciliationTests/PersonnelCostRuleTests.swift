import FinanceModel
import Reconciliation
import Testing

@Suite("人员经费=301+303")
struct PersonnelCostRuleTests {
    @Test("412.8 = 402.53 + 10.27 holds, from the 合计 row's column or a named row")
    func holds() {
        #expect(Build.findings([EconomicTables.table()], rules: [PersonnelCostRule()]).isEmpty)
        #expect(Build.findings([EconomicTables.table(namedRows: true)], rules: [PersonnelCostRule()]).isEmpty)
    }

    @Test("a wrong 303 is an 错误 citing 人员经费, 301 and 303")
    func wrong303() throws {
        let findings = Build.findings([EconomicTables.table(c303: "10.72")], rules: [PersonnelCostRule()])
        let finding = try #require(findings.first)
        #expect(findings.count == 1)
        #expect(finding.rule == "人员经费=301+303")
        #expect(finding.severity == .error)
        #expect(finding.cellNames == [
            "预算.xlsx › 一般公共预算基本支出表 › D5", "预算.xlsx › 一般公共预算基本支出表 › C7", "预算.xlsx › 一般公共预算基本支出表 › C8",
        ])
        #expect(finding.expected == "413.25")
    }

    @Test("a named 人员经费 row off by 0.02 over two terms is a rounding 提示")
    func namedRowRounding() throws {
        let findings = Build.findings([EconomicTables.table(personnel: "412.82", namedRows: true)], rules: [PersonnelCostRule()])
        #expect(findings.map(\.severity) == [.hint])
        #expect(findings.first?.cellNames.first == "预算.xlsx › 一般公共预算基本支出表 › C6")
    }
}
