import Spreadsheet

/// Manual page breaks so no 一级指标 group of a form is split across printed pages (FORMS.md §4a).
///
/// The page is estimated conservatively (rows counted taller and the page shorter than they print), so the
/// manual breaks come before any break the spreadsheet would place by itself.
enum Pagination {
    /// Row height assumed for rows without an explicit one (宋体 11 prints at about 13–14.25 points).
    static let defaultRowHeight = 14.5
    /// Points per character unit of column width (Excel's 7 px at 96 dpi), rounded down.
    static let pointsPerWidthUnit = 5.25

    /// The rows before which a page must start so that each of `groups` (zero-based row ranges) prints on one
    /// page; `header` is the row repeated at the top of every page after the first.
    static func rowBreaks(_ sheet: Sheet, groups: [ClosedRange<Int>], header: Int?) -> [Int] {
        guard let last = sheet.dimension?.end.row, last > 0 else { return [] }
        let print = sheet.layout.print
        let (pageWidth, pageHeight) = print.orientation == .landscape ? (842.0, 595.0) : (595.0, 842.0)
        let printableWidth = pageWidth - (print.margins.left + print.margins.right) * 72
        let printableHeight = pageHeight - (print.margins.top + print.margins.bottom) * 72
        let columns = print.printColumns ?? 0...(sheet.dimension?.end.column ?? 0)
        let sheetWidth = columns.reduce(0.0) { $0 + (sheet.layout.columnWidths[$1] ?? 8.43) * pointsPerWidthUnit + 3.75 }
        let scale = print.fitToWidth && sheetWidth > printableWidth ? printableWidth / sheetWidth : 1
        let capacity = printableHeight / scale * 0.95
        func height(_ row: Int) -> Double { sheet.layout.rowHeights[row] ?? defaultRowHeight }
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

    /// The runs of equal 一级指标 labels starting at row `first`.
    static func runs(_ labels: [String], first: Int) -> [ClosedRange<Int>] {
        var result: [ClosedRange<Int>] = []
        var start = 0
        while start < labels.count {
            var end = start
            while end + 1 < labels.count, labels[end + 1] == labels[start] { end += 1 }
            result.append((first + start)...(first + end))
            start = end + 1
        }
        return result
    }
}
