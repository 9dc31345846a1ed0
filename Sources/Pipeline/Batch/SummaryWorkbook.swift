import FinanceModel
import Foundation
import Spreadsheet
import XLSXFormat

/// `汇总.xlsx`: one styled row per department (部门, 编制单位, 年度, 分组方式, 文件及角色, 预算完成率, 总分,
/// 等级, 错误, 警告, 提示, 状态, 原因), and a second sheet 未分组文件 when some loose files could not be
/// placed. Rates and scores are numbers with a display format, so they sort and sum in Excel.
public enum SummaryWorkbook {
    public static let headers = [
        "部门", "编制单位", "年度", "分组方式", "文件及角色", "预算完成率", "总分", "等级", "错误", "警告", "提示", "状态", "原因",
    ]
    private static let widths: [Double] = [18, 18, 6, 22, 44, 10, 8, 7, 6, 6, 6, 8, 30]

    public static func workbook(_ summary: BatchSummary) -> Workbook {
        var sheet = Sheet(name: "汇总")
        sheet.rows.append(headerRow(headers))
        for (offset, r) in summary.departments.enumerated() {
            let failed = r.status == .failed
            let values: [(CellValue, CellStyle)] = [
                (.text(r.department), Style.text),
                (text(r.preparedBy), Style.text),
                (r.year.map { .number(String($0)) } ?? .empty, Style.centred),
                (.text(r.grouping.description.zh), Style.wrapped),
                (.text(r.files.map { "\($0.name)（\($0.roles.map(\.label.zh).joined(separator: "、"))）" }
                    .joined(separator: "\n")), Style.wrapped),
                (r.budgetExecutionRate.map { .number($0.formatted(decimals: 4)) } ?? .empty, Style.percent),
                (r.totalScore.map { .number($0.formatted(decimals: 2)) } ?? .empty, Style.score),
                (text(r.grade), Style.centred),
                (.number(String(r.errors)), r.errors > 0 ? Style.alert : Style.count),
                (.number(String(r.warnings)), Style.count),
                (.number(String(r.hints)), Style.count),
                (.text(r.status.label.zh), failed ? Style.alert : Style.centred),
                (text(r.reason?.zh), Style.wrapped),
            ]
            sheet.rows.append(Row(
                index: offset + 1,
                cells: values.enumerated().map { Cell(column: $0.offset, value: $0.element.0, style: $0.element.1) }))
        }
        sheet.layout = layout(widths)
        // Readers do not grow rows when a file opens: size them for their wrapped file lists and reasons.
        sheet.fitRowsToWrappedText()
        var sheets = [sheet]
        if !summary.ungrouped.isEmpty {
            var loose = Sheet(name: "未分组文件")
            loose.rows.append(headerRow(["文件", "原因"]))
            for (offset, file) in summary.ungrouped.enumerated() {
                loose.rows.append(Row(index: offset + 1, cells: [
                    Cell(column: 0, value: .text(file.name), style: Style.text),
                    Cell(column: 1, value: .text(file.reason.zh), style: Style.wrapped),
                ]))
            }
            loose.layout = layout([36, 80])
            loose.fitRowsToWrappedText()
            sheets.append(loose)
        }
        return Workbook(sheets: sheets)
    }

    /// Writes the workbook through XLSXWriter (temporary file renamed into place).
    static func write(_ summary: BatchSummary, to url: URL) throws(BatchError) {
        do {
            try XLSXWriter.write(workbook(summary), to: url.path, options: .report)
        } catch {
            throw BatchError(.outputUnwritable(path: url.path, detail: "\(error)"))
        }
    }

    private static func text(_ value: String?) -> CellValue {
        value.map { .text($0) } ?? .empty
    }

    private static func headerRow(_ titles: [String]) -> Row {
        Row(index: 0, cells: titles.enumerated().map { Cell(column: $0.offset, value: .text($0.element), style: Style.header) })
    }

    private static func layout(_ widths: [Double]) -> SheetLayout {
        var layout = SheetLayout(frozenAt: CellAddress(row: 1, column: 0))
        for (column, width) in widths.enumerated() { layout.columnWidths[column] = width }
        layout.print = SheetLayout.PrintSetup(a4: true, orientation: .landscape, fitToWidth: true, repeatRows: 0...0)
        return layout
    }

    private enum Style {
        static let border = CellStyle.Border.all(.thin)
        static let header = CellStyle(
            font: .init(name: "黑体", size: 11, bold: true),
            alignment: .init(horizontal: .center, vertical: .center, wrapText: true),
            border: border, fillColor: "D9E1F2")
        static let text = CellStyle(alignment: .init(vertical: .center), border: border)
        static let wrapped = CellStyle(alignment: .init(vertical: .center, wrapText: true), border: border)
        static let centred = CellStyle(alignment: .init(horizontal: .center, vertical: .center), border: border)
        static let percent = CellStyle(alignment: .init(horizontal: .right, vertical: .center), border: border, numberFormat: "0.00%")
        static let score = CellStyle(alignment: .init(horizontal: .right, vertical: .center), border: border, numberFormat: "0.00")
        static let count = CellStyle(alignment: .init(horizontal: .right, vertical: .center), border: border, numberFormat: "0")
        static let alert = CellStyle(
            font: .init(bold: true, color: "9C0006"), alignment: .init(horizontal: .center, vertical: .center),
            border: border, fillColor: "FFC7CE")
    }
}
