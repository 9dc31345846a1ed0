import FinanceModel

/// A check rule (审核公式 / 勾稽关系): a named check that reads the tables or the aligned rows and
/// returns findings. Each rule lives in its own file under `Rules/` and declares its own messages.
public protocol CheckRule: Sendable {
    /// The rule's name as printed in brackets (`[总计平衡]`), Chinese.
    var name: String { get }
    /// What the rule found; empty when everything agrees.
    func findings(in context: CheckContext) -> [Finding]
}

/// What a rule may read: the tables as recognised (each in its own unit), the aligned rows (in the
/// comparison unit) and the settings.
public struct CheckContext: Sendable {
    public var tables: [AnyFinanceTable]
    public var rows: [ComparisonRow]
    public var settings: ReconciliationSettings

    public init(tables: [AnyFinanceTable], rows: [ComparisonRow], settings: ReconciliationSettings) {
        self.tables = tables
        self.rows = rows
        self.settings = settings
    }

    /// The comparison unit.
    public var unit: MoneyUnit { settings.unit }
}

/// One figure of an equation: its amount and the cell it came from (nil for a figure the tool made).
struct Term {
    var amount: Money
    var cell: CitedCell?

    init(_ amount: Money, _ cell: CitedCell?) {
        self.amount = amount
        self.cell = cell
    }

    /// A table figure, valued as written.
    init(_ figure: Figure) {
        amount = figure.value
        cell = figure.source.map { CitedCell($0, value: figure.value.description) }
    }

    /// A contribution of an aligned row, in `unit`, citing its cells.
    init(_ contribution: Contribution, unit: MoneyUnit) {
        amount = contribution.value
        cell = nil
        cells = contribution.cells
        terms = contribution.terms
        if contribution.unit != unit {
            cells = contribution.cells.map { CitedCell($0.location, value: "\($0.value) \(contribution.unit.rawValue)") }
        }
    }

    /// A contribution valued as its table wrote it, in the table's own unit (for comparing two tables
    /// that share a unit: 相差 0.34 元, never 0.000034 万元).
    init(ownUnit contribution: Contribution) {
        amount = contribution.original
        cell = nil
        cells = contribution.cells
        terms = contribution.terms
    }

    /// The unit two contributions are best compared in: their own when they share it, else `unit`.
    static func sharedUnit(_ a: Contribution, _ b: Contribution, else unit: MoneyUnit) -> MoneyUnit {
        a.unit == b.unit ? a.unit : unit
    }

    /// The cells when the term is itself a sum.
    var cells: [CitedCell] = []
    /// Non-zero figures inside the term (1 for a single cell, 0 for a zero).
    var terms: Int = 1

    var citedCells: [CitedCell] { cell.map { [$0] } ?? cells }
    var nonZeroTerms: Int { amount.isZero ? 0 : (cell != nil ? 1 : max(terms, 1)) }
}
