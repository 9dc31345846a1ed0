import Testing
import Foundation
import TestSupport
import Spreadsheet
@testable import CSVFormat

/// The rows of a read sheet as plain strings (`[]` for an empty line).
func rowsOf(_ result: CSVReadResult) -> [[String]] {
    result.sheet.rows.map { $0.cells.map(\.value.csvText) }
}

@Suite struct CSVReaderFixtureTests {
    struct Case: Sendable, CustomStringConvertible {
        var file: String
        var encoding: TextEncoding
        var delimiter: String
        var rows: [[String]]
        var description: String { file }
    }

    static let cases: [Case] = [
        Case(file: "gbk-with-unit-line.csv", encoding: .gb18030, delimiter: ",",
             rows: [["2020年部门决算表"], ["单位：万元"], ["科目编码", "科目名称", "金额"], ["2010301", "行政运行", "1,234.56"]]),
        Case(file: "gb18030-four-byte.csv", encoding: .gb18030, delimiter: ",",
             rows: [["名称", "备注"], ["𠀀字", "€欧元"]]),
        Case(file: "utf8-bom.csv", encoding: .utf8BOM, delimiter: ",", rows: [["项目", "金额"], ["办公费", "12.5"]]),
        Case(file: "utf16le-bom.csv", encoding: .utf16LE, delimiter: ",", rows: [["name", "城市"], ["A", "北京"]]),
        Case(file: "utf16be-bom.csv", encoding: .utf16BE, delimiter: ",", rows: [["name", "城市"], ["A", "北京"]]),
        Case(file: "cr-only.csv", encoding: .utf8, delimiter: ",", rows: [["a", "b"], ["1", "2"], ["3", "4"]]),
        Case(file: "quoted-newlines.csv", encoding: .utf8, delimiter: ",",
             rows: [["id", "text"], ["1", "line one\r\nline two"], ["2", "say \"hi\", ok"], ["3", "a\nb"]]),
        Case(file: "ragged.csv", encoding: .utf8, delimiter: ",",
             rows: [["a", "b", "c"], ["1"], [], ["2", "3", "4", "5"], ["6", ""]]),
        Case(file: "semicolon.csv", encoding: .utf8, delimiter: ";",
             rows: [["name", "amount"], ["foo", "1,5"], ["bar", "2,25"]]),
        Case(file: "tab.tsv", encoding: .utf8, delimiter: "\t",
             rows: [["name", "note"], ["foo", "has, comma"], ["bar", "plain"]]),
        Case(file: "pipe.txt", encoding: .utf8, delimiter: "|", rows: [["a", "b", "c"], ["1", "2", "3"]]),
        Case(file: "colon.csv", encoding: .utf8, delimiter: ":",
             rows: [["city", "pop"], ["Oslo", "700000"], ["Rome", "2800000"]]),
        Case(file: "cp1252-latin.csv", encoding: .windows1252, delimiter: ",",
             rows: [["name", "price"], ["Café Zürich", "€5"]]),
        Case(file: "empty.csv", encoding: .utf8, delimiter: ",", rows: []),
        Case(file: "stray-quotes.csv", encoding: .utf8, delimiter: ",", rows: [["a", "b\"c", "de"]]),
        Case(file: "nul-byte.csv", encoding: .utf8, delimiter: ",", rows: [["a", "b"], ["\u{0}", "2"]]),
    ]

    @Test(arguments: cases)
    func readsFixture(_ c: Case) throws {
        let path = Fixtures.url(c.file).path
        let result = try CSVReader.read(path: path)
        #expect(result.encoding == c.encoding)
        #expect(result.delimiter == c.delimiter)
        #expect(rowsOf(result) == c.rows)
        #expect(result.sheet.name == c.file)
        #expect(result.sheet.rows.map(\.index) == Array(0..<c.rows.count))

        var streamed: [[String]] = []
        let dialect = try CSVReader.forEachRow(path: path) { streamed.append($0) }
        #expect(streamed == c.rows)
        #expect(dialect == CSVDialect(encoding: c.encoding, delimiter: c.delimiter))
    }
}

@Suite struct CSVReaderBehaviourTests {
    func read(_ text: String, _ options: CSVReadOptions = .init()) throws -> [[String]] {
        rowsOf(try CSVReader.read(bytes: Array(text.utf8), name: "t.csv", options: options))
    }

    @Test func lineEndsAndQuotes() throws {
        #expect(try read("a,b\r\nc,d") == [["a", "b"], ["c", "d"]])
        #expect(try read("a\r\r\nb\n") == [["a"], [], ["b"]])
        #expect(try read("\"x\"y,z\n") == [["xy", "z"]])
        #expect(try read("a,\"open\nstill") == [["a", "open\nstill"]])
        #expect(try read("a,b,\n") == [["a", "b", ""]])
        #expect(try read(",\n") == [["", ""]])
        #expect(try read("\"\"\n") == [[""]])
    }

    @Test func optionsOverrideDetection() throws {
        #expect(try read("a;b,c\n", CSVReadOptions(delimiter: UInt8(ascii: ","))) == [["a;b", "c"]])
        let gbk: [UInt8] = [0xD6, 0xD0, 0xCE, 0xC4, 0x2C, 0x31, 0x0A]  // "中文,1\n" in GBK
        let r = try CSVReader.read(bytes: gbk, name: "g.csv", options: CSVReadOptions(encoding: .gb18030))
        #expect(rowsOf(r) == [["中文", "1"]])
        let latin = try CSVReader.read(bytes: gbk, name: "g.csv", options: CSVReadOptions(encoding: .windows1252))
        #expect(rowsOf(latin) == [["ÖÐÎÄ", "1"]])
    }

    @Test func forcedEncodingThatDoesNotDecodeNamesTheByte() {
        let bytes: [UInt8] = Array("ab,c\n".utf8) + [0xFF, 0xFE, 0x41]
        #expect(throws: SpreadsheetError(.invalidEncoding(detail: "utf-8"),
                                         at: InputLocation(file: "x.csv", position: .byte(5)))) {
            try CSVReader.read(bytes: bytes, name: "x.csv", options: CSVReadOptions(encoding: .utf8))
        }
        let badGB: [UInt8] = Array("a,".utf8) + [0x81, 0x20]
        #expect(throws: SpreadsheetError(.invalidEncoding(detail: "gb18030"),
                                         at: InputLocation(file: "y.csv", position: .byte(2)))) {
            try CSVReader.read(bytes: badGB, name: "y.csv", options: CSVReadOptions(encoding: .gb18030))
        }
    }

    @Test func latinTextIsNotMistakenForGBK() throws {
        // "Müller,Zoë" in Latin-1 happens to decode as GBK, but not into common 汉字.
        let bytes: [UInt8] = [0x4D, 0xFC, 0x6C, 0x6C, 0x65, 0x72, 0x2C, 0x5A, 0x6F, 0xEB, 0x0A]
        let r = try CSVReader.read(bytes: bytes, name: "l.csv")
        #expect(r.encoding == .windows1252)
        #expect(rowsOf(r) == [["Müller", "Zoë"]])
    }

    @Test func missingFileIsCannotOpen() {
        #expect {
            try CSVReader.read(path: "/nonexistent/dir/none.csv")
        } throws: { error in
            guard let e = error as? SpreadsheetError, case .cannotOpen = e.reason else { return false }
            return e.location.file == "none.csv"
        }
    }

    @Test func streamingAcrossChunkBoundaries() throws {
        // Over 1 MiB so that forEachRow reads several chunks; quoted CRLF and multi-byte text everywhere.
        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        var text = "编号,内容\r\n"
        for i in 0..<40_000 { text += "\(i),\"行\r\n\"\"汉字\"\"\",末\r" }
        let path = dir.appendingPathComponent("big.csv").path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        var count = 0
        var allGood = true
        try CSVReader.forEachRow(path: path) { row in
            if count > 0 { allGood = allGood && row == ["\(count - 1)", "行\r\n\"汉字\"", "末"] }
            count += 1
        }
        #expect(count == 40_001)
        #expect(allGood)
        #expect(rowsOf(try CSVReader.read(path: path)).count == 40_001)
    }

    @Test func streamingDetectsGBKAfterAnASCIIMegabyte() throws {
        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        var bytes = Array("code,amount\n".utf8)
        for i in 0..<120_000 { bytes += Array("\(2_010_301 + i),12.50\n".utf8) }
        #expect(bytes.count > 1 << 20)
        bytes += [0xD0, 0xD0, 0xD5, 0xFE, 0xD4, 0xCB, 0xD0, 0xD0, 0x2C, 0x31, 0x0A]  // "行政运行,1\n" in GBK
        let path = dir.appendingPathComponent("late-gbk.csv").path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        var last: [String] = []
        var count = 0
        let dialect = try CSVReader.forEachRow(path: path) { last = $0; count += 1 }
        #expect(dialect == CSVDialect(encoding: .gb18030, delimiter: ","))
        #expect(count == 120_002)
        #expect(last == ["行政运行", "1"])

        // Forced UTF-8: the error names the byte where the GBK text starts.
        let start = bytes.count - 11
        #expect(throws: SpreadsheetError(.invalidEncoding(detail: "utf-8"),
                                         at: InputLocation(file: "late-gbk.csv", position: .byte(start)))) {
            try CSVReader.forEachRow(path: path, options: CSVReadOptions(encoding: .utf8)) { _ in }
        }
        #expect(throws: SpreadsheetError(.invalidEncoding(detail: "utf-8"),
                                         at: InputLocation(file: "late-gbk.csv", position: .byte(start)))) {
            try CSVReader.read(path: path, options: CSVReadOptions(encoding: .utf8))
        }
    }

    @Test func bodyErrorsStopTheStream() {
        struct Stop: Error {}
        var seen = 0
        #expect(throws: Stop.self) {
            try CSVReader.forEachRow(path: Fixtures.url("ragged.csv").path) { _ in
                seen += 1
                if seen == 2 { throw Stop() }
            }
        }
        #expect(seen == 2)
    }

    @Test func recordsKnowTheLineTheyStartOn() throws {
        var lines: [Int] = []
        try CSVReader.forEachRecord(path: Fixtures.url("quoted-newlines.csv").path) { _, line in lines.append(line) }
        #expect(lines == [1, 2, 4, 5])
        lines = []
        try CSVReader.forEachRecord(path: Fixtures.url("ragged.csv").path) { _, line in lines.append(line) }
        #expect(lines == [1, 2, 3, 4, 5])
    }

    @Test func unusableDelimitersAreRefused() {
        #expect(throws: SpreadsheetError.self) { try read("a\"b", CSVReadOptions(delimiter: UInt8(ascii: "\""))) }
        #expect(throws: SpreadsheetError.self) { try read("a\nb", CSVReadOptions(delimiter: 10)) }
        #expect(throws: SpreadsheetError.self) {
            try CSVWriter(path: "/tmp/never-written.csv", options: CSVWriteOptions(delimiter: 13))
        }
    }

    @Test func encodingNamesAndAliases() {
        #expect(TextEncoding(name: "GBK") == .gb18030)
        #expect(TextEncoding(name: "gb2312") == .gb18030)
        #expect(TextEncoding(name: "utf-8-bom") == .utf8BOM)
        #expect(TextEncoding(name: "UTF8") == .utf8)
        #expect(TextEncoding(name: "utf_8_sig") == .utf8BOM)
        #expect(TextEncoding(name: "cp1252") == .windows1252)
        #expect(TextEncoding(name: "utf-16be") == .utf16BE)
        #expect(TextEncoding(name: "ebcdic") == nil)
    }
}

/// Caps against hostile CSVs: a quote that never closes, a record of countless fields, too many
/// fields in all. Whole-file and streaming reads stop alike, naming the line (and field) in Chinese.
@Suite struct CSVReaderLimitTests {
    static let small = CSVReadOptions(maxFieldBytes: 64, maxFields: 8, maxRecordBytes: 200, maxCells: 20)

    @Test func unclosedQuoteStopsAtTheFieldCap() throws {
        let text = "a,b\n1,\"open\n" + String(repeating: "x,y\n", count: 100)
        let expected = SpreadsheetError(.csvFieldTooLong(limit: 64), at: InputLocation(file: "q.csv", position: .line(2, field: 2)))
        #expect(throws: expected) { try CSVReader.read(bytes: Array(text.utf8), name: "q.csv", options: Self.small) }
        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("q.csv").path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        var records = 0
        #expect(throws: expected) { try CSVReader.forEachRow(path: path, options: Self.small) { _ in records += 1 } }
        #expect(records == 1)  // the header; nothing after the runaway field
        #expect(expected.message(.zh).contains("引号"))
    }

    @Test func longRecordStopsAtTheFieldCountCap() {
        let text = "a\n" + String(repeating: ",", count: 50) + "\nb\n"
        #expect(throws: SpreadsheetError(.tooManyFields(limit: 8), at: InputLocation(file: "w.csv", position: .line(2, field: nil)))) {
            try CSVReader.read(bytes: Array(text.utf8), name: "w.csv", options: Self.small)
        }
    }

    @Test func totalFieldsStopAtTheCellCap() {
        let text = String(repeating: "1,2,3\n", count: 7)  // 21 fields: the 7th record passes 20
        #expect(throws: SpreadsheetError(.tooManyCells(limit: 20), at: InputLocation(file: "c.csv", position: .line(7, field: nil)))) {
            try CSVReader.read(bytes: Array(text.utf8), name: "c.csv", options: Self.small)
        }
    }

    @Test func blankLinesCountAgainstTheCellCap() {
        // 50 MB of blank lines used to be 50 million rows however low the cap.
        let text = String(repeating: "\n", count: 30)
        #expect(throws: SpreadsheetError(.tooManyCells(limit: 20), at: InputLocation(file: "b.csv", position: .line(21, field: nil)))) {
            try CSVReader.read(bytes: Array(text.utf8), name: "b.csv", options: Self.small)
        }
    }

    @Test func longRecordStopsAtTheRecordByteCap() {
        let field = String(repeating: "y", count: 60)
        let text = "a\n" + Array(repeating: field, count: 4).joined(separator: ",") + "\n"  // 240 bytes in 4 fields
        #expect(throws: SpreadsheetError(.csvRecordTooLong(limit: 200), at: InputLocation(file: "r.csv", position: .line(2, field: nil)))) {
            try CSVReader.read(bytes: Array(text.utf8), name: "r.csv", options: Self.small)
        }
    }

    /// The cap is noticed in the chunk that passes it (the streaming reader checks after each chunk),
    /// and a runaway field stops within a byte of its cap instead of taking the rest of the chunk.
    @Test func parserStopsInTheChunkThatPassesTheCap() {
        var parser = CSVParser(delimiter: UInt8(ascii: ","), limits: Self.small.parserLimits)
        var records: [[String]] = []
        let chunk = Array(("h\n\"" + String(repeating: "z", count: 10_000)).utf8)
        chunk.withUnsafeBufferPointer { parser.feed($0) { fields, _ in records.append(fields) } }
        #expect(parser.exceeded == .fieldTooLong(line: 2, field: 1))
        #expect(records == [["h"]])
        #expect(parser.pendingFieldBytes <= 65)
    }

    @Test func recordsWithinTheCapsRead() throws {
        // Exactly at each cap: 64-byte field, 8 fields, 20 fields in all.
        let text = "\"" + String(repeating: "y", count: 64) + "\"\n" + "1,2,3,4,5,6,7,8\n" + String(repeating: "z,", count: 5) + "z\n" + "q,r,s,t,u\n"
        let rows = rowsOf(try CSVReader.read(bytes: Array(text.utf8), name: "ok.csv", options: Self.small))
        #expect(rows.map(\.count) == [1, 8, 6, 5])
        #expect(rows[0][0].count == 64)
    }

    @Test func defaultsMatchTheWorkbookCaps() {
        let o = CSVReadOptions()
        #expect(o.maxFieldBytes == 1 << 20)
        #expect(o.maxFields == 16_384)
        #expect(o.maxRecordBytes == 64 << 20)
        #expect(o.maxCells == 100_000_000)
    }
}
