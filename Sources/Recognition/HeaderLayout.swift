import FinanceModel
import Spreadsheet

/// Where a table sits in a sheet: its header rows, the flattened header path of every column, and
/// the data rows down to the first footnote.
struct HeaderLayout {
    /// Zero-based, inclusive.
    var headerRows: ClosedRange<Int>
    /// 栏次 rows inside or right after the header (numbering columns), skipped in paths.
    var columnNumberRows: Set<Int> = []
    /// Column → header segments, top to bottom, merged repeats removed.
    var paths: [Int: [String]] = [:]
    /// Zero-based data rows (blank rows and 栏次 rows left out), before any footnote.
    var dataRows: [Int] = []
    /// Footnote texts (注：…) below the data.
    var footnotes: [String] = []
    var firstColumn = 0
    var lastColumn = 0

    /// The header path of a column as text: `决算数/基本支出`.
    func header(_ column: Int) -> String { (paths[column] ?? []).joined(separator: "/") }

    /// Every header text, in column order, for messages.
    var headerTexts: [String] {
        paths.keys.sorted().map { header($0) }.filter { !$0.isEmpty }
    }

    /// How many rows are searched for a header.
    static let searchLimit = 40

    /// Finds the first header row: the first row with at least two cells whose whole text is a header word.
    static func findHeaderStart(_ grid: Grid, vocabulary: Vocabulary) -> Int? {
        for row in 0..<min(grid.rowCount, searchLimit) {
            let texts = grid.texts(ofRow: row)
            let words = texts.filter { vocabulary.isHeaderWord($0.text) }.count
            if words >= 2 { return row }
        }
        return nil
    }

    /// Lays the table out from a known header start (and optionally a known header end / data range).
    init(grid: Grid, headerStart: Int, headerEnd forcedEnd: Int? = nil, dataRange: ClosedRange<Int>? = nil,
         vocabulary: Vocabulary) {
        var end = headerStart
        if let forcedEnd {
            end = forcedEnd
        } else {
            var row = headerStart + 1
            while row < grid.rowCount {
                if Self.continuesHeader(grid, row: row, headerStart: headerStart, vocabulary: vocabulary) {
                    end = row
                    row += 1
                } else {
                    break
                }
            }
        }
        headerRows = headerStart...end
        for row in headerRows where Self.isColumnNumberRow(grid, row) { columnNumberRows.insert(row) }
        var dataStart = end + 1
        while dataStart < grid.rowCount,
              Self.isColumnNumberRow(grid, dataStart) || Self.isColumnNumbering(grid.texts(ofRow: dataStart)) {
            columnNumberRows.insert(dataStart)
            dataStart += 1
        }
        buildPaths(grid)
        let range = dataRange ?? dataStart...max(dataStart, grid.rowCount - 1)
        var footnoteStarted = false
        var minColumn = Int.max, maxColumn = -1
        for row in headerRows {
            for (column, _) in grid.texts(ofRow: row) {
                minColumn = min(minColumn, column)
                maxColumn = max(maxColumn, column)
            }
        }
        for row in range where row < grid.rowCount {
            let texts = grid.texts(ofRow: row)
            guard let first = texts.first else { continue }
            if footnoteStarted || vocabulary.isFootnote(first.text) {
                footnoteStarted = true
                footnotes.append(contentsOf: texts.map(\.text))
                continue
            }
            if Self.isColumnNumberRow(texts) {
                columnNumberRows.insert(row)
                continue
            }
            dataRows.append(row)
            minColumn = min(minColumn, first.column)
            maxColumn = max(maxColumn, texts.last?.column ?? first.column)
        }
        firstColumn = minColumn == Int.max ? 0 : minColumn
        lastColumn = max(0, maxColumn)
    }

    /// A row below the header start belongs to the header when a merged header cell reaches into it,
    /// or when every text in it is a header word (and it is not a 合计 row), or it is a 栏次 row.
    static func continuesHeader(_ grid: Grid, row: Int, headerStart: Int, vocabulary: Vocabulary) -> Bool {
        let texts = grid.texts(ofRow: row)
        if isColumnNumberRow(grid, row) { return false }
        var reachedByMerge = false
        for column in 0..<grid.columnCount {
            if let range = grid.merge(at: row, column), range.start.row >= headerStart, range.start.row < row {
                reachedByMerge = true
                break
            }
        }
        guard !texts.isEmpty else { return reachedByMerge }
        if reachedByMerge, !texts.contains(where: { isNumeric(grid, row, $0.column) }) { return true }
        guard texts.allSatisfy({ vocabulary.isHeaderWord($0.text) }) else { return false }
        // A lone 合计 (an empty table's total row) is data; 合计 | 因公出国 | … is a header row.
        if texts.count == 1, let first = texts.first, vocabulary.isTotalLabel(first.text),
           !grid.isContinuedFromAbove(row, first.column) {
            return false
        }
        return true
    }

    /// A row that numbers the columns: its first text is 栏次, or it holds only small integers and 栏次.
    static func isColumnNumberRow(_ grid: Grid, _ row: Int) -> Bool {
        isColumnNumberRow(grid.texts(ofRow: row))
    }

    static func isColumnNumberRow(_ texts: [(column: Int, text: String)]) -> Bool {
        // Cheap test first: data rows are read through here too.
        texts.contains { $0.text.contains("栏") && Vocabulary.normalise($0.text) == "栏次" }
    }

    /// A numbering row right under the header: 1 2 3 … (at least three columns numbered in order, from 1),
    /// beside at most the label columns' 栏次 / 行次 / 甲 乙 丙 marks. It is not data.
    static func isColumnNumbering(_ texts: [(column: Int, text: String)]) -> Bool {
        var numbers: [Int] = []
        for (_, text) in texts {
            let t = Vocabulary.normalise(text)
            if let n = Int(t), t.allSatisfy(\.isASCIIDigit) {
                numbers.append(n)
            } else if !["栏次", "行次", "甲", "乙", "丙", "丁", "—", "-", "/"].contains(t) {
                return false
            }
        }
        guard numbers.count >= 3, numbers.first == 1 else { return false }
        return zip(numbers, numbers.dropFirst()).allSatisfy { $1 == $0 + 1 }
    }

    /// Whether a cell holds a number (a number cell, or text that parses as one).
    static func isNumeric(_ grid: Grid, _ row: Int, _ column: Int) -> Bool {
        switch grid.value(row, column) {
        case .number: return true
        case .text(let s):
            let t = Grid.trim(s)
            return !t.isEmpty && t.contains(where: \.isNumber) && Money(parsing: t) != nil
        default: return false
        }
    }

    private mutating func buildPaths(_ grid: Grid) {
        let rows = headerRows.filter { !columnNumberRows.contains($0) }
        var labels: [Int: [Int: String]] = [:]
        for row in rows {
            var carry: String?
            var line: [Int: String] = [:]
            let isLast = row == rows.last
            for column in 0..<grid.columnCount {
                let merged = grid.merge(at: row, column) != nil
                // A label written in an upper header row at this column starts a new group: the label to the
                // left does not carry across it (公务接待费 after 公务用车运行维护费 in a CSV copy).
                if Self.startsGroupAbove(grid, rows: rows, before: row, column) { carry = nil }
                var label = grid.label(row, column)
                if label.isEmpty, !merged, !isLast, let carry, Self.hasHeaderBelow(grid, rows: rows, after: row, column) {
                    label = carry
                } else if !label.isEmpty {
                    carry = merged ? nil : label
                } else {
                    carry = nil
                }
                if !label.isEmpty { line[column] = label }
            }
            labels[row] = line
        }
        for column in 0..<grid.columnCount {
            var segments: [String] = []
            for row in rows {
                guard let label = labels[row]?[column] else { continue }
                if segments.last != label { segments.append(label) }
            }
            if !segments.isEmpty { paths[column] = segments }
        }
    }

    private static func startsGroupAbove(_ grid: Grid, rows: [Int], before row: Int, _ column: Int) -> Bool {
        rows.contains { $0 < row && grid.merge(at: $0, column) == nil && !grid.text($0, column).isEmpty }
    }

    private static func hasHeaderBelow(_ grid: Grid, rows: [Int], after row: Int, _ column: Int) -> Bool {
        rows.contains { $0 > row && !grid.text($0, column).isEmpty }
    }
}
