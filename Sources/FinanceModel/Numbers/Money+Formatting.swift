/// Showing amounts: exact text, and half-up rounded display.
extension Money: CustomStringConvertible {
    /// The exact plain decimal without trailing zeros: "1032.19305", "-0.5", "0".
    public var description: String { value.plainText }

    /// Rounded half-up (四舍五入; ties away from zero, so −1.005 → −1.01) to `decimals` places (0...10).
    public func rounded(toDecimals decimals: Int) -> Money { Money(value.rounded(toDecimals: decimals)) }

    /// Rounded half-up and printed with exactly `decimals` places: `formatted(decimals: 2)` of 1234.565
    /// is "1234.57"; with `grouping` "1,234.57".
    public func formatted(decimals: Int = 2, grouping: Bool = false) -> String {
        value.formatted(decimals: decimals, grouping: grouping)
    }

    /// How many decimals the exact value needs (0...10).
    public var significantDecimals: Int { value.significantDecimals }
}

extension Money: Codable {
    /// Encodes as the exact decimal string, so JSON never rounds it through a binary double.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        do {
            self = try Money.parse(text)
        } catch {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: error.message.en)
        }
    }
}
