import Foundation
import TestSupport
import Testing

/// End-to-end: runs the built `.build/debug/budgeteval` on the XLSX fixtures and checks files, output,
/// messages and exit codes (0 ok, 1 bad input, 64 usage).
@Suite struct ConvertInspectTests {
    static let root = Fixtures.repositoryRoot()
    static let fixtures = root.appendingPathComponent("Tests/XLSXFormatTests/Fixtures")

    func fixture(_ name: String) -> String { Self.fixtures.appendingPathComponent(name).path }

    func run(_ arguments: [String]) throws -> Run { try Run.budgeteval(arguments) }

    @Test func convertsFirstSheetToStdout() throws {
        let r = try run(["convert", fixture("cell_types.xlsx")])
        #expect(r.status == 0)
        let lines = r.stdout.components(separatedBy: "\r\n")
        #expect(lines[0] == "预算,Richtext ,漢字,R&D <1>")
        #expect(lines[1] == "1234.56,0.001,5,-0.1,12345678901234567000,1234567.5,0.30000000000000004")
        #expect(lines[2] == "2020-12-31,2020-12-31T08:30:00,12:00:00,1.5,1900-02-28")
        #expect(lines[3] == "TRUE,FALSE,#DIV/0!,2020-12-31T08:30:00,ab,inline 文本")
        #expect(r.stderr.isEmpty)
    }

    @Test func allSheetsWritesOneFilePerWorksheetButNoneForCharts() throws {
        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try run(["convert", fixture("merged_and_hidden.xlsx"), "--all-sheets", dir.path])
        #expect(r.status == 0)
        let names = try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted()
        #expect(names == ["merged_and_hidden.xlsx__1.csv", "merged_and_hidden.xlsx__2.csv", "merged_and_hidden.xlsx__3.csv"])
        let first = try String(contentsOf: dir.appendingPathComponent(names[0]), encoding: .utf8)
        #expect(first == "合并标题\r\n1,2\r\n")
    }

    @Test func sheetByNameOrNumber() throws {
        #expect(try run(["convert", fixture("merged_and_hidden.xlsx"), "--sheet", "Hidden"]).stdout == "9\r\n")
        #expect(try run(["convert", fixture("merged_and_hidden.xlsx"), "--sheet", "2"]).stdout == "9\r\n")
        let missing = try run(["convert", fixture("merged_and_hidden.xlsx"), "--sheet", "Nope", "--lang", "en"])
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("no sheet \"Nope\""))
    }

    @Test func allSheetsIsAllOrNothingAndKeepsTheOldFile() throws {
        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let existing = dir.appendingPathComponent("second_sheet_bad.xlsx__1.csv")
        try "old\r\n".write(to: existing, atomically: true, encoding: .utf8)
        let r = try run(["convert", fixture("second_sheet_bad.xlsx"), "--all-sheets", dir.path])
        #expect(r.status == 1)
        #expect(r.stderr.hasPrefix("second_sheet_bad.xlsx › Sheet2 › A1: 共享字符串序号 7 超出范围"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["second_sheet_bad.xlsx__1.csv"])
        #expect(try String(contentsOf: existing, encoding: .utf8) == "old\r\n")
    }

    @Test func existingOutputIsReplaced() throws {
        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let target = dir.appendingPathComponent("out.csv")
        try "old\r\n".write(to: target, atomically: true, encoding: .utf8)
        #expect(try run(["convert", fixture("zip64_package.xlsx"), target.path]).status == 0)
        #expect(try String(contentsOf: target, encoding: .utf8) == "64\r\n")
    }

    @Test func badInputsExitOneWithAMessageAndWriteNothing() throws {
        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        for (name, zh) in [("encrypted_ole.xlsx", "已加密"), ("legacy_ole.xls", ".xls"), ("hostile_xxe.xlsx", "DOCTYPE"),
                           ("truncated.xlsx", "损坏"), ("hostile_zip_bomb.xlsx", "压缩炸弹")] {
            let r = try run(["convert", fixture(name), "--all-sheets", dir.path])
            #expect(r.status == 1, "\(name)")
            #expect(r.stderr.hasPrefix(name) && r.stderr.contains(zh), "\(name): \(r.stderr)")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).isEmpty)
        let en = try run(["convert", fixture("encrypted_ole.xlsx"), "--lang", "en"])
        #expect(en.stderr.contains("password-protected"))
    }

    @Test func usageErrorsExit64() throws {
        #expect(try run(["convert"]).status == 64)
        #expect(try run(["convert", fixture("cell_types.xlsx"), "--sheet", "1", "--all-sheets", "/tmp/x"]).status == 64)
        #expect(try run(["convert", fixture("cell_types.xlsx"), "out.txt"]).status == 64)
        #expect(try run(["convert", fixture("cell_types.xlsx"), "out.xlsx", "--sheet", "1"]).status == 64)
        #expect(try run(["convert", fixture("cell_types.xlsx"), "out.csv", "--dates"]).status == 64)
        #expect(try run(["convert", fixture("cell_types.xlsx"), "--encoding", "utf-16"]).status == 64)
    }

    @Test func csvInputIsCopiedFieldForField() throws {
        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let input = dir.appendingPathComponent("预算.csv")
        try Data([0xEF, 0xBB, 0xBF] + Array("科目;金额\n\"多\n行\";1234.50\n".utf8)).write(to: input)
        let r = try run(["convert", input.path, "--all-sheets", dir.path])
        #expect(r.status == 0)
        let out = try String(contentsOf: dir.appendingPathComponent("预算.csv__1.csv"), encoding: .utf8)
        #expect(out == "科目,金额\r\n\"多\n行\",1234.50\r\n")
    }

    @Test func inspectJSONHasTheDocumentedShape() throws {
        let r = try run(["inspect", fixture("merged_and_hidden.xlsx"), "--json"])
        #expect(r.status == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        #expect(json["file"] as? String == "merged_and_hidden.xlsx")
        #expect(json["format"] as? String == "xlsx")
        #expect(json["encoding"] is NSNull && json["delimiter"] is NSNull)
        #expect((json["tables"] as? [Any])?.isEmpty == true)
        let sheets = try #require(json["sheets"] as? [[String: Any]])
        #expect(sheets.map { $0["name"] as? String } == ["Visible", "Hidden", "VeryHidden", "Chart"])
        #expect(sheets.map { $0["state"] as? String } == ["visible", "hidden", "veryHidden", "visible"])
        #expect(sheets[0]["dimension"] as? String == "A1:B2")
        #expect(sheets[0]["merged"] as? [String] == ["A1:H1", "C3:D4"])
        #expect(sheets[2]["dimension"] is NSNull)
        #expect(sheets.map { $0["index"] as? Int } == [1, 2, 3, 4])
    }

    @Test func inspectCSVReportsEncodingAndDelimiter() throws {
        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let input = dir.appendingPathComponent("t.csv")
        try "a\tb\n1\t2\n".write(to: input, atomically: true, encoding: .utf8)
        let r = try run(["inspect", input.path, "--json"])
        let json = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        #expect(json["format"] as? String == "csv")
        #expect(json["encoding"] as? String == "utf-8")
        #expect(json["delimiter"] as? String == "\t")
        #expect((json["sheets"] as? [[String: Any]])?.first?["name"] as? String == "t.csv")
    }
}
