import FinanceModel
import Spreadsheet

/// Everything known about a table before its rows are read; the builders (one file per kind) read
/// the rows through it.
struct TableContext {
    let grid: Grid
    let layout: HeaderLayout
    let titleBlock: TitleBlock
    let kind: TableKind
    var assignment: ColumnAssignment
    let vocabulary: Vocabulary

    var roles: [Int: ColumnRole] { assignment.roles }

    /// The first column with a role.
    func column(_ role: ColumnRole) -> Int? {
        roles.filter { $0.value == role }.keys.min()
    }

    /// Every column whose role passes `filter`, left to right.
    func columns(where filter: (ColumnRole) -> Bool) -> [Int] {
        roles.filter { filter($0.value) }.keys.sorted()
    }

    /// The unit the table is written in (元 when the title block names none — `notes` says so).
    var unit: MoneyUnit { titleBlock.unit ?? .yuan }

    func info(unit: MoneyUnit? = nil, side: TableSide? = nil) -> TableInfo {
        let lastRow = layout.dataRows.last ?? layout.headerRows.upperBound
        let range = CellRange(
            CellAddress(row: min(titleBlock.firstRow, layout.headerRows.lowerBound), column: layout.firstColumn),
            CellAddress(row: lastRow, column: max(layout.lastColumn, layout.firstColumn)))
        var info = TableInfo(
            kind: kind, side: side ?? assignment.side, unit: unit ?? self.unit, title: titleBlock.title,
            preparedBy: titleBlock.preparedBy, year: titleBlock.year, tableCode: titleBlock.tableCode,
            scope: TitleBlock.scope(title: titleBlock.title, sheetName: grid.sheetName, fileName: grid.file),
            source: TableSource(file: grid.file, sheet: grid.sheetName, range: range.description))
        info.yearFromName = titleBlock.yearSource != nil
        return info
    }

    /// The table with its layout facts for `inspect`.
    func recognized(_ table: AnyFinanceTable, totalRows: [Int], extraNotes: [String] = []) -> RecognizedTable {
        var notes = assignment.notes + extraNotes
        if titleBlock.unit == nil, kind.carriesAmounts {
            notes.append("未找到单位行，金额按元读取 / no unit line found; amounts read as 元")
        }
        if let note = titleBlock.yearNote { notes.append(note) }
        let columns = roles.keys.sorted().compactMap { column -> RecognizedColumn? in
            guard let role = roles[column] else { return nil }
            return RecognizedColumn(
                role: role, header: layout.header(column), column: CellAddress.columnName(column))
        }
        return RecognizedTable(
            table: table,
            headerRows: (layout.headerRows.lowerBound + 1)...(layout.headerRows.upperBound + 1),
            columns: columns, dataRows: layout.dataRows.count, totalRows: totalRows.map { $0 + 1 }, notes: notes)
    }

    /// The label a row is known by: its name cell, else its code cell, else its first text.
    func rowLabel(_ row: Int, nameColumn: Int?, codeColumn: Int? = nil) -> String {
        if let nameColumn, case let t = grid.text(row, nameColumn), !t.isEmpty { return t }
        if let codeColumn, case let t = grid.text(row, codeColumn), !t.isEmpty { return t }
        return grid.texts(ofRow: row).first?.text ?? ""
    }

    func build() throws(RecognitionError) -> RecognizedTable {
        switch kind {
        case .expenseByFunction, .generalBudgetExpenseByFunction, .governmentFundExpense, .stateCapitalExpense:
            return try FunctionTableBuilder.expense(self)
        case .incomeByFunction:
            return try FunctionTableBuilder.income(self)
        case .incomeExpenseSummary, .fiscalIncomeExpenseSummary:
            return try SummaryBuilder.build(self)
        case .basicExpenseByEconomic:
            return try BasicExpenseBuilder.build(self)
        case .threePublic:
            return try ThreePublicBuilder.build(self)
        case .projectFunds:
            return try ProjectListBuilder.funds(self)
        case .projectIndicators:
            return try ProjectListBuilder.indicators(self)
        case .departmentFacts:
            return try FactsBuilder.build(self)
        case .projectForm:
            return try ProjectFormReader.read(grid, vocabulary: vocabulary)
        }
    }

    /// Every amount column with its measure and amount column, left to right (computed once per table,
    /// not per row).
    var amountColumns: [(column: Int, measure: String, amount: AmountColumn)] {
        roles.keys.sorted().compactMap { column in
            roles[column]?.amount.map { (column, $0.measure, $0.column) }
        }
    }

    /// Throws `missingColumns` when none of the columns has a role passing `filter`.
    func require(_ what: String, _ filter: (ColumnRole) -> Bool) throws(RecognitionError) {
        guard !columns(where: filter).isEmpty else {
            throw RecognitionError(
                .missingColumns(
                    kind: kind, missing: [what], found: layout.headerTexts,
                    headerRows: (layout.headerRows.lowerBound + 1)...(layout.headerRows.upperBound + 1)),
                at: grid.location(layout.headerRows.lowerBound, layout.firstColumn))
        }
    }
}

extension TableKind {
    /// Whether the table's cells are money (indicators and facts are mostly not).
    var carriesAmounts: Bool {
        switch self {
        case .projectIndicators, .departmentFacts, .projectForm: false
        default: true
        }
    }
}
