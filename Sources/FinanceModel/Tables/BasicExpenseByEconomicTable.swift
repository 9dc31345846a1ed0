/// 一般公共预算基本支出表 / 财政拨款基本支出决算表: 基本支出 by 经济分类, split 人员经费 / 公用经费.
///
/// Checks that read it: 人员经费 = 301 + 303, 公用经费 = 302 + 310, 基本支出 = 人员经费 + 公用经费.
public struct BasicExpenseByEconomicTable: FinanceTable {
    public var info: TableInfo
    public var rows: [BasicExpenseRow]

    public init(info: TableInfo, rows: [BasicExpenseRow]) {
        self.info = info
        self.rows = rows
    }

    /// The 合计 row the table states, if any.
    public var totalRow: BasicExpenseRow? { rows.first { $0.role == .total } }

    /// The row for a code, if the table has one.
    public func row(for code: EconomicCode) -> BasicExpenseRow? { rows.first { $0.code == code } }

    public func normalised(to unit: Unit) -> BasicExpenseByEconomicTable {
        var copy = self
        copy.info.unit = unit
        copy.rows = rows.map { row in
            var converted = row
            converted.total = row.total.converted(from: info.unit, to: unit)
            converted.personnelCost = row.personnelCost.converted(from: info.unit, to: unit)
            converted.officeCost = row.officeCost.converted(from: info.unit, to: unit)
            return converted
        }
        return copy
    }
}

/// One row of the basic-expenditure table.
public struct BasicExpenseRow: Sendable, Hashable, Codable {
    /// 经济分类科目编码; nil on a 合计 row.
    public var code: EconomicCode?
    public var name: String
    public var role: RowRole
    public var source: SourceLocation?
    /// 合计.
    public var total: Amounts
    /// 人员经费 column, when the table has it.
    public var personnelCost: Amounts
    /// 公用经费 column, when the table has it.
    public var officeCost: Amounts

    public init(
        code: EconomicCode?, name: String, role: RowRole = .detail, source: SourceLocation?,
        total: Amounts = .empty, personnelCost: Amounts = .empty, officeCost: Amounts = .empty
    ) {
        self.code = code
        self.name = name
        self.role = role
        self.source = source
        self.total = total
        self.personnelCost = personnelCost
        self.officeCost = officeCost
    }
}
