/// An exact amount of money (金额) in the unit of the table it came from.
///
/// `Money` never passes through binary floating point. It holds a signed 128-bit count of 10⁻¹⁰ of the
/// unit, so 0.1 + 0.2 == 0.3 exactly, 分 survive conversion from 元 to 万元 (0.01 元 = 0.000001 万元),
/// and the range (about ±1.7 × 10²⁸ units) is out of reach of any sum of figures that parsing accepts
/// (at most 18 integer digits and 6 decimals each).
///
/// The value carries no unit: a table records its `Unit` once and converts all of its figures together
/// (`converted(from:to:)`, `normalised(to:)` on the tables). Rounding half-up (四舍五入) happens only
/// when a figure is displayed (`formatted(decimals:)`) or explicitly asked for (`rounded(toDecimals:)`);
/// `description` is the exact plain decimal ("1032.19305").
///
/// The arithmetic operators trap on overflow like `Int`'s do; no sum of parsed figures can get there
/// (it takes 10¹⁰ figures of the largest accepted size). Division exists only as `ratio(to:)`, which
/// gives a `Rate`.
public struct Money: Hashable, Sendable, Comparable {
    var value: FixedDecimal

    init(_ value: FixedDecimal) { self.value = value }

    /// Zero.
    public static let zero = Money(FixedDecimal.zero)

    /// Decimal places a parsed amount may carry (0.01 元 in 万元), and that unit conversion keeps exact.
    public static let maxParsedDecimals = 6

    /// A whole number of units.
    public init(_ units: Int) { self.init(FixedDecimal(units)) }

    /// `units + fraction`: `Money(units: 1234, hundredths: 56)` is 1234.56. The sign follows `units`
    /// (`Money(units: -3, hundredths: 5)` is −3.05).
    public init(units: Int, hundredths: Int) {
        precondition((0..<100).contains(hundredths), "hundredths must be 0...99")
        // Both parts are far inside the range, so neither step can fail.
        let cents = FixedDecimal(hundredths).divided(by: FixedDecimal(100)) ?? .zero
        let whole = FixedDecimal(units)
        self.init((units < 0 ? whole.subtracting(cents) : whole.adding(cents)) ?? whole)
    }

    public var isZero: Bool { value.isZero }
    public var isNegative: Bool { value.isNegative }
    public var isPositive: Bool { !value.isNegative && !value.isZero }

    /// The absolute value.
    public var magnitude: Money { isNegative ? -self : self }

    public static func < (a: Money, b: Money) -> Bool { a.value < b.value }

    public static func + (a: Money, b: Money) -> Money {
        guard let sum = a.value.adding(b.value) else { preconditionFailure("Money overflow in +") }
        return Money(sum)
    }

    public static func - (a: Money, b: Money) -> Money {
        guard let difference = a.value.subtracting(b.value) else { preconditionFailure("Money overflow in -") }
        return Money(difference)
    }

    public static prefix func - (a: Money) -> Money {
        guard let negated = a.value.negated() else { preconditionFailure("Money overflow in negation") }
        return Money(negated)
    }

    public static func * (a: Money, factor: Int) -> Money {
        guard let product = a.value.multiplied(by: factor) else { preconditionFailure("Money overflow in *") }
        return Money(product)
    }

    public static func * (factor: Int, a: Money) -> Money { a * factor }
    public static func += (a: inout Money, b: Money) { a = a + b }
    public static func -= (a: inout Money, b: Money) { a = a - b }

    /// `self + other`, nil instead of trapping when the sum leaves the range.
    public func adding(_ other: Money) -> Money? { value.adding(other.value).map(Money.init) }

    /// `self ÷ denominator` as a `Rate` (执行率 = 决算数 ÷ 全年预算数), rounded half-up at the 10th decimal;
    /// nil when the denominator is zero (a rate of a zero budget is an error for the caller to report,
    /// not a zero).
    public func ratio(to denominator: Money) -> Rate? {
        value.divided(by: denominator.value).map(Rate.init)
    }

    /// `self × rate`, rounded half-up at the 10th decimal; nil on overflow.
    public func multiplied(by rate: Rate) -> Money? { value.multiplied(by: rate.value).map(Money.init) }
}

extension Sequence where Element == Money {
    /// The exact sum (zero for an empty sequence).
    public func sum() -> Money { reduce(Money.zero, +) }
}
