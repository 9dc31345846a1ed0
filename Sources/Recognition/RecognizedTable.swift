import FinanceModel

/// What a column of a recognised table holds: a stable English identifier used in `inspect --json`
/// and in mapping files.
///
/// Forms: `code`, `code.class` / `code.section` / `code.item` (split 类 | 款 | 项 columns), `name`,
/// `lineNumber` (行次), `serial` (序号), `remark`; amounts as `<measure>.<column>` — e.g.
/// `total.actual`, `basicExpenditure.initialBudget`, `reception.adjustedBudget` — where the column is
/// one of `initialBudget` (年初预算数), `adjustedBudget` (全年预算数), `actual` (决算数); a two-sided
/// summary prefixes its columns with `income.` or `expenditure.`; indicators use `indicator.<field>`,
/// department facts `fact.label` / `fact.value` / `fact.unit`.
public struct ColumnRole: RawRepresentable, Hashable, Sendable, Comparable, CustomStringConvertible {
    public var rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public init(_ rawValue: String) { self.rawValue = rawValue }

    public static let code = ColumnRole("code")
    public static let codeClass = ColumnRole("code.class")
    public static let codeSection = ColumnRole("code.section")
    public static let codeItem = ColumnRole("code.item")
    public static let name = ColumnRole("name")
    public static let lineNumber = ColumnRole("lineNumber")
    public static let serial = ColumnRole("serial")
    public static let remark = ColumnRole("remark")
    /// Last year's figures, changes and ratios: shown, not read.
    public static let comparison = ColumnRole("comparison")

    /// `<measure>.<column>`.
    public static func amount(_ measure: String, _ column: AmountColumn) -> ColumnRole {
        ColumnRole("\(measure).\(column.rawValue)")
    }

    /// The measure and amount column of an amount role (`total.actual` → ("total", .actual)), ignoring
    /// an `income.` / `expenditure.` prefix.
    public var amount: (measure: String, column: AmountColumn)? {
        var parts = rawValue.split(separator: ".").map(String.init)
        if parts.first == "income" || parts.first == "expenditure" { parts.removeFirst() }
        guard parts.count == 2, let column = AmountColumn(rawValue: parts[1]) else { return nil }
        return (parts[0], column)
    }

    /// `income` or `expenditure` for a summary column, else nil.
    public var summarySide: String? {
        let first = rawValue.split(separator: ".").first.map(String.init)
        return first == "income" || first == "expenditure" ? first : nil
    }

    /// The role without its `income.` / `expenditure.` prefix.
    public var withoutSide: ColumnRole {
        guard let side = summarySide else { return self }
        return ColumnRole(String(rawValue.dropFirst(side.count + 1)))
    }

    public var description: String { rawValue }
    public static func < (a: ColumnRole, b: ColumnRole) -> Bool { a.rawValue < b.rawValue }
}

/// One column of a recognised table: its role, its flattened header path and its letter.
public struct RecognizedColumn: Hashable, Sendable {
    public var role: ColumnRole
    /// The header cells above the data joined by "/": `决算数/基本支出`.
    public var header: String
    /// Column letters (`C`).
    public var column: String

    public init(role: ColumnRole, header: String, column: String) {
        self.role = role
        self.header = header
        self.column = column
    }
}

/// A table found in a sheet: the typed table plus the layout facts `inspect` reports.
public struct RecognizedTable: Hashable, Sendable {
    public var table: AnyFinanceTable
    /// Header rows, one-based and inclusive (`4...6`); nil for a form-style sheet.
    public var headerRows: ClosedRange<Int>?
    public var columns: [RecognizedColumn]
    /// Number of data rows read (total rows included).
    public var dataRows: Int
    /// One-based row numbers of the 合计 / 总计 rows.
    public var totalRows: [Int]
    /// Readings worth telling the user, e.g. that a bare 预算数 was read as 全年预算数.
    public var notes: [String]

    public init(
        table: AnyFinanceTable, headerRows: ClosedRange<Int>?, columns: [RecognizedColumn], dataRows: Int,
        totalRows: [Int], notes: [String] = []
    ) {
        self.table = table
        self.headerRows = headerRows
        self.columns = columns
        self.dataRows = dataRows
        self.totalRows = totalRows
        self.notes = notes
    }

    public var info: TableInfo { table.info }
    public var kind: TableKind { info.kind }
    public var side: TableSide { info.side }
}
