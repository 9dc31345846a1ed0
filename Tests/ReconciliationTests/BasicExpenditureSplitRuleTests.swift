import FinanceModel
import Reconciliation
import Testing

@Suite("基本支出=人员+公用")
struct BasicExpenditureSplitRuleTests {
    @Test("698.88 = 412.8 + 286.08 holds; 698.98 is an 错误 on the 合计 cell")
    func split() throws {
        #expect(Build.findings([EconomicTables.table()], rules: [BasicExpenditureSplitRule()]).isEmpty)
        let findings = Build.findings([EconomicTables.table(total: "698.98")], rules: [BasicExpenditureSplitRule()])
        let finding = try #require(findings.first)
        #expect(finding.severity == .error)
        #expect(finding.rule == "基本支出=人员+公用")
        #expect(finding.cellNames == [
            "预算.xlsx › 一般公共预算基本支出表 › C5", "预算.xlsx › 一般公共预算基本支出表 › D5", "预算.xlsx › 一般公共预算基本支出表 › E5",
        ])
    }
}
