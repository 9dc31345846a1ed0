import Foundation
import Spreadsheet

/// A cited cell and its neighbours as display text, for the server's previews (`GET …/preview`): the rows
/// and columns within `radius` of the cell, clipped at the sheet's top and left edge.
public struct CellPreview: Sendable, Hashable, Codable {
    public var file: String
    public var sheet: String
    public var cell: String
    /// Zero-based row and column of `rows[0][0]`.
    public var firstRow: Int
    public var firstColumn: Int
    /// Each row's cells' text, left to right (empty for an empty cell).
    public var rows: [[String]]

    /// The neighbourhood of `cell` (A1) on the sheet named `sheet` of a file read by `InputLoader` (a CSV's
    /// one sheet when `sheet` is empty, as a CSV's findings name no sheet); nil when there is no such sheet
    /// or the cell is not an A1 address.
    public static func around(_ cell: String, sheet: String, in input: LoadedInput, radius: Int = 3) -> CellPreview? {
        let found = sheet.isEmpty && input.sheets.count == 1 ? input.sheets.first : input.sheets.first { $0.name == sheet }
        guard let address = CellAddress(cell), let found else { return nil }
        let rowRange = max(0, address.row - radius)...(address.row + radius)
        let columnRange = max(0, address.column - radius)...(address.column + radius)
        let rows = rowRange.map { index in columnRange.map { found[CellAddress(row: index, column: $0)].csvText } }
        return CellPreview(
            file: input.file, sheet: sheet, cell: address.description, firstRow: rowRange.lowerBound,
            firstColumn: columnRange.lowerBound, rows: rows)
    }
}
