import Foundation
import Spreadsheet

/// A cited cell and its neighbours as display text, for the server's previews (`GET …/preview`): the rows
/// and columns within `radius` of the cell, clipped at the sheet's top and left edge.
public struct CellPreview: Sendable, Hashable, Codable {
    public var file: String
    public var sheet: String
    public var cell: String
    /// Column letters, left to right.
    public var columns: [String]
    /// One-based row numbers, top to bottom, each with its cells' text (empty for an empty cell).
    public var rows: [Row]

    public struct Row: Sendable, Hashable, Codable {
        public var row: Int
        public var cells: [String]
    }

    /// The neighbourhood of `cell` (A1) on the sheet named `sheet` of a file read by `InputLoader`; nil when
    /// there is no such sheet or the cell is not an A1 address.
    public static func around(_ cell: String, sheet: String, in input: LoadedInput, radius: Int = 3) -> CellPreview? {
        guard let address = CellAddress(cell), let found = input.sheets.first(where: { $0.name == sheet }) else { return nil }
        let rowRange = max(0, address.row - radius)...(address.row + radius)
        let columnRange = max(0, address.column - radius)...(address.column + radius)
        let rows = rowRange.map { index in
            Row(row: index + 1, cells: columnRange.map { found[CellAddress(row: index, column: $0)].csvText })
        }
        return CellPreview(
            file: input.file, sheet: sheet, cell: address.description,
            columns: columnRange.map(CellAddress.columnName), rows: rows)
    }
}
