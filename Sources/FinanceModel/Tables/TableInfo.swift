/// What every recognised table carries besides its rows: what it is, which side of the year it shows,
/// its unit, its title block and where it was found.

/// The kind of a table, a stable English identifier used in `inspect --json` and the README.
public enum TableKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// 部门收支总表 / 收入支出决算总表.
    case incomeExpenseSummary
    /// 财政拨款收支总表 / 财政拨款收入支出决算总表.
    case fiscalIncomeExpenseSummary
    /// 部门收入总表 / 收入决算表 (by 功能分类, columns by source).
    case incomeByFunction
    /// 部门支出总表 / 支出决算表 (by 功能分类, 合计 / 基本支出 / 项目支出).
    case expenseByFunction
    /// 一般公共预算支出表 / 一般公共预算财政拨款支出决算表 (by 功能分类).
    case generalBudgetExpenseByFunction
    /// 一般公共预算基本支出表 / 一般公共预算财政拨款基本支出决算表 (by 经济分类, 人员经费 / 公用经费).
    case basicExpenseByEconomic
    /// "三公"经费支出表 / 财政拨款"三公"经费支出决算表.
    case threePublic
    /// 政府性基金预算（财政拨款）支出表.
    case governmentFundExpense
    /// 国有资本经营预算（财政拨款）支出表.
    case stateCapitalExpense
    /// Project list with funds: 项目名称 | 年初预算数 | 全年预算数 | 全年执行数 | 当年财政拨款 | 上年结转资金 | 其他资金.
    case projectFunds
    /// Project indicators, one row per indicator.
    case projectIndicators
    /// One 项目支出绩效自评表 in the national layout.
    case projectForm
    /// Department facts: 编制数, 实有在职人数, 年度总体目标, fixed assets, last year's figures.
    case departmentFacts

    /// The kind as messages name it (收支总表 …); the raw value is for `--mapping` and JSON only.
    public var title: LocalizedText {
        switch self {
        case .incomeExpenseSummary: LocalizedText(zh: "收支总表", en: "income and expenditure summary")
        case .fiscalIncomeExpenseSummary: LocalizedText(zh: "财政拨款收支总表", en: "fiscal appropriation summary")
        case .incomeByFunction: LocalizedText(zh: "收入总表（按功能分类）", en: "income by function")
        case .expenseByFunction: LocalizedText(zh: "支出总表（按功能分类）", en: "expenditure by function")
        case .generalBudgetExpenseByFunction:
            LocalizedText(zh: "一般公共预算支出表（按功能分类）", en: "general budget expenditure by function")
        case .basicExpenseByEconomic: LocalizedText(zh: "基本支出表（按经济分类）", en: "basic expenditure by economic class")
        case .threePublic: LocalizedText(zh: "“三公”经费表", en: "three public expenses")
        case .governmentFundExpense: LocalizedText(zh: "政府性基金预算支出表", en: "government fund expenditure")
        case .stateCapitalExpense: LocalizedText(zh: "国有资本经营预算支出表", en: "state capital expenditure")
        case .projectFunds: LocalizedText(zh: "项目支出表", en: "project funds")
        case .projectIndicators: LocalizedText(zh: "项目绩效指标表", en: "project indicators")
        case .projectForm: LocalizedText(zh: "项目支出绩效自评表", en: "project self-evaluation form")
        case .departmentFacts: LocalizedText(zh: "部门基本情况表", en: "department facts")
        }
    }
}

/// Which side of the year a table shows.
public enum TableSide: String, Sendable, Hashable, Codable, CaseIterable {
    /// 预算 — the budget only.
    case budget
    /// 决算 — final accounts only.
    case finalAccounts
    /// Both: 年初预算数 or 全年预算数 beside 决算数.
    case both
}

/// Whose publication a table belongs to: a 部门 (the department with all its units) or one 单位
/// (the bureau itself). The two legitimately differ and are never compared with each other.
public enum TableScope: String, Sendable, Hashable, Codable, CaseIterable {
    /// 部门预算 / 部门决算 (the default).
    case department
    /// 单位预算 / 预算单位 / 单位决算.
    case unit
}

/// Where a table was found: file, sheet (nil for a CSV) and its cell range in A1 form.
public struct TableSource: Sendable, Hashable, Codable, CustomStringConvertible {
    public var file: String
    public var sheet: String?
    /// `A1:H40`, the title block included.
    public var range: String?

    public init(file: String, sheet: String?, range: String?) {
        self.file = file
        self.sheet = sheet
        self.range = range
    }

    /// `预算.xlsx › 支出表 › A1:H40`.
    public var description: String {
        ([file] + (sheet.map { [$0] } ?? []) + (range.map { [$0] } ?? [])).joined(separator: " › ")
    }
}

/// The title block and identity of a table.
public struct TableInfo: Sendable, Hashable, Codable {
    public var kind: TableKind
    public var side: TableSide
    /// The unit the amounts are written in (单位：万元).
    public var unit: Unit
    /// The title as written ("2020年部门支出总表").
    public var title: String
    /// 编制单位 / 编制部门, when the title block names it.
    public var preparedBy: String?
    /// The year named in the title block (2020).
    public var year: Int?
    /// The table code at the right of the title block (`公开01表`, `财决01表`), when present.
    public var tableCode: String?
    /// 部门 or 单位 publication: from the title, else the sheet name, else the file name.
    public var scope: TableScope
    /// Whether `year` was read from the sheet or file name because the title block names none; a year in
    /// the content of another table of the same file then wins over it when tables are grouped.
    public var yearFromName = false
    public var source: TableSource
    /// 提示 the reading itself gives, each at its cell (a split code printed without its leading zero):
    /// recognition fills them, the check reports them as they are.
    public var readingHints: [Finding]?

    public init(
        kind: TableKind, side: TableSide, unit: Unit, title: String, preparedBy: String? = nil,
        year: Int? = nil, tableCode: String? = nil, scope: TableScope = .department, source: TableSource
    ) {
        self.kind = kind
        self.side = side
        self.unit = unit
        self.title = title
        self.preparedBy = preparedBy
        self.year = year
        self.tableCode = tableCode
        self.scope = scope
        self.source = source
    }
}

/// A typed table: its info and rows, convertible to another unit as a whole.
public protocol FinanceTable: Sendable, Hashable, Codable {
    var info: TableInfo { get set }
    /// The same table with every amount converted exactly to `unit` (and `info.unit` set to it).
    func normalised(to unit: Unit) -> Self
}
