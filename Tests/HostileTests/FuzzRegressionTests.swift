import Foundation
import Spreadsheet
import TestSupport
import Testing
@_spi(PartParsing) import XLSXFormat

/// Inputs that fuzzing found, replayed as the fuzz target ran them (Fixtures/fuzz/, one file each).
/// `too_many_entries.xlsx` (HostileFileTests) is the other one.
@Suite struct FuzzRegressionTests {
    static let strings = ["a", " 文本 ", "_x000D_"]
    static let styles = Array("""
        <?xml version="1.0"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">\
        <numFmts count="2"><numFmt numFmtId="164" formatCode="yyyy\\-mm\\-dd"/><numFmt numFmtId="165" formatCode="[h]:mm"/></numFmts>\
        <cellXfs count="5"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/><xf numFmtId="165"/><xf numFmtId="4"/></cellXfs>\
        </styleSheet>
        """.utf8)

    /// Rows from a FuzzXLSXParts worksheet input, decoded as the target does for selectors 4–6.
    func rows(ofPartsInput name: String) throws -> [Row] {
        let input = Array(try Data(contentsOf: Fixtures.url("fuzz/\(name)")))
        let selector = try #require(input.first) % 7
        try #require(selector >= 4)
        var bytes = Array(input.dropFirst())
        var strings: [String] = [], styles: [UInt8]? = nil
        if selector == 5 { (strings, styles) = (Self.strings, Self.styles) }
        if selector == 6 {
            let split = bytes.firstIndex(of: 0) ?? bytes.count
            (strings, styles) = (Self.strings, Array(bytes[..<split]))
            bytes = split < bytes.count ? Array(bytes[(split + 1)...]) : []
        }
        var rows: [Row] = []
        do {
            try XLSXPartParsing.worksheet(bytes, sharedStrings: strings, stylesPart: styles,
                                          date1904: selector == 6) { rows.append($0) }
        } catch is SpreadsheetError {}
        return rows
    }

    /// A damaged sheet naming one column twice in a row gave a row with two cells in that column.
    @Test func duplicateColumnKeepsTheLaterCell() throws {
        for row in try rows(ofPartsInput: "xlsxparts-duplicate-column.bin") {
            let columns = row.cells.map(\.column)
            #expect(columns == Array(Set(columns)).sorted(), "row \(row.index): \(columns)")
        }
        let sheet = Array("""
            <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>\
            <row r="1"><c r="B1"><v>1</v></c><c r="A1"><v>0</v></c><c r="B1"><v>2</v></c></row>\
            </sheetData></worksheet>
            """.utf8)
        var rows: [Row] = []
        try XLSXPartParsing.worksheet(sheet) { rows.append($0) }
        #expect(rows.count == 1)
        #expect(rows.first?.cells.map(\.column) == [0, 1])
        #expect(rows.first?[1] == .number("2"))
    }
}

extension FuzzRegressionTests {
    /// The differential check FuzzXLSXParts runs: the reader's way (scanner, libxml2 fallback) and
    /// libxml2 alone give the same rows, whether the scanner finishes or hands over midway.
    @Test(arguments: [
        #"<row r="1"><c r="A1" t="s"><v>1</v></c><c r="B1" s="2"><v>42734</v></c></row><row r="3"><c r="C3" t="inlineStr"><is><t> x </t></is></c></row>"#,
        #"<row r="1"><c r="A1"><v>1</v></c></row><!-- a comment sends the rest to libxml2 --><row r="2"><c r="A2"><v>2</v></c></row>"#,
        #"<row><c><v>1</v></c><c><f>A1</f><v>2</v></c></row><row r="5"><c r="B5" t="b"><v>1</v></c><c r="B5"><v>3</v></c></row>"#,
    ])
    func scannerAgreesWithLibxml2(body: String) throws {
        let sheet = Array(#"<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>"#.utf8)
            + Array(body.utf8) + Array("</sheetData></worksheet>".utf8)
        var reference: [Row] = [], scanned: [Row] = []
        try XLSXPartParsing.worksheet(sheet, sharedStrings: Self.strings, stylesPart: Self.styles) { reference.append($0) }
        try XLSXPartParsing.worksheetScanned(sheet, sharedStrings: Self.strings, stylesPart: Self.styles) { scanned.append($0) }
        #expect(!reference.isEmpty)
        #expect(scanned == reference)
    }
}
