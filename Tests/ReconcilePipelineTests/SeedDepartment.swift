import FinanceModel
import Foundation
import Pipeline
import Reconciliation
import TestSupport

/// The sample departments under Samples/, loaded through the real pipeline, and helpers to break a copy.
enum SeedDepartment {
    static let root = Fixtures.repositoryRoot().appendingPathComponent("Samples")
    static let seed = "益阳市资阳区商务局"
    static let second = "某县农业农村局"

    /// Every file of a sample department, sorted by name.
    static func files(_ department: String) throws -> [String] {
        let folder = root.appendingPathComponent(department)
        return try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
            .map { folder.appendingPathComponent($0).path }
    }

    /// Each sample department reconciled once with the standard settings, shared by the tests.
    static let results: [String: Reconciled] = {
        var results: [String: Reconciled] = [:]
        for department in [seed, second] {
            guard let files = try? files(department), let inputs = try? Pipeline.load(files),
                  let checked = try? Pipeline.reconcile(inputs) else { continue }
            var comparison = checked.comparison
            comparison.findings = checked.findings
            results[department] = Reconciled(department: checked.group.department, comparison: comparison)
        }
        return results
    }()

    /// A department through the seam: its tables and its 对照表 with the input findings `check` gives.
    struct Reconciled {
        var department: Department
        var comparison: ExecutionComparison
    }

    /// The department reconciled (loaded once).
    static func result(_ department: String) throws -> Reconciled {
        guard let result = results[department] else { throw MissingSample(department: department) }
        return result
    }

    struct MissingSample: Error { var department: String }

    /// The department's tables as loaded.
    static func tables(_ department: String) throws -> [AnyFinanceTable] {
        try result(department).department.tables
    }

    /// The index of the first table whose sheet is `sheet`.
    static func index(of sheet: String, in tables: [AnyFinanceTable]) -> Int? {
        tables.firstIndex { $0.info.source.sheet == sheet }
    }
}

/// Edits of loaded tables that make a broken copy: one amount changed, one row removed, one unit switched.
enum Break {
    /// Sets the 合计-column figure of the row with `code` in an expenditure table to `text` (same cell).
    static func changeAmount(_ table: AnyFinanceTable, code: String, column: AmountColumn, to text: String) -> AnyFinanceTable {
        guard case .expenseByFunction(var t) = table, let index = t.rows.firstIndex(where: { $0.code?.digits == code }),
            let figure = t.rows[index].total[column], let value = Money(parsing: text)
        else { return table }
        t.rows[index].total[column] = Figure(value, at: figure.source)
        return .expenseByFunction(t)
    }

    /// Removes the row with `code` from an expenditure table.
    static func removeRow(_ table: AnyFinanceTable, code: String) -> AnyFinanceTable {
        guard case .expenseByFunction(var t) = table else { return table }
        t.rows.removeAll { $0.code?.digits == code }
        return .expenseByFunction(t)
    }

    /// Declares the table in another unit without converting its figures (a wrong 单位 line).
    static func switchUnit(_ table: AnyFinanceTable, to unit: MoneyUnit) -> AnyFinanceTable {
        switch table {
        case .incomeExpenseSummary(var t):
            t.info.unit = unit
            return .incomeExpenseSummary(t)
        case .expenseByFunction(var t):
            t.info.unit = unit
            return .expenseByFunction(t)
        case .threePublic(var t):
            t.info.unit = unit
            return .threePublic(t)
        default:
            return table
        }
    }
}
