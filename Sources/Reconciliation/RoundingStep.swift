import FinanceModel

/// The rounding step (舍入精度) of a table's figures: what one figure's own rounding can be off by.
///
/// It is 0.01 of the table's unit (0.01 万元 in a 万元 table, 0.01 元 in a 元 table) — unless every
/// non-zero figure of the table is a whole multiple of 0.01 of a coarser unit: a 元 table whose figures
/// are all whole hundreds (12,972,400.00) restates 万元 figures rounded to 0.01 万元, so its figures carry
/// that rounding, and a 100 元 gap there is the same rounding difference as 0.01 万元 in the original.
/// At least `minimumFigures` non-zero figures are needed before a coarser step is inferred, so a
/// small table of round numbers keeps its own unit's step.
public enum RoundingStep {
    /// Fewer non-zero figures than this never make a coarser step.
    public static let minimumFigures = 5

    /// The step, in `unit`.
    public static func step(of figures: [Money], unit: MoneyUnit) -> Money {
        let own = Money(units: 0, hundredths: 1)
        let nonZero = figures.filter { !$0.isZero }
        guard nonZero.count >= minimumFigures else { return own }
        let coarser = MoneyUnit.allCases.filter { $0.yuanPerUnit > unit.yuanPerUnit }
            .sorted { $0.yuanPerUnit > $1.yuanPerUnit }
        for candidate in coarser {
            let step = own.converted(from: candidate, to: unit)
            let allMultiples = nonZero.allSatisfy { value in
                guard let ratio = value.ratio(to: step) else { return false }
                return ratio.rounded(toDecimals: 0) == ratio
            }
            if allMultiples { return step }
        }
        return own
    }

    /// The step of every figure of a table, in the table's unit.
    public static func step(of table: AnyFinanceTable) -> Money {
        step(of: figures(of: table), unit: table.info.unit)
    }

    static func figures(of table: AnyFinanceTable) -> [Money] {
        func values(_ amounts: Amounts) -> [Money] { AmountColumn.allCases.compactMap { amounts[$0]?.value } }
        switch table {
        case .incomeExpenseSummary(let t):
            return SummaryField.allCases.flatMap { values($0.amounts(of: t)) }
                + (t.incomeLines + t.expenditureLines).flatMap { values($0.amounts) }
        case .expenseByFunction(let t):
            return t.rows.flatMap { values($0.total) + values($0.basicExpenditure) + values($0.projectExpenditure) }
        case .incomeByFunction(let t):
            return t.rows.flatMap { row in values(row.total) + row.bySource.values.flatMap(values) }
        case .basicExpenseByEconomic(let t):
            return t.rows.flatMap { values($0.total) + values($0.personnelCost) + values($0.officeCost) }
        case .threePublic(let t):
            return ThreePublicField.allCases.flatMap { values($0.amounts(of: t)) }
        case .projectFunds(let t):
            return t.projects.flatMap { values($0.funds.total) + values($0.funds.fiscalAppropriation) }
        case .projectForm(let t):
            return values(t.project.funds.total)
        case .projectIndicators, .departmentFacts:
            return []
        }
    }
}
