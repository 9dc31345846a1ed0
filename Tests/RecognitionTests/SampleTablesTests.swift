import FinanceModel
import Pipeline
import Recognition
import Testing

/// Key figures of every sample table, read through the Pipeline loader, with their cells.
@Suite struct SampleTablesTests {
    static let final = Samples.load(Samples.seed, "2020年部门决算.xlsx")
    static let budget = Samples.load(Samples.seed, "2020年部门预算.xlsx")
    static let performance = Samples.load(Samples.seed, "2020年项目绩效.xlsx")

    @Test func seedFinalAccountsNineTablesAndZ01() throws {
        let kinds = Self.final.tables.map(\.kind)
        #expect(kinds == [
            .incomeExpenseSummary, .incomeByFunction, .expenseByFunction, .fiscalIncomeExpenseSummary,
            .generalBudgetExpenseByFunction, .basicExpenseByEconomic, .threePublic, .governmentFundExpense,
            .stateCapitalExpense, .incomeExpenseSummary,
        ])
        #expect(Self.final.tables.map { $0.info.tableCode ?? "" } == [
            "公开01表", "公开02表", "公开03表", "公开04表", "公开05表", "公开06表", "公开07表", "公开08表", "公开09表",
            "财决01表",
        ])
        #expect(Self.final.roles == [.finalAccounts])
        guard case .incomeByFunction(let income)? = Self.final.table(sheet: "收入决算表")?.table else {
            Issue.record("收入决算表"); return
        }
        #expect(income.totalRow?.total.actual?.value == money("955.77"))
        guard case .incomeExpenseSummary(let fiscal)? = Self.final.table(sheet: "财政拨款收入支出决算总表")?.table else {
            Issue.record("财政拨款总表"); return
        }
        #expect(fiscal.info.kind == .fiscalIncomeExpenseSummary)
        #expect(fiscal.totalExpenditure.actual?.source?.cell == "F29")
        #expect(fiscal.carryoverEnd.actual?.value == money("274.1"))
    }

    @Test func seedBasicExpenseTwoBlocks() throws {
        let t = try #require(Self.final.table(sheet: "一般公共预算财政拨款基本支出决算表"))
        guard case .basicExpenseByEconomic(let basic) = t.table else { Issue.record("kind"); return }
        #expect(basic.totalRow?.personnelCost.actual?.value == money("544.81"))
        #expect(basic.totalRow?.officeCost.actual?.value == money("340.94"))
        #expect(basic.totalRow?.officeCost.actual?.source?.cell == "F24")
        #expect(basic.row(for: EconomicCode("30217")!)?.officeCost.actual?.value == money("77.86"))
        #expect(basic.row(for: EconomicCode("303")!)?.personnelCost.actual?.value == money("12.35"))
        #expect(t.totalRows == [24])
    }

    @Test func seedThreePublicFinalAccountsReadsBarePreBudgetAsAdjusted() throws {
        let t = try #require(Self.final.table(sheet: "财政拨款“三公”经费支出决算表"))
        guard case .threePublic(let three) = t.table else { Issue.record("kind"); return }
        #expect(t.side == .both)
        #expect(three.total.adjustedBudget?.value == money("77.89"))
        #expect(three.total.actual?.value == money("77.86"))
        #expect(three.reception.actual?.source?.cell == "L7")
        #expect(three.officialCars.operation.actual?.value == .zero)
        #expect(t.notes.count == 1)
    }

    @Test func seedEmptyFundTablesHaveOnlyTheirTotalRow() throws {
        for sheet in ["政府性基金预算财政拨款收入支出决算表", "国有资本经营预算财政拨款支出决算表"] {
            let t = try #require(Self.final.table(sheet: sheet))
            #expect(t.expense?.rows.count == 1)
            #expect(t.expense?.totalRow?.total.isEmpty == true)
        }
    }

    @Test func seedZ01InYuanWithThreeAmountColumns() throws {
        let t = try #require(Self.final.table(sheet: "Z01 收入支出决算总表(财决01表)"))
        guard case .incomeExpenseSummary(let z) = t.table else { Issue.record("kind"); return }
        #expect(t.side == .both)
        #expect(z.info.unit == .yuan)
        #expect(z.totalIncome.initialBudget?.value == money("9445900"))
        #expect(z.totalIncome.adjustedBudget?.value == money("9557700"))
        #expect(z.grandTotal.actual?.value == money("12972400"))
        #expect(z.grandTotalExpenditureSide.actual?.value == money("12972300"))
        #expect(z.expenditureLines.first?.code == FunctionCode("201"))
        let normalised = t.table.normalised(to: .tenThousandYuan)
        guard case .incomeExpenseSummary(let inWan) = normalised else { Issue.record("kind"); return }
        #expect(inWan.totalIncome.actual?.value == money("955.77"))
    }

    @Test func seedBudgetBasicAndProjects() throws {
        guard case .basicExpenseByEconomic(let basic)? = Self.budget.table(sheet: "一般公共预算基本支出表")?.table else {
            Issue.record("basic"); return
        }
        #expect(basic.totalRow?.total.initialBudget?.value == money("698.88"))
        #expect(basic.row(for: EconomicCode("301")!)?.total.initialBudget?.value == money("402.53"))
        #expect(basic.row(for: EconomicCode("30217")!)?.officeCost.initialBudget?.value == money("154.58"))
        guard case .projectFunds(let list)? = Self.budget.table(sheet: "项目支出表")?.table else {
            Issue.record("projects"); return
        }
        #expect(list.info.side == .budget)
        #expect(list.projects.count == 9)
        #expect(list.total?.total.initialBudget?.value == money("245.71"))
        #expect(list.projects.first { $0.name == "离退休人员经费" }?.funds.total.initialBudget?.value == money("28.71"))
        #expect(Self.budget.roles == [.budget])
    }

    @Test func seedPerformanceWorkbook() throws {
        guard case .projectFunds(let funds)? = Self.performance.table(sheet: "项目资金")?.table else {
            Issue.record("funds"); return
        }
        #expect(funds.total?.total.actual?.value == money("137.38"))
        #expect(funds.total?.total.initialBudget?.value == money("245.87"))
        #expect(funds.projects.first { $0.name == "重大招商" }?.funds.carryover.adjustedBudget?.value == money("25"))
        guard case .projectIndicators(let list)? = Self.performance.table(sheet: "绩效指标")?.table else {
            Issue.record("indicators"); return
        }
        #expect(list.indicators.count == 49)
        let fdi = try #require(list.indicators.first { $0.name == "外商直接投资" })
        #expect(fdi.projectName == "日常招商")
        #expect(fdi.target.number == Quantity(200))
        #expect(fdi.actual?.number == Quantity(148))
        #expect(fdi.unit == "万美元")
        #expect(fdi.deviationReason.isEmpty)
        #expect(list.indicators.first { $0.name == "越级上访及群体性事件" }?.direction == .equal)
        guard case .projectForm(let form)? = Self.performance.table(sheet: "项目自评表-农贸市场")?.table else {
            Issue.record("form"); return
        }
        #expect(form.project.name == "农贸市场管理工作经费")
        #expect(form.project.funds.total.actual?.value == money("4.3"))
        #expect(form.project.indicators.count == 8)
        #expect(form.project.indicators.last?.actual == nil)
        #expect(form.project.indicators[2].target.direction == .atLeast)
        #expect(form.info.unit == .tenThousandYuan)
    }

    @Test func seedCSVThreePublicInGBK() throws {
        let file = Samples.load(Samples.seed, "2020年三公经费.csv")
        #expect(file.input?.encoding == "gb18030")
        let t = try #require(file.table(sheet: nil))
        guard case .threePublic(let three) = t.table else { Issue.record("kind"); return }
        #expect(three.total.adjustedBudget?.value == money("77.89"))
        #expect(three.total.actual?.source?.description == "2020年三公经费.csv › G6")
        #expect(t.info.tableCode == "公开07表")
    }

    @Test func seedFacts() throws {
        let file = Samples.load(Samples.seed, "部门基本情况.xlsx")
        guard case .departmentFacts(let t)? = file.tables.first?.table else { Issue.record("facts"); return }
        #expect(t.facts.authorizedStaff?.value == Quantity(33))
        #expect(t.facts.fixedAssetsTotal?.value == money("26.19"))
        #expect(t.facts.priorYearThreePublic?.value == money("96.35"))
        #expect(t.facts.priorYearCarryover?.value == money("341.47"))
        #expect(t.facts.annualGoal?.achieved != nil)
        #expect(t.info.year == 2020)
    }

    @Test func secondDepartmentInYuan() throws {
        let budget = Samples.load(Samples.second, "2020年预算.xlsx")
        guard case .incomeExpenseSummary(let summary)? = budget.table(sheet: "表1 收支总表")?.table else {
            Issue.record("summary"); return
        }
        #expect(summary.info.unit == .yuan)
        #expect(summary.totalIncome.initialBudget?.value == money("3268450"))
        let expense = try #require(budget.table(sheet: "表2 支出预算表")?.expense)
        #expect(expense.totalRow?.basicExpenditure.initialBudget?.value == money("2618450"))
        #expect(expense.totalRow?.projectExpenditure.initialBudget?.value == money("650000"))
        #expect(expense.row(for: FunctionCode("2130199")!)?.total.initialBudget?.value == money("120000"))
        guard case .threePublic(let three)? = budget.table(sheet: "表3 三公经费预算表")?.table else {
            Issue.record("三公"); return
        }
        #expect(three.total.initialBudget?.value == money("60000"))
        #expect(three.officialCars.operation.initialBudget?.value == money("42000"))

        let csv = Samples.load(Samples.second, "2020年基本支出预算表.csv")
        #expect(csv.input?.encoding == "utf-8-bom")
        guard case .basicExpenseByEconomic(let basic)? = csv.tables.first?.table else { Issue.record("basic"); return }
        #expect(basic.totalRow?.total.initialBudget?.value == money("2618450"))
        #expect(basic.totalRow?.personnelCost.initialBudget?.value == money("2248650"))
        #expect(basic.totalRow?.officeCost.initialBudget?.value == money("369800"))

        let final = Samples.load(Samples.second, "2020年决算.xlsx")
        guard case .incomeExpenseSummary(let fs)? = final.table(sheet: "收支决算总表")?.table else {
            Issue.record("final summary"); return
        }
        #expect(fs.totalExpenditure.actual?.value == money("3365504.92"))
        #expect(fs.carryoverEnd.actual?.value == money("122995.08"))
        let compare = try #require(final.table(sheet: "支出决算对照表"))
        #expect(compare.side == .both)
        #expect(compare.headerRows == 4...6)
        let death = compare.expense?.row(for: FunctionCode("2080801")!)
        #expect(death?.total.initialBudget == nil)
        #expect(death?.total.adjustedBudget?.value == money("45600"))
        #expect(compare.expense?.totalRow?.projectExpenditure.actual?.value == money("622660"))
        guard case .threePublic(let t3)? = final.table(sheet: "三公经费")?.table else { Issue.record("三公"); return }
        #expect(t3.total.adjustedBudget?.value == money("60000"))
        #expect(t3.total.actual?.value == money("52318"))
    }

    @Test func secondDepartmentProjectsAndFacts() throws {
        let performance = Samples.load(Samples.second, "2020年项目绩效.xlsx")
        guard case .projectFunds(let funds)? = performance.table(sheet: "项目情况")?.table else {
            Issue.record("funds"); return
        }
        #expect(funds.projects.map(\.name) == ["农作物病虫害统防统治", "农业技术推广服务", "农村人居环境整治宣传"])
        #expect(funds.total?.total.actual?.value == money("622660"))
        #expect(funds.projects[0].funds.fiscalAppropriation.adjustedBudget?.value == money("260000"))
        guard case .projectIndicators(let list)? = performance.table(sheet: "指标")?.table else {
            Issue.record("indicators"); return
        }
        #expect(list.indicators.count == 15)
        let partial = try #require(list.indicators.first { $0.name == "农民科学种田水平" })
        #expect(partial.direction == .qualitative)
        #expect(partial.actual?.text == "部分达成年度指标并具有一定效果")
        let facts = Samples.load(Samples.second, "部门基本情况.xlsx")
        guard case .departmentFacts(let f)? = facts.tables.first?.table else { Issue.record("facts"); return }
        #expect(f.facts.unit == .yuan)
        #expect(f.facts.staffInPost?.value == Quantity(26))
        #expect(f.facts.priorYearThreePublic?.value == money("58920"))
        #expect(f.facts.priorYearCarryover == nil)
    }
}

/// Kinds come from titles and headers: renaming the sheets and deleting the table codes changes nothing.
@Suite struct NeverByNumberTests {
    @Test(arguments: [
        (Samples.seed, "2020年部门决算.xlsx"), (Samples.seed, "2020年部门预算.xlsx"), (Samples.seed, "2020年项目绩效.xlsx"),
        (Samples.second, "2020年决算.xlsx"), (Samples.second, "2020年预算.xlsx"), (Samples.second, "2020年项目绩效.xlsx"),
    ])
    func kindsSurviveRenamedSheetsWithoutTableCodes(_ department: String, _ file: String) throws {
        let input = try InputLoader.load(path: Samples.path(department, file))
        var expected: [TableKind] = []
        var stripped: [TableKind] = []
        for (index, sheet) in input.sheets.enumerated() {
            expected += try TableRecognizer.recognize(sheet: sheet, file: "x.xlsx", isCSV: false).map(\.kind)
            var anonymous = sheet
            anonymous.name = "Sheet\(index + 1)"
            anonymous.rows = sheet.rows.map { row in
                var copy = row
                copy.cells = row.cells.filter { cell in
                    guard case .text(let t) = cell.value else { return true }
                    // 公开05表, 财决01表, 表2: short, with ASCII digits, starting or ending with 表.
                    let isCode = t.count <= 8 && (t.hasSuffix("表") || t.hasPrefix("表"))
                        && t.contains { $0.isASCII && $0.isNumber }
                    return !isCode
                }
                return copy
            }
            let tables = try TableRecognizer.recognize(sheet: anonymous, file: "x.xlsx", isCSV: false)
            #expect(tables.allSatisfy { $0.info.tableCode == nil })
            stripped += tables.map(\.kind)
        }
        #expect(stripped == expected)
        #expect(!expected.isEmpty)
    }
}
