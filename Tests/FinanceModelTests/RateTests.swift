import Testing

@testable import FinanceModel

@Suite("Rates")
struct RateTests {
    private func m(_ text: String) -> Money { Money(parsing: text) ?? Money(-999_999) }

    @Test("ratios of money, rounded half-up for display")
    func ratios() throws {
        let rate = try #require(m("77.86").ratio(to: m("98.72")))
        #expect(rate.formatted(decimals: 4) == "0.7887")
        #expect(rate.percent(decimals: 2) == "78.87%")
        let third = try #require(Rate(1, over: 3))
        #expect(third.description == "0.3333333333")
        #expect(try #require(Rate(2, over: 3)).formatted(decimals: 4) == "0.6667")
        #expect(try #require(Rate(1, over: 8)).formatted(decimals: 2) == "0.13")
        #expect(try #require(Rate(-1, over: 8)).formatted(decimals: 2) == "-0.13")
        #expect(try #require(Rate(1, over: 8)).percent(decimals: 1) == "12.5%")
        #expect(try #require(Rate(1, over: 200)).percent(decimals: 0) == "1%")
        #expect(m("1").ratio(to: .zero) == nil)
        #expect(m("0").ratio(to: m("5")) == .zero)
        #expect(m("955.77").ratio(to: m("955.77")) == .one)
        #expect(m("-10").ratio(to: m("4")) == Rate(parsing: "-2.5"))
    }

    @Test("parsing decimals and percentages")
    func parsing() {
        #expect(Rate(parsing: "90%") == Rate(parsing: "0.9"))
        #expect(Rate(parsing: "56.09％") == Rate(parsing: "0.5609"))
        #expect(Rate(parsing: "abc") == nil)
        #expect(Rate(parsing: "%") == nil)
        #expect(Rate(parsing: "") == nil)
        #expect(Rate(parsing: "-") == nil)
    }

    @Test("comparison, capping and scores")
    func scoring() throws {
        let rate = try #require(m("77.86").ratio(to: m("77.89")))
        let ninety = try #require(Rate(parsing: "0.9"))
        #expect(rate < .one && rate > ninety)
        #expect(try #require(Rate(parsing: "1.2")).cappedAtOne == .one)
        let weight = Quantity(10)
        let score = try #require(weight.multiplied(by: rate.cappedAtOne))
        #expect(score.description == "9.996148414")  // the rate is kept to 10 decimals: 0.9996148414
        #expect(score.rounded(toDecimals: 2).description == "10")
        #expect(score.formatted(decimals: 2) == "10.00")
        let lower = try #require(m("77.86").ratio(to: m("98.72")))
        let partial = try #require(weight.multiplied(by: lower))
        #expect(partial.formatted(decimals: 2) == "7.89")
        #expect(try #require(Rate(1, over: 4)).multiplied(by: try #require(Rate(1, over: 2))) == Rate(1, over: 8))
        #expect(Rate.one.adding(.one) == Rate(2))
    }

    @Test("execution rate of amounts uses the adjusted budget, else the initial one")
    func executionRate() {
        let cell = SourceLocation(file: "决算.xlsx", sheet: "三公", cell: "C7")
        var amounts = Amounts(
            initialBudget: Figure(m("158.08"), at: cell), adjustedBudget: Figure(m("77.89"), at: cell),
            actual: Figure(m("77.86"), at: cell))
        #expect(amounts.executionRate?.percent(decimals: 2) == "99.96%")
        #expect(amounts.difference == m("-0.03"))
        amounts.adjustedBudget = nil
        #expect(amounts.executionRate?.percent(decimals: 2) == "49.25%")
        amounts.initialBudget = Figure(.zero, at: cell)
        #expect(amounts.executionRate == nil)
    }

    @Test("quantities parse like money but keep ten decimals")
    func quantities() throws {
        #expect(Quantity(parsing: "97.62")?.description == "97.62")
        #expect(Quantity(parsing: "0.1234567891")?.description == "0.1234567891")
        #expect(Quantity(parsing: "x") == nil)
        #expect(["30", "20.5", "0.25"].compactMap(Quantity.init(parsing:)).sum() == Quantity(parsing: "50.75"))
        #expect([Quantity]().sum() == .zero)
        #expect(try #require(Quantity(parsing: "46")).ratio(to: Quantity(50))?.formatted(decimals: 2) == "0.92")
    }
}
