/// Tables by 功能分类: expenditure (合计 / 基本支出 / 项目支出) and income (合计 / by source).

/// Whether a row is a detail row or a 合计/总计 row the table states itself.
public enum RowRole: String, Sendable, Hashable, Codable {
    /// A row with its own code or name.
    case detail
    /// A 合计 / 总计 row.
    case total
}

/// 部门支出总表 / 支出决算表 / 一般公共预算支出表 …: one row per 功能分类 code (类, 款 and 项 rows all kept,
/// as the table shows them), with 合计, 基本支出 and 项目支出 columns, each possibly with 年初预算数,
/// 全年预算数 and 决算数.
public struct ExpenseByFunctionTable: FinanceTable {
    public var info: TableInfo
    public var rows: [ExpenseByFunctionRow]

    public init(info: TableInfo, rows: [ExpenseByFunctionRow]) {
        self.info = info
        self.rows = rows
    }

    /// The 合计 row the table states, if any.
    public var totalRow: ExpenseByFunctionRow? { rows.first { $0.role == .total } }

    /// The row for a code, if the table has one.
    public func row(for code: FunctionCode) -> ExpenseByFunctionRow? { rows.first { $0.code == code } }

    public func normalised(to unit: Unit) -> ExpenseByFunctionTable {
        var copy = self
        copy.info.unit = unit
        copy.rows = rows.map { row in
            var converted = row
            converted.total = row.total.converted(from: info.unit, to: unit)
            converted.basicExpenditure = row.basicExpenditure.converted(from: info.unit, to: unit)
            converted.projectExpenditure = row.projectExpenditure.converted(from: info.unit, to: unit)
            converted.otherParts = row.otherParts.mapValues { $0.converted(from: info.unit, to: unit) }
            return converted
        }
        return copy
    }
}

/// One row of an expenditure table by 功能分类.
public struct ExpenseByFunctionRow: Sendable, Hashable, Codable {
    /// 科目编码; nil on a 合计 row or a row with a name only.
    public var code: FunctionCode?
    /// 科目名称 as written.
    public var name: String
    public var role: RowRole
    /// The cell of the name (or of the code when there is no name).
    public var source: SourceLocation?
    /// 合计 / 本年支出合计.
    public var total: Amounts
    /// 基本支出.
    public var basicExpenditure: Amounts
    /// 项目支出.
    public var projectExpenditure: Amounts
    /// The other parts of 合计 the table shows, by measure: `reserveFund` (单位预留机动经费),
    /// `payableToSuperior` (上缴上级支出), `operatingExpenditure` (经营支出), `affiliatedUnitSubsidy`
    /// (对附属单位补助支出). 合计 = 基本支出 + 项目支出 + these.
    public var otherParts: [String: Amounts]

    public init(
        code: FunctionCode?, name: String, role: RowRole = .detail, source: SourceLocation?,
        total: Amounts = .empty, basicExpenditure: Amounts = .empty, projectExpenditure: Amounts = .empty,
        otherParts: [String: Amounts] = [:]
    ) {
        self.otherParts = otherParts
        self.code = code
        self.name = name
        self.role = role
        self.source = source
        self.total = total
        self.basicExpenditure = basicExpenditure
        self.projectExpenditure = projectExpenditure
    }
}

/// Where income comes from: the columns of 部门收入总表 / 收入决算表.
///
/// A coding key too, so `[IncomeSource: Amounts]` encodes as a JSON object keyed by these names.
public enum IncomeSource: String, Sendable, Hashable, Codable, CodingKeyRepresentable, CaseIterable {
    /// 财政拨款（补助）收入.
    case fiscalAppropriation
    /// 上年结转 (in budget income tables).
    case carryover
    /// 上级补助收入.
    case superiorSubsidy
    /// 事业收入.
    case serviceIncome
    /// 经营收入.
    case operatingIncome
    /// 附属单位上缴收入.
    case affiliatedUnitIncome
    /// 其他收入.
    case otherIncome

    /// The column's name as a 收入表 heads it (财政拨款收入 …), for messages.
    public var title: LocalizedText {
        switch self {
        case .fiscalAppropriation: LocalizedText(zh: "财政拨款收入", en: "fiscal appropriation")
        case .carryover: LocalizedText(zh: "上年结转", en: "carry-over from last year")
        case .superiorSubsidy: LocalizedText(zh: "上级补助收入", en: "subsidy from the superior")
        case .serviceIncome: LocalizedText(zh: "事业收入", en: "service income")
        case .operatingIncome: LocalizedText(zh: "经营收入", en: "operating income")
        case .affiliatedUnitIncome: LocalizedText(zh: "附属单位上缴收入", en: "income from affiliated units")
        case .otherIncome: LocalizedText(zh: "其他收入", en: "other income")
        }
    }
}

/// 部门收入总表 / 收入决算表: one row per 功能分类 code with 合计 and income-source columns.
public struct IncomeByFunctionTable: FinanceTable {
    public var info: TableInfo
    public var rows: [IncomeByFunctionRow]

    public init(info: TableInfo, rows: [IncomeByFunctionRow]) {
        self.info = info
        self.rows = rows
    }

    /// The 合计 row the table states, if any.
    public var totalRow: IncomeByFunctionRow? { rows.first { $0.role == .total } }

    public func normalised(to unit: Unit) -> IncomeByFunctionTable {
        var copy = self
        copy.info.unit = unit
        copy.rows = rows.map { row in
            var converted = row
            converted.total = row.total.converted(from: info.unit, to: unit)
            converted.bySource = row.bySource.mapValues { $0.converted(from: info.unit, to: unit) }
            return converted
        }
        return copy
    }
}

/// One row of an income table by 功能分类.
public struct IncomeByFunctionRow: Sendable, Hashable, Codable {
    public var code: FunctionCode?
    public var name: String
    public var role: RowRole
    public var source: SourceLocation?
    /// 合计 / 本年收入合计.
    public var total: Amounts
    /// The source columns the table has.
    public var bySource: [IncomeSource: Amounts]

    public init(
        code: FunctionCode?, name: String, role: RowRole = .detail, source: SourceLocation?,
        total: Amounts = .empty, bySource: [IncomeSource: Amounts] = [:]
    ) {
        self.code = code
        self.name = name
        self.role = role
        self.source = source
        self.total = total
        self.bySource = bySource
    }
}
