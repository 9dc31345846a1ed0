import FinanceModel

/// Reads tables by 功能分类: expenditure (合计 / 基本支出 / 项目支出) and income (合计 / by source).
enum FunctionTableBuilder {
    /// One row's code, name and whether it is a 合计 row.
    struct RowHead {
        var code: FunctionCode?
        var name: String
        var role: RowRole
        var source: SourceLocation?
        /// A split code printed without a leading zero (`204 | 6 | 1`): its 提示.
        var leadingZeroHint: Finding?
    }

    static func expense(_ t: TableContext) throws(RecognitionError) -> RecognizedTable {
        try t.require("合计/基本支出/项目支出 金额列") { $0.amount != nil }
        var rows: [ExpenseByFunctionRow] = []
        var totals: [Int] = []
        var zeroHint: Finding?
        let amounts = t.amountColumns
        let heads = HeadColumns(t)
        for r in t.layout.dataRows {
            guard let head = rowHead(t, r, heads) else { continue }
            if zeroHint == nil { zeroHint = head.leadingZeroHint }
            var row = ExpenseByFunctionRow(code: head.code, name: head.name, role: head.role, source: head.source)
            for (column, measure, amountColumn) in amounts {
                guard let figure = try t.grid.figure(r, column) else { continue }
                switch measure {
                case "total": set(&row.total, amountColumn, figure)
                case "basicExpenditure": set(&row.basicExpenditure, amountColumn, figure)
                case "projectExpenditure": set(&row.projectExpenditure, amountColumn, figure)
                case _ where ExpenseByFunctionRow.otherPartMeasures.contains(measure):
                    var part = row.otherParts[measure] ?? .empty
                    set(&part, amountColumn, figure)
                    row.otherParts[measure] = part
                default: continue
                }
            }
            if head.code == nil, head.role == .detail, row.total.isEmpty, row.basicExpenditure.isEmpty,
               row.projectExpenditure.isEmpty, row.otherParts.isEmpty { continue }
            if head.role == .total { totals.append(r) }
            rows.append(row)
        }
        var table = ExpenseByFunctionTable(info: t.info(), rows: rows)
        table.info.readingHints = zeroHint.map { [$0] }
        return t.recognized(
            .expenseByFunction(table), totalRows: totals)
    }

    static func income(_ t: TableContext) throws(RecognitionError) -> RecognizedTable {
        try t.require("本年收入合计/财政拨款收入 金额列") { $0.amount != nil }
        var rows: [IncomeByFunctionRow] = []
        var totals: [Int] = []
        var zeroHint: Finding?
        let amounts = t.amountColumns
        let heads = HeadColumns(t)
        for r in t.layout.dataRows {
            guard let head = rowHead(t, r, heads) else { continue }
            if zeroHint == nil { zeroHint = head.leadingZeroHint }
            var row = IncomeByFunctionRow(code: head.code, name: head.name, role: head.role, source: head.source)
            for (column, measure, amountColumn) in amounts {
                guard let figure = try t.grid.figure(r, column) else { continue }
                if measure == "total" {
                    set(&row.total, amountColumn, figure)
                } else if let source = IncomeSource(rawValue: measure) {
                    var amounts = row.bySource[source] ?? .empty
                    set(&amounts, amountColumn, figure)
                    row.bySource[source] = amounts
                }
            }
            if head.code == nil, head.role == .detail, row.total.isEmpty, row.bySource.isEmpty { continue }
            if head.role == .total { totals.append(r) }
            rows.append(row)
        }
        var table = IncomeByFunctionTable(info: t.info(), rows: rows)
        table.info.readingHints = zeroHint.map { [$0] }
        return t.recognized(
            .incomeByFunction(table), totalRows: totals)
    }

    /// The columns a row's code and name are read from, looked up once per table.
    struct HeadColumns {
        var name, code, codeClass, codeSection, codeItem: Int?
        init(_ t: TableContext) {
            name = t.column(.name)
            code = t.column(.code)
            codeClass = t.column(.codeClass)
            codeSection = t.column(.codeSection)
            codeItem = t.column(.codeItem)
        }
    }

    /// Code (joined or split 类 | 款 | 项), name and role of a data row; nil for a row with nothing to read.
    static func rowHead(_ t: TableContext, _ r: Int, _ columns: HeadColumns) -> RowHead? {
        let grid = t.grid
        let nameColumn = columns.name
        var code: FunctionCode?
        var codeText = ""
        var codeColumn: Int?
        var zeroHint: Finding?
        if let joined = columns.code {
            codeColumn = joined
            let parsed = CodeReading.joined(grid.text(r, joined), as: FunctionCode.self)
            code = parsed.code
            codeText = parsed.rest
        } else if let classColumn = columns.codeClass {
            codeColumn = classColumn
            let parts = [columns.codeClass, columns.codeSection, columns.codeItem].map { c in
                c.map { grid.text(r, $0) } ?? ""
            }
            code = CodeReading.split(parts, as: FunctionCode.self)
            if code == nil { codeText = parts.joined() }
            if let code, CodeReading.lacksLeadingZero(parts) {
                zeroHint = CodeReading.leadingZeroHint(at: grid.location(r, classColumn), parts: parts, code: code.digits)
            }
        }
        var name = nameColumn.map { grid.text(r, $0) } ?? ""
        if codeColumn == nil, !name.isEmpty {
            // No code column: "2011301 行政运行" or "2011301行政运行" in the name cell.
            let parsed = CodeReading.joined(name, as: FunctionCode.self)
            if let found = parsed.code, !parsed.rest.isEmpty {
                code = found
                name = parsed.rest
            }
        }
        if name.isEmpty { name = codeText }
        var role: RowRole = code == nil && t.vocabulary.isTotalLabel(name) ? .total : .detail
        if name.isEmpty, code == nil, let first = grid.texts(ofRow: r).first {
            if nameColumn == nil, codeColumn == nil, HeaderLayout.isNumeric(grid, r, first.column) {
                // A table without code or name columns (合计 | 基本支出 | 项目支出 over one line of figures):
                // the line is the table's 合计, named by its row, never by its amount.
                name = "合计"
                role = .total
            } else {
                name = first.text
                role = t.vocabulary.isTotalLabel(name) ? .total : .detail
            }
        }
        guard code != nil || !name.isEmpty else { return nil }
        let sourceColumn = nameColumn.flatMap { grid.text(r, $0).isEmpty ? nil : $0 } ?? codeColumn
            ?? grid.texts(ofRow: r).first?.column ?? 0
        return RowHead(
            code: code, name: name, role: role, source: grid.location(r, sourceColumn), leadingZeroHint: zeroHint)
    }

    /// Sets an amount once: a second column of the same role does not overwrite the first.
    static func set(_ amounts: inout Amounts, _ column: AmountColumn, _ figure: Figure) {
        if amounts[column] == nil { amounts[column] = figure }
    }
}

extension ExpenseByFunctionRow {
    /// The measures read into `otherParts`: columns that are part of 合计 besides 基本支出 and 项目支出.
    static let otherPartMeasures: Set<String> = [
        "reserveFund", "payableToSuperior", "operatingExpenditure", "affiliatedUnitSubsidy",
    ]
}
