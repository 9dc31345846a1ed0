import FinanceModel
import Pipeline
import Reconciliation
import Testing

@Suite("broken copies of the samples are caught with the right cell named")
struct BrokenCopyTests {
    static func findings(_ tables: [AnyFinanceTable]) -> [Finding] { Reconciler.reconcile(tables).findings }

    static func baseline(_ department: String) throws -> Set<Finding> {
        Set(try SeedDepartment.result(department).comparison.findings)
    }

    @Test("one amount changed: 支出决算表 2011308 决算数 91.3 → 91.5 breaks 款=Σ项 at the 款 row and the changed cell")
    func amountChanged() throws {
        var tables = try SeedDepartment.tables(SeedDepartment.seed)
        let index = try #require(SeedDepartment.index(of: "支出决算表", in: tables))
        tables[index] = Break.changeAmount(tables[index], code: "2011308", column: .actual, to: "91.5")
        let new = Set(Self.findings(tables)).subtracting(try Self.baseline(SeedDepartment.seed))
        let sum = try #require(new.first { $0.rule == "款=Σ项" })
        #expect(sum.severity == .error)
        let cells = sum.cells.map(\.location.description)
        #expect(cells.first?.hasPrefix("2020年部门决算.xlsx › 支出决算表 › ") == true)
        #expect(sum.cells.contains { $0.value == "91.5" })
        #expect(new.allSatisfy { $0.severity != .hint || $0.rule == "执行率偏离" })
    }

    @Test("one row removed: the budget's 2011308 row gone breaks 款=Σ项 on the budget's 20113 row")
    func rowRemoved() throws {
        var tables = try SeedDepartment.tables(SeedDepartment.seed)
        let index = try #require(SeedDepartment.index(of: "部门支出总表", in: tables))
        tables[index] = Break.removeRow(tables[index], code: "2011308")
        let new = Set(Self.findings(tables)).subtracting(try Self.baseline(SeedDepartment.seed))
        let sum = try #require(new.first { $0.rule == "款=Σ项" })
        #expect(sum.severity == .error)
        #expect(sum.cells.first?.location.description.hasPrefix("2020年部门预算.xlsx › 部门支出总表 › ") == true)
        #expect(sum.expected != sum.found)
    }

    @Test("one unit switched: Z01 declared in 万元 while its figures are 元 is one 单位疑误 per table pair, naming cells of both")
    func unitSwitched() throws {
        var tables = try SeedDepartment.tables(SeedDepartment.seed)
        let index = try #require(SeedDepartment.index(of: "Z01 收入支出决算总表(财决01表)", in: tables))
        tables[index] = Break.switchUnit(tables[index], to: .tenThousandYuan)
        let findings = Self.findings(tables)
        let units = findings.filter { $0.rule == "单位疑误" }
        #expect(units.count == 2)
        #expect(units.allSatisfy { $0.severity == .error && $0.found == "×10000" })
        let summary = try #require(
            units.first { $0.cells.contains { $0.location.description == "2020年部门决算.xlsx › 收入支出决算总表 › C29" } })
        #expect(summary.cells.contains { $0.location.description.hasPrefix("2020年部门决算.xlsx › Z01 收入支出决算总表(财决01表) › ") })
        // The pair's figures are not reported one by one as well.
        #expect(!findings.contains { $0.rule == "表间一致" && $0.cells.contains { $0.location.description.contains("Z01") } })
    }

    @Test("the second department: an amount changed in its 支出决算对照表 is caught on that sheet")
    func secondDepartmentAmount() throws {
        var tables = try SeedDepartment.tables(SeedDepartment.second)
        let index = try #require(SeedDepartment.index(of: "支出决算对照表", in: tables))
        guard case .expenseByFunction(let t) = tables[index] else {
            Issue.record("支出决算对照表 is not an expenditure table")
            return
        }
        let item = try #require(t.rows.first { $0.code?.level == .item && $0.total.actual != nil })
        let code = try #require(item.code?.digits)
        tables[index] = Break.changeAmount(tables[index], code: code, column: .actual, to: "1")
        let errors = Self.findings(tables).filter { $0.severity == .error }
        #expect(!errors.isEmpty)
        #expect(errors.contains { $0.cells.contains { $0.location == item.total.actual?.source } })
    }
}
