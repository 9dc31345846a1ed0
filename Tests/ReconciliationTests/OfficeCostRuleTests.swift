import FinanceModel
import Reconciliation
import Testing

@Suite("公用经费=302+310")
struct OfficeCostRuleTests {
    @Test("286.08 = 302 (no 310 row) holds")
    func holds() {
        #expect(Build.findings([EconomicTables.table()], rules: [OfficeCostRule()]).isEmpty)
    }

    @Test("a wrong 公用经费 is an 错误 citing 公用经费 and 302")
    func wrong() throws {
        let findings = Build.findings([EconomicTables.table(office: "296.08", namedRows: true)], rules: [OfficeCostRule()])
        let finding = try #require(findings.first)
        #expect(finding.rule == "公用经费=302+310")
        #expect(finding.severity == .error)
        #expect(finding.cellNames == ["预算.xlsx › 一般公共预算基本支出表 › C9", "预算.xlsx › 一般公共预算基本支出表 › C10"])
        #expect(finding.found == "296.08")
        #expect(finding.expected == "286.08")
    }
}
