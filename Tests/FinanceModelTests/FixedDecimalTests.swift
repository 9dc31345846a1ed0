import Testing

@testable import FinanceModel

/// The 128-bit engine's edges: these paths are unreachable from ordinary figures, so they get their own
/// tests.
@Suite("Fixed-point engine")
struct FixedDecimalTests {
    private let max = WideInt(high: Int64.max, low: UInt64.max)
    private let min = WideInt(high: Int64.min, low: 0)

    @Test("overflow is reported, never trapped")
    func overflow() {
        #expect(max.adding(WideInt(1)) == nil)
        #expect(min.adding(WideInt(-1)) == nil)
        #expect(max.adding(min) == WideInt(-1))
        #expect(min.negated() == nil)
        #expect(max.negated()?.adding(WideInt(-1)) == min)
        #expect(max.multiplied(by: 2) == nil)
        #expect(min.multiplied(by: -1) == nil)
        #expect(min.multiplied(by: 1) == min)
        #expect(WideInt(-5).multiplied(by: -3) == WideInt(15))
        #expect(WideInt(0).multiplied(by: -3) == WideInt(0))
        #expect(min.subtracting(WideInt(1)) == nil)
    }

    @Test("carries cross the word boundary")
    func carries() throws {
        let below = WideInt(high: 0, low: UInt64.max)
        let sum = try #require(below.adding(WideInt(1)))
        #expect(sum == WideInt(high: 1, low: 0))
        #expect(sum.subtracting(WideInt(1)) == below)
        #expect(WideInt(-1).adding(WideInt(1)) == .zero)
        #expect(WideInt(-1) < .zero && WideInt(high: -1, low: UInt64.max) == WideInt(-1))
        #expect(sum.magnitude.decimalDigits == "18446744073709551616")
        #expect(max.magnitude.decimalDigits == "170141183460469231731687303715884105727")
        #expect(min.magnitude.decimalDigits == "170141183460469231731687303715884105728")
    }

    @Test("division by a two-word divisor")
    func wideDivision() throws {
        let big = try #require(Money(parsing: "123456789012345678.5"))
        let half = try #require(Money(parsing: "61728394506172839.25"))
        #expect(big.ratio(to: half) == Rate(2))
        let rate = try #require(half.ratio(to: big))
        #expect(rate.description == "0.5")
        let small = try #require(Money(parsing: "300000000000000000"))
        let large = try #require(Money(parsing: "900000000000000000"))
        let third = try #require(small.ratio(to: large))
        #expect(third.description == "0.3333333333")
        let dividend = Magnitude(high: 5, low: 7)
        let (q, r) = dividend.quotientAndRemainder(dividingBy: Magnitude(high: 2, low: 0))
        #expect(q == Magnitude(2) && r == Magnitude(high: 1, low: 7))
    }

    @Test("multiplication that cannot fit gives nil")
    func wideMultiplication() throws {
        let huge = try #require(Quantity(parsing: "999999999999999999"))
        #expect(huge.multiplied(by: Rate(1_000_000_000)) == nil)
        #expect(huge.multiplied(by: .one) == huge)
        let oneThird = try #require(Rate(1, over: 3))
        #expect(Money(10).multiplied(by: oneThird)?.description == "3.333333333")
    }

    @Test("ratios round the 11th decimal half-up")
    func ratioRounding() throws {
        // 2/3 = 0.66666666666… → 0.6666666667; 1/16 000 000 000 = 0.0000000000625 → 0.0000000001.
        #expect(Rate(2, over: 3)?.description == "0.6666666667")
        #expect(Rate(-2, over: 3)?.description == "-0.6666666667")
        #expect(Rate(1, over: 16_000_000_000)?.description == "0.0000000001")
        #expect(Rate(1, over: 40_000_000_000)?.description == "0")
    }
}
