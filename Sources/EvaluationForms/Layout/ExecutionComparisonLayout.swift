import FinanceModel
public import Reconciliation
public import Spreadsheet

/// 预算执行情况对照表: the reconciler's aligned rows, section by section — 年初预算数, 全年预算数, 决算数,
/// 差额, 执行率, the rule that matched the row and the cells every figure came from.
public enum ExecutionComparisonLayout {
    public static let sheetName = "预算执行情况对照表"

    public static func sheet(_ comparison: ExecutionComparison, year: Int?) -> Sheet {
        var grid = FormGrid(name: sheetName)
        grid.widths([12, 30, 14, 14, 14, 14, 10, 10, 60])
        grid.merge(0...0, 0...8, sheetName, FormStyles.title)
        grid.merge(
            1...1, 0...8, (year.map { "（\($0)年度）" } ?? "") + "单位：\(comparison.unit.rawValue)　执行率 = 决算数 ÷ 全年预算数；没有全年预算数时 ÷ 年初预算数，匹配方式注明“按年初”",
            FormStyles.subtitle)
        let headers = ["科目编码", "科目名称 / 项目", "年初预算数", "全年预算数", "决算数", "差额", "执行率", "匹配方式", "数据来源"]
        for (c, h) in headers.enumerated() { grid.put(2, c, h, FormStyles.header) }
        var r = 3
        for section in ComparisonSection.allCases {
            let rows = comparison.rows(in: section)
            guard !rows.isEmpty else { continue }
            grid.merge(r...r, 0...8, section.title.zh, FormStyles.label)
            r += 1
            for row in rows {
                grid.put(r, 0, row.code ?? "", FormStyles.centered)
                grid.put(r, 1, row.isTotal ? "合计" : row.name, FormStyles.text)
                grid.amount(r, 2, row.initialBudget.map { Figure($0, at: nil) })
                grid.amount(r, 3, row.adjustedBudget.map { Figure($0, at: nil) })
                grid.amount(r, 4, row.actual.map { Figure($0, at: nil) })
                grid.amount(r, 5, row.difference.map { Figure($0, at: nil) })
                if let rate = row.executionRate, section.isExpenditure {
                    grid.put(r, 6, FormValue.rate(rate), FormStyles.rate)
                } else {
                    grid.put(r, 6, "—", FormStyles.centered)
                }
                var match = row.match.label.zh
                if row.budgetBasis == .initialBudget, row.actual != nil { match += "（按年初）" }
                grid.put(r, 7, match, FormStyles.centered)
                grid.put(r, 8, sources(row), FormStyles.note)
                r += 1
            }
        }
        if r == 3 { grid.merge(3...3, 0...8, "没有可对照的预算、决算数据。", FormStyles.centered) }
        grid.sheet.layout.frozenAt = CellAddress(row: 3, column: 0)
        grid.sheet.layout.print = FormStyles.print(landscape: true, repeatRows: 2...2)
        return grid.finished()
    }

    static func sources(_ row: ComparisonRow) -> String {
        AmountColumn.allCases.compactMap { column -> String? in
            let cells = row.sources(of: column)
            guard !cells.isEmpty else { return nil }
            return DepartmentFigures.columnName(column) + "：" + cells.map(\.description).joined(separator: "、")
        }.joined(separator: "；")
    }
}
