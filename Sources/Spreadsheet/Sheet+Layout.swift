/// Layout helpers for sheets built cell by cell (forms): whole-unit widths and heights, and rows grown
/// to fit wrapped text, since readers and LibreOffice do not grow rows when a file opens.
extension Sheet {
    /// Sets the widths of columns A, B, … in Excel character units.
    public mutating func setColumnWidths(_ widths: [Int]) {
        for (column, width) in widths.enumerated() { layout.columnWidths[column] = Double(width) }
    }

    /// Excel's tallest row, in points.
    public static let maxRowHeight = 409.0

    /// Sets one row's height in points.
    public mutating func setRowHeight(_ row: Int, points: Int) {
        layout.rowHeights[row] = Double(points)
    }

    /// Makes each row tall enough for the wrapped text of its cells (single cells and one-row merged
    /// areas; taller merged areas are left as they are). A CJK character counts 1.8 width units, others
    /// one, scaled by the font size; a row is only ever made taller, never shorter than 20 points, and
    /// never taller than Excel's 409 (`maxRowHeight`: the writer refuses more); longer text scrolls in
    /// its cell.
    public mutating func fitRowsToWrappedText() {
        var mergeAt: [CellAddress: CellRange] = [:]
        for range in merges { mergeAt[range.start] = range }
        var heights = layout.rowHeights
        for row in rows {
            for cell in row.cells {
                guard case .text(let text) = cell.value, !text.isEmpty, let style = cell.style,
                      style.alignment.wrapText else { continue }
                var columns = cell.column...cell.column
                if let range = mergeAt[CellAddress(row: row.index, column: cell.column)] {
                    guard range.rowCount == 1 else { continue }
                    columns = range.start.column...range.end.column
                }
                let width = columns.reduce(0.0) { $0 + (layout.columnWidths[$1] ?? 8.43) } - 1
                guard width > 0 else { continue }
                let size = style.font.size
                var lines = 0.0
                for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
                    let units = paragraph.reduce(0.0) {
                        $0 + ($1.unicodeScalars.first.map { $0.value >= 0x2E80 } == true ? 1.8 : 1)
                    }
                    lines += max(1, (units * size / 11 / width).rounded(.up))
                }
                let needed = (lines * size * 1.4 + 3).rounded(.up)
                guard needed > 20 else { continue }
                heights[row.index] = min(max(heights[row.index] ?? 0, needed), Self.maxRowHeight)
            }
        }
        layout.rowHeights = heights
    }
}
