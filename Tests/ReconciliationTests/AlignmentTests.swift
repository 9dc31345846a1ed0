import FinanceModel
import Reconciliation
import Testing

@Suite("Alignment: by code, by name, roll-ups, one-sided rows, units")
struct AlignmentTests {
    @Test("codes typed in every form align with each other", arguments: [
        "2011308", "201 13 08", "2011308.0", "２０１１３０８", "201-13-08",
    ])
    func codesInEveryForm(typed: String) throws {
        let budgetCode = try #require(FunctionCode(typed))
        let finalCode = try #require(FunctionCode(parts: ["201", "13", "8"]))
        var budgetRow = Build.functionRow(nil, "招商引资", "130", "C9")
        budgetRow.code = budgetCode
        var finalRow = Build.functionRow(nil, "招商引资", "120", "D9", column: .actual, file: "决算.xlsx")
        finalRow.code = finalCode
        let budget = AnyFinanceTable.expenseByFunction(
            ExpenseByFunctionTable(info: Build.info(.expenseByFunction, .budget, title: "部门支出总表"), rows: [budgetRow]))
        let final = AnyFinanceTable.expenseByFunction(
            ExpenseByFunctionTable(
                info: Build.info(.expenseByFunction, .finalAccounts, title: "支出决算表", file: "决算.xlsx"), rows: [finalRow]))
        let rows = Alignment.rows(of: [budget, final], unit: .tenThousandYuan)
        #expect(rows.count == 1)
        let row = try #require(rows.first)
        #expect(row.code == "2011308")
        #expect(row.match == .code)
        #expect(row.initialBudget == Build.money("130"))
        #expect(row.actual == Build.money("120"))
        #expect(row.difference == Build.money("-10"))
        #expect(row.executionRate?.formatted(decimals: 4) == "0.9231")
        #expect(row.sources(of: .initialBudget).map(\.description) == ["预算.xlsx › 支出表 › C9"])
        #expect(row.sources(of: .actual).map(\.description) == ["决算.xlsx › 支出表 › D9"])
    }

    @Test("a row without a code matches the coded row of the same normalised name")
    func nameOnlyMatch() throws {
        let budget = Build.budgetExpense([("2080501", "行政单位离退休", "41.22", "C16")])
        let final = Build.finalExpense([(nil, "其中：行政单位离退休（含 补助）", "40", "D16")])
        let budgetWithBrackets = Build.budgetExpense([("2080502", "行政单位离退休(含补助)", "1", "C17")])
        let rows = Alignment.rows(of: [budget, budgetWithBrackets, final], unit: .tenThousandYuan)
        let matched = try #require(rows.first { $0.code == "2080502" })
        #expect(matched.match == .name)
        #expect(matched.actual == Build.money("40"))
        let unmatched = try #require(rows.first { $0.code == "2080501" })
        #expect(unmatched.match == .budgetOnly)
    }

    @Test("a name shared by two coded rows is ambiguous and stays on its own")
    func ambiguousNameStaysOneSided() throws {
        let budget = Build.budgetExpense([("2010101", "行政运行", "10", "C5"), ("2011301", "行政运行", "20", "C6")])
        let final = Build.finalExpense([(nil, "行政运行", "29", "D5")])
        let rows = Alignment.rows(of: [budget, final], unit: .tenThousandYuan)
        #expect(rows.count == 3)
        let named = try #require(rows.first { $0.code == nil })
        #expect(named.match == .finalAccountsOnly)
        #expect(named.key == "name:行政运行")
    }

    @Test("项 rows roll up to the 款 and 类 rows of a coarser table, citing every summed cell")
    func rollUp() throws {
        let budget = Build.budgetExpense([
            ("2011308", "招商引资", "130", "C9"), ("2011350", "事业运行", "40.5", "C10"), ("2080501", "行政单位离退休", "28.71", "C11"),
        ])
        let final = Build.finalExpense([
            ("201", "一般公共服务支出", "160", "D5"), ("20113", "商贸事务", "160", "D6"), ("208", "社会保障和就业支出", "30", "D7"),
        ])
        let rows = Alignment.rows(of: [budget, final], unit: .tenThousandYuan)
        let section = try #require(rows.first { $0.code == "20113" })
        #expect(section.match == .rolledUp)
        #expect(section.initialBudget == Build.money("170.5"))
        #expect(
            section.sources(of: .initialBudget).map(\.description) == [
                "预算.xlsx › 部门支出总表 › C9", "预算.xlsx › 部门支出总表 › C10",
            ])
        let classRow = try #require(rows.first { $0.code == "208" })
        #expect(classRow.match == .rolledUp)
        #expect(classRow.initialBudget == Build.money("28.71"))
        // The 项 rows themselves are finer than the final accounts show: kept, not one-sided.
        let item = try #require(rows.first { $0.code == "2011308" })
        #expect(item.match == .finerThanOtherSide)
        #expect(rows.map { $0.code ?? "" } == ["201", "20113", "2011308", "2011350", "208", "2080501"])
    }

    @Test("rows on one side only are listed as 仅预算 / 仅决算")
    func oneSidedRows() throws {
        let budget = Build.budgetExpense([("2011308", "招商引资", "130", "C9")])
        let final = Build.finalExpense([("2011308", "招商引资", "120", "D9"), ("2130599", "其他扶贫支出", "5", "D10")])
        let budgetOnly = Build.budgetExpense([("2240101", "行政运行", "3", "C12")], sheet: "补充")
        let rows = Alignment.rows(of: [budget, budgetOnly, final], unit: .tenThousandYuan)
        #expect(rows.first { $0.code == "2130599" }?.match == .finalAccountsOnly)
        #expect(rows.first { $0.code == "2240101" }?.match == .budgetOnly)
        #expect(rows.count == 3)
    }

    @Test("tables in 元 and 万元 are converted exactly to the comparison unit")
    func unitMixing() throws {
        let budget = Build.budgetExpense([("2011308", "招商引资", "1300000.55", "C9")], unit: .yuan)
        let final = Build.finalExpense([("2011308", "招商引资", "120.5", "D9")])
        let row = try #require(Alignment.rows(of: [budget, final], unit: .tenThousandYuan).first)
        #expect(row.initialBudget == Build.money("130.000055"))
        #expect(row.actual == Build.money("120.5"))
        let inYuan = try #require(Alignment.rows(of: [budget, final], unit: .yuan).first)
        #expect(inYuan.actual == Build.money("1205000"))
        #expect(inYuan.contributions[.initialBudget]?.first?.original == Build.money("1300000.55"))
    }

    @Test("a 'both' table aligns with itself; a second table's figure for the same cell is kept for 表间一致")
    func bothTable() throws {
        var row = Build.functionRow("2011308", "招商引资", "130", "C9")
        row.total.adjustedBudget = Build.figure("150", "D9")
        row.total.actual = Build.figure("120", "E9")
        let both = AnyFinanceTable.expenseByFunction(
            ExpenseByFunctionTable(info: Build.info(.expenseByFunction, .both, title: "支出决算对照表"), rows: [row]))
        let rows = Alignment.rows(of: [both], unit: .tenThousandYuan)
        #expect(rows.first?.match == .sameTable)
        #expect(rows.first?.budgetBasis == .adjustedBudget)
        #expect(rows.first?.difference == Build.money("-30"))
        let budget = Build.budgetExpense([("2011308", "招商引资", "130", "C9")], file: "预算2.xlsx")
        let merged = Alignment.rows(of: [both, budget], unit: .tenThousandYuan)
        #expect(merged.first?.contributions[.initialBudget]?.count == 2)
        #expect(merged.first?.match == .code)
    }

    @Test("projects align by normalised name across the list, the performance workbook and a form")
    func projectsByName() throws {
        func project(_ name: String, initial: String, _ a1: String, file: String) -> Project {
            Project(
                name: name, source: Build.cell("B1", file: file), unit: .tenThousandYuan,
                funds: ProjectFunds(total: Amounts(initialBudget: Build.figure(initial, a1, file: file))))
        }
        let list = AnyFinanceTable.projectFunds(
            ProjectFundsTable(
                info: Build.info(.projectFunds, .budget, title: "项目支出表"),
                projects: [project("离退休人员经费", initial: "28.71", "E12", file: "预算.xlsx")]))
        var performed = project("离退休人员经费 ", initial: "28.87", "C11", file: "项目绩效.xlsx")
        performed.funds.total.actual = Build.figure("21.68", "E11", file: "项目绩效.xlsx")
        let performance = AnyFinanceTable.projectFunds(
            ProjectFundsTable(
                info: Build.info(.projectFunds, .both, title: "项目资金", file: "项目绩效.xlsx"), projects: [performed]))
        let rows = Alignment.rows(of: [list, performance], unit: .tenThousandYuan)
        #expect(rows.count == 1)
        #expect(rows.first?.section == .projects)
        #expect(rows.first?.match == .name)
        #expect(rows.first?.contributions[.initialBudget]?.map(\.value) == [Build.money("28.71"), Build.money("28.87")])
    }
}
