import FinanceModel

/// 预算执行情况对照表 (`ExecutionComparison`): the aligned rows of every table group, each with its
/// 年初预算数, 全年预算数, 决算数, 差额, 执行率, the rule that matched it and the cell of every figure,
/// plus the findings of the check rules.
public struct ExecutionComparison: Sendable, Hashable {
    /// The unit every amount below is in (万元 by default).
    public var unit: MoneyUnit
    /// The aligned rows, section by section, in table order within a section.
    public var rows: [ComparisonRow]
    /// What the check rules found, most severe first, then by cell.
    public var findings: [Finding]

    public init(unit: MoneyUnit, rows: [ComparisonRow], findings: [Finding]) {
        self.unit = unit
        self.rows = rows
        self.findings = findings
    }

    /// The rows of one section.
    public func rows(in section: ComparisonSection) -> [ComparisonRow] { rows.filter { $0.section == section } }

    /// The department's expenditure total: the 合计 row of 部门支出 (or, failing that, of 一般公共预算支出,
    /// or the summary's 本年支出合计).
    public var totalRow: ComparisonRow? {
        let candidates: [(ComparisonSection, String)] = [
            (.expenseByFunction, ComparisonRow.totalKey), (.generalBudgetExpenseByFunction, ComparisonRow.totalKey),
            (.incomeExpenseSummary, SummaryField.totalExpenditure.rawValue),
        ]
        for (section, key) in candidates {
            if let row = rows.first(where: { $0.section == section && $0.key == key }) { return row }
        }
        return nil
    }

    /// How many findings of a severity.
    public func count(of severity: Severity) -> Int { findings.filter { $0.severity == severity }.count }

    /// The most severe finding's severity, nil when there is none.
    public var worstSeverity: Severity? { findings.map(\.severity).max() }
}

/// The table groups the comparison aligns separately (one section of the 对照表 each).
public enum ComparisonSection: String, Sendable, Hashable, Codable, CaseIterable {
    /// 收支总表.
    case incomeExpenseSummary
    /// 财政拨款收支总表.
    case fiscalIncomeExpenseSummary
    /// 收入 by 功能分类.
    case incomeByFunction
    /// 部门支出 by 功能分类.
    case expenseByFunction
    /// 一般公共预算支出 by 功能分类.
    case generalBudgetExpenseByFunction
    /// 政府性基金预算支出.
    case governmentFundExpense
    /// 国有资本经营预算支出.
    case stateCapitalExpense
    /// 基本支出 by 经济分类.
    case basicExpenseByEconomic
    /// "三公"经费.
    case threePublic
    /// 项目支出.
    case projects

    /// The section for a table kind; nil for kinds that hold no comparable amounts.
    public init?(kind: TableKind) {
        switch kind {
        case .incomeExpenseSummary: self = .incomeExpenseSummary
        case .fiscalIncomeExpenseSummary: self = .fiscalIncomeExpenseSummary
        case .incomeByFunction: self = .incomeByFunction
        case .expenseByFunction: self = .expenseByFunction
        case .generalBudgetExpenseByFunction: self = .generalBudgetExpenseByFunction
        case .governmentFundExpense: self = .governmentFundExpense
        case .stateCapitalExpense: self = .stateCapitalExpense
        case .basicExpenseByEconomic: self = .basicExpenseByEconomic
        case .threePublic: self = .threePublic
        case .projectFunds, .projectForm: self = .projects
        case .projectIndicators, .departmentFacts: return nil
        }
    }

    /// The section heading in the 对照表.
    public var title: LocalizedText {
        switch self {
        case .incomeExpenseSummary: LocalizedText(zh: "收支总表", en: "Income and expenditure summary")
        case .fiscalIncomeExpenseSummary:
            LocalizedText(zh: "财政拨款收支总表", en: "Fiscal appropriation summary")
        case .incomeByFunction: LocalizedText(zh: "收入（功能分类）", en: "Income by function")
        case .expenseByFunction: LocalizedText(zh: "支出（功能分类）", en: "Expenditure by function")
        case .generalBudgetExpenseByFunction:
            LocalizedText(zh: "一般公共预算支出（功能分类）", en: "General budget expenditure by function")
        case .governmentFundExpense: LocalizedText(zh: "政府性基金预算支出", en: "Government fund expenditure")
        case .stateCapitalExpense: LocalizedText(zh: "国有资本经营预算支出", en: "State capital expenditure")
        case .basicExpenseByEconomic: LocalizedText(zh: "基本支出（经济分类）", en: "Basic expenditure by economic class")
        case .threePublic: LocalizedText(zh: "“三公”经费", en: "Three public expenses")
        case .projects: LocalizedText(zh: "项目支出", en: "Projects")
        }
    }

    /// Sections whose rows are spending, so an execution rate means something.
    public var isExpenditure: Bool {
        switch self {
        case .expenseByFunction, .generalBudgetExpenseByFunction, .governmentFundExpense, .stateCapitalExpense,
            .basicExpenseByEconomic, .threePublic, .projects:
            true
        case .incomeExpenseSummary, .fiscalIncomeExpenseSummary, .incomeByFunction: false
        }
    }
}

/// Which rule aligned a row's budget and final-accounts figures (匹配方式).
public enum MatchRule: String, Sendable, Hashable, Codable, CaseIterable {
    /// Same subject code on both sides (编码).
    case code
    /// Same normalised name (名称).
    case name
    /// One side's finer rows summed up to this code (汇总：项→款/类).
    case rolledUp
    /// Both sides come from one table that holds 预算数 beside 决算数 (同表).
    case sameTable
    /// The 合计 / 总计 rows of the tables (合计行).
    case total
    /// A named line of a fixed-layout table (总表栏目, 三公经费项目).
    case field
    /// A finer row than the other side shows; its parent is aligned (明细：对方较粗).
    case finerThanOtherSide
    /// Only budget figures (仅预算).
    case budgetOnly
    /// Only final-accounts figures (仅决算).
    case finalAccountsOnly

    /// 编码 / 名称 / 汇总 / 同表 / 合计行 / 栏目 / 明细 / 仅预算 / 仅决算.
    public var label: LocalizedText {
        switch self {
        case .code: LocalizedText(zh: "编码", en: "code")
        case .name: LocalizedText(zh: "名称", en: "name")
        case .rolledUp: LocalizedText(zh: "汇总", en: "rolled up")
        case .sameTable: LocalizedText(zh: "同表", en: "same table")
        case .total: LocalizedText(zh: "合计行", en: "total row")
        case .field: LocalizedText(zh: "栏目", en: "line")
        case .finerThanOtherSide: LocalizedText(zh: "明细", en: "detail")
        case .budgetOnly: LocalizedText(zh: "仅预算", en: "budget only")
        case .finalAccountsOnly: LocalizedText(zh: "仅决算", en: "final accounts only")
        }
    }
}
