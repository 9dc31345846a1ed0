import FinanceModel

/// One aligned row of the 对照表: a subject code, a named line or a project, with its figures in the
/// comparison unit and where each came from.
public struct ComparisonRow: Sendable, Hashable {
    /// The alignment key of the 合计 row.
    public static let totalKey = "total"

    public var section: ComparisonSection
    /// The alignment key: the code digits, `total`, a summary field, or `name:` + the normalised name.
    public var key: String
    /// 科目编码, when the row has one.
    public var code: String?
    /// 科目名称 / 项目名称 as the first table wrote it.
    public var name: String
    /// 合计 row.
    public var isTotal: Bool
    /// 年初预算数.
    public var initialBudget: Money?
    /// 全年预算数.
    public var adjustedBudget: Money?
    /// 决算数.
    public var actual: Money?
    public var match: MatchRule
    /// Every figure each table gave for the row, per column, in table order; the first is the row's.
    public var contributions: [AmountColumn: [Contribution]]

    public init(
        section: ComparisonSection, key: String, code: String?, name: String, isTotal: Bool,
        match: MatchRule, contributions: [AmountColumn: [Contribution]]
    ) {
        self.section = section
        self.key = key
        self.code = code
        self.name = name
        self.isTotal = isTotal
        self.match = match
        self.contributions = contributions
        initialBudget = contributions[.initialBudget]?.first?.value
        adjustedBudget = contributions[.adjustedBudget]?.first?.value
        actual = contributions[.actual]?.first?.value
    }

    /// The budget 差额 and 执行率 divide by: 全年预算数, else 年初预算数.
    public var budgetBasis: AmountColumn? {
        adjustedBudget != nil ? .adjustedBudget : initialBudget != nil ? .initialBudget : nil
    }

    /// 差额 = 决算数 − 全年预算数 (or − 年初预算数 when there is no 全年预算数: see `budgetBasis`).
    public var difference: Money? {
        guard let actual, let budget = adjustedBudget ?? initialBudget else { return nil }
        return actual - budget
    }

    /// 执行率 = 决算数 ÷ 全年预算数 (or ÷ 年初预算数); nil when a figure is missing or the budget is zero.
    public var executionRate: Rate? {
        guard let actual, let budget = adjustedBudget ?? initialBudget else { return nil }
        return actual.ratio(to: budget)
    }

    /// The figure of a column.
    public subscript(column: AmountColumn) -> Money? {
        switch column {
        case .initialBudget: initialBudget
        case .adjustedBudget: adjustedBudget
        case .actual: actual
        }
    }

    /// The cells of a column's figure (several when it is a sum of finer rows).
    public func sources(of column: AmountColumn) -> [SourceLocation] {
        contributions[column]?.first?.cells.map(\.location) ?? []
    }

    /// True when some table gives a budget figure (年初 or 全年).
    public var hasBudget: Bool { initialBudget != nil || adjustedBudget != nil }
}

/// One table's figure for a row and column.
public struct Contribution: Sendable, Hashable {
    /// The figure in the comparison unit.
    public var value: Money
    /// The figure as the table wrote it, in `unit`.
    public var original: Money
    /// The table's unit.
    public var unit: MoneyUnit
    /// The table it came from (title and where).
    public var table: TableInfo
    /// The cell with its value as written, or the cells summed when `rolledUp`.
    public var cells: [CitedCell]
    /// The non-zero figures summed into it (1 for a stated cell).
    public var terms: Int
    /// True when the table has no row for the code and the figure is the sum of its finer rows.
    public var rolledUp: Bool
    /// The rounding step of the table's figures, in the comparison unit (`RoundingStep`): 0.01 of the
    /// table's unit, or coarser when every figure of the table is a whole multiple of a coarser step.
    public var step: Money

    public init(
        value: Money, original: Money, unit: MoneyUnit, table: TableInfo, cells: [CitedCell], terms: Int,
        rolledUp: Bool, step: Money
    ) {
        self.value = value
        self.original = original
        self.unit = unit
        self.table = table
        self.cells = cells
        self.terms = terms
        self.rolledUp = rolledUp
        self.step = step
    }
}
