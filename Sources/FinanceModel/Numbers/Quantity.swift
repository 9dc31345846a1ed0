/// An exact decimal number that is not money: indicator targets and actuals (46 个, 97.62 亿元,
/// 100 %), weights and scores (分值 / 得分), staff counts (编制数).
///
/// Same engine and parsing rules as `Money` (up to 10 decimals kept exactly), kept a separate type so
/// an indicator value can never be added to an amount by mistake.
public struct Quantity: Hashable, Sendable, Comparable {
    var value: FixedDecimal

    init(_ value: FixedDecimal) { self.value = value }

    public static let zero = Quantity(FixedDecimal.zero)

    /// A whole number.
    public init(_ integer: Int) { self.init(FixedDecimal(integer)) }

    /// Parses a number with the same rules as `Money.parse` (up to 10 decimals).
    public static func parse(
        _ text: String, excessDecimals: ExcessDecimals = .reject
    ) throws(NumberParseError) -> Quantity {
        switch DecimalParser.parse(text, maxDecimals: FixedDecimal.scale, excess: excessDecimals.engine) {
        case .success(let value): return Quantity(value)
        case .failure(let failure): throw NumberParseError(text: text, failure: failure)
        }
    }

    /// `parse(_:)` that returns nil instead of throwing.
    public init?(parsing text: String) {
        guard let quantity = try? Quantity.parse(text) else { return nil }
        self = quantity
    }

    public static func < (a: Quantity, b: Quantity) -> Bool { a.value < b.value }

    public var isZero: Bool { value.isZero }
    public var isNegative: Bool { value.isNegative }

    /// `self + other`, nil on overflow.
    public func adding(_ other: Quantity) -> Quantity? { value.adding(other.value).map(Quantity.init) }
    /// `self − other`, nil on overflow.
    public func subtracting(_ other: Quantity) -> Quantity? {
        value.subtracting(other.value).map(Quantity.init)
    }
    /// `self × rate` (a score: 分值 × 完成比例), rounded half-up at the 10th decimal; nil on overflow.
    public func multiplied(by rate: Rate) -> Quantity? { value.multiplied(by: rate.value).map(Quantity.init) }
    /// `self ÷ other` as a rate (实际 / 目标), nil when `other` is zero.
    public func ratio(to other: Quantity) -> Rate? { value.divided(by: other.value).map(Rate.init) }

    /// Rounded half-up (四舍五入, ties away from zero).
    public func rounded(toDecimals decimals: Int) -> Quantity { Quantity(value.rounded(toDecimals: decimals)) }

    /// Rounded half-up and printed with exactly `decimals` places.
    public func formatted(decimals: Int) -> String { value.formatted(decimals: decimals, grouping: false) }
}

extension Sequence where Element == Quantity {
    /// The exact sum (zero for an empty sequence); nil on overflow.
    public func sum() -> Quantity? {
        reduce(Quantity.zero as Quantity?) { partial, next in partial?.adding(next) }
    }
}

extension Quantity: CustomStringConvertible {
    /// The exact plain decimal.
    public var description: String { value.plainText }
}

extension Quantity: Codable {
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        do {
            self = try Quantity.parse(text)
        } catch {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: error.message.en)
        }
    }
}
