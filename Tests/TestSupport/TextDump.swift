public import Spreadsheet

/// Renders a workbook as canonical text for golden tests: one line per non-empty cell, then merges.
///
///     # sheet 1 "支出表" visible worksheet
///     A1 text "2020年度部门决算"
///     C5 number 1234.56 fmt "#,##0.00"
///     merge A1:H1
public enum TextDump {
    public static func dump(_ workbook: Workbook, styles: Bool = false) -> String {
        var out = ""
        for (i, sheet) in workbook.sheets.enumerated() {
            out += "# sheet \(i + 1) \"\(sheet.name)\" \(sheet.state.rawValue) \(sheet.kind.rawValue)\n"
            out += dump(sheet, styles: styles)
        }
        return out
    }

    /// The dump with styles, plus each sheet's widths, heights, frozen pane and print setup: what the
    /// forms' golden files hold.
    public static func dumpWithLayout(_ workbook: Workbook) -> String {
        var out = dump(workbook, styles: true)
        for sheet in workbook.sheets {
            let layout = sheet.layout
            out += "# layout \"\(sheet.name)\"\n"
            out += "widths " + layout.columnWidths.keys.sorted().map { "\(CellAddress.columnName($0))=\(layout.columnWidths[$0]!)" }
                .joined(separator: " ") + "\n"
            if !layout.rowHeights.isEmpty {
                out += "heights " + layout.rowHeights.keys.sorted().map { "\($0 + 1)=\(layout.rowHeights[$0]!)" }
                    .joined(separator: " ") + "\n"
            }
            if let frozen = layout.frozenAt { out += "frozen \(frozen)\n" }
            let p = layout.print
            out += "print a4=\(p.a4) \(p.orientation.rawValue) fitToWidth=\(p.fitToWidth)"
                + (p.repeatRows.map { " repeat=\($0.lowerBound + 1)-\($0.upperBound + 1)" } ?? "") + "\n"
        }
        return out
    }

    public static func dump(_ sheet: Sheet, styles: Bool = false) -> String {
        var out = ""
        for row in sheet.rows {
            for cell in row.cells where !(cell.value == .empty && cell.formula == nil && !styles) {
                let a = CellAddress(row: row.index, column: cell.column)
                out += "\(a) \(describe(cell.value))"
                if let f = cell.formula { out += " formula \(quote(f))" }
                if let s = cell.style {
                    if let nf = s.numberFormat { out += " fmt \(quote(nf))" }
                    if styles { out += " style \(describe(s))" }
                }
                out += "\n"
            }
        }
        for m in sheet.merges { out += "merge \(m)\n" }
        return out
    }

    static func describe(_ v: CellValue) -> String {
        switch v {
        case .empty: return "empty"
        case .text(let s): return "text \(quote(s))"
        case .number(let n): return "number \(n)"
        case .boolean(let b): return "bool \(b ? "TRUE" : "FALSE")"
        case .date(let d): return "date \(d.iso8601)"
        case .error(let e): return "error \(e)"
        }
    }

    static func describe(_ s: CellStyle) -> String {
        var parts = ["font=\(s.font.name)/\(s.font.size)\(s.font.bold ? "/b" : "")"]
        if s.alignment != CellStyle.Alignment() {
            parts.append("align=\(s.alignment.horizontal.rawValue)/\(s.alignment.vertical.rawValue)\(s.alignment.wrapText ? "/wrap" : "")")
        }
        if s.border != CellStyle.Border() {
            let b = s.border
            parts.append("border=\(b.left.rawValue),\(b.right.rawValue),\(b.top.rawValue),\(b.bottom.rawValue)")
        }
        if let f = s.fillColor { parts.append("fill=\(f)") }
        return parts.joined(separator: " ")
    }

    static func quote(_ s: String) -> String {
        var out = "\""
        for ch in s.unicodeScalars {
            switch ch {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default: out.unicodeScalars.append(ch)
            }
        }
        return out + "\""
    }
}
