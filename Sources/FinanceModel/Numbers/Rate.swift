/// A dimensionless ratio (执行率, 预算调整率, 控制率 …), exact to 10 decimals.
///
/// A rate made by `Money.ratio(to:)` is the quotient rounded half-up at the 10th decimal — the stated
/// precision, far below any displayed figure. Display rounds half-up again: `formatted(decimals: 4)`
/// gives "0.7887", `percent(decimals: 2)` gives "78.87%".
public struct Rate: Hashable, Sendable, Comparable {
    var value: FixedDecimal

    init(_ value: FixedDecimal) { self.value = value }

    public static let zero = Rate(FixedDecimal.zero)
    /// 100 %.
    public static let one = Rate(FixedDecimal(1))

    /// Decimals held exactly.
    public static let precision = FixedDecimal.scale

    /// A whole number (as a rate: `Rate(2)` is 200 %).
    public init(_ integer: Int) { self.init(FixedDecimal(integer)) }

    /// `numerator / denominator`, nil when `denominator` is zero.
    public init?(_ numerator: Int, over denominator: Int) {
        guard let value = FixedDecimal(numerator).divided(by: FixedDecimal(denominator)) else { return nil }
        self.init(value)
    }

    /// A rate written as a decimal ("0.9") or a percentage ("90%", "90％"); nil for anything else,
    /// blank and dashes included (a missing rate is not 0 %).
    public init?(parsing text: String) {
        let trimmed = DecimalParser.normalised(text)
        guard trimmed.contains(where: \.isASCIIDigit) else { return nil }
        if trimmed.hasSuffix("%") {
            guard case .success(let percent) = DecimalParser.parse(
                String(trimmed.dropLast()), maxDecimals: FixedDecimal.scale, excess: .roundHalfUp),
                let value = percent.divided(by: FixedDecimal(100))
            else { return nil }
            self.init(value)
        } else {
            guard case .success(let value) = DecimalParser.parse(
                trimmed, maxDecimals: FixedDecimal.scale, excess: .roundHalfUp)
            else { return nil }
            self.init(value)
        }
    }

    public static func < (a: Rate, b: Rate) -> Bool { a.value < b.value }

    public var isZero: Bool { value.isZero }
    public var isNegative: Bool { value.isNegative }

    /// `min(self, 1)`: 执行率 counts at most 100 % when scored.
    public var cappedAtOne: Rate { Swift.min(self, .one) }

    /// `self + other`, nil on overflow.
    public func adding(_ other: Rate) -> Rate? { value.adding(other.value).map(Rate.init) }
    /// `self − other`, nil on overflow.
    public func subtracting(_ other: Rate) -> Rate? { value.subtracting(other.value).map(Rate.init) }
    /// `self × other`, rounded half-up at the 10th decimal; nil on overflow.
    public func multiplied(by other: Rate) -> Rate? { value.multiplied(by: other.value).map(Rate.init) }
    /// `self ÷ other`, rounded half-up at the 10th decimal; nil when `other` is zero.
    public func divided(by other: Rate) -> Rate? { value.divided(by: other.value).map(Rate.init) }

    /// Rounded half-up (四舍五入, ties away from zero) to `decimals` places.
    public func rounded(toDecimals decimals: Int) -> Rate { Rate(value.rounded(toDecimals: decimals)) }

    /// "0.7887" for `formatted(decimals: 4)`, rounded half-up.
    public func formatted(decimals: Int) -> String { value.formatted(decimals: decimals, grouping: false) }

    /// "78.87%" for `percent(decimals: 2)`: the rate × 100, rounded half-up.
    public func percent(decimals: Int = 2) -> String {
        let hundredfold = value.multiplied(by: 100) ?? value
        return hundredfold.formatted(decimals: decimals, grouping: false) + "%"
    }
}

extension Rate: CustomStringConvertible {
    /// The exact decimal, e.g. "0.7886666667".
    public var description: String { value.plainText }
}

extension Rate: Codable {
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let rate = Rate(parsing: text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "not a rate: \(text)")
        }
        self = rate
    }
}
