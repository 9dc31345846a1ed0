import FinanceModel

/// The named lines of a 收支总表 that are not rows by code (总表栏目), as alignment keys.
public enum SummaryField: String, Sendable, Hashable, CaseIterable {
    case totalIncome, nonFiscalBalanceUsed, carryoverStart, grandTotal
    case totalExpenditure, balanceDistribution, carryoverEnd, grandTotalExpenditureSide

    /// 本年收入合计 …
    public var title: LocalizedText {
        switch self {
        case .totalIncome: LocalizedText(zh: "本年收入合计", en: "total income")
        case .nonFiscalBalanceUsed: LocalizedText(zh: "使用非财政拨款结余", en: "non-fiscal balance used")
        case .carryoverStart: LocalizedText(zh: "年初结转和结余", en: "carry-over at start of year")
        case .grandTotal: LocalizedText(zh: "收入总计", en: "grand total (income side)")
        case .totalExpenditure: LocalizedText(zh: "本年支出合计", en: "total expenditure")
        case .balanceDistribution: LocalizedText(zh: "结余分配", en: "balance distribution")
        case .carryoverEnd: LocalizedText(zh: "年末结转和结余", en: "carry-over at end of year")
        case .grandTotalExpenditureSide: LocalizedText(zh: "支出总计", en: "grand total (expenditure side)")
        }
    }

    func amounts(of table: IncomeExpenseSummary) -> Amounts {
        switch self {
        case .totalIncome: table.totalIncome
        case .nonFiscalBalanceUsed: table.nonFiscalBalanceUsed
        case .carryoverStart: table.carryoverStart
        case .grandTotal: table.grandTotal
        case .totalExpenditure: table.totalExpenditure
        case .balanceDistribution: table.balanceDistribution
        case .carryoverEnd: table.carryoverEnd
        case .grandTotalExpenditureSide: table.grandTotalExpenditureSide
        }
    }
}

/// The lines of a "三公" table, as alignment keys.
public enum ThreePublicField: String, Sendable, Hashable, CaseIterable {
    case total, overseasTravel, officialCars, carPurchase, carOperation, reception

    /// 合计 / 因公出国(境)费 …
    public var title: LocalizedText {
        switch self {
        case .total: LocalizedText(zh: "合计", en: "total")
        case .overseasTravel: LocalizedText(zh: "因公出国（境）费", en: "overseas travel")
        case .officialCars: LocalizedText(zh: "公务用车购置及运行费", en: "official cars")
        case .carPurchase: LocalizedText(zh: "公务用车购置费", en: "car purchase")
        case .carOperation: LocalizedText(zh: "公务用车运行维护费", en: "car operation")
        case .reception: LocalizedText(zh: "公务接待费", en: "official reception")
        }
    }

    func amounts(of table: ThreePublicTable) -> Amounts {
        switch self {
        case .total: table.total
        case .overseasTravel: table.overseasTravel
        case .officialCars: table.officialCars.subtotal
        case .carPurchase: table.officialCars.purchase
        case .carOperation: table.officialCars.operation
        case .reception: table.reception
        }
    }
}

/// How a line is keyed for alignment.
enum LineKey: Hashable {
    /// A subject code's digits.
    case code(String)
    /// A fixed line of a fixed-layout table (summary field, 三公 line).
    case field(String)
    /// The 合计 row.
    case total
    /// A line known by its name only.
    case name(String)
}

/// One line of one table as the aligner sees it: key, name and the figures of each column in the
/// table's unit (usually one; two when a 基本支出 total row holds 人员经费 ‖ 公用经费 side by side).
struct TableLine: Hashable {
    var key: LineKey
    var name: String
    var figures: [AmountColumn: [Figure]]
    /// The unit of the figures (a project can carry its own).
    var unit: MoneyUnit

    init(key: LineKey, name: String, amounts: Amounts, unit: MoneyUnit) {
        self.key = key
        self.name = name
        self.unit = unit
        figures = [:]
        for column in AmountColumn.allCases {
            if let figure = amounts[column] { figures[column] = [figure] }
        }
    }

    init(key: LineKey, name: String, figures: [AmountColumn: [Figure]], unit: MoneyUnit) {
        self.key = key
        self.name = name
        self.figures = figures
        self.unit = unit
    }

    var isEmpty: Bool { figures.values.allSatisfy(\.isEmpty) }
}

extension BasicExpenseRow {
    /// The row's figures for a column: its 合计 when the table has one, else its 人员经费 and/or 公用经费
    /// figures (a side-by-side table puts each 经济分类 row in one half; the 合计 row in both).
    func figures(_ column: AmountColumn) -> [Figure] {
        if let total = total[column] { return [total] }
        return [personnelCost[column], officeCost[column]].compactMap { $0 }
    }

    /// The columns the row fills, as figures.
    var allFigures: [AmountColumn: [Figure]] {
        var result: [AmountColumn: [Figure]] = [:]
        for column in AmountColumn.allCases {
            let figures = figures(column)
            if !figures.isEmpty { result[column] = figures }
        }
        return result
    }
}

/// One table's lines for a section.
struct SectionTable: Hashable {
    var index: Int
    var info: TableInfo
    var lines: [TableLine]

    /// The rounding step of the table's figures (see `RoundingStep`), in the table's unit.
    var step: Money { RoundingStep.step(of: lines.flatMap { $0.figures.values.flatMap { $0.map(\.value) } }, unit: info.unit) }

    /// The lines of a table, keyed; nil for tables without comparable amounts.
    init?(index: Int, table: AnyFinanceTable) {
        self.index = index
        info = table.info
        let unit = table.info.unit
        func row(code: (any SubjectCode)?, name: String, role: RowRole, amounts: Amounts) -> TableLine {
            let key: LineKey =
                role == .total ? .total : code.map { .code($0.digits) } ?? .name(NameNormalisation.key(name))
            return TableLine(key: key, name: name, amounts: amounts, unit: unit)
        }
        switch table {
        case .incomeExpenseSummary(let t):
            lines = SummaryField.allCases.compactMap { field in
                let amounts = field.amounts(of: t)
                return amounts.isEmpty
                    ? nil : TableLine(key: .field(field.rawValue), name: field.title.zh, amounts: amounts, unit: unit)
            }
            lines += t.expenditureLines.map { line in
                TableLine(
                    key: line.code.map { .code($0.digits) } ?? .name(NameNormalisation.key(line.name)),
                    name: line.name, amounts: line.amounts, unit: unit)
            }
        case .expenseByFunction(let t):
            lines = t.rows.map { row(code: $0.code, name: $0.name, role: $0.role, amounts: $0.total) }
        case .incomeByFunction(let t):
            lines = t.rows.map { row(code: $0.code, name: $0.name, role: $0.role, amounts: $0.total) }
        case .basicExpenseByEconomic(let t):
            lines = t.rows.map { basic in
                var line = row(code: basic.code, name: basic.name, role: basic.role, amounts: .empty)
                line.figures = basic.allFigures
                return line
            }
        case .threePublic(let t):
            lines = ThreePublicField.allCases.compactMap { field in
                let amounts = field.amounts(of: t)
                return amounts.isEmpty
                    ? nil : TableLine(key: .field(field.rawValue), name: field.title.zh, amounts: amounts, unit: unit)
            }
        case .projectFunds(let t):
            lines = t.projects.map {
                TableLine(key: .name(NameNormalisation.key($0.name)), name: $0.name, amounts: $0.funds.total, unit: $0.unit)
            }
            if let total = t.total, !total.total.isEmpty {
                lines.append(TableLine(key: .total, name: "合计", amounts: total.total, unit: unit))
            }
        case .projectForm(let t):
            let project = t.project
            lines = [
                TableLine(
                    key: .name(NameNormalisation.key(project.name)), name: project.name, amounts: project.funds.total,
                    unit: project.unit)
            ]
        case .projectIndicators, .departmentFacts:
            return nil
        }
        lines.removeAll(where: \.isEmpty)
    }
}
