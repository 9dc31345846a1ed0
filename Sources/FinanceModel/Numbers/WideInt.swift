/// A signed 128-bit two's-complement integer with just the operations `FixedDecimal` needs.
///
/// The standard library's `Int128` needs macOS 15, and the package supports macOS 13, so this small
/// value type carries the two words itself. Every operation that can overflow reports it (returns nil)
/// instead of trapping: amounts come from files, and a file must never crash the tool.
struct WideInt: Hashable, Sendable, Comparable {
    var high: Int64
    var low: UInt64

    static let zero = WideInt(high: 0, low: 0)

    init(high: Int64, low: UInt64) {
        self.high = high
        self.low = low
    }

    init(_ value: Int64) {
        self.init(high: value < 0 ? -1 : 0, low: UInt64(bitPattern: value))
    }

    /// Builds a value from a sign and an unsigned magnitude; nil when it does not fit.
    init?(negative: Bool, magnitude: Magnitude) {
        let limit = Magnitude(high: 1 << 63, low: 0)  // 2^127
        if negative {
            guard magnitude <= limit else { return nil }
            let bits = Magnitude(high: ~magnitude.high, low: ~magnitude.low).addingOne()
            self.init(high: Int64(bitPattern: bits.high), low: bits.low)
        } else {
            guard magnitude < limit else { return nil }
            self.init(high: Int64(bitPattern: magnitude.high), low: magnitude.low)
        }
    }

    var isNegative: Bool { high < 0 }
    var isZero: Bool { high == 0 && low == 0 }

    /// The absolute value as an unsigned 128-bit magnitude (2^127 for the minimum value).
    var magnitude: Magnitude {
        let bits = Magnitude(high: UInt64(bitPattern: high), low: low)
        guard isNegative else { return bits }
        return Magnitude(high: ~bits.high, low: ~bits.low).addingOne()
    }

    static func < (a: WideInt, b: WideInt) -> Bool {
        a.high != b.high ? a.high < b.high : a.low < b.low
    }

    func adding(_ other: WideInt) -> WideInt? {
        let (low, carry) = low.addingReportingOverflow(other.low)
        let (partial, overflow1) = high.addingReportingOverflow(other.high)
        let (high, overflow2) = partial.addingReportingOverflow(carry ? 1 : 0)
        // Two wraps in opposite directions cancel out; exactly one wrap is a real overflow.
        guard overflow1 == overflow2 else { return nil }
        return WideInt(high: high, low: low)
    }

    func negated() -> WideInt? {
        WideInt(negative: !isNegative, magnitude: magnitude)
    }

    func subtracting(_ other: WideInt) -> WideInt? {
        other.negated().flatMap { adding($0) }
    }

    /// `self × factor`, nil on overflow.
    func multiplied(by factor: Int64) -> WideInt? {
        guard let product = magnitude.multiplied(by: factor.magnitude) else { return nil }
        return WideInt(negative: isNegative != (factor < 0) && !product.isZero, magnitude: product)
    }
}

/// An unsigned 128-bit integer: the magnitude side of `WideInt`.
struct Magnitude: Hashable, Sendable, Comparable {
    var high: UInt64
    var low: UInt64

    static let zero = Magnitude(high: 0, low: 0)

    init(high: UInt64, low: UInt64) {
        self.high = high
        self.low = low
    }

    init(_ value: UInt64) { self.init(high: 0, low: value) }

    var isZero: Bool { high == 0 && low == 0 }

    static func < (a: Magnitude, b: Magnitude) -> Bool {
        a.high != b.high ? a.high < b.high : a.low < b.low
    }

    func addingOne() -> Magnitude {
        let (low, carry) = low.addingReportingOverflow(1)
        return Magnitude(high: high &+ (carry ? 1 : 0), low: low)
    }

    func adding(_ other: Magnitude) -> Magnitude? {
        let (low, carry) = low.addingReportingOverflow(other.low)
        let (partial, overflow1) = high.addingReportingOverflow(other.high)
        let (high, overflow2) = partial.addingReportingOverflow(carry ? 1 : 0)
        guard !overflow1, !overflow2 else { return nil }
        return Magnitude(high: high, low: low)
    }

    /// `self − other`; the caller guarantees `other <= self`.
    func subtracting(_ other: Magnitude) -> Magnitude {
        let (low, borrow) = low.subtractingReportingOverflow(other.low)
        return Magnitude(high: high &- other.high &- (borrow ? 1 : 0), low: low)
    }

    func multiplied(by factor: UInt64) -> Magnitude? {
        let (carry, low) = low.multipliedFullWidth(by: factor)
        let (overflow, partial) = high.multipliedFullWidth(by: factor)
        guard overflow == 0 else { return nil }
        let (high, wrapped) = partial.addingReportingOverflow(carry)
        guard !wrapped else { return nil }
        return Magnitude(high: high, low: low)
    }

    /// `self × other`, nil when the product needs more than 128 bits.
    func multiplied(by other: Magnitude) -> Magnitude? {
        if high == 0 { return other.multiplied(by: low) }
        guard other.high == 0 else { return nil }
        return multiplied(by: other.low)
    }

    /// Quotient and remainder by a one-word divisor (not zero).
    func quotientAndRemainder(dividingBy divisor: UInt64) -> (quotient: Magnitude, remainder: UInt64) {
        let (highQuotient, highRemainder) = high.quotientAndRemainder(dividingBy: divisor)
        let (lowQuotient, remainder) = divisor.dividingFullWidth((highRemainder, low))
        return (Magnitude(high: highQuotient, low: lowQuotient), remainder)
    }

    /// Quotient and remainder by a two-word divisor (not zero), by shift and subtract.
    func quotientAndRemainder(dividingBy divisor: Magnitude) -> (quotient: Magnitude, remainder: Magnitude) {
        if divisor.high == 0 {
            let (quotient, remainder) = quotientAndRemainder(dividingBy: divisor.low)
            return (quotient, Magnitude(remainder))
        }
        var quotient = Magnitude.zero
        var remainder = Magnitude.zero
        for bit in stride(from: 127, through: 0, by: -1) {
            // remainder = remainder << 1 | bit; remainder < divisor < 2^128 so the top bit is free.
            remainder = Magnitude(high: remainder.high << 1 | remainder.low >> 63, low: remainder.low << 1)
            let word = bit >= 64 ? high : low
            remainder.low |= (word >> UInt64(bit % 64)) & 1
            if remainder >= divisor {
                remainder = remainder.subtracting(divisor)
                if bit >= 64 { quotient.high |= 1 << UInt64(bit - 64) } else { quotient.low |= 1 << UInt64(bit) }
            }
        }
        return (quotient, remainder)
    }

    /// The plain decimal digits, without sign or leading zeros ("0" for zero).
    var decimalDigits: String {
        if high == 0 { return String(low) }
        let chunk: UInt64 = 10_000_000_000_000_000_000  // 10^19
        var chunks: [UInt64] = []
        var rest = self
        while !rest.isZero {
            let (quotient, remainder) = rest.quotientAndRemainder(dividingBy: chunk)
            chunks.append(remainder)
            rest = quotient
        }
        var text = String(chunks.removeLast())
        for part in chunks.reversed() {
            let digits = String(part)
            text += String(repeating: "0", count: 19 - digits.count) + digits
        }
        return text
    }
}
