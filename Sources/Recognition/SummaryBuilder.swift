import FinanceModel

/// Reads 收支总表: an income half and an expenditure half side by side, each with its label column and
/// amount columns; the 本年收入合计 / 年初结转和结余 / 总计 … lines go to their own fields.
enum SummaryBuilder {
    static let incomeFields = ["totalIncome", "nonFiscalBalanceUsed", "carryoverStart", "grandTotal"]
    static let expenditureFields = ["totalExpenditure", "balanceDistribution", "carryoverEnd", "grandTotalExpenditureSide"]

    static func build(_ t: TableContext) throws(RecognitionError) -> RecognizedTable {
        try t.require("收入项目/支出项目 列") { $0.withoutSide == .name }
        try t.require("金额列（预算数/决算数）") { $0.amount != nil }
        var summary = IncomeExpenseSummary(info: t.info())
        var totals: Set<Int> = []
        for side in ["income", "expenditure"] {
            let nameColumn = t.columns(where: { $0.rawValue == "\(side).name" }).first
            guard let nameColumn else { continue }
            let amountColumns = chooseAmountColumns(t, side: side)
            let partColumns = side == "expenditure" ? self.partColumns(t) : []
            let fields = side == "income" ? incomeFields : expenditureFields
            var afterTotal = false
            for r in t.layout.dataRows {
                let label = t.grid.text(r, nameColumn)
                guard !label.isEmpty else { continue }
                var amounts = Amounts()
                for (amountColumn, column) in amountColumns {
                    if let figure = try t.grid.figure(r, column) { amounts[amountColumn] = figure }
                }
                let parts = try self.parts(t, row: r, partColumns)
                if let field = field(label, among: fields, t.vocabulary) {
                    totals.insert(r)
                    afterTotal = afterTotal || field == fields[0]
                    assign(&summary, field, amounts)
                    if !parts.isEmpty {
                        summary.expenditureTotalParts[field] = parts
                        summary.expenditureTotalSources[field] = t.grid.location(r, nameColumn)
                    }
                    continue
                }
                if afterTotal || amounts.isEmpty { continue }
                let line = SummaryLine(
                    name: label, source: t.grid.location(r, nameColumn),
                    code: side == "expenditure" ? classCode(named: label) : nil, amounts: amounts, parts: parts)
                if side == "income" { summary.incomeLines.append(line) } else { summary.expenditureLines.append(line) }
            }
        }
        return t.recognized(.incomeExpenseSummary(summary), totalRows: totals.sorted())
    }

    /// For each amount column (年初 / 全年 / 决算) of a side, the column to read: its 合计 column when the
    /// side splits the amount further (合计 / 一般公共预算 / 政府性基金 …), else the first.
    static func chooseAmountColumns(_ t: TableContext, side: String) -> [(AmountColumn, Int)] {
        var chosen: [AmountColumn: (column: Int, isTotal: Bool)] = [:]
        for column in t.columns(where: { $0.summarySide == side && $0.amount != nil }) {
            guard let (measure, amountColumn) = t.roles[column]?.amount else { continue }
            let isTotal = measure == "total"
            if let existing = chosen[amountColumn], existing.isTotal || !isTotal { continue }
            chosen[amountColumn] = (column, isTotal)
        }
        return chosen.map { ($0.key, $0.value.column) }.sorted { $0.1 < $1.1 }
    }

    /// The expenditure side's columns that split its amount: 基本支出 {人员经费 | 公用经费} | 项目支出.
    static func partColumns(_ t: TableContext) -> [(measure: String, column: AmountColumn, index: Int)] {
        t.columns(where: { $0.summarySide == "expenditure" && $0.amount != nil }).compactMap { index in
            guard let (measure, column) = t.roles[index]?.amount,
                  ["personnelCost", "officeCost", "basicExpenditure", "projectExpenditure"].contains(measure)
            else { return nil }
            return (measure, column, index)
        }
    }

    static func parts(
        _ t: TableContext, row: Int, _ columns: [(measure: String, column: AmountColumn, index: Int)]
    ) throws(RecognitionError) -> [String: Amounts] {
        var result: [String: Amounts] = [:]
        for (measure, column, index) in columns {
            guard let figure = try t.grid.figure(row, index) else { continue }
            var amounts = result[measure] ?? .empty
            FunctionTableBuilder.set(&amounts, column, figure)
            result[measure] = amounts
        }
        return result
    }

    static func field(_ label: String, among fields: [String], _ vocabulary: Vocabulary) -> String? {
        let n = Vocabulary.normalise(label)
        return fields.first { vocabulary.groups["summaryLines"]?[$0]?.contains(n) == true }
    }

    static func assign(_ s: inout IncomeExpenseSummary, _ field: String, _ amounts: Amounts) {
        switch field {
        case "totalIncome": s.totalIncome = amounts
        case "nonFiscalBalanceUsed": s.nonFiscalBalanceUsed = amounts
        case "carryoverStart": s.carryoverStart = amounts
        case "grandTotal": s.grandTotal = amounts
        case "totalExpenditure": s.totalExpenditure = amounts
        case "balanceDistribution": s.balanceDistribution = amounts
        case "carryoverEnd": s.carryoverEnd = amounts
        case "grandTotalExpenditureSide": s.grandTotalExpenditureSide = amounts
        default: break
        }
    }

    /// The 类 code a line like "一、一般公共服务支出" names, when the catalogue knows exactly one.
    static func classCode(named label: String) -> FunctionCode? {
        let name = Vocabulary.normalise(label)
        let codes = SubjectCatalogue.standard.functionCodes(named: name).filter { $0.level == .class }
        return codes.count == 1 ? codes[0] : nil
    }
}
