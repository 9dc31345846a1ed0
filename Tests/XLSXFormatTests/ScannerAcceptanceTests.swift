import Spreadsheet
import Testing
@_spi(PartParsing) @testable import XLSXFormat

/// What libxml2 refuses, the byte scanner must hand to it rather than read: in the cells it reads and
/// in the parts of the sheet it skips. (Found by FuzzXLSXParts: a NUL byte in the root element's
/// attribute was read by the scanner and refused by libxml2.)
@Suite struct ScannerAcceptanceTests {
    static func sheet(root: String = "", before: String = "", cells: String) -> [UInt8] {
        Array("""
            <?xml version="1.0" encoding="UTF-8"?>
            <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"\(root)>\(before)\
            <sheetData><row r="1">\(cells)</row></sheetData></worksheet>
            """.utf8)
    }

    static let malformed: [(String, [UInt8])] = [
        ("NUL in a skipped attribute", sheet(root: " xmlns:r=\"a\u{0}b\"", cells: "<c r=\"A1\"><v>1</v></c>")),
        ("control character in a cell attribute", sheet(cells: "<c r=\"A1\" s=\"0\u{1}\"><v>1</v></c>")),
        ("invalid UTF-8 in a skipped attribute", sheet(before: "<sheetPr codeName=\"\u{FFFF}x\"/>", cells: "<c r=\"A1\"><v>1</v></c>")),
        ("unknown entity in skipped text", sheet(before: "<headerFooter><oddHeader>&nope;</oddHeader></headerFooter>",
                                                cells: "<c r=\"A1\"><v>1</v></c>")),
        ("control character in skipped text", sheet(before: "<headerFooter><oddHeader>a\u{2}</oddHeader></headerFooter>",
                                                    cells: "<c r=\"A1\"><v>1</v></c>")),
        ("]]> in a value", sheet(cells: "<c r=\"A1\" t=\"str\"><v>a]]>b</v></c>")),
        ("]]> in a formula", sheet(cells: "<c r=\"A1\"><f>\"]]>\"</f><v>1</v></c>")),
    ]

    @Test(arguments: malformed.map(\.0))
    func refusedByEveryPath(_ name: String) {
        let bytes = Self.malformed.first { $0.0 == name }!.1
        #expect(throws: SpreadsheetError.self, "libxml2: \(name)") { try XLSXPartParsing.worksheet(bytes) }
        #expect(throws: SpreadsheetError.self, "scanner rows: \(name)") { try XLSXPartParsing.worksheetScanned(bytes) }
        #expect(throws: SpreadsheetError.self, "scanner texts: \(name)") { try XLSXPartParsing.worksheetScannedText(bytes) }
    }

    /// The checks do not send ordinary sheets to libxml2: non-ASCII attribute values and text outside
    /// `sheetData`, entities (character references with leading zeros too) in skipped text, `]]>` in an
    /// attribute value (allowed there) and `>` in a value stay on the fast path.
    @Test func ordinaryTextStaysOnTheFastPath() throws {
        let bytes = Self.sheet(before: "<sheetPr codeName=\"工作表1\"/><extLst><ext uri=\"a]]>b\"/></extLst>"
                                   + "<headerFooter><oddHeader>&amp;C第 &amp;P 页&#x0000000041;</oddHeader></headerFooter>",
                               cells: "<c r=\"A1\" t=\"str\"><v>a&gt;b]></v></c><c r=\"B1\"><v>2</v></c>")
        var rows: [Row] = []
        #expect(try XLSXPartParsing.worksheetScanned(bytes) { rows.append($0) })
        #expect(rows.map { $0.cells.map(\.value.csvText) } == [["a>b]>", "2"]])
        var texts: [[String]] = []
        #expect(try XLSXPartParsing.worksheetScannedText(bytes) { texts.append($0.copied.map(\.text)) })
        #expect(texts == [["a>b]>", "2"]])
    }
}
