/// 收支总表: the income/expense summary (部门收支总表, 收入支出决算总表, and the 财政拨款 variants).
///
/// The two sides balance: 总计 = 本年收入合计 + 使用非财政拨款结余 + 年初结转和结余
/// = 本年支出合计 + 结余分配 + 年末结转和结余.
public struct IncomeExpenseSummary: FinanceTable {
    public var info: TableInfo
    /// Income items (财政拨款收入, 上级补助收入, 事业收入 …), in table order.
    public var incomeLines: [SummaryLine]
    /// Expenditure items (by 功能分类 类 or by nature: 基本支出 / 项目支出 …), in table order.
    public var expenditureLines: [SummaryLine]
    /// 本年收入合计.
    public var totalIncome: Amounts
    /// 使用非财政拨款结余 (and 用事业基金弥补收支差额), when the table has the line.
    public var nonFiscalBalanceUsed: Amounts
    /// 年初结转和结余 (上年结转).
    public var carryoverStart: Amounts
    /// 总计 on the income side.
    public var grandTotal: Amounts
    /// 本年支出合计.
    public var totalExpenditure: Amounts
    /// 结余分配, when the table has the line.
    public var balanceDistribution: Amounts
    /// 年末结转和结余.
    public var carryoverEnd: Amounts
    /// 总计 on the expenditure side (equal to `grandTotal` in a balanced table).
    public var grandTotalExpenditureSide: Amounts
    /// The parts the expenditure side's total lines show beside their amount (see `SummaryLine.parts`),
    /// by field name (`totalExpenditure`, `grandTotalExpenditureSide`) and measure; each with its cell.
    public var expenditureTotalParts: [String: [String: Amounts]] = [:]
    /// The cells of the expenditure side's total lines' names, by field name.
    public var expenditureTotalSources: [String: SourceLocation] = [:]

    public init(
        info: TableInfo, incomeLines: [SummaryLine] = [], expenditureLines: [SummaryLine] = [],
        totalIncome: Amounts = .empty, nonFiscalBalanceUsed: Amounts = .empty, carryoverStart: Amounts = .empty,
        grandTotal: Amounts = .empty, totalExpenditure: Amounts = .empty, balanceDistribution: Amounts = .empty,
        carryoverEnd: Amounts = .empty, grandTotalExpenditureSide: Amounts = .empty
    ) {
        self.info = info
        self.incomeLines = incomeLines
        self.expenditureLines = expenditureLines
        self.totalIncome = totalIncome
        self.nonFiscalBalanceUsed = nonFiscalBalanceUsed
        self.carryoverStart = carryoverStart
        self.grandTotal = grandTotal
        self.totalExpenditure = totalExpenditure
        self.balanceDistribution = balanceDistribution
        self.carryoverEnd = carryoverEnd
        self.grandTotalExpenditureSide = grandTotalExpenditureSide
    }

    public func normalised(to unit: Unit) -> IncomeExpenseSummary {
        let from = info.unit
        func convert(_ amounts: Amounts) -> Amounts { amounts.converted(from: from, to: unit) }
        var copy = self
        copy.info.unit = unit
        copy.incomeLines = incomeLines.map { $0.converted(from: from, to: unit) }
        copy.expenditureLines = expenditureLines.map { $0.converted(from: from, to: unit) }
        copy.totalIncome = convert(totalIncome)
        copy.nonFiscalBalanceUsed = convert(nonFiscalBalanceUsed)
        copy.carryoverStart = convert(carryoverStart)
        copy.grandTotal = convert(grandTotal)
        copy.totalExpenditure = convert(totalExpenditure)
        copy.balanceDistribution = convert(balanceDistribution)
        copy.carryoverEnd = convert(carryoverEnd)
        copy.grandTotalExpenditureSide = convert(grandTotalExpenditureSide)
        copy.expenditureTotalParts = expenditureTotalParts.mapValues { $0.mapValues(convert) }
        return copy
    }
}

/// One named line of a summary table (财政拨款收入, 一般公共服务支出 …).
public struct SummaryLine: Sendable, Hashable, Codable {
    /// The name as written, e.g. "一、财政拨款收入".
    public var name: String
    /// The cell of the name.
    public var source: SourceLocation?
    /// The 功能分类 code when the line names one (expenditure lines by 类 often carry it).
    public var code: FunctionCode?
    public var amounts: Amounts
    /// The parts of `amounts` an expenditure line shows beside it, by measure (`personnelCost`,
    /// `officeCost`, `basicExpenditure`, `projectExpenditure`): the 单位预算 总表 prints 合计 | 基本支出
    /// {人员经费 | 公用经费} | 项目支出 on every line.
    public var parts: [String: Amounts]

    public init(
        name: String, source: SourceLocation?, code: FunctionCode? = nil, amounts: Amounts, parts: [String: Amounts] = [:]
    ) {
        self.name = name
        self.source = source
        self.code = code
        self.amounts = amounts
        self.parts = parts
    }

    public func converted(from source: Unit, to target: Unit) -> SummaryLine {
        var copy = self
        copy.amounts = amounts.converted(from: source, to: target)
        copy.parts = parts.mapValues { $0.converted(from: source, to: target) }
        return copy
    }
}
