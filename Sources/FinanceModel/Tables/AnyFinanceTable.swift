/// Any recognised table, as one value: what `Department.tables` holds and `inspect` lists.
///
/// The case names the table's shape; `info.kind` names the table. Several kinds share a shape:
/// `fiscalIncomeExpenseSummary` is an `IncomeExpenseSummary`; `generalBudgetExpenseByFunction`,
/// `governmentFundExpense` and `stateCapitalExpense` are `ExpenseByFunctionTable`s.
public enum AnyFinanceTable: Sendable, Hashable, Codable {
    case incomeExpenseSummary(IncomeExpenseSummary)
    case expenseByFunction(ExpenseByFunctionTable)
    case incomeByFunction(IncomeByFunctionTable)
    case basicExpenseByEconomic(BasicExpenseByEconomicTable)
    case threePublic(ThreePublicTable)
    case projectFunds(ProjectFundsTable)
    case projectIndicators(ProjectIndicatorsTable)
    case projectForm(ProjectFormTable)
    case departmentFacts(DepartmentFactsTable)

    /// The table's info (kind, side, unit, title, source).
    public var info: TableInfo {
        switch self {
        case .incomeExpenseSummary(let t): t.info
        case .expenseByFunction(let t): t.info
        case .incomeByFunction(let t): t.info
        case .basicExpenseByEconomic(let t): t.info
        case .threePublic(let t): t.info
        case .projectFunds(let t): t.info
        case .projectIndicators(let t): t.info
        case .projectForm(let t): t.info
        case .departmentFacts(let t): t.info
        }
    }

    /// The same table with every amount converted exactly to `unit`.
    public func normalised(to unit: Unit) -> AnyFinanceTable {
        switch self {
        case .incomeExpenseSummary(let t): .incomeExpenseSummary(t.normalised(to: unit))
        case .expenseByFunction(let t): .expenseByFunction(t.normalised(to: unit))
        case .incomeByFunction(let t): .incomeByFunction(t.normalised(to: unit))
        case .basicExpenseByEconomic(let t): .basicExpenseByEconomic(t.normalised(to: unit))
        case .threePublic(let t): .threePublic(t.normalised(to: unit))
        case .projectFunds(let t): .projectFunds(t.normalised(to: unit))
        case .projectIndicators(let t): .projectIndicators(t.normalised(to: unit))
        case .projectForm(let t): .projectForm(t.normalised(to: unit))
        case .departmentFacts(let t): .departmentFacts(t.normalised(to: unit))
        }
    }
}
