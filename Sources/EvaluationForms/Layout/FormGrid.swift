import Spreadsheet
import FinanceModel

/// A sheet being laid out: cells by (row, column), merged areas styled cell by cell so borders print.
struct FormGrid {
    var sheet: Sheet
    /// Wrapped text waiting for row heights: (row, columns, text, font size).
    private var wrapped: [(row: Int, columns: ClosedRange<Int>, text: String, size: Double)] = []

    init(name: String) { sheet = Sheet(name: name) }

    mutating func put(_ row: Int, _ column: Int, _ value: CellValue, _ style: CellStyle) {
        sheet.set(CellAddress(row: row, column: column), value, style: style)
        if case .text(let text) = value, style.alignment.wrapText, !text.isEmpty {
            wrapped.append((row, column...column, text, style.font.size))
        }
    }

    mutating func put(_ row: Int, _ column: Int, _ text: String, _ style: CellStyle) {
        put(row, column, .text(text), style)
    }

    /// Puts `value` in the top-left cell of rows `rows` × columns `columns`, merges them when the area has
    /// more than one cell, and gives every cell of it `style`.
    mutating func merge(
        _ rows: ClosedRange<Int>, _ columns: ClosedRange<Int>, _ value: CellValue, _ style: CellStyle
    ) {
        for r in rows {
            for c in columns {
                sheet.set(CellAddress(row: r, column: c), r == rows.lowerBound && c == columns.lowerBound ? value : .empty,
                          style: style)
            }
        }
        if case .text(let text) = value, style.alignment.wrapText, rows.count == 1, !text.isEmpty {
            wrapped.append((rows.lowerBound, columns, text, style.font.size))
        }
        if rows.count > 1 || columns.count > 1 {
            sheet.merges.append(CellRange(
                CellAddress(row: rows.lowerBound, column: columns.lowerBound),
                CellAddress(row: rows.upperBound, column: columns.upperBound)))
        }
    }

    mutating func merge(_ rows: ClosedRange<Int>, _ columns: ClosedRange<Int>, _ text: String, _ style: CellStyle) {
        merge(rows, columns, .text(text), style)
    }

    /// An amount cell, or a centred "—" when the figure is absent.
    mutating func amount(_ row: Int, _ column: Int, _ figure: Figure?) {
        if let figure {
            put(row, column, .number(figure.value.description), FormStyles.amount)
        } else {
            put(row, column, "—", FormStyles.centered)
        }
    }

    mutating func widths(_ widths: [Double]) {
        for (column, width) in widths.enumerated() { sheet.layout.columnWidths[column] = width }
    }

    mutating func height(_ row: Int, _ points: Double) { sheet.layout.rowHeights[row] = points }

    /// The sheet with each row tall enough for its wrapped text (readers and LibreOffice do not grow rows
    /// on open): a CJK character counts two width units, others one, scaled by font size.
    func finished() -> Sheet {
        var result = sheet
        for item in wrapped {
            let width = item.columns.reduce(0.0) { $0 + (sheet.layout.columnWidths[$1] ?? 8.43) } - 1
            guard width > 0 else { continue }
            var lines = 0.0
            for paragraph in item.text.split(separator: "\n", omittingEmptySubsequences: false) {
                let units = paragraph.reduce(0.0) { $0 + ($1.unicodeScalars.first.map { $0.value >= 0x2E80 } == true ? 1.8 : 1) }
                lines += max(1, (units * item.size / 11 / width).rounded(.up))
            }
            let needed = (lines * item.size * 1.3 + 3).rounded(.up)
            guard needed > 20 else { continue }
            result.layout.rowHeights[item.row] = max(result.layout.rowHeights[item.row] ?? 0, needed)
        }
        return result
    }
}
