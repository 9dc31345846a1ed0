import EvaluationForms
import FinanceModel
import Foundation
import Pipeline
import Spreadsheet
import Testing
import TestSupport

/// The seed department (Samples/益阳市资阳区商务局) end to end: files → recognition → reconciliation →
/// scoring → workbook. Golden files pin the `--json` values and the workbook's text dump (cells, merges,
/// styles, layout); `RECORD_SNAPSHOTS=1` re-records them and fails the run.
@Suite("Forms of the sample departments")
struct SeedFormsTests {
    static func run(_ department: String) throws -> FormsResult {
        let folder = Fixtures.repositoryRoot().appendingPathComponent("Samples").appendingPathComponent(department)
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path)
            .filter { $0.hasSuffix(".xlsx") || $0.hasSuffix(".csv") }.sorted()
            .map { folder.appendingPathComponent($0).path }
        return try Pipeline.forms(Pipeline.load(files))
    }

    @Test("seed department: values (--json) and layout (text dump) match the golden files")
    func seedGolden() throws {
        let run = try Self.run("益阳市资阳区商务局")
        #expect(run.checked.findings.allSatisfy { $0.rule != "工作表未识别" })
        SnapshotCheck.assert(run.report.jsonDocument().rendered(), named: "seed-forms.json", folder: "Golden")
        SnapshotCheck.assert(TextDump.dumpWithLayout(run.workbook), named: "seed-forms.txt", folder: "Golden")
    }

    @Test("seed department: the figures the report gives")
    func seedFigures() throws {
        let report = try Self.run("益阳市资阳区商务局").report
        #expect(report.projects.count == 9)
        let common = Dictionary(report.department.commonIndicators.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        // 三公: 年初 158.08, 调整后 77.89, 决算 77.86 (FORMS.md §5).
        #expect(common["“三公经费”控制率（年初）"]?.value?.formatted(decimals: 4) == "0.4925")
        #expect(common["“三公经费”控制率（调整后）"]?.value?.formatted(decimals: 4) == "0.9996")
        #expect(common["在职人员控制率"]?.value == Rate.one)
        // 离退休人员经费 28.71 vs 28.87 and the 0.01 rounding difference are reported.
        #expect(report.findings.contains { $0.rule == "项目金额矛盾" || $0.message.zh.contains("28.71") })
        #expect(report.hasErrors)
        // 外商直接投资 148 of 200 without 偏差原因.
        #expect(report.findings.contains { $0.rule == "未达标无偏差原因" && $0.message.zh.contains("外商直接投资") })
    }

    @Test("second department: forms build without unreadable files")
    func second() throws {
        let run = try Self.run("某县农业农村局")
        #expect(run.checked.findings.allSatisfy { $0.rule != "工作表未识别" })
        #expect(!run.report.projects.isEmpty)
        #expect(run.workbook.sheets.first?.name == "部门整体支出绩效自评表")
    }
}

@Suite("Forms read back")
struct FormsRoundTripTests {
    @Test("the written forms read back as filled forms and pass the filled-form check")
    func roundTrip() throws {
        let run = try SeedFormsTests.run("益阳市资阳区商务局")
        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("自评表.xlsx").path
        _ = try FormsOutput.write(run.workbook, splits: [], to: path)
        let department = try #require(try Pipeline.load([path]).groups.first).department
        let forms = department.projects.filter(FilledFormCheck.carriesScores)
        #expect(forms.count == run.report.projects.count)
        let findings = FilledFormCheck.findings(in: department)
        #expect(findings.filter { ["得分超过分值", "执行率得分不符", "指标得分不符", "总分不符"].contains($0.rule) }.map { $0.message.zh } == [])
    }

    @Test("a formula overwritten by a wrong typed number is still reported by the filled-form check")
    func typedOverFormula() throws {
        let run = try SeedFormsTests.run("益阳市资阳区商务局")
        var workbook = run.workbook
        let index = try #require(workbook.sheets.firstIndex { $0.name == "日常招商" })
        // H19: 外商直接投资 148 of 200 × 15 = 11.10, written as a formula; a person types 15 over it.
        let h19 = try #require(CellAddress("H19"))
        #expect(workbook.sheets[index].row(at: h19.row)?.cell(at: h19.column)?.formula != nil)
        let style = workbook.sheets[index].row(at: h19.row)?.cell(at: h19.column)?.style
        workbook.sheets[index].set(h19, .number("15"), formula: nil, style: style)
        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("自评表.xlsx").path
        _ = try FormsOutput.write(workbook, splits: [], to: path)
        let findings = FilledFormCheck.findings(in: try #require(try Pipeline.load([path]).groups.first).department)
        let wrong = try #require(findings.first { $0.rule == "指标得分不符" })
        #expect(wrong.cells.first?.location.cell == "H19")
        #expect(wrong.expected == "11.10")
    }
}
