import FinanceModel
import Reconciliation

/// The seed department's budget 一般公共预算基本支出表: 301 402.53, 302 286.08, 303 10.27; 合计 698.88 =
/// 人员经费 412.8 + 公用经费 286.08, with named 人员经费 / 公用经费 rows when asked.
enum EconomicTables {
    static let sheet = "一般公共预算基本支出表"

    static func row(_ code: String?, _ name: String, _ amount: String, _ a1: String, role: RowRole = .detail) -> BasicExpenseRow {
        BasicExpenseRow(
            code: code.flatMap { EconomicCode($0) }, name: name, role: role, source: Build.cell("A1", sheet: sheet),
            total: Amounts(initialBudget: Build.figure(amount, a1, sheet: sheet)))
    }

    static func table(
        personnel: String = "412.8", office: String = "286.08", c301: String = "402.53", c303: String = "10.27",
        namedRows: Bool = false, total: String = "698.88"
    ) -> AnyFinanceTable {
        var totalRow = row(nil, "合计", total, "C5", role: .total)
        if !namedRows {
            totalRow.personnelCost = Amounts(initialBudget: Build.figure(personnel, "D5", sheet: sheet))
            totalRow.officeCost = Amounts(initialBudget: Build.figure(office, "E5", sheet: sheet))
        }
        var rows = [totalRow]
        if namedRows { rows.append(row(nil, "人员经费合计", personnel, "C6")) }
        rows += [row("301", "工资福利支出", c301, "C7"), row("303", "对个人和家庭的补助", c303, "C8")]
        if namedRows { rows.append(row(nil, "公用经费合计", office, "C9")) }
        rows += [row("302", "商品和服务支出", "286.08", "C10")]
        return .basicExpenseByEconomic(
            BasicExpenseByEconomicTable(
                info: Build.info(.basicExpenseByEconomic, .budget, title: "一般公共预算基本支出表", sheet: sheet), rows: rows))
    }
}
