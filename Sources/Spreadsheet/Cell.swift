/// One cell of a row: its column, value, optional formula and optional style.
public struct Cell: Hashable, Sendable {
    /// Zero-based column index.
    public var column: Int
    /// The value (for a formula, its cached result).
    public var value: CellValue
    /// The formula text without the leading `=`, when the cell has one.
    public var formula: String?
    /// How the cell looks. Readers fill at least `numberFormat`; writers use all of it.
    public var style: CellStyle?

    public init(column: Int, value: CellValue, formula: String? = nil, style: CellStyle? = nil) {
        self.column = column
        self.value = value
        self.formula = formula
        self.style = style
    }
}

/// One row of a sheet: its zero-based index and its non-empty cells in column order.
public struct Row: Hashable, Sendable {
    /// Zero-based row index (row 1 in Excel is 0).
    public var index: Int
    /// The row's cells, sorted by column; columns not present are empty.
    public var cells: [Cell]
    /// The row height in points, when set.
    public var height: Double?

    public init(index: Int, cells: [Cell] = [], height: Double? = nil) {
        self.index = index
        self.cells = cells
        self.height = height
    }

    /// The value in `column`, or `.empty`.
    public subscript(column: Int) -> CellValue {
        cell(at: column)?.value ?? .empty
    }

    /// The cell in `column`, if the row has one.
    public func cell(at column: Int) -> Cell? {
        // Rows are short and sorted: a binary search keeps wide rows cheap.
        var lo = 0, hi = cells.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if cells[mid].column < column { lo = mid + 1 } else { hi = mid }
        }
        return lo < cells.count && cells[lo].column == column ? cells[lo] : nil
    }

    /// Values from column 0 to the last non-empty cell, empty where missing.
    public var denseValues: [CellValue] {
        guard let last = cells.last?.column else { return [] }
        var out = [CellValue](repeating: .empty, count: last + 1)
        for c in cells { out[c.column] = c.value }
        return out
    }
}
