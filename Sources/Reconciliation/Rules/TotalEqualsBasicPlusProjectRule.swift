import FinanceModel

/// 合计=基本+项目: in an expenditure table by 功能分类, every row's 合计 = 基本支出 + 项目支出, for
/// every amount column the table fills (a blank part counts as zero when the other part is given).
public struct TotalEqualsBasicPlusProjectRule: CheckRule {
    public let name = "合计=基本+项目"

    public init() {}

    public func findings(in context: CheckContext) -> [Finding] {
        context.tables.flatMap { table -> [Finding] in
            guard case .expenseByFunction(let t) = table else { return [] }
            let unit = t.info.unit
            return t.rows.flatMap { row in
                AmountColumn.allCases.compactMap { column -> Finding? in
                    guard let total = row.total[column] else { return nil }
                    let parts = [row.basicExpenditure[column], row.projectExpenditure[column]].compactMap { $0 }
                    guard !parts.isEmpty else { return nil }
                    let label = row.code.map { "\($0) \(row.name)" } ?? row.name
                    return Equation(
                        rule: name,
                        subject: LocalizedText(
                            zh: "\(t.info.displayTitle)“\(label)”行（\(column.title.zh)）合计应等于基本支出 + 项目支出",
                            en: "\(t.info.displayTitle), row “\(label)” (\(column.title.en)): the total should equal "
                                + "basic + project expenditure"),
                        found: Term(total), terms: parts.map(Term.init), unit: unit, step: RoundingStep.step(of: table)
                    ).finding(context.settings)
                }
            }
        }
    }
}
