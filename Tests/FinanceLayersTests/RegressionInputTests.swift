import EvaluationForms
import FinanceFuzzing
import FinanceModel
import Foundation
import Recognition
import Spreadsheet
import Testing
import XLSXFormat

/// Inputs that once trapped, replayed through the same finance layers (FinanceFuzzing.run).
@Suite("Regression inputs from the fuzzer and the mutation harness")
struct RegressionInputTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    static func files(in folder: String, ext: String) -> [URL] {
        let url = fixtures.appendingPathComponent(folder)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
        return names.filter { $0.hasSuffix("." + ext) }.sorted().map { url.appendingPathComponent($0) }
    }

    /// mutate.py (seed 1) minimised this 单位预算 workbook: a 收入 table whose rows have different
    /// income sources made `forms` trap at SubjectSumRule.swift:114 (exit 132).
    @Test("mutate.py crashers: every workbook goes through recognition, reconciliation, forms and the writer")
    func mutateCrashers() throws {
        let workbooks = Self.files(in: "mutate", ext: "xlsx")
        #expect(!workbooks.isEmpty)
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("regression-\(getpid())")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        for url in workbooks {
            let workbook = try XLSXReader(path: url.path).readWorkbook()
            let file = FinanceFuzzing.File(name: url.lastPathComponent, isCSV: false, sheets: workbook.sheets)
            let outcome = try FinanceFuzzing.run(FinanceFuzzing.Input(files: [file]), scratch: scratch.path)
            #expect(!outcome.tables.isEmpty, "\(url.lastPathComponent)")
        }
    }

    /// mutate.py: 26 of 500 `forms` runs failed with “检查结果: 第 7 行行高 1205.0 超出 0–409 磅”: a finding
    /// citing many cells grew its row past Excel's limit, and the writer refused the whole workbook.
    @Test("a wrapped text too long for one row is capped at 409 points and the sheet writes")
    func longWrappedTextStillWrites() throws {
        var sheet = Sheet(name: "检查结果")
        sheet.setColumnWidths([10, 40])
        let long = Array(repeating: "预算.xlsx › 支出表 › C12、", count: 400).joined()
        sheet.set(CellAddress(row: 0, column: 1), .text(long),
                  style: CellStyle(alignment: CellStyle.Alignment(wrapText: true)))
        sheet.fitRowsToWrappedText()
        #expect(sheet.layout.rowHeights[0] == Sheet.maxRowHeight)
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("long-\(getpid()).xlsx").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try XLSXWriter.write(Workbook(sheets: [sheet]), to: path)
    }

    /// The seeded property test: a project named with a control character (read from a cell) gave its
    /// form sheet that name, and the writer refused the whole forms workbook.
    @Test("project sheet names never carry what Excel refuses", arguments: [
        ("项目\u{1}\u{7}名", "项目__名"), ("History", "History(2)"), ("a" + String(repeating: "\u{301}", count: 40), "项目"),
        ("'[重点]项目:2020'", "_重点_项目_2020"),
    ])
    func projectSheetNames(wanted: String, expected: String) throws {
        var names = SheetNames()
        let name = names.unique(wanted)
        #expect(name == expected)
        var sheet = Sheet(name: name)
        sheet.set(CellAddress(row: 0, column: 0), .text(wanted))
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("names-\(getpid()).xlsx").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try XLSXWriter.write(Workbook(sheets: [sheet]), to: path)
    }

    /// libFuzzer inputs (FuzzFinanceLayers) that found a trap or a broken invariant: `*.bin` in
    /// Fixtures/fuzz, each a plan `FinanceFuzzing.input(from:)` reads.
    @Test("FuzzFinanceLayers findings replay without a trap or a violation")
    func fuzzFindings() throws {
        for url in Self.files(in: "fuzz", ext: "bin") {
            let bytes = try [UInt8](Data(contentsOf: url))
            do {
                _ = try FinanceFuzzing.run(FinanceFuzzing.input(from: bytes))
            } catch {
                Issue.record("\(url.lastPathComponent): \(error)")
            }
        }
    }
}

@Suite("Mapping row ranges")
struct MappingRowRangeTests {
    /// `--mapping` with "headerRows": "1-9223372036854775807" ran the header loops for ever.
    @Test("a header or data range past Excel's last row is a bad mapping, not a hang", arguments: [
        "1-9223372036854775807", "3-1048577", "2-99999999999",
    ])
    func hugeRowRange(rows: String) throws {
        var sheet = Sheet(name: "支出决算表")
        for (c, word) in ["科目编码", "科目名称", "合计", "基本支出", "项目支出"].enumerated() {
            sheet.set(CellAddress(row: 0, column: c), .text(word))
        }
        sheet.set(CellAddress(row: 1, column: 0), .text("201"))
        sheet.set(CellAddress(row: 1, column: 2), .number("10"))
        for mapping in [Mapping(tables: [TableMapping(headerRows: rows)]), Mapping(tables: [TableMapping(dataRows: rows)])] {
            #expect(throws: RecognitionError.self) {
                try TableRecognizer.recognize(sheet: sheet, file: "支出.xlsx", isCSV: false, mapping: mapping)
            }
        }
    }
}

extension MappingRowRangeTests {
    /// "headerRows": "1-1048576" took 10 s (debug) walking a million empty header rows per sheet.
    @Test("a range to Excel's last row reads only the sheet's rows")
    func rangeToTheEnd() throws {
        var sheet = Sheet(name: "支出决算表")
        for (c, word) in ["科目编码", "科目名称", "合计", "基本支出", "项目支出"].enumerated() {
            sheet.set(CellAddress(row: 0, column: c), .text(word))
        }
        sheet.set(CellAddress(row: 1, column: 0), .text("201"))
        sheet.set(CellAddress(row: 1, column: 2), .number("10"))
        let mapping = Mapping(tables: [TableMapping(dataRows: "2-1048576")])
        let tables = try TableRecognizer.recognize(sheet: sheet, file: "支出.xlsx", isCSV: false, mapping: mapping)
        #expect(tables.first?.dataRows == 1)
        let start = Date()
        _ = try? TableRecognizer.recognize(
            sheet: sheet, file: "支出.xlsx", isCSV: false, mapping: Mapping(tables: [TableMapping(headerRows: "1-1048576")]))
        #expect(Date().timeIntervalSince(start) < 2)
    }
}

@Suite("Recognition messages in Chinese")
struct RecognitionMessageTests {
    /// mutate.py: “识别为 incomeExpenseSummary，但第 3–3 行的表头中缺少：收入项目/支出项目 列”.
    @Test("a table with missing columns is named by its Chinese kind, not the enum's raw value")
    func missingColumnsNamesTheKind() throws {
        var sheet = Sheet(name: "收支预算总表")
        sheet.set(CellAddress(row: 0, column: 0), .text("部门收支预算总表"))
        sheet.set(CellAddress(row: 2, column: 0), .text("收入"))
        sheet.set(CellAddress(row: 2, column: 2), .text("支出"))
        sheet.set(CellAddress(row: 3, column: 0), .text("财政拨款收入"))
        sheet.set(CellAddress(row: 3, column: 1), .number("10"))
        do {
            _ = try TableRecognizer.recognize(sheet: sheet, file: "a.xlsx", isCSV: false)
            Issue.record("recognised a table without its 收入项目/支出项目 columns")
        } catch {
            guard case .missingColumns = error.reason else { Issue.record("\(error)"); return }
            let zh = error.message(.zh)
            #expect(zh.contains("识别为收支总表"), "\(zh)")
            #expect(!zh.contains("incomeExpenseSummary"))
        }
    }
}

@Suite("Forms cells stay within Excel's limits")
struct FormsCellLimitTests {
    /// A 类 row over thousands of 款 rows: the finding cites every cell, and the 检查结果 cell listing
    /// them (or a message quoting a 40,000-character name) passed Excel's 32,767 and the writer refused
    /// the whole forms workbook.
    @Test("a finding citing thousands of cells, or quoting a huge name, still writes")
    func hugeFindingWrites() throws {
        let cells = (0..<4_000).map { i in
            CitedCell(FinanceModel.SourceLocation(file: "决算.xlsx", sheet: "收入决算表", cell: "C\(i + 6)"), value: "\(i).00")
        }
        let name = String(repeating: "行政运行", count: 10_000)
        let finding = Finding(
            severity: .error, rule: "类=Σ款", message: LocalizedText(zh: "“\(name)”应等于其下级科目之和", en: name),
            cells: cells, expected: "1", found: "2")
        let sheet = FindingsLayout.sheet([finding])
        for row in sheet.rows {
            for cell in row.cells { #expect(cell.value.csvText.utf16.count <= 32_767) }
        }
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("findings-\(getpid()).xlsx").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try XLSXWriter.write(Workbook(sheets: [sheet]), to: path)
    }
}
