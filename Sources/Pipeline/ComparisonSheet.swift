import FinanceModel
import Reconciliation
import Spreadsheet

/// Lays out the 预算执行情况对照表 as a styled workbook (`reconcile -o 对照表.xlsx`): sheet 对照表 with
/// a title, the unit line, a frozen header and one block per section (amounts as exact numbers with a
/// two-decimal display format, 执行率 as a percentage, the source cells of every figure), and sheet 核对结果
/// with the findings. It only builds cells; `XLSXWriter` writes them.
public enum ComparisonSheet {
    /// The workbook for `comparison`; `title` is the department or file name put in the heading.
    public static func workbook(_ comparison: ExecutionComparison, title: String? = nil, language: Language = .zh)
        -> Workbook
    {
        Workbook(sheets: [table(comparison, title: title, language: language), findings(comparison, language: language)])
    }

    /// The header of the 对照表 columns.
    static func header(_ english: Bool) -> [String] {
        english
            ? ["Code", "Name", "Initial budget", "Adjusted budget", "Actual", "Difference", "Execution rate", "Match",
                "Sources"]
            : ["科目编码", "科目（项目）名称", "年初预算数", "全年预算数", "决算数", "差额", "执行率", "匹配方式", "数据来源"]
    }

    static func table(_ comparison: ExecutionComparison, title: String?, language: Language) -> Sheet {
        let english = language == .en
        var sheet = Sheet(name: english ? "Comparison" : "对照表")
        let heading = english ? "Budget execution comparison" : "预算执行情况对照表"
        sheet.set(CellAddress(row: 0, column: 0), .text(title.map { "\($0) \(heading)" } ?? heading), style: Styles.title)
        sheet.merges.append(CellRange(CellAddress(row: 0, column: 0), CellAddress(row: 0, column: 8)))
        let unit = english ? "Unit: \(comparison.unit.englishName)" : "单位：\(comparison.unit.rawValue)"
        sheet.set(CellAddress(row: 1, column: 8), .text(unit), style: Styles.unitLine)
        for (column, text) in header(english).enumerated() {
            sheet.set(CellAddress(row: 2, column: column), .text(text), style: Styles.header)
        }
        var row = 3
        for section in ComparisonSection.allCases {
            let rows = comparison.rows(in: section)
            guard !rows.isEmpty else { continue }
            sheet.set(CellAddress(row: row, column: 0), .text(section.title.text(english: english)), style: Styles.section)
            for column in 1..<9 { sheet.set(CellAddress(row: row, column: column), .empty, style: Styles.section) }
            sheet.merges.append(CellRange(CellAddress(row: row, column: 0), CellAddress(row: row, column: 8)))
            row += 1
            for line in rows {
                let bold = line.isTotal
                sheet.set(CellAddress(row: row, column: 0), line.code.map { .text($0) } ?? .empty, style: Styles.text(bold))
                sheet.set(CellAddress(row: row, column: 1), .text(line.name), style: Styles.text(bold))
                let amounts = [line.initialBudget, line.adjustedBudget, line.actual, line.difference]
                for (offset, amount) in amounts.enumerated() {
                    sheet.set(
                        CellAddress(row: row, column: 2 + offset), amount.map { .number($0.description) } ?? .empty,
                        style: Styles.amount(bold))
                }
                sheet.set(
                    CellAddress(row: row, column: 6),
                    line.executionRate.map { .number($0.rounded(toDecimals: 4).description) } ?? .empty,
                    style: Styles.rate(bold))
                sheet.set(CellAddress(row: row, column: 7), .text(line.match.label.text(english: english)), style: Styles.text(false))
                sheet.set(CellAddress(row: row, column: 8), .text(sourcesText(line, english: english)), style: Styles.text(false))
                row += 1
            }
        }
        sheet.layout = SheetLayout(
            columnWidths: [0: 12, 1: 30, 2: 14, 3: 14, 4: 14, 5: 14, 6: 10, 7: 10, 8: 60],
            frozenAt: CellAddress(row: 3, column: 2),
            print: SheetLayout.PrintSetup(a4: true, orientation: .landscape, fitToWidth: true, repeatRows: 2...2))
        return sheet
    }

    /// "年初：预算.xlsx › 支出表 › C9；决算：…" — every figure's cells.
    static func sourcesText(_ row: ComparisonRow, english: Bool) -> String {
        AmountColumn.allCases.compactMap { column -> String? in
            let cells = row.sources(of: column)
            guard !cells.isEmpty else { return nil }
            let label = column.title.text(english: english)
            return "\(label)\(english ? ": " : "：")" + cells.map(\.description).joined(separator: english ? " + " : " + ")
        }.joined(separator: english ? "; " : "；")
    }

    static func findings(_ comparison: ExecutionComparison, language: Language) -> Sheet {
        let english = language == .en
        var sheet = Sheet(name: english ? "Findings" : "核对结果")
        let header = english
            ? ["Severity", "Rule", "Message", "Expected", "Found", "Cells"]
            : ["级别", "规则", "说明", "应为", "实为", "单元格"]
        for (column, text) in header.enumerated() {
            sheet.set(CellAddress(row: 0, column: column), .text(text), style: Styles.header)
        }
        for (index, finding) in comparison.findings.enumerated() {
            let row = index + 1
            let values: [String] = [
                finding.severity.label.text(english: english), finding.rule, finding.message.text(english: english),
                finding.expected ?? "", finding.found ?? "",
                finding.cells.map(\.description).joined(separator: "\n"),
            ]
            for (column, text) in values.enumerated() {
                sheet.set(CellAddress(row: row, column: column), .text(text), style: Styles.wrapped)
            }
        }
        sheet.layout = SheetLayout(
            columnWidths: [0: 8, 1: 16, 2: 70, 3: 14, 4: 14, 5: 50], frozenAt: CellAddress(row: 1, column: 0),
            print: SheetLayout.PrintSetup(a4: true, orientation: .landscape, fitToWidth: true, repeatRows: 0...0))
        return sheet
    }

    /// The CSV form (`-o 对照表.csv`): one header line, then one line per row with exact amounts.
    public static func csvRows(_ comparison: ExecutionComparison, language: Language = .zh) -> [[String]] {
        let english = language == .en
        let head = [english ? "Section" : "分组"] + header(english)
        return [head]
            + comparison.rows.map { row in
                [
                    row.section.title.text(english: english), row.code ?? "", row.name,
                    row.initialBudget?.description ?? "", row.adjustedBudget?.description ?? "", row.actual?.description ?? "",
                    row.difference?.description ?? "", row.executionRate?.formatted(decimals: 4) ?? "",
                    row.match.label.text(english: english), sourcesText(row, english: english),
                ]
            }
    }

    enum Styles {
        static let border = CellStyle.Border.all(.thin)
        static let title = CellStyle(
            font: CellStyle.Font(size: 16, bold: true), alignment: CellStyle.Alignment(horizontal: .center, vertical: .center))
        static let unitLine = CellStyle(alignment: CellStyle.Alignment(horizontal: .right))
        static let header = CellStyle(
            font: CellStyle.Font(bold: true),
            alignment: CellStyle.Alignment(horizontal: .center, vertical: .center, wrapText: true), border: border,
            fillColor: "FFD9D9D9")
        static let section = CellStyle(font: CellStyle.Font(bold: true), border: border, fillColor: "FFF2F2F2")
        static let wrapped = CellStyle(alignment: CellStyle.Alignment(vertical: .top, wrapText: true), border: border)
        static func text(_ bold: Bool) -> CellStyle { CellStyle(font: CellStyle.Font(bold: bold), border: border) }
        static func amount(_ bold: Bool) -> CellStyle {
            CellStyle(font: CellStyle.Font(bold: bold), border: border, numberFormat: "#,##0.00")
        }
        static func rate(_ bold: Bool) -> CellStyle {
            CellStyle(font: CellStyle.Font(bold: bold), border: border, numberFormat: "0.00%")
        }
    }
}
