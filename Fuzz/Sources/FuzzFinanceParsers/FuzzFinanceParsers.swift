/// libFuzzer target: the money, quantity, rate, unit and subject-code parsers on arbitrary text.
///
/// Checks that a parsed amount prints and parses back to itself (plain and grouped), that a parsed
/// code's digits parse back to the same code, and that nothing traps.
import FinanceModel
import FuzzSupport

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzFinanceParsers(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)

    for mode in [ExcessDecimals.reject, .roundHalfUp] {
        if let money = try? Money.parse(text, excessDecimals: mode) {
            for grouping in [false, true] {
                let shown = money.formatted(decimals: money.significantDecimals, grouping: grouping)
                guard let back = try? Money.parse(shown) else { fuzzFinding("\(text) → \(shown) does not parse") }
                if back != money { fuzzFinding("\(text) → \(shown) → \(back)") }
            }
            if (try? Money.parse(money.description)) != money { fuzzFinding("description \(money.description)") }
            _ = money.rounded(toDecimals: 2)
        }
        if let quantity = try? Quantity.parse(text, excessDecimals: mode) {
            if (try? Quantity.parse(quantity.formatted(decimals: 10))) != quantity {
                fuzzFinding("quantity \(text) → \(quantity.formatted(decimals: 10))")
            }
        }
    }
    if let rate = Rate(parsing: text) { _ = rate.percent(decimals: 2) }
    _ = MoneyUnit(line: text)

    if let code = FunctionCode(text) {
        if FunctionCode(code.digits) != code { fuzzFinding("function code \(text) → \(code.digits)") }
    }
    if let code = EconomicCode(text) {
        if EconomicCode(code.digits) != code { fuzzFinding("economic code \(text) → \(code.digits)") }
    }
    let parts = text.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
    if let code = FunctionCode(parts: parts), code.digits.count > 7 { fuzzFinding("function code parts \(parts)") }
    _ = EconomicCode(parts: parts)
    return 0
}

/// The process entry (see `runFuzzer`).
@_cdecl("FuzzFinanceParsers_main")
public func FuzzFinanceParsersMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    runFuzzer(argc, argv) { data, size in fuzzFinanceParsers(data, size) }
}
