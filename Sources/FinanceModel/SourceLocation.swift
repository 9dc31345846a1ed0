/// FinanceModel — exact money, units, subject codes and the typed budget and final-accounts tables.
///
/// Pure values: no I/O, no C, no binary floating point for any amount. Every figure remembers the cell it came from
/// as a `SourceLocation`, so later layers can cite cells without seeing the `Spreadsheet` module.

/// Where a figure came from: file, sheet and cell, printed `预算.xlsx › 支出表 › D12`.
public struct SourceLocation: Hashable, Sendable, Comparable, CustomStringConvertible, Codable {
    /// The file name as the user gave it.
    public var file: String
    /// The sheet name; nil for a CSV.
    public var sheet: String?
    /// The cell in A1 form, e.g. `D12`.
    public var cell: String

    public init(file: String, sheet: String?, cell: String) {
        self.file = file
        self.sheet = sheet
        self.cell = cell
    }

    /// `预算.xlsx › 支出表 › D12`, or `三公.csv › D12` for a CSV.
    public var description: String {
        ([file] + (sheet.map { [$0] } ?? []) + [cell]).joined(separator: " › ")
    }

    public static func < (a: SourceLocation, b: SourceLocation) -> Bool { a.description < b.description }
}
