import Testing

@testable import FinanceModel

@Suite("Money arithmetic and rounding")
struct MoneyArithmeticTests {
    private func m(_ text: String) -> Money {
        guard let money = Money(parsing: text) else {
            Issue.record("cannot parse \(text)")
            return .zero
        }
        return money
    }

    @Test("decimal arithmetic is exact")
    func exact() {
        #expect(m("0.1") + m("0.2") == m("0.3"))
        #expect((m("0.1") + m("0.2")).description == "0.3")
        #expect(m("1297.24") - m("1297.23") == m("0.01"))
        #expect(m("885.75") + m("137.38") + m("274.1") == m("1297.23"))
        #expect(m("341.47") + m("955.77") == m("1297.24"))
        #expect(-m("5.5") == m("(5.5)"))
        #expect(m("0.01") * 3 == m("0.03"))
        #expect(4 * m("-2.25") == m("-9"))
        #expect(Money(units: 1234, hundredths: 56) == m("1234.56"))
        #expect(Money(units: -3, hundredths: 5) == m("-3.05"))
        #expect(Money(units: Int.min, hundredths: 1).description == "-9223372036854775808.01")
        #expect(Money(7).description == "7")
    }

    @Test("sums of many values stay exact")
    func sums() {
        let cents = Array(repeating: m("0.01"), count: 10_000)
        #expect(cents.sum() == m("100"))
        let tenths = (0..<1000).map { _ in m("0.1") }
        #expect(tenths.sum().description == "100")
        let budget = ["402.53", "286.08", "10.27"].map(m).sum()
        #expect(budget == m("698.88"))
        let projects = ["130", "40", "10", "8", "15", "2", "28.71", "7", "5"].map(m).sum()
        #expect(projects == m("245.71"))
        #expect([Money]().sum() == .zero)
    }

    @Test("values near the parse limit add, subtract and print exactly")
    func wideRange() {
        let big = m("999999999999999999.999999")
        let total = Array(repeating: big, count: 10).sum()
        #expect(total.description == "9999999999999999999.99999")
        #expect((total - big * 10).isZero)
        #expect((-total).description == "-9999999999999999999.99999")
        #expect((big * 1_000_000).description == "999999999999999999999999")
        #expect(big.adding(big) == big * 2)
        #expect(m("-123456789012345678.000001").description == "-123456789012345678.000001")
    }

    @Test("comparison and sign")
    func comparison() {
        #expect(m("-1") < m("0"))
        #expect(m("0.000001") > .zero)
        #expect(m("100") > m("99.999999"))
        #expect(m("-5").magnitude == m("5"))
        #expect(m("-5").isNegative && !m("5").isNegative && m("5").isPositive && !Money.zero.isPositive)
        #expect([m("3"), m("-1"), m("2")].sorted() == [m("-1"), m("2"), m("3")])
    }

    @Test(
        "half-up (四舍五入) rounding at the boundary, negatives away from zero",
        arguments: [
            ("1.005", 2, "1.01"), ("1.0049", 2, "1"), ("1.015", 2, "1.02"), ("2.675", 2, "2.68"),
            ("0.125", 2, "0.13"), ("-1.005", 2, "-1.01"), ("-1.0049", 2, "-1"), ("-0.125", 2, "-0.13"),
            ("0.5", 0, "1"), ("-0.5", 0, "-1"), ("1.5", 0, "2"), ("2.5", 0, "3"), ("0.4999", 0, "0"),
            ("-0.004", 2, "0"), ("1234.565", 2, "1234.57"), ("0.00005", 4, "0.0001"), ("9.995", 2, "10"),
            ("1032.19305", 4, "1032.1931"), ("1032.19305", 10, "1032.19305"),
        ])
    func rounding(text: String, decimals: Int, expected: String) {
        #expect(m(text).rounded(toDecimals: decimals).description == expected)
    }

    @Test("formatting pads, groups and never prints -0.00")
    func formatting() {
        #expect(m("1234.565").formatted(decimals: 2) == "1234.57")
        #expect(m("1234.565").formatted(decimals: 2, grouping: true) == "1,234.57")
        #expect(m("1234567.5").formatted(decimals: 2, grouping: true) == "1,234,567.50")
        #expect(m("-1234567.5").formatted(decimals: 0, grouping: true) == "-1,234,568")
        #expect(m("944.59").formatted(decimals: 2) == "944.59")
        #expect(m("5").formatted(decimals: 2) == "5.00")
        #expect(m("-0.004").formatted(decimals: 2) == "0.00")
        #expect(m("-0.005").formatted(decimals: 2) == "-0.01")
        #expect(m("123").formatted(decimals: 2, grouping: true) == "123.00")
        #expect(m("0.000001").formatted(decimals: 6) == "0.000001")
        #expect(m("1032.19305").description == "1032.19305")
        #expect(m("1032.19305").significantDecimals == 5)
    }
}
