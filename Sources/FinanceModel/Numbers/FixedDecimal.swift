/// The exact decimal engine behind `Money`, `Quantity` and `Rate`: a 128-bit count of 10⁻¹⁰.
///
/// Ten decimals hold 分 (0.01 元) of any amount after conversion to 万元 or 千元 with room to spare,
/// and 128 bits hold about ±1.7 × 10²⁸ whole units, so sums of file figures never come near the edge
/// (parsing accepts at most 18 integer digits). Every fallible operation returns nil; the public
/// operators built on top trap only where the range makes it unreachable from file input.
struct FixedDecimal: Hashable, Sendable, Comparable {
    /// Decimal places held exactly.
    static let scale = 10
    /// 10^scale.
    static let one: UInt64 = 10_000_000_000

    /// The value times 10^scale.
    var raw: WideInt

    static let zero = FixedDecimal(raw: .zero)

    init(raw: WideInt) { self.raw = raw }

    /// A whole number.
    init(_ integer: Int) {
        // |Int64| × 10^10 < 2^127, so this cannot fail.
        raw = WideInt(Int64(integer)).multiplied(by: Int64(FixedDecimal.one)) ?? .zero
    }

    static func < (a: FixedDecimal, b: FixedDecimal) -> Bool { a.raw < b.raw }

    var isZero: Bool { raw.isZero }
    var isNegative: Bool { raw.isNegative }

    func adding(_ other: FixedDecimal) -> FixedDecimal? { raw.adding(other.raw).map(FixedDecimal.init(raw:)) }
    func subtracting(_ other: FixedDecimal) -> FixedDecimal? {
        raw.subtracting(other.raw).map(FixedDecimal.init(raw:))
    }
    func negated() -> FixedDecimal? { raw.negated().map(FixedDecimal.init(raw:)) }
    func multiplied(by integer: Int) -> FixedDecimal? {
        raw.multiplied(by: Int64(integer)).map(FixedDecimal.init(raw:))
    }

    /// `self × other`, rounded half-up (away from zero) at the 10th decimal; nil on overflow.
    func multiplied(by other: FixedDecimal) -> FixedDecimal? {
        guard let product = raw.magnitude.multiplied(by: other.raw.magnitude) else { return nil }
        let rounded = FixedDecimal.divideRoundingHalfUp(product, by: Magnitude(FixedDecimal.one))
        return WideInt(negative: isNegative != other.isNegative && !rounded.isZero, magnitude: rounded)
            .map(FixedDecimal.init(raw:))
    }

    /// `self ÷ other`, rounded half-up (away from zero) at the 10th decimal; nil when `other` is zero or
    /// the quotient does not fit.
    func divided(by other: FixedDecimal) -> FixedDecimal? {
        guard !other.isZero else { return nil }
        let numerator = raw.magnitude
        let denominator = other.raw.magnitude
        // Long division: whole part first, then the fraction one digit at a time (plus one guard digit).
        var (quotient, remainder) = numerator.quotientAndRemainder(dividingBy: denominator)
        for _ in 0...FixedDecimal.scale {
            guard let scaled = quotient.multiplied(by: 10), let shifted = remainder.multiplied(by: 10) else {
                return nil
            }
            let (digit, rest) = shifted.quotientAndRemainder(dividingBy: denominator)
            guard let next = scaled.adding(digit) else { return nil }
            quotient = next
            remainder = rest
        }
        // quotient now carries scale + 1 decimals: round the guard digit half-up.
        let rounded = FixedDecimal.divideRoundingHalfUp(quotient, by: Magnitude(10))
        return WideInt(negative: isNegative != other.isNegative && !rounded.isZero, magnitude: rounded)
            .map(FixedDecimal.init(raw:))
    }

    /// `value ÷ divisor` with the remainder rounded half-up.
    static func divideRoundingHalfUp(_ value: Magnitude, by divisor: Magnitude) -> Magnitude {
        let (quotient, remainder) = value.quotientAndRemainder(dividingBy: divisor)
        // remainder ≥ divisor − remainder  ⇔  2 × remainder ≥ divisor, without overflowing.
        return remainder >= divisor.subtracting(remainder) ? quotient.addingOne() : quotient
    }

    /// Rounded half-up (四舍五入, away from zero on ties) to `decimals` places (0...10).
    func rounded(toDecimals decimals: Int) -> FixedDecimal {
        let places = max(0, min(decimals, FixedDecimal.scale))
        guard places < FixedDecimal.scale else { return self }
        let step = FixedDecimal.powerOfTen(FixedDecimal.scale - places)
        let kept = FixedDecimal.divideRoundingHalfUp(raw.magnitude, by: Magnitude(step))
        // The rounded magnitude is at most |self| + step/2 rounded up, which stays in range for any
        // value that parsing or conversion can produce; fall back to self at the very edge.
        guard let magnitude = kept.multiplied(by: step),
            let result = WideInt(negative: isNegative && !magnitude.isZero, magnitude: magnitude)
        else { return self }
        return FixedDecimal(raw: result)
    }

    /// How many decimals the exact value needs (0...10).
    var significantDecimals: Int {
        var (_, remainder) = raw.magnitude.quotientAndRemainder(dividingBy: FixedDecimal.one)
        guard remainder != 0 else { return 0 }
        var places = FixedDecimal.scale
        while remainder % 10 == 0 {
            remainder /= 10
            places -= 1
        }
        return places
    }

    static func powerOfTen(_ exponent: Int) -> UInt64 {
        var result: UInt64 = 1
        for _ in 0..<exponent { result *= 10 }
        return result
    }

    /// Integer digits and exactly `decimals` fraction digits of the magnitude (no rounding: callers
    /// round first). `decimals` is clamped to 0...10.
    func digits(decimals: Int) -> (integer: String, fraction: String) {
        let (whole, remainder) = raw.magnitude.quotientAndRemainder(dividingBy: FixedDecimal.one)
        let fractionText = String(remainder)
        let padded = String(repeating: "0", count: FixedDecimal.scale - fractionText.count) + fractionText
        let places = max(0, min(decimals, FixedDecimal.scale))
        return (whole.decimalDigits, String(padded.prefix(places)))
    }

    /// The exact plain decimal: "1032.19305", "-0.5", "0".
    var plainText: String {
        let (integer, fraction) = digits(decimals: significantDecimals)
        let sign = isNegative ? "-" : ""
        return fraction.isEmpty ? sign + integer : sign + integer + "." + fraction
    }

    /// Rounded half-up to `decimals` places and printed with exactly that many, optionally grouping
    /// the integer digits in threes with commas ("1,234.50").
    func formatted(decimals: Int, grouping: Bool) -> String {
        let places = max(0, min(decimals, FixedDecimal.scale))
        let value = rounded(toDecimals: places)
        var (integer, fraction) = value.digits(decimals: places)
        if grouping { integer = FixedDecimal.grouped(integer) }
        let sign = value.isNegative ? "-" : ""
        return fraction.isEmpty ? sign + integer : sign + integer + "." + fraction
    }

    static func grouped(_ digits: String) -> String {
        var result = ""
        for (index, character) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { result.append(",") }
            result.append(character)
        }
        return result
    }
}
