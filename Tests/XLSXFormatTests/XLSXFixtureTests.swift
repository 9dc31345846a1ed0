import Foundation
import Spreadsheet
import TestSupport
import Testing
@testable import XLSXFormat

/// One fixture per quirk: the whole workbook, dumped as text, must equal the committed `<name>.txt`.
/// Set `XLSX_RECORD_DUMPS=1` to rewrite the dumps (the run then fails, so a new baseline is never
/// accepted unseen).
@Suite struct XLSXFixtureTests {
    static let quirks = [
        "cell_types.xlsx", "date1904.xlsx", "strict_namespaces.xlsx", "prefixed_main.xlsx",
        "missing_references.xlsx", "odd_packaging.xlsx", "merged_and_hidden.xlsx", "escapes_and_whitespace.xlsx",
        "repeated_row.xlsx", "macro_workbook.xlsm", "zip64_package.xlsx", "cjk_sheet_names.xlsx", "sparse_wide.xlsx",
    ]

    @Test(arguments: quirks)
    func dumpMatches(_ name: String) throws {
        let reader = try XLSXReader(path: Fixtures.url(name).path)
        let dump = TextDump.dump(try reader.readWorkbook())
        let expectedURL = Fixtures.url(name + ".txt")
        if ProcessInfo.processInfo.environment["XLSX_RECORD_DUMPS"] == "1" {
            try dump.write(to: expectedURL, atomically: true, encoding: .utf8)
            Issue.record("recorded \(expectedURL.lastPathComponent); rerun without XLSX_RECORD_DUMPS")
            return
        }
        let expected = try String(contentsOf: expectedURL, encoding: .utf8)
        #expect(dump == expected)
    }

    @Test func sheetsListInWorkbookOrderWithStateAndKind() throws {
        let reader = try XLSXReader(path: Fixtures.url("merged_and_hidden.xlsx").path)
        #expect(reader.sheets.map(\.name) == ["Visible", "Hidden", "VeryHidden", "Chart"])
        #expect(reader.sheets.map(\.index) == [1, 2, 3, 4])
        #expect(reader.sheets.map(\.state) == [.visible, .hidden, .veryHidden, .visible])
        #expect(reader.sheets.map(\.kind) == [.worksheet, .worksheet, .worksheet, .chartsheet])
        #expect(try reader.mergedRanges(sheet: 1).map(\.description) == ["A1:H1", "C3:D4"])
        // One pass gives rows and merges, on either stream.
        #expect(try reader.forEachRow(sheet: 1) { _ in }.map(\.description) == ["A1:H1", "C3:D4"])
        #expect(try reader.forEachRowText(sheet: 1) { _ in }.map(\.description) == ["A1:H1", "C3:D4"])
        #expect(try reader.forEachRowText(sheet: 4) { _ in }.isEmpty)
        var chartRows = 0
        try reader.forEachRow(sheet: 4) { _ in chartRows += 1 }
        #expect(chartRows == 0)
    }

    @Test func date1904FlagIsReported() throws {
        #expect(try XLSXReader(path: Fixtures.url("date1904.xlsx").path).date1904)
        #expect(try !XLSXReader(path: Fixtures.url("cell_types.xlsx").path).date1904)
    }

    @Test func streamingDeliversRowsInFileOrder() throws {
        let reader = try XLSXReader(path: Fixtures.url("repeated_row.xlsx").path)
        var indexes: [Int] = []
        try reader.forEachRow(sheet: 1) { indexes.append($0.index) }
        #expect(indexes == [0, 2, 2, 1])
        #expect(try reader.readSheet(1).rows.map(\.index) == [0, 1, 2])
    }

    @Test func cellsCarryFormulaAndNumberFormat() throws {
        let sheet = try XLSXReader(path: Fixtures.url("cell_types.xlsx").path).readSheet(1)
        let a5 = try #require(sheet.row(at: 4)?.cell(at: 0))
        #expect(a5.formula == "SUM(A2:C2)")
        #expect(a5.value == .number("1239.561"))
        let f2 = try #require(sheet.row(at: 1)?.cell(at: 5))
        #expect(f2.style?.numberFormat == "#,##0.00\" 元\"")
    }

    @Test func unknownSheetIsAnError() throws {
        let reader = try XLSXReader(path: Fixtures.url("cell_types.xlsx").path)
        #expect(throws: SpreadsheetError.self) { try reader.readSheet(2) }
    }
}
