import Foundation
import Spreadsheet
import TestSupport
import XLSXFormat

/// Small workbooks the tests write, and helpers to write them into temporary folders.
enum Samples {
    /// Writes `workbook` into a fresh temporary folder and returns the file path.
    static func write(_ workbook: Workbook, name: String = "out.xlsx", options: XLSXWriteOptions = .init()) throws -> String {
        let folder = try Fixtures.temporaryDirectory("xlsx-writer")
        let path = folder.appendingPathComponent(name).path
        try XLSXWriter.write(workbook, to: path, options: options)
        return path
    }

    static func bytes(_ path: String) throws -> [UInt8] {
        Array(try Data(contentsOf: URL(fileURLWithPath: path)))
    }

    /// A one-sheet workbook holding `rows`.
    static func sheet(_ rows: [Row], name: String = "Sheet1", merges: [CellRange] = [],
                      layout: SheetLayout = SheetLayout()) -> Workbook {
        Workbook(sheets: [Sheet(name: name, rows: rows, merges: merges, layout: layout)])
    }

    /// A small evaluation-form-like sheet: title, header, styled amounts, formulas.
    static func form() -> Workbook {
        let title = CellStyle(font: .init(name: "黑体", size: 16, bold: true),
                              alignment: .init(horizontal: .center, vertical: .center))
        let header = CellStyle(font: .init(name: "宋体", size: 11, bold: true),
                               alignment: .init(horizontal: .center, vertical: .center, wrapText: true),
                               border: .all(.thin), fillColor: "D9D9D9")
        let amount = CellStyle(font: .init(name: "仿宋_GB2312", size: 12), border: .all(.thin), numberFormat: "#,##0.00")
        let rate = CellStyle(border: .all(.medium), numberFormat: "0.00%")
        var sheet = Sheet(name: "支出表")
        sheet.set(CellAddress("A1")!, .text("2020年度部门决算"), style: title)
        sheet.set(CellAddress("A2")!, .text("项目"), style: header)
        sheet.set(CellAddress("B2")!, .text("金额"), style: header)
        sheet.set(CellAddress("C2")!, .text("执行率"), style: header)
        sheet.set(CellAddress("A3")!, .text("行政运行"))
        sheet.set(CellAddress("B3")!, .number("1234.56"), style: amount)
        sheet.set(CellAddress("C3")!, .number("0.9876"), style: rate)
        sheet.set(CellAddress("A4")!, .text("合计"))
        sheet.set(CellAddress("B4")!, .number("1234.56"), formula: "SUM(B3:B3)", style: amount)
        sheet.merges = [CellRange("A1:C1")!]
        sheet.layout = SheetLayout(columnWidths: [0: 20, 1: 14.5], rowHeights: [0: 30], frozenAt: CellAddress("A3"),
                                   print: .init(a4: true, orientation: .landscape, fitToWidth: true, repeatRows: 0...1,
                                                centerHorizontally: true))
        return Workbook(sheets: [sheet])
    }
}
