import FinanceModel
import Spreadsheet

/// A sheet seen as a rectangle of trimmed cell texts, with merged areas resolved: what recognition
/// reads instead of the sparse `Sheet`.
///
/// A merged area's value sits in its top-left cell only; `label(row:column:)` returns it for every
/// cell of the area, so a header merged across columns or down rows reads the same everywhere.
struct Grid {
    let sheet: Sheet
    /// The file name as the user gave it.
    let file: String
    /// The sheet name, nil for a CSV.
    let sheetName: String?
    /// One past the last row and column holding anything.
    let rowCount: Int
    let columnCount: Int
    private var mergeOrigin: [CellAddress: CellRange] = [:]

    init(sheet: Sheet, file: String, isCSV: Bool) {
        self.sheet = sheet
        self.file = file
        sheetName = isCSV ? nil : sheet.name
        let dimension = sheet.dimension
        rowCount = (dimension?.end.row ?? -1) + 1
        columnCount = (dimension?.end.column ?? -1) + 1
        for range in sheet.merges where range.rowCount * range.columnCount <= 10_000 {
            for row in range.start.row...range.end.row {
                for column in range.start.column...range.end.column {
                    mergeOrigin[CellAddress(row: row, column: column)] = range
                }
            }
        }
    }

    /// The raw value at a cell (not following merges).
    func value(_ row: Int, _ column: Int) -> CellValue {
        sheet.row(at: row)?[column] ?? .empty
    }

    /// The cell's own text, trimmed ("" for blank).
    func text(_ row: Int, _ column: Int) -> String {
        Self.trim(value(row, column).csvText)
    }

    /// The text shown in a cell, following merged areas to their top-left cell.
    func label(_ row: Int, _ column: Int) -> String {
        if let range = mergeOrigin[CellAddress(row: row, column: column)] {
            return text(range.start.row, range.start.column)
        }
        return text(row, column)
    }

    /// The merged area a cell belongs to, if any.
    func merge(at row: Int, _ column: Int) -> CellRange? {
        mergeOrigin[CellAddress(row: row, column: column)]
    }

    /// Whether the cell is covered by a merged area that starts in an earlier row.
    func isContinuedFromAbove(_ row: Int, _ column: Int) -> Bool {
        guard let range = merge(at: row, column) else { return false }
        return range.start.row < row
    }

    /// Non-empty cells of a row, left to right, as (column, text).
    func texts(ofRow row: Int) -> [(column: Int, text: String)] {
        guard let stored = sheet.row(at: row) else { return [] }
        return stored.cells.compactMap { cell in
            let t = Self.trim(cell.value.csvText)
            return t.isEmpty ? nil : (cell.column, t)
        }
    }

    /// Whether a row holds nothing.
    func isBlank(_ row: Int) -> Bool { texts(ofRow: row).isEmpty }

    /// The location of a cell for figures and errors.
    func location(_ row: Int, _ column: Int) -> SourceLocation {
        SourceLocation(file: file, sheet: sheetName, cell: CellAddress(row: row, column: column).description)
    }

    /// A1 text of a cell.
    static func a1(_ row: Int, _ column: Int) -> String { CellAddress(row: row, column: column).description }

    /// Trims whitespace, including the ideographic space.
    static func trim(_ s: String) -> String {
        var scalars = Substring(s)
        while let first = scalars.first, first.isWhitespace { scalars = scalars.dropFirst() }
        while let last = scalars.last, last.isWhitespace { scalars = scalars.dropLast() }
        return String(scalars)
    }
}

extension Character {
    /// 0–9 in ASCII (not full-width or other scripts' digits).
    var isASCIIDigit: Bool { isASCII && isNumber }
}
