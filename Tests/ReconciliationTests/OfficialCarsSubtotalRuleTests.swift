import FinanceModel
import Reconciliation
import Testing

@Suite("车辆小计")
struct OfficialCarsSubtotalRuleTests {
    @Test("小计 3.5 = 购置 0 + 运行 3.5 holds; 3.6 is an 错误 on C6")
    func subtotal() throws {
        #expect(Build.findings([ThreePublicTables.budget()], rules: [OfficialCarsSubtotalRule()]).isEmpty)
        let findings = Build.findings([ThreePublicTables.budget(subtotal: "3.6")], rules: [OfficialCarsSubtotalRule()])
        let finding = try #require(findings.first)
        #expect(finding.rule == "车辆小计")
        #expect(finding.severity == .error)
        #expect(finding.cellNames == ["预算.xlsx › “三公”经费支出表 › C6", "预算.xlsx › “三公”经费支出表 › D6", "预算.xlsx › “三公”经费支出表 › E6"])
    }
}
