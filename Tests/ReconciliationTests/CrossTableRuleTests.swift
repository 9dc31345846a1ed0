import FinanceModel
import Reconciliation
import Testing

@Suite("表间一致 (same row, same column, two tables)")
struct CrossTableRuleTests {
    @Test("a 万元 table and its 元 copy agree; a switched unit is an 错误 citing both cells")
    func unitMixing() throws {
        let wan = Build.finalExpense([("2011308", "招商引资", "120.5", "D9")])
        let yuan = Build.finalExpense([("2011308", "招商引资", "1205000", "J9")], unit: .yuan, sheet: "Z01")
        #expect(Build.findings([wan, yuan], rules: [CrossTableRule()]).isEmpty)
        // The same figures, but the second table claims 万元: 1205000 万元 ≠ 120.5 万元.
        let switched = Build.finalExpense([("2011308", "招商引资", "1205000", "J9")], unit: .tenThousandYuan, sheet: "Z01")
        let finding = try #require(Build.findings([wan, switched], rules: [CrossTableRule()]).first)
        #expect(finding.severity == .error)
        #expect(finding.rule == "表间一致")
        #expect(finding.cellNames == ["决算.xlsx › 支出决算表 › D9", "决算.xlsx › Z01 › J9"])
    }

    @Test("between 元 and 万元 the coarser unit's 0.01 is the tolerance: 100 元 is a 提示, 101 元 an 错误")
    func coarserTolerance() throws {
        let wan = Build.finalExpense([("2011308", "招商引资", "120.5", "D9")])
        let near = Build.finalExpense([("2011308", "招商引资", "1205100", "J9")], unit: .yuan, sheet: "Z01")
        let far = Build.finalExpense([("2011308", "招商引资", "1205101", "J9")], unit: .yuan, sheet: "Z01")
        let nearFinding = try #require(Build.findings([wan, near], rules: [CrossTableRule()]).first)
        #expect(nearFinding.severity == .hint)
        #expect(nearFinding.cells.map(\.value) == ["120.5", "1205100 元"])
        #expect(Build.findings([wan, far], rules: [CrossTableRule()]).map(\.severity) == [.error])
    }

    @Test("a 项-level budget rolled up against a 类-level budget table: Σ terms widen the tolerance")
    func rolledUpAgainstStated() throws {
        let items = Build.budgetExpense([("2011301", "行政运行", "600", "C9"), ("2011308", "招商引资", "275.63", "C10")])
        let classes = Build.budgetExpense([("201", "一般公共服务支出", "875.61", "C5")], file: "预算总表.xlsx")
        let finding = try #require(Build.findings([classes, items], rules: [CrossTableRule()]).first)
        #expect(finding.severity == .hint)
        #expect(finding.cellNames == ["预算总表.xlsx › 部门支出总表 › C5", "预算.xlsx › 部门支出总表 › C9", "预算.xlsx › 部门支出总表 › C10"])
        let far = Build.budgetExpense([("2011301", "行政运行", "600", "C9"), ("2011308", "招商引资", "275.64", "C10")])
        #expect(Build.findings([classes, far], rules: [CrossTableRule()]).map(\.severity) == [.error])
    }
}
