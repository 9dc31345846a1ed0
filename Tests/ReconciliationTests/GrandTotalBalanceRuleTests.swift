import FinanceModel
import Reconciliation
import Testing

@Suite("总计平衡")
struct GrandTotalBalanceRuleTests {
    /// The seed department's 收入支出决算总表: 955.77 + 341.47 = 1297.24 against 1023.13 + 274.1 = 1297.23.
    static func summary(
        unit: MoneyUnit = .tenThousandYuan, income: String = "955.77", carryIn: String = "341.47", total: String = "1297.24",
        expense: String = "1023.13", carryOut: String = "274.1", expenseTotal: String? = "1297.23"
    ) -> AnyFinanceTable {
        let file = "决算.xlsx"
        let sheet = "收入支出决算总表"
        func f(_ text: String, _ a1: String) -> Figure { Build.figure(text, a1, file: file, sheet: sheet) }
        return .incomeExpenseSummary(
            IncomeExpenseSummary(
                info: Build.info(.incomeExpenseSummary, .finalAccounts, unit: unit, title: "收入支出决算总表", file: file, sheet: sheet),
                totalIncome: Amounts(actual: f(income, "C29")), carryoverStart: Amounts(actual: f(carryIn, "C31")),
                grandTotal: Amounts(actual: f(total, "C32")), totalExpenditure: Amounts(actual: f(expense, "F29")),
                carryoverEnd: Amounts(actual: f(carryOut, "F31")),
                grandTotalExpenditureSide: Amounts(actual: expenseTotal.map { f($0, "F32") })))
    }

    @Test("the report's 0.01 万元 gap between the two 总计 is a rounding 提示 citing both cells")
    func roundingGap() throws {
        let findings = Build.findings([Self.summary()], rules: [GrandTotalBalanceRule()])
        #expect(findings.count == 1)
        let finding = try #require(findings.first)
        #expect(finding.severity == .hint)
        #expect(finding.rule == "总计平衡")
        #expect(finding.cellNames == ["决算.xlsx › 收入支出决算总表 › C32", "决算.xlsx › 收入支出决算总表 › F32"])
        #expect(finding.cells.map(\.value) == ["1297.24", "1297.23"])
        #expect(finding.expected == "1297.23")
        #expect(finding.found == "1297.24")
        #expect(finding.message.zh.contains("尾差"))
        #expect(finding.message.en.contains("rounding difference"))
    }

    @Test("without an expenditure-side 总计 the parts stand in: 1297.24 vs 1023.13 + 274.1")
    func partsStandIn() throws {
        let findings = Build.findings([Self.summary(expenseTotal: nil)], rules: [GrandTotalBalanceRule()])
        let finding = try #require(findings.first)
        #expect(findings.count == 1)
        #expect(finding.severity == .hint)
        #expect(finding.cellNames.last == "决算.xlsx › 收入支出决算总表 › F31")
    }

    @Test("a changed amount beyond tolerance is an 错误 naming the cell")
    func brokenAmount() throws {
        let findings = Build.findings([Self.summary(income: "955.97")], rules: [GrandTotalBalanceRule()])
        let error = try #require(findings.first { $0.severity == .error })
        #expect(error.cellNames.first == "决算.xlsx › 收入支出决算总表 › C32")
        #expect(error.cellNames.contains("决算.xlsx › 收入支出决算总表 › C29"))
        #expect(error.expected == "1297.44")
    }

    @Test("a 元 table restating 万元 figures (all whole hundreds): the 100 元 gap is the same rounding 提示")
    func yuanRestatement() throws {
        let table = Self.summary(
            unit: .yuan, income: "9557700", carryIn: "3414700", total: "12972400", expense: "10231300",
            carryOut: "2741000", expenseTotal: "12972300")
        let finding = try #require(Build.findings([table], rules: [GrandTotalBalanceRule()]).first)
        #expect(finding.severity == .hint)
        #expect(finding.message.zh.contains("整数倍"))
        #expect(finding.cells.map(\.value) == ["12972400", "12972300"])
    }

    @Test("in a 元 table kept to the fen, 100 元 is beyond 0.01 元 per term; --tolerance overrides")
    func yuanTable() throws {
        let table = Self.summary(
            unit: .yuan, income: "9557700.37", carryIn: "3414699.63", total: "12972400", expense: "10231300.37",
            carryOut: "2740999.63", expenseTotal: "12972300")
        #expect(Build.findings([table], rules: [GrandTotalBalanceRule()]).map(\.severity) == [.error])
        let loose = ReconciliationSettings(tolerance: Build.money("0.01"))
        #expect(Build.findings([table], rules: [GrandTotalBalanceRule()], settings: loose).map(\.severity) == [.hint])
    }

    @Test("tolerance boundaries: 0.01 per non-zero summed term", arguments: [
        // found, income, carry-in, expected severity (nil: no finding)
        ("100.02", "100", "0", Severity?.some(.error)),
        ("100.01", "100", "0", Severity?.some(.hint)),
        ("100", "100", "0", Severity?.none),
        ("100.02", "50", "50", Severity?.some(.hint)),
        ("100.021", "50", "50", Severity?.some(.error)),
        ("99.98", "50", "50", Severity?.some(.hint)),
        ("99.979", "50", "50", Severity?.some(.error)),
    ])
    func boundaries(found: String, income: String, carryIn: String, expected: Severity?) {
        let table = Self.summary(
            income: income, carryIn: carryIn, total: found, expense: income, carryOut: carryIn, expenseTotal: found)
        let incomeSide = Build.findings([table], rules: [GrandTotalBalanceRule()])
            .filter { $0.cellNames.first == "决算.xlsx › 收入支出决算总表 › C32" && $0.cellNames.contains("决算.xlsx › 收入支出决算总表 › C29") }
        #expect(incomeSide.first?.severity == expected)
        #expect(incomeSide.count == (expected == nil ? 0 : 1))
    }
}
