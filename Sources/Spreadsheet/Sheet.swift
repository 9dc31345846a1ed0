/// One sheet held in memory: its rows, merged ranges and layout.
///
/// Readers also stream rows one at a time without building a `Sheet`; this type is for sheets small
/// enough to hold (finance tables, forms) and for writers.
public struct Sheet: Hashable, Sendable {
    /// Whether a sheet shows in the tab bar.
    public enum State: String, Hashable, Sendable {
        case visible, hidden, veryHidden
    }

    /// A worksheet holds cells; a chart sheet holds only a chart (and no cells).
    public enum Kind: String, Hashable, Sendable {
        case worksheet, chartsheet
    }

    public var name: String
    public var state: State
    public var kind: Kind
    /// Rows sorted by index; rows not present are empty.
    public var rows: [Row]
    /// Merged areas, as stored (the value sits in the top-left cell only).
    public var merges: [CellRange]
    public var layout: SheetLayout

    public init(name: String, state: State = .visible, kind: Kind = .worksheet, rows: [Row] = [],
                merges: [CellRange] = [], layout: SheetLayout = SheetLayout()) {
        self.name = name
        self.state = state
        self.kind = kind
        self.rows = rows
        self.merges = merges
        self.layout = layout
    }

    /// The value at `address`, or `.empty`.
    public subscript(address: CellAddress) -> CellValue {
        row(at: address.row)?[address.column] ?? .empty
    }

    /// The row with zero-based `index`, if present.
    public func row(at index: Int) -> Row? {
        var lo = 0, hi = rows.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if rows[mid].index < index { lo = mid + 1 } else { hi = mid }
        }
        return lo < rows.count && rows[lo].index == index ? rows[lo] : nil
    }

    /// The used area from A1 to the last non-empty cell, or nil for an empty sheet.
    public var dimension: CellRange? {
        var maxRow = -1, maxColumn = -1
        for row in rows {
            guard let last = row.cells.last(where: { !$0.value.isBlank || $0.formula != nil }) else { continue }
            maxRow = max(maxRow, row.index)
            maxColumn = max(maxColumn, last.column)
        }
        guard maxRow >= 0 else { return nil }
        return CellRange(CellAddress(row: 0, column: 0), CellAddress(row: maxRow, column: maxColumn))
    }

    /// Sets one cell, keeping rows and cells sorted. Convenient for building small sheets (forms);
    /// streaming writers take whole rows instead.
    public mutating func set(_ address: CellAddress, _ value: CellValue, formula: String? = nil,
                             style: CellStyle? = nil) {
        let cell = Cell(column: address.column, value: value, formula: formula, style: style)
        var lo = 0, hi = rows.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if rows[mid].index < address.row { lo = mid + 1 } else { hi = mid }
        }
        if lo == rows.count || rows[lo].index != address.row {
            rows.insert(Row(index: address.row, cells: [cell]), at: lo)
            return
        }
        var cells = rows[lo].cells
        var c = 0, d = cells.count
        while c < d {
            let mid = (c + d) / 2
            if cells[mid].column < address.column { c = mid + 1 } else { d = mid }
        }
        if c < cells.count, cells[c].column == address.column { cells[c] = cell } else { cells.insert(cell, at: c) }
        rows[lo].cells = cells
    }
}

/// A whole workbook: its sheets in workbook order, and its date system.
public struct Workbook: Hashable, Sendable {
    public var sheets: [Sheet]
    /// True when serial dates count from 1904-01-01 (old Mac Excel); false for the 1900 system.
    public var date1904: Bool

    public init(sheets: [Sheet] = [], date1904: Bool = false) {
        self.sheets = sheets
        self.date1904 = date1904
    }

    /// The first sheet whose name equals `name`.
    public func sheet(named name: String) -> Sheet? { sheets.first { $0.name == name } }
}

/// What can be said of a sheet without reading its cells.
public struct SheetInfo: Hashable, Sendable {
    /// One-based position in workbook order (hidden and chart sheets counted).
    public var index: Int
    public var name: String
    public var state: Sheet.State
    public var kind: Sheet.Kind

    public init(index: Int, name: String, state: Sheet.State, kind: Sheet.Kind) {
        self.index = index
        self.name = name
        self.state = state
        self.kind = kind
    }
}
