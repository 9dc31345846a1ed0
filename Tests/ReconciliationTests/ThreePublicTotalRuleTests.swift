import FinanceModel
import Reconciliation
import Testing

@Suite("三公合计")
struct ThreePublicTotalRuleTests {
    @Test("158.08 = 0 + 3.5 + 154.58 holds, with or without the 车辆 小计")
    func holds() {
        #expect(Build.findings([ThreePublicTables.budget()], rules: [ThreePublicTotalRule()]).isEmpty)
        #expect(Build.findings([ThreePublicTables.budget(subtotal: nil)], rules: [ThreePublicTotalRule()]).isEmpty)
    }

    @Test("a changed 接待费 is an 错误 naming 合计 and the parts")
    func changed() throws {
        let findings = Build.findings([ThreePublicTables.budget(reception: "145.58")], rules: [ThreePublicTotalRule()])
        let finding = try #require(findings.first)
        #expect(finding.rule == "三公合计")
        #expect(finding.severity == .error)
        #expect(finding.cellNames.first == "预算.xlsx › “三公”经费支出表 › A6")
        #expect(finding.cellNames.contains("预算.xlsx › “三公”经费支出表 › F6"))
        #expect(finding.expected == "149.08")
    }
}
