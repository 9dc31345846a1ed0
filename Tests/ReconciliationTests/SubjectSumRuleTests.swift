import FinanceModel
import Reconciliation
import Testing

@Suite("类=Σ款, 款=Σ项, 合计=Σ类")
struct SubjectSumRuleTests {
    static let rows: [(String?, String, String, String)] = [
        (nil, "合计", "944.59", "C6"),
        ("201", "一般公共服务支出", "875.61", "C7"), ("20113", "商贸事务", "875.61", "C8"),
        ("2011301", "行政运行", "600", "C9"), ("2011308", "招商引资", "275.61", "C10"),
        ("208", "社会保障和就业支出", "68.98", "C11"), ("2080501", "行政单位离退休", "68.98", "C12"),
    ]

    @Test("a consistent table has no finding")
    func consistent() {
        #expect(Build.findings([Build.budgetExpense(Self.rows)], rules: [SubjectSumRule()]).isEmpty)
    }

    @Test("a changed 项 breaks 款=Σ项 (naming the 款 and the 项 cells); the 类 and 合计 still agree with 款")
    func changedItem() throws {
        var rows = Self.rows
        rows[4] = ("2011308", "招商引资", "275.71", "C10")
        let findings = Build.findings([Build.budgetExpense(rows)], rules: [SubjectSumRule()])
        #expect(findings.count == 1)
        let finding = try #require(findings.first)
        #expect(finding.rule == "款=Σ项")
        #expect(finding.severity == .error)
        #expect(finding.cellNames == ["预算.xlsx › 部门支出总表 › C8", "预算.xlsx › 部门支出总表 › C9", "预算.xlsx › 部门支出总表 › C10"])
        #expect(finding.expected == "875.71")
    }

    @Test("a removed 类 row: the 款 rows stand in for 合计=Σ类; a removed 项 breaks 款=Σ项")
    func removedRows() throws {
        var withoutClass = Self.rows
        withoutClass.remove(at: 5)  // 208
        #expect(Build.findings([Build.budgetExpense(withoutClass)], rules: [SubjectSumRule()]).isEmpty)
        var withoutItem = Self.rows
        withoutItem.remove(at: 3)  // 2011301
        let findings = Build.findings([Build.budgetExpense(withoutItem)], rules: [SubjectSumRule()])
        #expect(findings.map(\.rule) == ["款=Σ项"])
        #expect(findings.first?.found == "875.61")
        #expect(findings.first?.expected == "275.61")
    }

    @Test("类=Σ款 and 合计=Σ类 report under their own names")
    func classAndTotal() {
        var rows = Self.rows
        rows[1] = ("201", "一般公共服务支出", "875.62", "C7")
        let findings = Build.findings([Build.budgetExpense(rows)], rules: [SubjectSumRule()])
        #expect(Set(findings.map(\.rule)) == ["类=Σ款", "合计=Σ类"])
        #expect(findings.allSatisfy { $0.severity == .hint })
    }

    @Test("经济分类: 301 = Σ 301xx")
    func economic() throws {
        let sheet = "基本支出表"
        func row(_ code: String, _ amount: String, _ a1: String) -> BasicExpenseRow {
            BasicExpenseRow(
                code: EconomicCode(code), name: code, source: Build.cell("A1", sheet: sheet),
                total: Amounts(initialBudget: Build.figure(amount, a1, sheet: sheet)))
        }
        let table = AnyFinanceTable.basicExpenseByEconomic(
            BasicExpenseByEconomicTable(
                info: Build.info(.basicExpenseByEconomic, .budget, title: "基本支出表", sheet: sheet),
                rows: [row("301", "402.53", "C5"), row("30101", "200", "C6"), row("30102", "202.63", "C7")]))
        let finding = try #require(Build.findings([table], rules: [SubjectSumRule()]).first)
        #expect(finding.rule == "类=Σ款")
        #expect(finding.severity == .error)
        #expect(finding.cellNames.first == "预算.xlsx › 基本支出表 › C5")
    }
}
