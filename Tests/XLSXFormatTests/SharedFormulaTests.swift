import Spreadsheet
import Testing
@_spi(PartParsing) @testable import XLSXFormat

/// Shared formulas: the cells after the first get the first one's formula moved by their offset,
/// whichever parser reads the sheet.
@Suite struct SharedFormulaTests {
    @Test(arguments: [
        ("A1+B2", 1, 0, "A2+B3"),
        ("SUM(C1:C5)", 2, 1, "SUM(D3:D7)"),
        ("$A1*A$1+$A$1", 3, 2, "$A4*C$1+$A$1"),
        ("SUM(A:A)+SUM($B:$B)+SUM(2:3)", 1, 1, "SUM(B:B)+SUM($B:$B)+SUM(3:4)"),
        ("Sheet2!B2+'预算 表'!C3", 1, 0, "Sheet2!B3+'预算 表'!C4"),
        ("IF(A1>0,\"A1 不变\",LOG10(B1))", 1, 0, "IF(A2>0,\"A1 不变\",LOG10(B2))"),
        ("_xlfn.STDEV.S(A1:A3)*1.5E+3", 0, 1, "_xlfn.STDEV.S(B1:B3)*1.5E+3"),
        ("Table1[[#This Row],[金额]]*A1", 1, 0, "Table1[[#This Row],[金额]]*A2"),
        ("A1-1", -1, 0, "#REF!-1"),
        ("XFD1+A1048576", 1, 1, "#REF!+#REF!"),
        ("TRUE+#N/A+ROUND(C7/10000,2)", 4, 0, "TRUE+#N/A+ROUND(C11/10000,2)"),
        ("A1", 0, 0, "A1"),
    ] as [(String, Int, Int, String)])
    func shift(_ formula: String, _ rows: Int, _ columns: Int, _ expected: String) {
        #expect(SharedFormula.shift(formula, rows: rows, columns: columns) == expected)
    }

    static let sheet = Array("""
        <?xml version="1.0" encoding="UTF-8"?>
        <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>\
        <row r="2"><c r="C2"><f t="shared" ref="C2:D4" si="0">ROUND(A2/10000,2)</f><v>1.5</v></c>\
        <c r="D2"><f t="shared" si="0"/><v>2</v></c></row>\
        <row r="3"><c r="C3"><f t="shared" si="0"/><v>3</v></c><c r="D3"><f t="shared" si="7"/><v>4</v></c></row>\
        <row r="4"><c r="D4"><f t="shared" si="0"/></c><c r="E4"><f>SUM(C2:C3)</f><v>4.5</v></c></row>\
        </sheetData></worksheet>
        """.utf8)

    @Test func readersExpandSharedFormulas() throws {
        var strict: [Row] = []
        try XLSXPartParsing.worksheet(Self.sheet) { strict.append($0) }
        var fast: [Row] = []
        #expect(try XLSXPartParsing.worksheetScanned(Self.sheet) { fast.append($0) })
        #expect(fast == strict)
        let formulas = strict.flatMap { row in row.cells.map { "\(CellAddress(row: row.index, column: $0.column)) \($0.formula ?? "-")" } }
        // D3 names an si with no first cell: no formula; D4 has no cached value: not a cell, as before.
        #expect(formulas == ["C2 ROUND(A2/10000,2)", "D2 ROUND(B2/10000,2)", "C3 ROUND(A3/10000,2)", "D3 -",
                             "E4 SUM(C2:C3)"])
        // The CSV texts are unchanged by the expansion.
        var texts: [String] = []
        try XLSXPartParsing.worksheetScannedText(Self.sheet) { texts.append($0.copied.map(\.text).joined(separator: ",")) }
        #expect(texts == ["1.5,2", "3,4", "4.5"])
    }
}
