import CSVFormat
import Foundation
import Pipeline
import Spreadsheet
import Testing
import TestSupport
import XLSXFormat

/// `WorkbookConversion`: CSV → XLSX keeps every field's text (numbers only by `CSVTypeInference`),
/// XLSX → XLSX keeps values, formulas, number formats, merges and sheet states.
@Suite struct ConversionTests {
    let folder: URL

    init() throws { folder = try Fixtures.temporaryDirectory("convert") }

    func path(_ name: String) -> String { folder.appendingPathComponent(name).path }

    func writeCSV(_ rows: [[String]], to name: String) throws -> String {
        let p = path(name)
        let writer = try CSVWriter(path: p)
        for row in rows { try writer.write(row: row) }
        try writer.finish()
        return p
    }

    @Test func csvFieldsBecomeTypedCells() throws {
        let csv = try writeCSV([
            ["代码", "名称", "金额", "比例", "身份证号", "日期", "公式样"],
            ["000858", "五粮液", "1,234.50", "-22.83%", "110101199003071234", "2020-12-31", "=1+2"],
            ["0101", "行政运行", "12.5", "5%", "1234567890123456", "2020-12-31T08:30:00", "-abc"],
            ["-0", "", "+7", "0.10", "123456789012345", "2020/12/31", "1e5"],
        ], to: "data.csv")
        let out = path("out.xlsx")
        let summary = try WorkbookConversion.csvToWorkbook(input: csv, displayName: "data.csv", output: out)
        #expect(summary.sheets == 1 && summary.rows == 4)
        let book = try XLSXReader(path: out).readWorkbook()
        #expect(TextDump.dump(book) == """
            # sheet 1 "data" visible worksheet
            A1 text "代码"
            B1 text "名称"
            C1 text "金额"
            D1 text "比例"
            E1 text "身份证号"
            F1 text "日期"
            G1 text "公式样"
            A2 text "000858"
            B2 text "五粮液"
            C2 number 1234.5 fmt "#,##0.00"
            D2 number -0.2283 fmt "0.00%"
            E2 text "110101199003071234"
            F2 text "2020-12-31"
            G2 text "=1+2"
            A3 text "0101"
            B3 text "行政运行"
            C3 number 12.5
            D3 number 0.05 fmt "0%"
            E3 text "1234567890123456"
            F3 text "2020-12-31T08:30:00"
            G3 text "-abc"
            A4 number 0
            C4 number 7
            D4 number 0.1 fmt "0.00"
            E4 number 123456789012345
            F4 text "2020/12/31"
            G4 text "1e5"

            """)
    }

    @Test func datesOptIn() throws {
        let csv = try writeCSV([["2020-12-31", "2020-12-31 08:30", "2020-02-30"]], to: "d.csv")
        let out = path("d.xlsx")
        try WorkbookConversion.csvToWorkbook(input: csv, displayName: "d.csv", output: out, dates: true)
        #expect(TextDump.dump(try XLSXReader(path: out).readWorkbook()) == """
            # sheet 1 "d" visible worksheet
            A1 date 2020-12-31 fmt "yyyy-mm-dd"
            B1 date 2020-12-31T08:30:00 fmt "yyyy-mm-dd hh:mm:ss"
            C1 text "2020-02-30"

            """)
    }

    /// Random fields: each cell reads back as `CSVTypeInference` says, and its text is never lost.
    @Test func randomFieldsKeepTheirText() throws {
        var random = SeededRandom(seed: 2026)
        let pieces = ["0", "1", "9", "00", ",", ".", "-", "+", "%", "五", "a", " ", "\"", "\n", "e", "1,234", "858"]
        var rows: [[String]] = []
        for _ in 0..<400 {
            rows.append((0..<random.int(1...6)).map { _ in
                (0..<random.int(0...5)).map { _ in random.pick(pieces) }.joined()
            })
        }
        let csv = try writeCSV(rows, to: "random.csv")
        let out = path("random.xlsx")
        try WorkbookConversion.csvToWorkbook(input: csv, displayName: "random.csv", output: out)
        let sheet = try XLSXReader(path: out).readSheet(1)
        var numbers = 0
        for (r, fields) in rows.enumerated() {
            for (c, field) in fields.enumerated() {
                let got = sheet[CellAddress(row: r, column: c)]
                let want = CSVTypeInference.infer(field, dates: false)
                #expect(got == want.value, "row \(r + 1) field \(c + 1): \(field.debugDescription)")
                if case .number = got { numbers += 1 }
            }
        }
        #expect(numbers > 50)
    }

    @Test func workbookCopyKeepsValuesFormatsMergesAndStates() throws {
        for seed in UInt64(1)...30 {
            var generator = WorkbookGenerator(seed: seed)
            let workbook = generator.workbook()
            let source = path("src\(seed).xlsx"), copy = path("copy\(seed).xlsx")
            try XLSXWriter.write(workbook, to: source)
            let original = try XLSXReader(path: source).readWorkbook()
            let summary = try WorkbookConversion.copyWorkbook(try XLSXReader(path: source), displayName: "src.xlsx", to: copy)
            #expect(summary.sheets == workbook.sheets.count)
            let copied = try XLSXReader(path: copy).readWorkbook()
            #expect(TextDump.dump(copied) == TextDump.dump(original), "seed \(seed)")
            #expect(copied.date1904 == original.date1904)
        }
    }

    @Test func failureLeavesThePreviousFile() throws {
        let out = path("keep.xlsx")
        try Data("previous".utf8).write(to: URL(fileURLWithPath: out))
        // A field longer than a cell may hold: the writer refuses it, and nothing replaces the file.
        let csv = try writeCSV([["ok"], [String(repeating: "长", count: 40_000)]], to: "long.csv")
        #expect(throws: SpreadsheetError.self) {
            try WorkbookConversion.csvToWorkbook(input: csv, displayName: "long.csv", output: out)
        }
        #expect(try String(contentsOfFile: out, encoding: .utf8) == "previous")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasPrefix(".") }
        #expect(leftovers.isEmpty)
    }

    @Test func sheetNamesFromFileNames() {
        #expect(WorkbookConversion.sheetName(forFile: "2020年决算.csv") == "2020年决算")
        #expect(WorkbookConversion.sheetName(forFile: "a[1]:b*?.csv") == "a_1__b__")
        #expect(WorkbookConversion.sheetName(forFile: "'quoted'.csv") == "quoted")
        #expect(WorkbookConversion.sheetName(forFile: ".csv") == ".csv")
        #expect(WorkbookConversion.sheetName(forFile: "''.csv") == "Sheet1")
        #expect(WorkbookConversion.sheetName(forFile: String(repeating: "表", count: 40) + ".csv")
            == String(repeating: "表", count: 31))
    }
}
