import FinanceModel
import Pipeline
import Recognition
import Testing

/// Every sample table is recognised, with the report's key figures, read through the Pipeline loader.
@Suite struct SampleRecognitionTests {
    @Test(arguments: try Samples.allFiles())
    func everySampleFileLoadsWithoutErrors(_ relative: String) throws {
        let loaded = DepartmentLoader.loadFile(Samples.root.appendingPathComponent(relative).path)
        #expect(loaded.errors.isEmpty, "\(loaded.errors)")
        #expect(!loaded.tables.isEmpty)
        #expect(loaded.input?.sheets.filter { $0.state == .visible }.count == loaded.tables.count)
    }

    @Test func seedBudgetFigures() throws {
        let file = Samples.load(Samples.seed, "2020年部门预算.xlsx")
        guard case .incomeExpenseSummary(let summary)? = file.table(sheet: "部门收支总表")?.table else {
            Issue.record("no summary"); return
        }
        #expect(summary.info.side == .budget)
        #expect(summary.info.unit == .tenThousandYuan)
        #expect(summary.totalIncome.initialBudget?.value == money("944.59"))
        #expect(summary.totalIncome.initialBudget?.source?.description == "2020年部门预算.xlsx › 部门收支总表 › B17")
        guard case .expenseByFunction(let expense)? = file.table(sheet: "部门支出总表")?.table else {
            Issue.record("no expense table"); return
        }
        #expect(expense.totalRow?.total.initialBudget?.value == money("944.59"))
        #expect(expense.totalRow?.basicExpenditure.initialBudget?.value == money("698.88"))
        #expect(expense.totalRow?.projectExpenditure.initialBudget?.value == money("245.71"))
        #expect(expense.row(for: FunctionCode("2011308")!)?.projectExpenditure.initialBudget?.value == money("190"))
        guard case .threePublic(let three)? = file.table(sheet: "“三公”经费支出表")?.table else {
            Issue.record("no 三公"); return
        }
        #expect(three.total.initialBudget?.value == money("158.08"))
        #expect(three.reception.initialBudget?.value == money("154.58"))
        #expect(three.officialCars.operation.initialBudget?.value == money("3.5"))
    }

    @Test func seedFinalAccountsFigures() throws {
        let file = Samples.load(Samples.seed, "2020年部门决算.xlsx")
        #expect(file.tables.count == 10)
        guard case .incomeExpenseSummary(let summary)? = file.table(sheet: "收入支出决算总表")?.table else {
            Issue.record("no summary"); return
        }
        #expect(summary.info.side == .finalAccounts)
        #expect(summary.totalIncome.actual?.value == money("955.77"))
        #expect(summary.carryoverStart.actual?.value == money("341.47"))
        #expect(summary.grandTotal.actual?.value == money("1297.24"))
        #expect(summary.grandTotalExpenditureSide.actual?.value == money("1297.23"))
        #expect(summary.carryoverEnd.actual?.value == money("274.1"))
        guard case .expenseByFunction(let expense)? = file.table(sheet: "支出决算表")?.table else {
            Issue.record("no expense"); return
        }
        #expect(expense.totalRow?.basicExpenditure.actual?.value == money("885.75"))
        #expect(expense.totalRow?.projectExpenditure.actual?.value == money("137.38"))
    }
}
