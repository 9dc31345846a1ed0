import Foundation
import Spreadsheet
import Testing
import TestSupport
@testable import XLSXFormat

/// Determinism, sheet-name rules, limits and value checks.
@Suite struct RulesTests {
    @Test func sameWorkbookGivesIdenticalBytes() throws {
        var options = XLSXWriteOptions()
        options.documentProperties.title = "自评表"
        let a = try Samples.bytes(try Samples.write(Samples.form(), name: "a.xlsx", options: options))
        let b = try Samples.bytes(try Samples.write(Samples.form(), name: "b.xlsx", options: options))
        #expect(a == b)
        // A different cell value must change the bytes (the comparison is not vacuous).
        var changed = Samples.form()
        changed.sheets[0].set(CellAddress("B3")!, .number("1234.57"))
        #expect(try Samples.bytes(try Samples.write(changed)) != a)
    }

    @Test(arguments: [
        ("", "empty"), (String(repeating: "表", count: 32), "32 characters"), ("a[1]", "["), ("a:b", ":"),
        ("a*", "*"), ("a?", "?"), ("a/b", "/"), ("a\\b", "\\"), ("'a", "leading '"), ("a'", "trailing '"),
        ("History", "reserved"), ("SHEET1", "duplicate"),
    ])
    func invalidSheetNamesAreRefused(name: String, why: String) throws {
        let folder = try Fixtures.temporaryDirectory("xlsx-writer")
        let writer = try XLSXWriter(path: folder.appendingPathComponent("x.xlsx").path)
        try writer.beginSheet(name: "Sheet1")
        try writer.endSheet()
        do {
            try writer.beginSheet(name: name)
            Issue.record("\(why): accepted \(name)")
        } catch let error as SpreadsheetError {
            guard case .invalidSheetName(let bad, _) = error.reason else {
                Issue.record("\(why): wrong reason \(error.reason)")
                return
            }
            #expect(bad == name)
            #expect(error.message(.zh).contains("工作表名称"))
        }
        writer.cancel()
    }

    @Test func validSheetNamesAreAccepted() throws {
        let names = [String(repeating: "表", count: 31), "O'Brien", "2020年 (决算)", "a-b_c.d"]
        let sheets = names.map { Sheet(name: $0) }
        let zip = try ZipEntries(path: try Samples.write(Workbook(sheets: sheets)))
        #expect(zip.names.filter { $0.hasPrefix("xl/worksheets/") }.count == 4)
    }

    @Test func rowsMustIncreaseAndStayInsideExcel() throws {
        func attempt(_ rows: [Row]) -> SpreadsheetError? {
            do {
                _ = try Samples.write(Samples.sheet(rows))
                return nil
            } catch let error as SpreadsheetError {
                return error
            } catch {
                return nil
            }
        }
        let one = [Cell(column: 0, value: .number("1"))]
        #expect(attempt([Row(index: 1, cells: one), Row(index: 1, cells: one)]) != nil)
        #expect(attempt([Row(index: CellAddress.maxRows, cells: one)]) != nil)
        #expect(attempt([Row(index: CellAddress.maxRows - 1, cells: one)]) == nil)
        #expect(attempt([Row(index: 0, cells: [Cell(column: CellAddress.maxColumns, value: .number("1"))])]) != nil)
        #expect(attempt([Row(index: 0, cells: [Cell(column: CellAddress.maxColumns - 1, value: .number("1"))])]) == nil)
        #expect(attempt([Row(index: 0, cells: [Cell(column: 2, value: .empty), Cell(column: 1, value: .empty)])]) != nil)
        let error = attempt([Row(index: 4, cells: [Cell(column: 3, value: .number("1e5"))])])
        #expect(error?.location.position == .cell(CellAddress("D5")!))
        #expect(error?.location.part == "Sheet1")
    }

    @Test func textLongerThanExcelsLimitIsRefused() throws {
        let limit = String(repeating: "字", count: 32_767)
        let zip = try ZipEntries(path: try Samples.write(Samples.sheet([Row(index: 0, cells: [Cell(column: 0, value: .text(limit))])])))
        #expect(zip.text("xl/sharedStrings.xml")?.contains(limit) == true)
        #expect(throws: SpreadsheetError.self) {
            try Samples.write(Samples.sheet([Row(index: 0, cells: [Cell(column: 0, value: .text(limit + "x"))])]))
        }
    }

    @Test(arguments: ["1e5", "+1", ".5", "1.", "1,000", "", "-", "0x10", "1.2.3", " 1"])
    func numbersMustBePlainDecimals(text: String) {
        #expect(throws: SpreadsheetError.self) {
            try Samples.write(Samples.sheet([Row(index: 0, cells: [Cell(column: 0, value: .number(text))])]))
        }
    }

    @Test func exactDecimalTextIsKept() throws {
        let digits = "-12345678901234567890.123456789012345"
        let sheet = try ZipEntries(path: try Samples.write(Samples.sheet([Row(index: 0, cells: [Cell(column: 0, value: .number(digits))])])))
            .text("xl/worksheets/sheet1.xml")
        #expect(sheet?.contains("<v>\(digits)</v>") == true)
    }

    @Test func unknownErrorValuesAndOverlappingMergesAreRefused() throws {
        #expect(throws: SpreadsheetError.self) {
            try Samples.write(Samples.sheet([Row(index: 0, cells: [Cell(column: 0, value: .error("#OOPS"))])]))
        }
        #expect(throws: SpreadsheetError.self) {
            try Samples.write(Samples.sheet([], merges: [CellRange("A1:C2")!, CellRange("B2:D3")!]))
        }
        let zip = try ZipEntries(path: try Samples.write(Samples.sheet([], merges: [CellRange("A1:C2")!, CellRange("D1:D2")!, CellRange("A3")!])))
        #expect(zip.text("xl/worksheets/sheet1.xml")?.contains("<mergeCells count=\"2\"><mergeCell ref=\"A1:C2\"/><mergeCell ref=\"D1:D2\"/></mergeCells>") == true)
    }

    @Test func badColoursAreRefusedWithTheCell() throws {
        let style = CellStyle(fillColor: "yellow")
        do {
            _ = try Samples.write(Samples.sheet([Row(index: 1, cells: [Cell(column: 1, value: .text("x"), style: style)])]))
            Issue.record("accepted a bad colour")
        } catch let error as SpreadsheetError {
            #expect(error.location.position == .cell(CellAddress("B2")!))
            #expect(error.message(.en).contains("yellow"))
        }
    }

    @Test func workbooksNeedAVisibleSheet() {
        #expect(throws: SpreadsheetError.self) { try Samples.write(Workbook(sheets: [])) }
        #expect(throws: SpreadsheetError.self) { try Samples.write(Workbook(sheets: [Sheet(name: "a", state: .hidden)])) }
    }
}
