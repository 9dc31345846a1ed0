import Foundation
import Pipeline
import Spreadsheet
import Testing
import TestSupport

/// The CSV files the tool makes from its own results are formula-guarded by default, and
/// `guardFormulas: false` (`--no-formula-guard`) turns that off.
@Suite struct GuardedOutputTests {
    @Test func formsCSVIsGuardedUnlessTurnedOff() throws {
        let folder = try Fixtures.temporaryDirectory("guarded")
        defer { try? FileManager.default.removeItem(at: folder) }
        var sheet = Sheet(name: "检查结果")
        sheet.set(CellAddress(row: 0, column: 0), .text("=HYPERLINK(\"x\")"))
        sheet.set(CellAddress(row: 0, column: 1), .text("-22.83%"))
        sheet.set(CellAddress(row: 0, column: 2), .number("-5"))
        sheet.set(CellAddress(row: 0, column: 3), .text("@SUM(1)"))
        let workbook = Workbook(sheets: [sheet])
        for (guardOn, expected) in [(true, #""'=HYPERLINK(""x"")",-22.83%,-5,'@SUM(1)"# + "\r\n"),
                                    (false, #""=HYPERLINK(""x"")",-22.83%,-5,@SUM(1)"# + "\r\n")] {
            let csv = folder.appendingPathComponent("csv-\(guardOn)").path
            _ = try FormsOutput.write(workbook, splits: [], to: folder.appendingPathComponent("f.xlsx").path,
                                      csvDirectory: csv, guardFormulas: guardOn)
            let text = try String(contentsOfFile: csv + "/检查结果.csv", encoding: .utf8)
            #expect(text == expected, "guard \(guardOn)")
        }
    }
}
