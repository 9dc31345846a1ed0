import FinanceModel
import Reconciliation
import Testing

/// Rules for layouts of real publications: 单位预留机动经费 in 合计, 会议费 / 培训费 in the 三公 合计, the
/// 单位预算 总表's per-line split, and the two-block 决算 基本支出 table's totals.
@Suite struct PublicationRuleTests {
    static func amounts(_ text: String, _ a1: String, column: AmountColumn = .initialBudget) -> Amounts {
        var a = Amounts()
        a[column] = Build.figure(text, a1)
        return a
    }

    @Test func reserveFundIsPartOfTheTotal() {
        let row = ExpenseByFunctionRow(
            code: nil, name: "合计", role: .total, source: Build.cell("A4"), total: Self.amounts("100", "A4"),
            basicExpenditure: Self.amounts("50", "B4"), projectExpenditure: Self.amounts("30", "C4"),
            otherParts: ["reserveFund": Self.amounts("20", "D4")])
        let table = AnyFinanceTable.expenseByFunction(ExpenseByFunctionTable(
            info: Build.info(.expenseByFunction, .budget, title: "支出预算总表"), rows: [row]))
        #expect(Build.findings([table], rules: [TotalEqualsBasicPlusProjectRule()]).isEmpty)
        var short = row
        short.otherParts = [:]
        let without = AnyFinanceTable.expenseByFunction(ExpenseByFunctionTable(
            info: Build.info(.expenseByFunction, .budget, title: "支出预算总表"), rows: [short]))
        #expect(Build.findings([without], rules: [TotalEqualsBasicPlusProjectRule()]).count == 1)
    }

    @Test func meetingsAndTrainingArePartOfTheThreePublicTotal() throws {
        var t = ThreePublicTable(
            info: Build.info(.threePublic, .budget, title: "“三公”经费、会议费、培训费支出预算表"),
            total: Self.amounts("15", "A6"), overseasTravel: Self.amounts("2", "C6"),
            officialCars: OfficialCars(subtotal: Self.amounts("5", "D6")), reception: Self.amounts("3", "G6"))
        t.threePublicSubtotal = Self.amounts("10", "B6")
        t.meetings = Self.amounts("4", "H6")
        t.training = Self.amounts("1", "I6")
        #expect(Build.findings([.threePublic(t)], rules: [ThreePublicTotalRule()]).isEmpty)
        t.threePublicSubtotal = Self.amounts("11", "B6")
        let findings = Build.findings([.threePublic(t)], rules: [ThreePublicTotalRule()])
        // The 小计 is off by 1 against its items, and the 合计 by 1 against 小计 + 会议费 + 培训费.
        #expect(findings.count == 2)
        #expect(findings.allSatisfy { $0.severity == .error })
    }

    @Test func aTotalOfTheThreeItemsOnlyIsAccepted() {
        // 会议费 / 培训费 listed below a 合计 that covers the "三公" only.
        var t = ThreePublicTable(
            info: Build.info(.threePublic, .budget, title: "“三公”经费支出预算表"),
            total: Self.amounts("10", "B4"), overseasTravel: Self.amounts("2", "B5"),
            officialCars: OfficialCars(subtotal: Self.amounts("5", "B6")), reception: Self.amounts("3", "B9"))
        t.meetings = Self.amounts("4", "B10")
        #expect(Build.findings([.threePublic(t)], rules: [ThreePublicTotalRule()]).isEmpty)
    }

    @Test func unitSummaryLineEqualsPersonnelPlusOfficePlusProject() throws {
        let line = SummaryLine(
            name: "一、公共安全支出", source: Build.cell("C7"), amounts: Self.amounts("79189400.34", "D7"),
            parts: [
                "personnelCost": Self.amounts("12604173", "E7"), "officeCost": Self.amounts("1744680", "F7"),
                "projectExpenditure": Self.amounts("64840547", "G7"),
            ])
        let summary = IncomeExpenseSummary(
            info: Build.info(.incomeExpenseSummary, .budget, unit: .yuan, title: "预算单位财务收支预算总表"),
            expenditureLines: [line])
        let finding = try #require(Build.findings([.incomeExpenseSummary(summary)], rules: [SummaryExpenditureSplitRule()]).first)
        #expect(finding.cellNames.first == "预算.xlsx › 支出表 › D7")
        #expect(finding.message.zh.contains("“一、公共安全支出”行"))
        #expect(finding.message.zh.contains("相差 0.34 元"))
        #expect(!finding.message.zh.contains("万元"))
    }

    @Test func twoTablesInYuanAreComparedInYuan() throws {
        let a = Build.budgetExpense([("2040601", "行政运行", "14348853.34", "E8")], unit: .yuan, file: "甲.xlsx")
        let b = Build.budgetExpense([("2040601", "行政运行", "14348853.00", "E8")], unit: .yuan, file: "乙.xlsx")
        let finding = try #require(Build.findings([a, b], rules: [CrossTableRule()]).first)
        #expect(finding.message.zh.contains("相差 0.34 元"))
        #expect(!finding.message.zh.contains("万元"))
    }

    @Test func fiscalAndGeneralBudgetTablesByFunctionAreNotPaired() {
        func table(_ title: String, _ amount: String, file: String) -> AnyFinanceTable {
            .expenseByFunction(ExpenseByFunctionTable(
                info: Build.info(.generalBudgetExpenseByFunction, .budget, title: title, file: file, sheet: title),
                rows: [Build.functionRow("2013101", "行政运行", amount, "C5", file: file, sheet: title)]))
        }
        let fiscal = table("财政拨款支出预算表（功能科目）", "120", file: "甲.xlsx")
        let general = table("一般公共预算支出预算表（功能科目）", "100", file: "甲.xlsx")
        #expect(Build.findings([fiscal, general], rules: [CrossTableRule()]).isEmpty)
        let other = table("一般公共预算支出预算表", "90", file: "乙.xlsx")
        #expect(Build.findings([general, other], rules: [CrossTableRule()]).count == 1)
    }
}
