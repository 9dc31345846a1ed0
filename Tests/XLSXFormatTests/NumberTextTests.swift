import Testing
@testable import XLSXFormat

/// Number text: float noise removed, no exponent; number formats: dates told from numbers.
@Suite struct NumberTextTests {
    func normalize(_ s: String) -> String? {
        Array(s.utf8).withUnsafeBufferPointer { NumberText.normalize($0) }
    }

    @Test(arguments: [
        ("1234.5599999999999", "1234.56"), ("1E-3", "0.001"), ("5.0", "5"), ("-0.10000000000000001", "-0.1"),
        ("0.30000000000000004", "0.30000000000000004"), ("1.2345E+20", "123450000000000000000"),
        ("007", "7"), ("-0", "0"), ("0.000", "0"), ("123456789012345", "123456789012345"),
        ("1e-10", "0.0000000001"), ("2.5E2", "250"), ("-1234567.125", "-1234567.125"),
        ("9007199254740993", "9007199254740992"), ("0.1", "0.1"), (".5", "0.5"),
    ])
    func normalizes(_ input: String, _ expected: String) {
        #expect(normalize(input) == expected)
    }

    @Test func rejectsNonNumbers() {
        #expect(normalize("abc") == nil)
        #expect(normalize("") == nil)
        #expect(normalize("1.2.3") == nil)
    }

    @Test(arguments: [
        ("yyyy-mm-dd", NumberFormatClass.date), ("[$-F800]dddd, mmmm dd, yyyy", .date), ("h:mm AM/PM", .date),
        ("[h]:mm:ss", .duration), ("[mm]:ss", .duration), ("#,##0.00", .number), ("0.00%", .number),
        ("#,##0.00\" 元\"", .number), ("[Red]#,##0", .number), ("General", .number), ("0.0\\m", .number),
        ("#,##0_);[Red](#,##0)", .number), ("@", .number), ("yyyy\"年\"m\"月\"d\"日\"", .date),
    ])
    func classifiesCustomFormats(_ code: String, _ expected: NumberFormatClass) {
        #expect(NumberFormats.classify(code: code) == expected)
    }

    @Test func classifiesBuiltIns() {
        #expect((14...22).allSatisfy { NumberFormats.classify(builtIn: $0) == .date })
        #expect(NumberFormats.classify(builtIn: 45) == .date)
        #expect(NumberFormats.classify(builtIn: 46) == .duration)
        #expect(NumberFormats.classify(builtIn: 4) == .number)
    }
}
