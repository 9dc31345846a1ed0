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

    /// Table pairs `UnitMismatchRule` reports as a whole, and pairs with a table it suspects.
    static func skipsPair(_ context: CheckContext) -> (TableSource, TableSource) -> Bool {
        let pairs = Set(UnitMismatchRule.mismatches(in: context.rows).keys.flatMap { [[$0.first, $0.other], [$0.other, $0.first]] })
        let suspects = UnitMismatchRule.suspects(in: context.rows)
        return { a, b in pairs.contains([a, b]) || suspects.contains(a) || suspects.contains(b) }
    }

    /// Every contribution of each column against the row's first one (another table's only). A
    /// difference that the rows under it fully explain (a 合计 off by exactly what one project is off by)
    /// is not reported again: the finer row's finding names the cells to fix.
    static func disagreements(in row: ComparisonRow, rule: String, context: CheckContext) -> [Finding] {
        var result: [Finding] = []
        let skipped = skipsPair(context)
        let label = row.code.map { "\($0) \(row.name)" } ?? row.name
        for column in AmountColumn.allCases {
            guard let all = row.contributions[column], let first = all.first else { continue }
            var seen: Set<TableSource> = [first.table.source]
            for other in all.dropFirst() where !seen.contains(other.table.source) {
                seen.insert(other.table.source)
                if explained(row, column: column, first: first, other: other, rows: context.rows) { continue }
                if skipped(first.table.source, other.table.source) { continue }
                // A 财政拨款 table by function and an 一般公共预算 one are different tables: pair one fund only.
                if !TotalsBetweenTablesRule.sameFund(first.table, other.table) { continue }
                let subject = LocalizedText(
                    zh: "“\(label)”的\(column.title.zh)在「\(first.table.place)」与「\(other.table.place)」中应一致"
                        + (other.rolledUp ? "（后者为下级科目汇总）" : ""),
                    en: "“\(label)” \(column.title.en) should agree between \(first.table.place) and "
                        + "\(other.table.place)" + (other.rolledUp ? " (the latter summed from finer rows)" : ""))
                let unit = Term.sharedUnit(first, other, else: context.unit)
                let own = unit != context.unit
                let equation = Equation(
                    rule: rule, subject: subject,
                    found: own ? Term(ownUnit: first) : Term(first, unit: context.unit),
                    terms: [own ? Term(ownUnit: other) : Term(other, unit: context.unit)], unit: unit,
                    step: max(first.step, other.step).converted(from: context.unit, to: unit))
                let advice = LocalizedText(
                    zh: "请核对两张表的对应单元格，以正确的数更正另一张表。",
                    en: "Compare the two tables' cells and correct the wrong one.")
                if let finding = equation.finding(context.settings, advice: advice) { result.append(finding) }
            }
        }
        return result
    }

    /// True when the rows directly under `row` differ between the two tables by exactly as much as
    /// `row` does (and by something).
    static func explained(
        _ row: ComparisonRow, column: AmountColumn, first: Contribution, other: Contribution, rows: [ComparisonRow]
    ) -> Bool {
        let section = rows.filter { $0.section == row.section && $0.key != row.key }
        let children: [ComparisonRow]
        if row.isTotal {
            let coded = section.filter { $0.code != nil }
            children = section.filter { candidate in
                guard let code = candidate.code else { return candidate.key.hasPrefix("name:") }
                return !coded.contains { other in
                    guard let ancestor = other.code else { return false }
                    return ancestor.count < code.count && code.hasPrefix(ancestor)
                }
            }
        } else if let code = row.code {
            let below = section.filter { ($0.code?.count ?? 0) > code.count && $0.code?.hasPrefix(code) == true }
            children = below.filter { candidate in
                guard let digits = candidate.code else { return false }
                return !below.contains { other in
                    guard let between = other.code else { return false }
                    return between.count < digits.count && digits.hasPrefix(between)
                }
            }
        } else {
            return false
        }
        var childDifference = Money.zero
        for child in children {
            let figures = child.contributions[column] ?? []
            guard let a = figures.first(where: { $0.table.source == first.table.source }),
                let b = figures.first(where: { $0.table.source == other.table.source })
            else { continue }
            childDifference += a.value - b.value
        }
        return !childDifference.isZero && childDifference == first.value - other.value
    }
}
