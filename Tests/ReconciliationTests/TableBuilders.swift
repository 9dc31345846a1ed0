import FinanceModel
import Reconciliation

/// Hand-built tables for the rule and alignment tests: short helpers for cells, figures and infos.
enum Build {
    /// `预算.xlsx › 支出表 › D12`.
    static func cell(_ a1: String, file: String = "预算.xlsx", sheet: String? = "支出表") -> SourceLocation {
        SourceLocation(file: file, sheet: sheet, cell: a1)
    }

    /// An exact amount from text ("944.59").
    static func money(_ text: String) -> Money {
        guard let value = Money(parsing: text) else { preconditionFailure("not an amount: \(text)") }
        return value
    }

    /// A figure at a cell.
    static func figure(_ text: String, _ a1: String, file: String = "预算.xlsx", sheet: String? = "支出表") -> Figure {
        Figure(money(text), at: cell(a1, file: file, sheet: sheet))
    }

    static func info(
        _ kind: TableKind, _ side: TableSide, unit: MoneyUnit = .tenThousandYuan, title: String,
        file: String = "预算.xlsx", sheet: String? = "支出表"
    ) -> TableInfo {
        TableInfo(kind: kind, side: side, unit: unit, title: title, source: TableSource(file: file, sheet: sheet, range: "A1:H40"))
    }

    /// A function-code row whose 合计 column fills `column` from cell `a1`.
    static func functionRow(
        _ code: String?, _ name: String, _ amount: String, _ a1: String, column: AmountColumn = .initialBudget,
        role: RowRole = .detail, file: String = "预算.xlsx", sheet: String? = "支出表"
    ) -> ExpenseByFunctionRow {
        var total = Amounts()
        total[column] = figure(amount, a1, file: file, sheet: sheet)
        return ExpenseByFunctionRow(
            code: code.flatMap { FunctionCode($0) }, name: name, role: role, source: cell("B1", file: file, sheet: sheet),
            total: total)
    }

    /// A budget 部门支出总表 in 万元 from (code, name, amount, cell) rows; a nil code with "合计" is the total.
    static func budgetExpense(
        _ rows: [(String?, String, String, String)], unit: MoneyUnit = .tenThousandYuan, file: String = "预算.xlsx",
        sheet: String = "部门支出总表", kind: TableKind = .expenseByFunction
    ) -> AnyFinanceTable {
        .expenseByFunction(
            ExpenseByFunctionTable(
                info: info(kind, .budget, unit: unit, title: "部门支出总表", file: file, sheet: sheet),
                rows: rows.map {
                    functionRow(
                        $0.0, $0.1, $0.2, $0.3, column: .initialBudget, role: $0.1 == "合计" ? .total : .detail,
                        file: file, sheet: sheet)
                }))
    }

    /// A final-accounts 支出决算表 from (code, name, actual, cell) rows.
    static func finalExpense(
        _ rows: [(String?, String, String, String)], unit: MoneyUnit = .tenThousandYuan, file: String = "决算.xlsx",
        sheet: String = "支出决算表", kind: TableKind = .expenseByFunction
    ) -> AnyFinanceTable {
        .expenseByFunction(
            ExpenseByFunctionTable(
                info: info(kind, .finalAccounts, unit: unit, title: "支出决算表", file: file, sheet: sheet),
                rows: rows.map {
                    functionRow(
                        $0.0, $0.1, $0.2, $0.3, column: .actual, role: $0.1 == "合计" ? .total : .detail, file: file,
                        sheet: sheet)
                }))
    }

    /// Reconciles with the standard settings (or `settings`) and only `rules`.
    static func findings(
        _ tables: [AnyFinanceTable], rules: [any CheckRule], settings: ReconciliationSettings = .standard
    ) -> [Finding] {
        Reconciler.reconcile(tables, settings: settings, rules: rules).findings
    }
}

extension Finding {
    /// The cited cells as `file › sheet › A1` strings.
    var cellNames: [String] { cells.map(\.location.description) }
}
