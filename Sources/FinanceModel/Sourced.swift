/// A value and the cell it was read from: every figure in a table keeps its `SourceLocation`, so a
/// check result can cite `预算.xlsx › 支出表 › D12`. The source is nil only for values the tool made
/// itself (a sum it computed, a default it filled in).
public struct Sourced<Value> {
    public var value: Value
    public var source: SourceLocation?

    public init(_ value: Value, at source: SourceLocation?) {
        self.value = value
        self.source = source
    }

    /// The same source with a transformed value.
    public func map<T>(_ transform: (Value) throws -> T) rethrows -> Sourced<T> {
        Sourced<T>(try transform(value), at: source)
    }
}

extension Sourced: Sendable where Value: Sendable {}
extension Sourced: Equatable where Value: Equatable {}
extension Sourced: Hashable where Value: Hashable {}
extension Sourced: Codable where Value: Codable {}

/// An amount with the cell it came from.
public typealias Figure = Sourced<Money>

extension Sourced where Value == Money {
    /// The amount in another unit, same cell.
    public func converted(from source: Unit, to target: Unit) -> Figure {
        map { $0.converted(from: source, to: target) }
    }
}

