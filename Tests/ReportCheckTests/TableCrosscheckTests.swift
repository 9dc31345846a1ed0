import Foundation
import Testing
import FinanceModel
import ReportCheck
import TestSupport

/// The seed report against a hand-built department whose tables carry the report's figures.
@Suite struct TableCrosscheckTests {
    static func money(_ text: String) -> Money { Money(parsing: text)! }

    static func figure(_ text: String, _ file: String, _ sheet: String, _ cell: String) -> Figure {
        Figure(money(text), at: SourceLocation(file: file, sheet: sheet, cell: cell))
    }

    static func info(_ kind: TableKind, _ side: TableSide, _ file: String, unit: MoneyUnit = .tenThousandYuan) -> TableInfo {
        TableInfo(kind: kind, side: side, unit: unit, title: kind.rawValue, source: TableSource(file: file, sheet: "表", range: nil))
    }

    /// Budget tables in 元 (so conversion is exercised), final accounts and 三公 in 万元.
    static func department(retireeBudget: String = "287100", budgetIncome: String = "9445900") -> Department {
        let b = "预算.xlsx", f = "决算.xlsx", t = "三公.csv", p = "项目.xlsx"
        let budgetSummary = IncomeExpenseSummary(
            info: info(.incomeExpenseSummary, .budget, b, unit: .yuan),
            totalIncome: Amounts(initialBudget: figure(budgetIncome, b, "收支总表", "B20")),
            totalExpenditure: Amounts(initialBudget: figure("9445900", b, "收支总表", "D20")))
        let finalSummary = IncomeExpenseSummary(
            info: info(.incomeExpenseSummary, .finalAccounts, f),
            totalIncome: Amounts(actual: figure("955.77", f, "收支总表", "B12")),
            carryoverStart: Amounts(actual: figure("341.47", f, "收支总表", "B14")),
            grandTotal: Amounts(actual: figure("1297.24", f, "收支总表", "B15")),
            totalExpenditure: Amounts(actual: figure("1023.13", f, "收支总表", "D12")),
            carryoverEnd: Amounts(actual: figure("274.16", f, "收支总表", "D14")),
            grandTotalExpenditureSide: Amounts(actual: figure("1297.24", f, "收支总表", "D15")))
        let budgetFunctions = ExpenseByFunctionTable(
            info: info(.expenseByFunction, .budget, b, unit: .yuan),
            rows: [ExpenseByFunctionRow(
                code: nil, name: "合计", role: .total, source: nil,
                total: Amounts(initialBudget: figure("9445900", b, "支出表", "C30")),
                basicExpenditure: Amounts(initialBudget: figure("6988800", b, "支出表", "D30")),
                projectExpenditure: Amounts(initialBudget: figure("2457100", b, "支出表", "E30")))])
        let finalFunctions = ExpenseByFunctionTable(
            info: info(.expenseByFunction, .finalAccounts, f),
            rows: [ExpenseByFunctionRow(
                code: nil, name: "合计", role: .total, source: nil,
                total: Amounts(actual: figure("1023.13", f, "支出决算表", "C20")),
                basicExpenditure: Amounts(actual: figure("885.75", f, "支出决算表", "D20")),
                projectExpenditure: Amounts(actual: figure("137.38", f, "支出决算表", "E20")))])
        let threePublic = ThreePublicTable(
            info: info(.threePublic, .both, t),
            total: Amounts(initialBudget: figure("158.08", t, "", "B5"), adjustedBudget: figure("77.89", t, "", "C5"),
                           actual: figure("77.86", t, "", "D5")),
            officialCars: OfficialCars(operation: Amounts(initialBudget: figure("3.5", t, "", "B9"), actual: figure("0", t, "", "D9"))),
            reception: Amounts(initialBudget: figure("154.58", t, "", "B10"), actual: figure("77.86", t, "", "D10")))
        let retirees = Project(
            name: "离退休人员经费", source: SourceLocation(file: p, sheet: "项目", cell: "A9"), unit: .yuan,
            funds: ProjectFunds(total: Amounts(initialBudget: figure(retireeBudget, p, "项目", "C9"))))
        let investment = Project(
            name: "重大招商", source: SourceLocation(file: p, sheet: "项目", cell: "A3"), unit: .yuan,
            funds: ProjectFunds(total: Amounts(initialBudget: figure("1300000", p, "项目", "C3"))))
        return Department(
            name: "益阳市资阳区商务局", year: 2020,
            tables: [.incomeExpenseSummary(budgetSummary), .incomeExpenseSummary(finalSummary),
                     .expenseByFunction(budgetFunctions), .expenseByFunction(finalFunctions), .threePublic(threePublic)],
            projects: [retirees, investment])
    }

    static func check(_ department: Department, text: String? = nil) throws -> ReportCheckResult {
        let seed = try text ?? String(contentsOf: Fixtures.url("seed-report.txt"), encoding: .utf8)
        return ReportCheck.check(ReportDocument(file: "seed-report.txt", text: seed), department: department)
    }

    @Test func the2887ProjectFigureDisagreesWithItsCell() throws {
        let result = try Self.check(Self.department())
        let tableFindings = result.findings.filter { $0.finding.rule == "report.table" }
        let retiree = try #require(tableFindings.first { $0.location.line == 71 })
        #expect(retiree.severity == .error)
        #expect(retiree.finding.cells.map(\.description) == ["项目.xlsx › 项目 › C9 = 28.71"])
        #expect(retiree.finding.expected == "28.71")
        #expect(retiree.finding.found == "28.87")
        #expect(retiree.location.sentence.contains("离退休人员工作经费28.87万元"))
        #expect(result.worstSeverity == .error)
    }

    @Test func agreeingFiguresAreConfirmedWithTheirCells() throws {
        let result = try Self.check(Self.department())
        let confirmed = result.confirmed.filter { $0.rule == "report.table" }
        let cells = Set(confirmed.flatMap(\.cells).map(\.description))
        for expected in [
            "预算.xlsx › 收支总表 › B20 = 944.59", "决算.xlsx › 收支总表 › B12 = 955.77",
            "预算.xlsx › 支出表 › D30 = 698.88", "预算.xlsx › 支出表 › E30 = 245.71",
            "决算.xlsx › 支出决算表 › D20 = 885.75", "决算.xlsx › 支出决算表 › E20 = 137.38",
            "三公.csv ›  › B5 = 158.08", "三公.csv ›  › C5 = 77.89", "三公.csv ›  › B10 = 154.58",
            "三公.csv ›  › D10 = 77.86", "三公.csv ›  › B9 = 3.5", "三公.csv ›  › D9 = 0",
            "项目.xlsx › 项目 › C9 = 28.71", "项目.xlsx › 项目 › C3 = 130", "决算.xlsx › 收支总表 › B14 = 341.47",
        ] {
            #expect(cells.contains(expected), "not confirmed: \(expected)")
        }
    }

    @Test func roundingAndWordingDifferencesAreHints() throws {
        let result = try Self.check(Self.department())
        let hints = result.findings.filter { $0.finding.rule == "report.table" && $0.severity == .hint }
        // 274.1 in the report, 274.16 (274.2 at one decimal) in the table: one unit in the last written decimal.
        #expect(hints.contains { $0.finding.cells.first?.location.cell == "D14" })
        // 本年支出合计 1297.24 is the table's 总计 (with 年末结转), not its 本年支出合计 1023.13.
        #expect(hints.contains { ["B15", "D15"].contains($0.finding.cells.first?.location.cell ?? "") && $0.location.line == 43 })
        #expect(result.findings.filter { $0.finding.rule == "report.table" && $0.severity != .hint }.count == 1)
    }

    @Test func aChangedTableFigureIsCaught() throws {
        let result = try Self.check(Self.department(budgetIncome: "9545900"))
        let income = try #require(result.findings.first { $0.finding.rule == "report.table" && $0.location.line == 37 })
        #expect(income.severity == .error)
        #expect(income.finding.cells.first?.description == "预算.xlsx › 收支总表 › B20 = 954.59")
        #expect(income.location.sentence.hasPrefix("本年收入合计944.59万元"))
    }
}
