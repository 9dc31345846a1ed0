import Spreadsheet
import Testing
@testable import XLSXFormat

/// The scanner's in-place shortcuts (`<c r s t>` start tags, `<v>…</v></c>` read from the buffer) must
/// give the same cells whatever the chunks look like: a tag or value split across two reads takes
/// the general path.
@Suite struct ScannerChunkingTests {
    static let xml = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>\
        <row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" s="1"><v>1234.5599999999999</v></c>\
        <c r="C1"  t="b"><v>1</v></c><c r='D1'><v>5.0</v></c><c r="E1" s="1"/>\
        <c t="str" r="F1"><f>A1&amp;"x"</f><v>ab</v></c><c r="G1"><v> 7 </v></c></row>\
        <row r="3"><c r="B3" t="e"><v>#N/A</v></c><c><v>2</v></c><c r="A3"><v>&#51;</v></c></row>\
        <row r="4"><c r="XFD4" s="1" t="n"><v>1E-3</v></c></row>\
        </sheetData></worksheet>
        """

    /// (row, column, CSV text, formula, number format) of every cell the scanner hands on.
    static func scan(chunk: Int) throws -> [[String]] {
        let context = CellContext(sharedStrings: ["科目"],
                                  formats: [.general, CellFormat(code: "#,##0.00", kind: .number)],
                                  date1904: false, limits: ReadLimits())
        var out: [[String]] = []
        var scanner = WorksheetScanner(context: context, location: InputLocation(file: "t.xlsx", part: "Sheet1")) { row in
            for c in row.cells {
                out.append([String(row.index), String(c.column), c.value.csvText, c.formula ?? "-",
                            c.style?.numberFormat ?? "-"])
            }
        }
        let bytes = Array(xml.utf8)
        var offset = 0
        let outcome = try scanner.run { buffer in
            let n = min(chunk, buffer.count, bytes.count - offset)
            buffer.copyMemory(from: UnsafeRawBufferPointer(rebasing: bytes.withUnsafeBytes { $0 }[offset..<offset + n]))
            offset += n
            return n
        }
        guard case .finished = outcome else { throw CancellationError() }
        return out
    }

    @Test(arguments: [1, 2, 5, 13, 64, 1 << 20])
    func cellsAreTheSameForAnyChunking(chunk: Int) throws {
        #expect(try Self.scan(chunk: chunk) == [
            ["0", "0", "科目", "-", "-"], ["0", "1", "1234.56", "-", "#,##0.00"], ["0", "2", "TRUE", "-", "-"],
            ["0", "3", "5", "-", "-"], ["0", "5", "ab", "A1&\"x\"", "-"], ["0", "6", "7", "-", "-"],
            ["2", "0", "3", "-", "-"], ["2", "1", "#N/A", "-", "-"], ["2", "2", "2", "-", "-"],
            ["3", "16383", "0.001", "-", "#,##0.00"],
        ])
    }
}
