import Testing
import Foundation
import TestSupport
import Spreadsheet
import CSVFormat

@Suite struct CSVWriterTests {
    static let sampleRows: [[String]] = [
        ["科目编码", "科目名称", "金额"],
        ["2010301", "行政运行", "1,234.56"],
        ["a\"b", "line\r\nbreak", " spaced "],
        [],
        [""],
        ["𠀀€", "x\ny", "=SUM(A1)"],
    ]

    func written(_ rows: [[String]], _ options: CSVWriteOptions = .init()) throws -> (bytes: [UInt8], dir: URL) {
        let dir = try Fixtures.temporaryDirectory()
        let path = dir.appendingPathComponent("out.csv").path
        let w = try CSVWriter(path: path, options: options)
        for r in rows { try w.write(row: r) }
        try w.finish()
        return (Array(try Data(contentsOf: URL(fileURLWithPath: path))), dir)
    }

    @Test func quotesMinimallyWithCRLF() throws {
        let (bytes, dir) = try written([["a,b", "c\"d", "plain", " sp "], ["x\ry"], [""], []])
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(String(decoding: bytes, as: UTF8.self) == "\"a,b\",\"c\"\"d\",plain, sp \r\n\"x\ry\"\r\n\"\"\r\n\r\n")
    }

    @Test(arguments: [TextEncoding.utf8, .utf8BOM, .gb18030])
    func encodingsRoundTripThroughTheReader(_ encoding: TextEncoding) throws {
        let (bytes, dir) = try written(Self.sampleRows, CSVWriteOptions(encoding: encoding))
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF] || encoding != .utf8BOM)
        let back = try CSVReader.read(bytes: bytes, name: "out.csv")
        #expect(back.encoding == encoding)
        #expect(back.delimiter == ",")
        #expect(rowsOf(back) == Self.sampleRows)
    }

    @Test func refusesEncodingsItDoesNotWrite() {
        #expect(throws: SpreadsheetError.self) { try CSVWriter(path: "/tmp/x.csv", options: CSVWriteOptions(encoding: .utf16LE)) }
    }

    @Test(arguments: [
        ("=1+2", "'=1+2"), ("+86 10", "'+86 10"), ("@SUM(A1)", "'@SUM(A1)"), ("\tx", "'\tx"), ("\rx", "'\rx"),
        ("-A1", "'-A1"), ("--1", "'--1"), ("-", "-"), ("-22.83%", "-22.83%"), ("-5", "-5"), ("-.5", "-.5"),
        ("1=1", "1=1"), ("", ""), ("中文", "中文"), ("'=x", "'=x"),
    ])
    func formulaGuard(field: String, expected: String) throws {
        #expect(CSVWriter.needsFormulaGuard(field) == (field != expected))
        let (bytes, dir) = try written([[field, "z"]], CSVWriteOptions(guardFormulas: true))
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(rowsOf(try CSVReader.read(bytes: bytes, name: "g.csv")) == [[expected, "z"]])
        let (plain, dir2) = try written([[field, "z"]])
        defer { try? FileManager.default.removeItem(at: dir2) }
        #expect(rowsOf(try CSVReader.read(bytes: plain, name: "p.csv")) == [[field, "z"]])
    }

    @Test func guardLeavesNonTextValuesAlone() throws {
        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("v.csv").path
        let w = try CSVWriter(path: path, options: CSVWriteOptions(guardFormulas: true))
        try w.write(values: [.number("-5"), .text("=HYPERLINK()"), .error("#N/A"), .boolean(true), .empty])
        try w.finish()
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "-5,'=HYPERLINK(),#N/A,TRUE,\r\n")
    }

    /// `write(cells:)` gives the bytes `write(row:)` gives for the same cells' texts, gaps as empty fields.
    @Test(arguments: [CSVWriteOptions(), CSVWriteOptions(guardFormulas: true),
                      CSVWriteOptions(lineEnding: "\n", delimiter: UInt8(ascii: ";"))])
    func cellsWriteAsTheirTextRows(options: CSVWriteOptions) throws {
        let date = try #require(LocalDateTime(iso8601: "2020-12-31T08:30:00"))
        let rows: [[Cell]] = [
            [Cell(column: 0, value: .text("科目")), Cell(column: 2, value: .number("-1234.5")),
             Cell(column: 3, value: .text("a,b;\"c\"\r\nd")), Cell(column: 5, value: .date(date))],
            [],
            [Cell(column: 0, value: .text(""))],
            [Cell(column: 0, value: .empty, formula: "A1")],
            [Cell(column: 1, value: .text(""))],
            [Cell(column: 2, value: .boolean(false)), Cell(column: 3, value: .error("#DIV/0!")),
             Cell(column: 4, value: .text("=SUM(A1)")), Cell(column: 5, value: .text("-x"))],
            [Cell(column: 1, value: .text(String(repeating: "长\"", count: 1500)))],  // over the record's first capacity
        ]
        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let cellsPath = dir.appendingPathComponent("cells.csv").path
        let w = try CSVWriter(path: cellsPath, options: options)
        for r in rows { try w.write(cells: r) }
        try w.finish()
        let rowsPath = dir.appendingPathComponent("rows.csv").path
        let expected = try CSVWriter(path: rowsPath, options: options)
        for r in rows {
            var fields = [String](repeating: "", count: (r.last?.column ?? -1) + 1)
            for c in r {
                if options.guardFormulas, case .text(let s) = c.value, CSVWriter.needsFormulaGuard(s) {
                    fields[c.column] = "'" + s
                } else {
                    fields[c.column] = c.value.csvText
                }
            }
            try expected.write(row: fields)
        }
        try expected.finish()
        let got = try String(contentsOfFile: cellsPath, encoding: .utf8)
        #expect(got == (try String(contentsOfFile: rowsPath, encoding: .utf8)))
        let d = String(UnicodeScalar(options.delimiter))
        #expect(got.hasPrefix("科目\(d)\(d)-1234.5\(d)\"a,b;\"\"c\"\"\r\nd\"\(d)\(d)2020-12-31T08:30:00"))
    }

    @Test func cancelKeepsThePreviousFileAndLeavesNoTemporary() throws {
        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("keep.csv").path
        try Data("old,content\r\n".utf8).write(to: URL(fileURLWithPath: path))
        let w = try CSVWriter(path: path)
        for i in 0..<10_000 { try w.write(row: ["new", String(i)]) }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "old,content\r\n")
        w.cancel()
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "old,content\r\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["keep.csv"])

        // Dropping an unfinished writer is a cancel too.
        do {
            let w2 = try CSVWriter(path: path)
            try w2.write(row: ["partial"])
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["keep.csv"])
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "old,content\r\n")

        let w3 = try CSVWriter(path: path)
        try w3.write(row: ["replaced"])
        try w3.finish()
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "replaced\r\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["keep.csv"])
    }

    @Test func unwritableFolderIsCannotOpen() {
        #expect {
            try CSVWriter(path: "/nonexistent/folder/out.csv")
        } throws: { error in
            guard let e = error as? SpreadsheetError, case .cannotOpen = e.reason else { return false }
            return true
        }
    }

    @Test func writingAfterFinishIsAnError() throws {
        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let w = try CSVWriter(path: dir.appendingPathComponent("f.csv").path)
        try w.write(row: ["a"])
        try w.finish()
        #expect(throws: SpreadsheetError.self) { try w.write(row: ["b"]) }
    }
}
