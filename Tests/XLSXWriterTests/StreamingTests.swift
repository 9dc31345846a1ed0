import Foundation
import Spreadsheet
import Testing
import TestSupport
@testable import XLSXFormat

/// Sheets larger than the 1 MiB buffer: deflated on the second thread buffer by buffer, header added at the end.
@Suite struct StreamingTests {
    @Test func largeSheetIsFlushedAndComplete() throws {
        let folder = try Fixtures.temporaryDirectory("xlsx-writer")
        let path = folder.appendingPathComponent("big.xlsx").path
        let writer = try XLSXWriter(path: path)
        try writer.beginSheet(name: "大表", layout: SheetLayout(rowHeights: [60_000: 30]))
        let rows = 50_000
        for i in 0..<rows {
            try writer.write(row: Row(index: i + 1, cells: [
                Cell(column: 1, value: .number("\(i).25")),
                Cell(column: 2, value: .text(i % 3 == 0 ? "重复" : "唯一\(i)")),
            ]))
        }
        try writer.endSheet()
        try writer.close()
        let zip = try ZipEntries(path: path)
        let sheet = try #require(zip.text("xl/worksheets/sheet1.xml"))
        #expect(sheet.utf8.count > 2 * XMLOutputBuffer.flushThreshold)
        #expect(sheet.contains("<dimension ref=\"B2:C50001\"/>"))
        #expect(sheet.components(separatedBy: "<row ").count - 1 == rows + 1)
        #expect(sheet.hasSuffix("<c r=\"C50001\" t=\"s\"><v>33333</v></c></row><row r=\"60001\" ht=\"30\" customHeight=\"1\"/></sheetData><pageMargins left=\"0.7\" right=\"0.7\" top=\"0.75\" bottom=\"0.75\" header=\"0.3\" footer=\"0.3\"/></worksheet>"))
        let sst = try #require(zip.text("xl/sharedStrings.xml"))
        #expect(sst.contains("count=\"50000\" uniqueCount=\"33334\""))
        #expect(sst.hasSuffix("<si><t>唯一49999</t></si></sst>"))
    }

    @Test func rowsLargerThanTheBufferGrowIt() throws {
        // One row of 40 formula cells with 30,000-character cached text: about 3.6 MB of XML in one
        // row, more than three buffers, between two ordinary rows.
        let long = String(repeating: "表", count: 30_000)
        let big = Row(index: 1, cells: (0..<40).map { Cell(column: $0, value: .text(long), formula: "T(\"x\")") })
        let rows = [Row(index: 0, cells: [Cell(column: 0, value: .text("前"))]), big,
                    Row(index: 2, cells: [Cell(column: 0, value: .text("后"))])]
        let sheet = try #require(try ZipEntries(path: try Samples.write(Samples.sheet(rows))).text("xl/worksheets/sheet1.xml"))
        #expect(sheet.components(separatedBy: "<v>\(long)</v>").count - 1 == 40)
        #expect(sheet.contains("<dimension ref=\"A1:AN3\"/>"))
        #expect(sheet.contains("<row r=\"3\"><c r=\"A3\" t=\"s\"><v>1</v></c></row></sheetData>"))
    }

    @Test func sharedStringsKeepCanonicallyEquivalentTextApart() throws {
        // "é" precomposed and decomposed are equal as Swift Strings but are different cell text.
        let rows = [Row(index: 0, cells: [Cell(column: 0, value: .text("caf\u{E9}")), Cell(column: 1, value: .text("cafe\u{301}")),
                                          Cell(column: 2, value: .text("caf\u{E9}"))])]
        let sst = try #require(try ZipEntries(path: try Samples.write(Samples.sheet(rows))).text("xl/sharedStrings.xml"))
        #expect(sst.contains("count=\"3\" uniqueCount=\"2\"><si><t>caf\u{E9}</t></si><si><t>cafe\u{301}</t></si></sst>"))
    }
}
