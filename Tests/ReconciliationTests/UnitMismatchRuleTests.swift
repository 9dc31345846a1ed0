import FinanceModel
import Reconciliation
import Testing

@Suite("单位疑误")
struct UnitMismatchRuleTests {
    static let rows: [(String?, String, String, String)] = [
        ("2011301", "行政运行", "434.73", "C10"), ("2011308", "招商引资", "91.3", "C11"), ("2011350", "事业运行", "268.4", "C12"),
    ]

    static func yuanCopy(unit: MoneyUnit) -> AnyFinanceTable {
        Build.finalExpense(
            [("2011301", "行政运行", "4347300", "J10"), ("2011308", "招商引资", "913000", "J11"), ("2011350", "事业运行", "2684000", "J12")],
            unit: unit, sheet: "Z01")
    }

    @Test("a 元 table labelled 万元: one 错误 for the pair, no per-row 表间一致")
    func wrongUnitLine() throws {
        let tables = [Build.finalExpense(Self.rows), Self.yuanCopy(unit: .tenThousandYuan)]
        let findings = Build.findings(tables, rules: [UnitMismatchRule(), CrossTableRule()])
        #expect(findings.count == 1)
        let finding = try #require(findings.first)
        #expect(finding.rule == "单位疑误")
        #expect(finding.severity == .error)
        #expect(finding.found == "×10000")
        #expect(finding.cells.map(\.location.description) == [
            "决算.xlsx › 支出决算表 › C10", "决算.xlsx › Z01 › J10", "决算.xlsx › 支出决算表 › C11", "决算.xlsx › Z01 › J11",
        ])
    }

    @Test("correctly labelled units agree; one odd figure is an ordinary 表间一致, not a unit mistake")
    func noMismatch() {
        let tables = [Build.finalExpense(Self.rows), Self.yuanCopy(unit: .yuan)]
        #expect(Build.findings(tables, rules: [UnitMismatchRule(), CrossTableRule()]).isEmpty)
        let odd = Build.finalExpense([("2011301", "行政运行", "434.73", "J10"), ("2011308", "招商引资", "91.5", "J11"), ("2011350", "事业运行", "268.4", "J12")], sheet: "Z01")
        let findings = Build.findings([Build.finalExpense(Self.rows), odd], rules: [UnitMismatchRule(), CrossTableRule()])
        #expect(findings.map(\.rule) == ["表间一致"])
    }
}
