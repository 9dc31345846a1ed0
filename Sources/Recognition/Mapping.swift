import FinanceModel
import Foundation
import Spreadsheet

/// A mapping file (`--mapping FILE`): for odd layouts, says which sheet holds which table, where its
/// header is and what its columns mean. Anything left out is recognised as usual.
///
///     {"tables": [{"file": "预算.xlsx", "sheet": "Sheet1", "kind": "expenseByFunction", "side": "budget",
///                  "unit": "元", "title": "部门支出总表", "headerRows": "3-4", "dataRows": "5-40",
///                  "columns": {"A": "code", "B": "name", "C": "total.initialBudget"}}]}
///
/// Rows are one-based ("3-4" or "3"); columns are letters; roles are the `ColumnRole` identifiers
/// listed in docs/TABLE-KINDS.md.
public struct Mapping: Sendable, Hashable, Codable {
    public var tables: [TableMapping]

    public init(tables: [TableMapping]) { self.tables = tables }

    /// Reads a mapping file's JSON.
    public static func decode(_ data: Data) throws -> Mapping {
        try JSONDecoder().decode(Mapping.self, from: data)
    }

    /// The entry for a sheet of a file: one naming both, else one naming only the sheet or only the
    /// file, else one naming neither.
    public func entry(file: String, sheet: String?) -> TableMapping? {
        let fileName = (file as NSString).lastPathComponent
        func fileMatches(_ m: TableMapping) -> Bool {
            guard let f = m.file else { return true }
            return f == file || (f as NSString).lastPathComponent == fileName
        }
        func sheetMatches(_ m: TableMapping) -> Bool { m.sheet == nil || m.sheet == sheet }
        let candidates = tables.filter { fileMatches($0) && sheetMatches($0) }
        return candidates.max { a, b in
            ((a.file != nil ? 1 : 0) + (a.sheet != nil ? 1 : 0)) < ((b.file != nil ? 1 : 0) + (b.sheet != nil ? 1 : 0))
        }
    }
}

/// How to read one sheet.
public struct TableMapping: Sendable, Hashable, Codable {
    public var file: String?
    public var sheet: String?
    public var kind: TableKind?
    public var side: TableSide?
    /// "元", "万元", "千元".
    public var unit: String?
    public var title: String?
    /// One-based rows, "3-4" or "3".
    public var headerRows: String?
    /// One-based rows, "5-40".
    public var dataRows: String?
    /// Column letter → role identifier.
    public var columns: [String: String]?

    public init(
        file: String? = nil, sheet: String? = nil, kind: TableKind? = nil, side: TableSide? = nil,
        unit: String? = nil, title: String? = nil, headerRows: String? = nil, dataRows: String? = nil,
        columns: [String: String]? = nil
    ) {
        self.file = file
        self.sheet = sheet
        self.kind = kind
        self.side = side
        self.unit = unit
        self.title = title
        self.headerRows = headerRows
        self.dataRows = dataRows
        self.columns = columns
    }

    /// Zero-based rows of "3-4" / "3"; nil when absent; throws a readable detail when malformed or past
    /// Excel's last row (a range to Int.max would have every row loop run for ever).
    static func rows(_ text: String?, field: String) throws(RowSpecError) -> ClosedRange<Int>? {
        guard let text else { return nil }
        let parts = text.split(whereSeparator: { $0 == "-" || $0 == ":" || $0 == "–" }).map {
            Int($0.trimmingCharacters(in: .whitespaces))
        }
        guard (1...2).contains(parts.count), let first = parts[0], let last = parts[parts.count - 1],
              first >= 1, last >= first, last <= CellAddress.maxRows
        else { throw RowSpecError(field: field, text: text) }
        return (first - 1)...(last - 1)
    }

    /// Zero-based column → role, checking the letters.
    func columnRoles() throws(RowSpecError) -> [Int: ColumnRole] {
        var out: [Int: ColumnRole] = [:]
        for (letters, role) in columns ?? [:] {
            guard let index = CellAddress.columnIndex(letters.trimmingCharacters(in: .whitespaces)) else {
                throw RowSpecError(field: "columns", text: letters)
            }
            out[index] = ColumnRole(role)
        }
        return out
    }
}

/// A malformed row or column specification in a mapping file.
struct RowSpecError: Error {
    var field: String
    var text: String
    var detail: String { "\(field): “\(text)” 不是有效的行号/列号 / is not a valid row or column" }
}
