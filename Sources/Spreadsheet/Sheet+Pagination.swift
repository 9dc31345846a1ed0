/// Print pagination for sheets laid out by the forms (分页): page breaks that keep groups of rows together.
/// Floating point stays here, in the grid layer, never in the money layers.
extension Sheet {
    /// Row height assumed for rows without an explicit one (宋体 11 prints at about 13–14.25 points).
    static let defaultPrintRowHeight = 14.5
    /// Points per character unit of column width (Excel's 7 px at 96 dpi), rounded down.
    static let pointsPerWidthUnit = 5.25

    /// The rows before which a page must start so that each of `groups` (zero-based row ranges) prints on one
    /// page, estimated conservatively (rows counted taller and the page shorter than they print, so these come
    /// before any break the spreadsheet would place by itself); `header` is the row repeated at the top of every page after the first.
    public func rowBreaks(keepingTogether groups: [ClosedRange<Int>], header: Int?) -> [Int] {
        let sheet = self
        guard let last = sheet.dimension?.end.row, last > 0 else { return [] }
        let print = sheet.layout.print
        let (pageWidth, pageHeight) = print.orientation == .landscape ? (842.0, 595.0) : (595.0, 842.0)
        let printableWidth = pageWidth - (print.margins.left + print.margins.right) * 72
        let printableHeight = pageHeight - (print.margins.top + print.margins.bottom) * 72
        let columns = print.printColumns ?? 0...(sheet.dimension?.end.column ?? 0)
        let sheetWidth = columns.reduce(0.0) { $0 + (sheet.layout.columnWidths[$1] ?? 8.43) * Self.pointsPerWidthUnit + 3.75 }
        let scale = print.fitToWidth && sheetWidth > printableWidth ? printableWidth / sheetWidth : 1
        let capacity = printableHeight / scale * 0.95
        func height(_ row: Int) -> Double { sheet.layout.rowHeights[row] ?? Self.defaultPrintRowHeight }
        let headerHeight = header.map(height) ?? 0

        var units: [ClosedRange<Int>] = []
        var row = 0
        let sorted = groups.sorted { $0.lowerBound < $1.lowerBound }
        var next = sorted.makeIterator()
        var group = next.next()
        while row <= last {
            if let g = group, g.lowerBound == row {
                units.append(g)
                row = g.upperBound + 1
                group = next.next()
            } else {
                units.append(row...row)
                row += 1
            }
        }
        var breaks: [Int] = []
        var used = 0.0
        for unit in units {
            let unitHeight = unit.reduce(0.0) { $0 + height($1) }
            if used > 0, used + unitHeight > capacity, unit.lowerBound > (header ?? 0) + 1 {
                breaks.append(unit.lowerBound)
                used = headerHeight + unitHeight
            } else {
                used += unitHeight
            }
            if used > capacity { used = used.truncatingRemainder(dividingBy: capacity) }
        }
        return breaks
    }

    /// Caps every set row height at `points` (Excel refuses rows taller than 409 points).
    public mutating func capRowHeights(atPoints points: Int) {
        let cap = Double(points)
        for (row, height) in layout.rowHeights where height > cap { layout.rowHeights[row] = cap }
    }
}
