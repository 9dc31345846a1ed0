public import FinanceModel

/// Finds the figures the department form needs in a department's tables, each with the table it came
/// from, so a formula can show its inputs. The department must already be in one unit.
public struct DepartmentFigures: Sendable {
    public var department: Department

    public init(department: Department) { self.department = department }

    /// A figure with the label of where it came from.
    public struct Found: Sendable, Hashable {
        public var figure: Figure
        /// e.g. "收入支出决算总表 本年支出合计 决算数".
        public var label: String

        public func input(_ name: String) -> FormulaInput {
            FormulaInput(name: "\(name)（\(label)）", value: figure.value.description, source: figure.source)
        }
    }

    var summaries: [IncomeExpenseSummary] {
        department.tables.compactMap {
            if case .incomeExpenseSummary(let t) = $0, t.info.kind == .incomeExpenseSummary { return t }
            return nil
        }
    }

    func expenseTables(_ kind: TableKind) -> [ExpenseByFunctionTable] {
        department.tables.compactMap {
            if case .expenseByFunction(let t) = $0, t.info.kind == kind { return t }
            return nil
        }
    }

    var basicTables: [BasicExpenseByEconomicTable] {
        department.tables.compactMap {
            if case .basicExpenseByEconomic(let t) = $0 { return t }
            return nil
        }
    }

    var threePublicTables: [ThreePublicTable] {
        department.tables.compactMap {
            if case .threePublic(let t) = $0 { return t }
            return nil
        }
    }

    static func columnName(_ column: AmountColumn) -> String {
        switch column {
        case .initialBudget: "年初预算数"
        case .adjustedBudget: "全年预算数"
        case .actual: "决算数"
        }
    }

    /// The first table (in input order) whose `line` has `column`.
    func first<T>(
        _ tables: [T], title: (T) -> String, line: String, column: AmountColumn, _ amounts: (T) -> Amounts?
    ) -> Found? {
        for table in tables {
            if let figure = amounts(table)?[column] {
                return Found(figure: figure, label: "\(title(table)) \(line) \(Self.columnName(column))")
            }
        }
        return nil
    }

    // MARK: - Named figures

    /// 本年支出合计 in `column`, from the 收支总表s.
    public func totalExpenditure(_ column: AmountColumn) -> Found? {
        first(summaries, title: \.info.title, line: "本年支出合计", column: column) { $0.totalExpenditure }
            ?? first(expenseTables(.expenseByFunction), title: \.info.title, line: "合计", column: column) {
                $0.totalRow?.total
            }
    }

    /// 本年收入合计 in `column`, from the 收支总表s.
    public func totalIncome(_ column: AmountColumn) -> Found? {
        first(summaries, title: \.info.title, line: "本年收入合计", column: column) { $0.totalIncome }
    }

    /// 年末结转和结余 (决算数).
    public var carryoverEnd: Found? {
        first(summaries, title: \.info.title, line: "年末结转和结余", column: .actual) { $0.carryoverEnd }
    }

    /// 年初结转和结余 (决算数), else the facts sheet's 上年末结转和结余.
    public var carryoverStart: Found? {
        if let found = first(summaries, title: \.info.title, line: "年初结转和结余", column: .actual, { $0.carryoverStart }) {
            return found
        }
        return department.facts?.priorYearCarryover.map { Found(figure: $0, label: "部门基本情况 上年末结转和结余") }
    }

    /// 公用经费 in `column`: the 基本支出表's 公用经费 total, else its 302 + 310 rows.
    public func officeCost(_ column: AmountColumn) -> Found? {
        if let found = first(basicTables, title: \.info.title, line: "公用经费合计", column: column, { $0.totalRow?.officeCost }) {
            return found
        }
        for table in basicTables {
            let parts = table.rows.filter {
                $0.code?.level == .class && $0.code?.basicExpenseGroup == .officeCost
            }.compactMap { $0.total[column] }
            if !parts.isEmpty {
                return Found(
                    figure: Figure(parts.map(\.value).sum(), at: parts.first?.source),
                    label: "\(table.info.title) 302+310 \(Self.columnName(column))")
            }
        }
        return nil
    }

    /// "三公"经费 合计 in `column` (the parts summed when the table states no 合计).
    public func threePublic(_ column: AmountColumn) -> Found? {
        for table in threePublicTables {
            if let figure = table.total[column] {
                return Found(figure: figure, label: "\(table.info.title) 合计 \(Self.columnName(column))")
            }
            let cars = table.officialCars.subtotal[column].map { [$0] }
                ?? [table.officialCars.purchase[column], table.officialCars.operation[column]].compactMap { $0 }
            let parts = [table.overseasTravel[column], table.reception[column]].compactMap { $0 } + cars
            if !parts.isEmpty {
                return Found(
                    figure: Figure(parts.map(\.value).sum(), at: parts.first?.source),
                    label: "\(table.info.title) 出国+车辆+接待 \(Self.columnName(column))")
            }
        }
        return nil
    }

    /// 年度预算资金 rows of the department frame: label and amounts, merged across tables column by column.
    public var fundsRows: [(label: String, amounts: Amounts)] {
        func merged(_ candidates: [Amounts]) -> Amounts {
            var result = Amounts.empty
            for column in AmountColumn.allCases {
                result[column] = candidates.lazy.compactMap { $0[column] }.first
            }
            return result
        }
        let expense = expenseTables(.expenseByFunction)
        let total = merged(summaries.map(\.totalExpenditure) + expense.compactMap { $0.totalRow?.total })
        let general = merged(expenseTables(.generalBudgetExpenseByFunction).compactMap { $0.totalRow?.total })
        let fund = merged(expenseTables(.governmentFundExpense).compactMap { $0.totalRow?.total })
        let capital = merged(expenseTables(.stateCapitalExpense).compactMap { $0.totalRow?.total })
        var other = Amounts.empty
        for column in AmountColumn.allCases {
            // Only when every part is stated: a missing table is not taken as zero.
            guard let all = total[column], let g = general[column], let f = fund[column], let c = capital[column]
            else { continue }
            let rest = all.value - g.value - f.value - c.value
            other[column] = Figure(rest, at: nil)
        }
        let basic = merged(expense.compactMap { $0.totalRow?.basicExpenditure })
        let project = merged(expense.compactMap { $0.totalRow?.projectExpenditure })
        return [
            ("年度资金总额", total), ("其中：一般公共预算", general), ("政府性基金预算", fund), ("国有资本经营预算", capital),
            ("其他资金", other), ("其中：基本支出", basic), ("项目支出", project),
        ]
    }
}
