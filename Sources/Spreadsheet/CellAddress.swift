/// The position of one cell: zero-based row and column, printed in A1 form (`D12`).
///
/// Excel's limits apply: columns `A`…`XFD` (16,384) and rows 1…1,048,576.
public struct CellAddress: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Zero-based row index (row 1 in Excel is 0).
    public var row: Int
    /// Zero-based column index (column A is 0).
    public var column: Int

    /// The largest row count a worksheet may have (Excel: 1,048,576).
    public static let maxRows = 1_048_576
    /// The largest column count a worksheet may have (Excel: 16,384, column XFD).
    public static let maxColumns = 16_384

    public init(row: Int, column: Int) {
        self.row = row
        self.column = column
    }

    /// Parses an A1 reference such as `D12`, `$D$12` or `xfd1048576` (case-insensitive).
    ///
    /// Returns nil for anything outside `A1`…`XFD1048576` (including `A0`, `XFE1`) or not of the A1 shape.
    public init?(_ a1: some StringProtocol) {
        var column = 0
        var row = 0
        var letters = 0
        var digits = 0
        for byte in a1.utf8 {
            switch byte {
            case UInt8(ascii: "$") where digits == 0:
                continue
            case UInt8(ascii: "A")...UInt8(ascii: "Z") where digits == 0:
                column = column * 26 + Int(byte - UInt8(ascii: "A")) + 1
                letters += 1
            case UInt8(ascii: "a")...UInt8(ascii: "z") where digits == 0:
                column = column * 26 + Int(byte - UInt8(ascii: "a")) + 1
                letters += 1
            case UInt8(ascii: "0")...UInt8(ascii: "9") where letters > 0:
                row = row * 10 + Int(byte - UInt8(ascii: "0"))
                digits += 1
            default:
                return nil
            }
            if letters > 3 || digits > 7 { return nil }
        }
        guard letters > 0, digits > 0, row >= 1, row <= Self.maxRows,
              column >= 1, column <= Self.maxColumns else { return nil }
        self.init(row: row - 1, column: column - 1)
    }

    /// The column's letters: 0 → `A`, 25 → `Z`, 26 → `AA`.
    public static func columnName(_ column: Int) -> String {
        var n = column + 1
        var letters: [UInt8] = []
        while n > 0 {
            let r = (n - 1) % 26
            letters.append(UInt8(ascii: "A") + UInt8(r))
            n = (n - 1) / 26
        }
        return String(decoding: letters.reversed(), as: UTF8.self)
    }

    /// The zero-based index of a column's letters (`A` → 0), or nil when they are not letters A…XFD.
    public static func columnIndex(_ letters: some StringProtocol) -> Int? {
        guard let address = CellAddress("\(letters)1") else { return nil }
        return address.column
    }

    /// A1 form, e.g. `D12`.
    public var description: String { Self.columnName(column) + String(row + 1) }

    public static func < (lhs: CellAddress, rhs: CellAddress) -> Bool {
        (lhs.row, lhs.column) < (rhs.row, rhs.column)
    }
}
