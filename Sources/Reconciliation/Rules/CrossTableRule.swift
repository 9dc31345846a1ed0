import FinanceModel

/// 表间一致: when two tables give a figure for the same aligned row and column (a budget workbook and
/// a 'both' table, a 万元 table and its 元 copy, a 项-level table rolled up against a 类-level one), the
/// figures agree. Projects are left to 项目金额矛盾.
public struct CrossTableRule: CheckRule {
    public let name = "表间一致"

    public init() {}

    public func findings(in context: CheckContext) -> [Finding] {
        context.rows.filter { $0.section != .projects }.flatMap { row in
            Self.disagreements(in: row, rule: name, context: context)
        }
    }

    /// Every contribution of each column against the row's first one (another table's only).
    static func disagreements(in row: ComparisonRow, rule: String, context: CheckContext) -> [Finding] {
        var result: [Finding] = []
        let label = row.code.map { "\($0) \(row.name)" } ?? row.name
        for column in AmountColumn.allCases {
            guard let all = row.contributions[column], let first = all.first else { continue }
            var seen: Set<TableSource> = [first.table.source]
            for other in all.dropFirst() where !seen.contains(other.table.source) {
                seen.insert(other.table.source)
                let subject = LocalizedText(
                    zh: "“\(label)”的\(column.title.zh)在「\(first.table.place)」与「\(other.table.place)」中应一致"
                        + (other.rolledUp ? "（后者为下级科目汇总）" : ""),
                    en: "“\(label)” \(column.title.en) should agree between \(first.table.place) and "
                        + "\(other.table.place)" + (other.rolledUp ? " (the latter summed from finer rows)" : ""))
                let equation = Equation(
                    rule: rule, subject: subject, found: Term(first, unit: context.unit),
                    terms: [Term(other, unit: context.unit)], unit: context.unit,
                    toleranceUnit: first.unit.coarser(other.unit))
                let advice = LocalizedText(
                    zh: "请核对两张表的对应单元格，以正确的数更正另一张表。",
                    en: "Compare the two tables' cells and correct the wrong one.")
                if let finding = equation.finding(context.settings, advice: advice) { result.append(finding) }
            }
        }
        return result
    }
}
