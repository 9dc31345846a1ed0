import EvaluationForms
import FinanceModel
import Reconciliation
import Spreadsheet

/// The 预算执行情况对照表 as `reconcile -o` writes it: the XLSX holds the very sheets `forms` puts in its
/// workbook (`ExecutionComparisonLayout`, `FindingsLayout`: one layout of each); the CSV is the plain rows with
/// exact amounts. It only builds cells; the writers write them.
public enum ComparisonSheet {
    /// The workbook for `comparison`: 预算执行情况对照表 and 检查结果.
    public static func workbook(_ comparison: ExecutionComparison, year: Int?) -> Workbook {
        Workbook(sheets: [
            ExecutionComparisonLayout.sheet(comparison, year: year), FindingsLayout.sheet(comparison.findings),
        ])
    }

    /// The header of the 对照表 columns.
    static func header(_ english: Bool) -> [String] {
        english
            ? ["Code", "Name", "Initial budget", "Adjusted budget", "Actual", "Difference", "Execution rate", "Match",
                "Sources"]
            : ["科目编码", "科目（项目）名称", "年初预算数", "全年预算数", "决算数", "差额", "执行率", "匹配方式", "数据来源"]
    }

    /// "年初：预算.xlsx › 支出表 › C9；决算：…" — every figure's cells.
    static func sourcesText(_ row: ComparisonRow, english: Bool) -> String {
        AmountColumn.allCases.compactMap { column -> String? in
            let cells = row.sources(of: column)
            guard !cells.isEmpty else { return nil }
            let label = column.title.text(english: english)
            return "\(label)\(english ? ": " : "：")" + cells.map(\.description).joined(separator: english ? " + " : " + ")
        }.joined(separator: english ? "; " : "；")
    }

    /// The CSV form (`-o 对照表.csv`): one header line, then one line per row with exact amounts.
    public static func csvRows(_ comparison: ExecutionComparison, language: Language = .zh) -> [[String]] {
        let english = language == .en
        let head = [english ? "Section" : "分组"] + header(english)
        return [head]
            + comparison.rows.map { row in
                [
                    row.section.title.text(english: english), row.code ?? "", row.name,
                    row.initialBudget?.description ?? "", row.adjustedBudget?.description ?? "", row.actual?.description ?? "",
                    row.difference?.description ?? "", row.executionRate?.formatted(decimals: 4) ?? "",
                    row.match.label.text(english: english), sourcesText(row, english: english),
                ]
            }
    }
}
