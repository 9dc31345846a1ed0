@testable import CSVFormat
import Spreadsheet
import Testing

/// `CSVTypeInference.quickNumberCheck`, the allocation-free fast path, agrees with the full rules.
@Suite struct QuickNumberCheckTests {
    /// Every string of up to 4 characters over an alphabet of the bytes that matter.
    @Test func agreesWithTheFullRulesOnEveryShortString() {
        let alphabet: [String] = ["0", "1", "5", ".", "-", "+", ",", "%", "a"]
        var fields: [String] = [""]
        var all: [String] = []
        for _ in 1...4 {
            fields = fields.flatMap { f in alphabet.map { f + $0 } }
            all += fields
        }
        all += ["123456789012345", "1234567890123456", "0.123456789012345", "0.1234567890123456", "12345678.1234567",
                "12345678.12345678", "-0.000", "100000000000000.5", "-999999999999999", "0.0000000000000000001"]
        var fast = 0
        for field in all {
            var copy = field
            let quick = copy.withUTF8(CSVTypeInference.quickNumberCheck)
            let full = CSVTypeInference.number(field)
            switch quick {
            case true?:
                fast += 1
                #expect(full == InferredValue(value: .number(field)), "\(field)")
            case false?:
                #expect(full == nil, "\(field)")
            case nil:
                break
            }
        }
        #expect(fast > 100)
    }
}
