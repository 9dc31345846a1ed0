import CSVFormat
import FinanceModel
import Foundation
import Recognition
import Reconciliation
import Testing

/// A 收入决算表 as real 决算 publications print it: a row has a value only in the income sources it
/// has, so a 类 row (and the 合计 row) can have 其他收入 where one of its 款 rows leaves the column
/// blank, and a 款 row can have a source its 类 row leaves blank. `SubjectSumRule` used to pair column
/// groups by position and trapped (index out of range) on the first shape and compared different
/// sources on the second.
@Suite("收入决算表 with blank income-source cells")
struct IncomeBlankSourceTests {
    static let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/收入决算表-空白来源.csv")

    static func table() throws -> AnyFinanceTable {
        let sheet = try CSVReader.read(path: fixture.path).sheet
        let tables = try TableRecognizer.recognize(sheet: sheet, file: "收入决算表-空白来源.csv", isCSV: true)
        let table = try #require(tables.first?.table)
        guard case .incomeByFunction = table else {
            Issue.record("not recognised as a 收入决算表: \(table)")
            return table
        }
        return table
    }

    @Test("the fixture is read as intended: children without a parent's source, parents without a child's")
    func fixtureShape() throws {
        guard case .incomeByFunction(let t) = try Self.table() else { return }
        let byCode = Dictionary(t.rows.compactMap { row in row.code.map { ($0.digits, row) } }) { a, _ in a }
        #expect(byCode["201"]?.bySource[.otherIncome] != nil)
        #expect(byCode["20113"]?.bySource[.otherIncome] == nil)
        #expect(byCode["221"]?.bySource[.fiscalAppropriation] == nil)
        #expect(byCode["22102"]?.bySource[.fiscalAppropriation] != nil)
        #expect(t.totalRow?.bySource.count == 3)
    }

    @Test("类=Σ款 matches sources by name: the one real mismatch (上级补助收入 100 ≠ 90), in Chinese, nothing else")
    func realMismatchOnly() throws {
        let table = try Self.table()
        let findings = Reconciler.reconcile([table], rules: [SubjectSumRule()]).findings
        #expect(findings.count == 1)
        let finding = try #require(findings.first)
        #expect(finding.rule == "类=Σ款")
        #expect(finding.found == "100")
        #expect(finding.expected == "90")
        let zh = finding.message.zh
        #expect(zh.contains("上级补助收入"))
        #expect(zh.contains("221"))
        // After the table's place (a file name and range when the title is not read): Chinese only.
        let text = zh.split(separator: "（", maxSplits: 1).last ?? ""
        #expect(!text.contains { $0.isASCII && $0.isLetter }, "English in a Chinese message: \(zh)")
        #expect(finding.message.en.contains("subsidy from the superior"))
    }

    @Test("every rule runs over the table without trapping, and no Chinese message shows an identifier")
    func allRules() throws {
        let table = try Self.table()
        let findings = Reconciler.reconcile([table]).findings
        for finding in findings {
            let zh = finding.text(english: false)
            for source in IncomeSource.allCases { #expect(!zh.contains(source.rawValue), "\(zh)") }
        }
        #expect(findings.filter { $0.rule == "类=Σ款" || $0.rule == "合计=Σ类" }.count == 1)
    }
}
