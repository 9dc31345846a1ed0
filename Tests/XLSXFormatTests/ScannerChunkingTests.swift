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

    /// The same scan with the text output (`forEachRowText`): (row, column, kind, text) per cell.
    static func scanText(_ xml: String = xml, chunk: Int, formats: [CellFormat]? = nil) throws -> [[String]] {
        let context = CellContext(sharedStrings: ["科目"],
                                  formats: formats ?? [.general, CellFormat(code: "#,##0.00", kind: .number)],
                                  date1904: false, limits: ReadLimits())
        var out: [[String]] = []
        var scanner = WorksheetScanner(context: context, location: InputLocation(file: "t.xlsx", part: "Sheet1"),
                                       output: TextRowOutput(context: context, strings: SharedStringBytes(context.sharedStrings))) { row in
            for c in row.copied { out.append([String(row.index), String(c.column), "\(c.kind)", c.text]) }
        }
        defer { scanner.release() }
        let bytes = Array(xml.utf8)
        var offset = 0
        let outcome = try scanner.run { buffer in
            let n = min(chunk, buffer.count, bytes.count - offset)
            bytes.withUnsafeBytes { buffer.copyMemory(from: UnsafeRawBufferPointer(rebasing: $0[offset..<offset + n])) }
            offset += n
            return n
        }
        guard case .finished = outcome else { throw CancellationError() }
        return out
    }

    @Test(arguments: [1, 2, 5, 13, 64, 1 << 20])
    func textsAreTheSameForAnyChunking(chunk: Int) throws {
        #expect(try Self.scanText(chunk: chunk) == [
            ["0", "0", "text", "科目"], ["0", "1", "number", "1234.56"], ["0", "2", "boolean", "TRUE"],
            ["0", "3", "number", "5"], ["0", "5", "text", "ab"], ["0", "6", "number", "7"],
            ["2", "0", "number", "3"], ["2", "1", "error", "#N/A"], ["2", "2", "number", "2"],
            ["3", "16383", "number", "0.001"],
        ])
    }

    /// Dates by style, a formula without a cached value (kept, empty), a cell without value or formula
    /// (dropped), columns out of order (sorted, the later of two in one column kept), inline and ISO
    /// date cells, text that is not a number, and `_x000D_` escapes in a formula string.
    @Test func textOutputDecodesLikeCells() throws {
        let xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>\
            <row r="2"><c r="C2" s="1"><v>44196.5</v></c><c r="A2" s="1"><v>0.25</v></c><c r="B2"><f>X1</f></c>\
            <c r="D2" s="1"/><c r="A2"><v>1</v></c></row>\
            <row r="5"><c r="A5" t="inlineStr"><is><t>行</t><t> 内</t></is></c>\
            <c r="B5" t="d"><v>2020-12-31T08:30:00</v></c><c r="C5" t="d"><v>soon</v></c><c r="D5"><v>n/a</v></c>\
            <c r="E5" t="str"><v>a_x000D_b</v></c><c r="F5" t="inlineStr"><v>ignored</v></c></row>\
            </sheetData></worksheet>
            """
        let formats = [CellFormat.general, CellFormat(code: "yyyy-mm-dd", kind: .date)]
        let expected = [
            ["1", "0", "number", "1"], ["1", "1", "empty", ""], ["1", "2", "date", "2020-12-31T12:00:00"],
            ["4", "0", "text", "行内"], ["4", "1", "date", "2020-12-31T08:30:00"], ["4", "2", "text", "soon"],
            ["4", "3", "text", "n/a"], ["4", "4", "text", "a\rb"],
        ]
        for chunk in [3, 1 << 20] {
            #expect(try Self.scanText(xml, chunk: chunk, formats: formats) == expected)
        }
        // The Row output of the same part gives the same texts.
        let context = CellContext(sharedStrings: [], formats: formats, date1904: false, limits: ReadLimits())
        var fromCells: [[String]] = []
        var scanner = WorksheetScanner(context: context, location: InputLocation(file: "t.xlsx", part: "Sheet1")) { row in
            for c in row.cells {
                fromCells.append([String(row.index), String(c.column), "\(RowText.Kind(c.value))", c.value.csvText])
            }
        }
        let bytes = Array(xml.utf8)
        var offset = 0
        _ = try scanner.run { buffer in
            let n = min(buffer.count, bytes.count - offset)
            bytes.withUnsafeBytes { buffer.copyMemory(from: UnsafeRawBufferPointer(rebasing: $0[offset..<offset + n])) }
            offset += n
            return n
        }
        #expect(fromCells == expected)
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
