/// A rectangle of cells, such as a merged area `A1:H1`, inclusive at both ends.
public struct CellRange: Hashable, Sendable, CustomStringConvertible {
    /// The top-left cell.
    public var start: CellAddress
    /// The bottom-right cell.
    public var end: CellAddress

    /// Makes a range from two corners given in any order.
    public init(_ a: CellAddress, _ b: CellAddress) {
        start = CellAddress(row: min(a.row, b.row), column: min(a.column, b.column))
        end = CellAddress(row: max(a.row, b.row), column: max(a.column, b.column))
    }

    /// Parses `A1:H2` or a single cell `B3` (a one-cell range).
    public init?(_ text: some StringProtocol) {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        switch parts.count {
        case 1:
            guard let a = CellAddress(parts[0]) else { return nil }
            self.init(a, a)
        case 2:
            guard let a = CellAddress(parts[0]), let b = CellAddress(parts[1]) else { return nil }
            self.init(a, b)
        default:
            return nil
        }
    }

    /// Number of rows covered.
    public var rowCount: Int { end.row - start.row + 1 }
    /// Number of columns covered.
    public var columnCount: Int { end.column - start.column + 1 }

    /// Whether `address` lies inside the range.
    public func contains(_ address: CellAddress) -> Bool {
        address.row >= start.row && address.row <= end.row
            && address.column >= start.column && address.column <= end.column
    }

    /// `A1:H2`, or `B3` for a single cell.
    public var description: String {
        start == end ? start.description : "\(start):\(end)"
    }
}
