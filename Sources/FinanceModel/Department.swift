/// A department's year (`Department`): every recognised table of its files, its projects and facts —
/// what Reconciliation, EvaluationForms and ReportCheck consume.
public struct Department: Sendable, Hashable, Codable {
    /// 部门名称 (from 编制单位 or the facts sheet).
    public var name: String
    /// 年度.
    public var year: Int?
    /// Every recognised table, in input order.
    public var tables: [AnyFinanceTable]
    /// Projects, merged from funds lists, indicator lists and forms by name.
    public var projects: [Project]
    public var facts: DepartmentFacts?

    public init(
        name: String, year: Int?, tables: [AnyFinanceTable] = [], projects: [Project] = [],
        facts: DepartmentFacts? = nil
    ) {
        self.name = name
        self.year = year
        self.tables = tables
        self.projects = projects
        self.facts = facts
    }

    /// The tables of one kind, optionally of one side.
    public func tables(of kind: TableKind, side: TableSide? = nil) -> [AnyFinanceTable] {
        tables.filter { $0.info.kind == kind && (side == nil || $0.info.side == side) }
    }

    /// The same department with every table, project and fact converted exactly to `unit`.
    public func normalised(to unit: Unit) -> Department {
        var copy = self
        copy.tables = tables.map { $0.normalised(to: unit) }
        copy.projects = projects.map { $0.normalised(to: unit) }
        copy.facts = facts?.normalised(to: unit)
        return copy
    }
}
