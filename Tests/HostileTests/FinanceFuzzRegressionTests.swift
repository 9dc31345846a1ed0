import FinanceModel
import Foundation
import TestSupport
import Testing

/// FuzzFinanceParsers findings, replayed with the target's own round-trip check.
@Suite struct FinanceFuzzRegressionTests {
    /// `999999999999999999.9999999999999999` rounded half-up to 6 decimals carried into a 19th integer
    /// digit: the amount parsed, but its own text (`1000000000000000000`) did not.
    @Test func roundingNeverCarriesPastEighteenIntegerDigits() throws {
        let text = String(decoding: try Data(contentsOf: Fixtures.url("fuzz/finance-rounding-carry.bin")), as: UTF8.self)
        #expect(throws: NumberParseError.self) { try Money.parse(text, excessDecimals: .roundHalfUp) }
        do {
            _ = try Money.parse(text, excessDecimals: .roundHalfUp)
        } catch {
            #expect(error.reason == .outOfRange)
        }
        // One 9 fewer rounds within range, and what it prints parses back to itself.
        for candidate in ["99999999999999999.9999999999", "999999999999999999.4999999", "-999999999999999998.9999995"] {
            let money = try Money.parse(candidate, excessDecimals: .roundHalfUp)
            #expect(try Money.parse(money.formatted(decimals: money.significantDecimals)) == money)
        }
    }
}
