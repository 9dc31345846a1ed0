import FinanceModel
import Reconciliation
import Testing

@Suite("决算无预算")
struct FinalWithoutBudgetRuleTests {
    @Test("a 决算 row no table budgets is a 警告 on its cell")
    func warning() throws {
        let budget = Build.budgetExpense([("2011308", "招商引资", "130", "C9")])
        let final = Build.finalExpense([("2011308", "招商引资", "120", "D9"), ("2130599", "其他扶贫支出", "5", "D10")])
        let findings = Build.findings([budget, final], rules: [FinalWithoutBudgetRule()])
        let finding = try #require(findings.first)
        #expect(findings.count == 1)
        #expect(finding.severity == .warning)
        #expect(finding.rule == "决算无预算")
        #expect(finding.cellNames == ["决算.xlsx › 支出决算表 › D10"])
    }

    @Test("a removed budget row makes its 决算 row a 警告")
    func removedBudgetRow() throws {
        let budget = Build.budgetExpense([("2011308", "招商引资", "130", "C9"), ("2080501", "行政单位离退休", "41.22", "C10")])
        let final = Build.finalExpense([("2011308", "招商引资", "120", "D9"), ("2080501", "行政单位离退休", "34.03", "D10")])
        #expect(Build.findings([budget, final], rules: [FinalWithoutBudgetRule()]).isEmpty)
        let cut = Build.budgetExpense([("2011308", "招商引资", "130", "C9")])
        #expect(Build.findings([cut, final], rules: [FinalWithoutBudgetRule()]).first?.cellNames == ["决算.xlsx › 支出决算表 › D10"])
    }

    @Test("no 警告 for a zero actual, a row budgeted at a coarser level, or a section without any budget")
    func quiet() {
        let coarse = Build.budgetExpense([("201", "一般公共服务支出", "130", "C9")])
        let final = Build.finalExpense([("2011308", "招商引资", "120", "D9"), ("2130599", "其他扶贫支出", "0", "D10")])
        #expect(Build.findings([coarse, final], rules: [FinalWithoutBudgetRule()]).isEmpty)
        #expect(Build.findings([final], rules: [FinalWithoutBudgetRule()]).isEmpty)
    }
}

@Suite("决算无预算: summary lines are not budget lines")
struct FinalWithoutBudgetSummaryTests {
    @Test("年末结转和结余 with no budget figure gives no 警告")
    func summaryLines() {
        let budget = AnyFinanceTable.incomeExpenseSummary(
            IncomeExpenseSummary(
                info: Build.info(.incomeExpenseSummary, .budget, title: "部门收支总表"),
                totalIncome: Amounts(initialBudget: Build.figure("944.59", "B7"))))
        #expect(Build.findings([budget, GrandTotalBalanceRuleTests.summary()], rules: [FinalWithoutBudgetRule()]).isEmpty)
    }
}

@Suite("决算无预算: one 警告 for an unbudgeted 类 and its 款")
struct FinalWithoutBudgetCascadeTests {
    @Test("310 资本性支出 and 31002 办公设备购置 with no budget: the 警告 names 310 only")
    func coarsestOnly() throws {
        let budget = Build.budgetExpense([("2011308", "招商引资", "130", "C9")])
        let final = Build.finalExpense([
            ("2011308", "招商引资", "120", "D9"), ("213", "农林水支出", "5", "D10"), ("21305", "扶贫", "5", "D11"),
        ])
        let findings = Build.findings([budget, final], rules: [FinalWithoutBudgetRule()])
        #expect(findings.map(\.cellNames) == [["决算.xlsx › 支出决算表 › D10"]])
    }
}
