import FinanceModel
import Reconciliation
import Testing

@Suite("RoundingStep")
struct RoundingStepTests {
    static func amounts(_ texts: [String]) -> [Money] { texts.map(Build.money) }

    @Test("a table's own unit: 0.01")
    func own() {
        #expect(RoundingStep.step(of: Self.amounts(["944.59", "698.88", "245.71", "1", "2"]), unit: .tenThousandYuan) == Build.money("0.01"))
        #expect(RoundingStep.step(of: Self.amounts(["52318", "60000", "100", "200", "300"]), unit: .yuan) == Build.money("0.01"))
    }

    @Test("whole hundreds in a 元 table are 0.01 万元; whole tens 0.01 千元")
    func coarser() {
        #expect(RoundingStep.step(of: Self.amounts(["12972400", "9557700", "0", "3414700", "2741000", "100"]), unit: .yuan) == Build.money("100"))
        #expect(RoundingStep.step(of: Self.amounts(["12972410", "9557700", "3414700", "2741000", "100"]), unit: .yuan) == Build.money("10"))
    }

    @Test("fewer than five non-zero figures keep the table's own step")
    func fewFigures() {
        #expect(RoundingStep.step(of: Self.amounts(["60000", "60000", "0", "0", "0", "0"]), unit: .yuan) == Build.money("0.01"))
    }
}
