import Foundation
import Testing

@testable import FinanceModel

@Suite("Tables")
struct TableTests {
    private func m(_ text: String) -> Money { Money(parsing: text) ?? Money(-999_999) }
    private func cell(_ a1: String) -> FinanceModel.SourceLocation {
        FinanceModel.SourceLocation(file: "决算.xlsx", sheet: "三公经费", cell: a1)
    }
    private var info: TableInfo {
        TableInfo(
            kind: .threePublic, side: .both, unit: .tenThousandYuan, title: "2020年财政拨款“三公”经费支出决算表",
            preparedBy: "益阳市资阳区商务局", year: 2020, tableCode: "公开07表",
            source: TableSource(file: "决算.xlsx", sheet: "三公经费", range: "A1:F12"))
    }

    private var threePublic: ThreePublicTable {
        ThreePublicTable(
            info: info,
            total: Amounts(
                initialBudget: Figure(m("158.08"), at: cell("B7")), adjustedBudget: Figure(m("77.89"), at: cell("C7")),
                actual: Figure(m("77.86"), at: cell("D7"))),
            officialCars: OfficialCars(subtotal: Amounts(initialBudget: Figure(m("3.5"), at: cell("B9")))),
            reception: Amounts(
                initialBudget: Figure(m("154.58"), at: cell("B10")), actual: Figure(m("77.86"), at: cell("D10"))))
    }

    @Test("normalising converts every figure exactly and keeps its cell")
    func normalise() {
        let yuan = threePublic.normalised(to: .yuan)
        #expect(yuan.info.unit == .yuan)
        #expect(yuan.total.initialBudget == Figure(m("1580800"), at: cell("B7")))
        #expect(yuan.total.actual?.value == m("778600"))
        #expect(yuan.officialCars.subtotal.initialBudget?.value == m("35000"))
        #expect(yuan.officialCars.purchase.isEmpty)
        #expect(yuan.reception.actual?.source == cell("D10"))
        #expect(yuan.normalised(to: .tenThousandYuan) == threePublic)
        #expect(threePublic.normalised(to: .tenThousandYuan) == threePublic)
    }

    @Test("the table-wide wrapper normalises whatever it holds")
    func anyTable() {
        let table = AnyFinanceTable.threePublic(threePublic)
        #expect(table.info.kind == .threePublic)
        let department = Department(name: "益阳市资阳区商务局", year: 2020, tables: [table])
        #expect(department.tables(of: .threePublic).count == 1)
        #expect(department.tables(of: .threePublic, side: .budget).isEmpty)
        guard case .threePublic(let converted) = department.normalised(to: .thousandYuan).tables[0] else {
            Issue.record("kind changed")
            return
        }
        #expect(converted.total.adjustedBudget?.value == m("778.9"))
    }

    @Test("expense rows convert all three column groups")
    func expenseRows() throws {
        let code = try #require(FunctionCode("2011308"))
        let table = ExpenseByFunctionTable(
            info: TableInfo(
                kind: .expenseByFunction, side: .finalAccounts, unit: .yuan, title: "支出决算表",
                source: TableSource(file: "决算.csv", sheet: nil, range: nil)),
            rows: [
                ExpenseByFunctionRow(
                    code: code, name: "招商引资", source: cell("B8"), total: Amounts(actual: Figure(m("1300000"), at: cell("C8"))),
                    basicExpenditure: Amounts(actual: Figure(m("0"), at: cell("D8"))),
                    projectExpenditure: Amounts(actual: Figure(m("1300000"), at: cell("E8")))),
                ExpenseByFunctionRow(
                    code: nil, name: "合计", role: .total, source: cell("B9"),
                    total: Amounts(actual: Figure(m("1300000.01"), at: cell("C9")))),
            ])
        let converted = table.normalised(to: .tenThousandYuan)
        #expect(converted.row(for: code)?.projectExpenditure.actual?.value == m("130"))
        #expect(converted.totalRow?.total.actual?.value == m("130.000001"))
    }

    @Test("JSON keeps amounts as exact strings and round-trips")
    func json() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let data = try encoder.encode(threePublic)
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.contains(#""value":"158.08""#))
        #expect(text.contains(#""kind":"threePublic""#))
        #expect(text.contains(#""unit":"万元""#))
        let decoded = try JSONDecoder().decode(ThreePublicTable.self, from: data)
        #expect(decoded == threePublic)
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(Money.self, from: Data(#""12a""#.utf8)) }
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(FunctionCode.self, from: Data(#""2011""#.utf8)) }
    }

    @Test("income by source encodes as a keyed object")
    func incomeSources() throws {
        let row = IncomeByFunctionRow(
            code: FunctionCode("2011308"), name: "招商引资", source: cell("B8"),
            total: Amounts(actual: Figure(m("955.77"), at: cell("C8"))),
            bySource: [.fiscalAppropriation: Amounts(actual: Figure(m("955.77"), at: cell("D8")))])
        let text = String(decoding: try JSONEncoder().encode(row), as: UTF8.self)
        #expect(text.contains(#""bySource":{"fiscalAppropriation":"#))
        #expect(try JSONDecoder().decode(IncomeByFunctionRow.self, from: Data(text.utf8)) == row)
    }

    @Test("the budget column a difference used is named")
    func effectiveColumn() {
        var amounts = Amounts(initialBudget: Figure(m("10"), at: nil), actual: Figure(m("9"), at: nil))
        #expect(amounts.effectiveBudgetColumn == .initialBudget && amounts.difference == m("-1"))
        amounts.adjustedBudget = Figure(m("8"), at: nil)
        #expect(amounts.effectiveBudgetColumn == .adjustedBudget && amounts.difference == m("1"))
        #expect(Amounts.empty.effectiveBudgetColumn == nil && Amounts.empty.difference == nil)
    }

    @Test("project funds convert by source")
    func projects() {
        let project = Project(
            name: "招商引资工作经费", source: cell("A5"), unit: .tenThousandYuan,
            funds: ProjectFunds(
                total: Amounts(initialBudget: Figure(m("130"), at: cell("B5"))),
                fiscalAppropriation: Amounts(initialBudget: Figure(m("130"), at: cell("E5")))))
        let yuan = project.normalised(to: .yuan)
        #expect(yuan.unit == .yuan)
        #expect(yuan.funds.fiscalAppropriation.initialBudget?.value == m("1300000"))
        #expect(yuan.funds.carryover.isEmpty)
    }
}
