import FinanceModel

/// 决算无预算: a row with a non-zero 决算数 that no table budgets (no budget figure, or only zeros) —
/// not even at a coarser level — in a spending section where budget figures exist at all, gets a 警告.
/// (Summary lines such as 年末结转和结余 are not budget lines and are left alone.)
public struct FinalWithoutBudgetRule: CheckRule {
    public let name = "决算无预算"

    public init() {}

    public func findings(in context: CheckContext) -> [Finding] {
        let budgeted = Set(context.rows.filter { $0.initialBudget != nil || $0.adjustedBudget != nil }.map(\.section))
        let flagged = context.rows.filter(unbudgeted(in: budgeted))
        return flagged.compactMap { row -> Finding? in
            // A row under another flagged row is covered by that row's warning.
            if let code = row.code,
                flagged.contains(where: { other in
                    other.section == row.section && other.code.map { $0.count < code.count && code.hasPrefix($0) } == true
                })
            {
                return nil
            }
            guard let actual = row.actual, let first = row.contributions[.actual]?.first
            else { return nil }
            let label = row.code.map { "\($0) \(row.name)" } ?? row.name
            return Finding(
                severity: .warning, rule: name,
                message: LocalizedText(
                    zh: "\(row.section.title.zh)“\(label)”有决算数 \(actual) \(context.unit.rawValue)，但预算中没有对应的科目或项目；"
                        + "请核对科目编码或名称是否填错，或说明无预算支出的原因。",
                    en: "\(row.section.title.en) “\(label)” has an actual of \(actual) \(context.unit.englishName) but "
                        + "no budget line; check the code or name, or explain the unbudgeted spending."),
                cells: Term(first, unit: context.unit).citedCells
                    + [AmountColumn.initialBudget, .adjustedBudget].flatMap { column in
                        row.contributions[column]?.first.map { Term($0, unit: context.unit).citedCells } ?? []
                    },
                expected: nil, found: actual.description)
        }
    }

    /// A spending row with a non-zero 决算数 and no budget figure but zeros, not covered by a coarser row.
    private func unbudgeted(in budgeted: Set<ComparisonSection>) -> (ComparisonRow) -> Bool {
        { row in
            let budget = [row.initialBudget, row.adjustedBudget].compactMap { $0 }
            guard row.section.isExpenditure, row.match != .finerThanOtherSide, budgeted.contains(row.section),
                budget.allSatisfy(\.isZero), let actual = row.actual
            else { return false }
            return !actual.isZero
        }
    }
}
