import FinanceModel

/// 合计=基本+项目: in an expenditure table by 功能分类, every row's 合计 = 基本支出 + 项目支出 (+ the other
/// parts of 合计 the table shows: 单位预留机动经费, 上缴上级支出, 经营支出, 对附属单位补助支出), for every
/// amount column the table fills (a blank part counts as zero when another part is given).
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
                    var parts = [row.basicExpenditure[column], row.projectExpenditure[column]].compactMap { $0 }
                    guard !parts.isEmpty else { return nil }
                    let others = Self.otherParts.filter { row.otherParts[$0.measure]?[column] != nil }
                    parts += others.compactMap { row.otherParts[$0.measure]?[column] }
                    let label = row.code.map { "\($0) \(row.name)" } ?? row.name
                    return Equation(
                        rule: name,
                        subject: LocalizedText(
                            zh: "\(t.info.displayTitle)“\(label)”行（\(column.title.zh)）合计应等于基本支出 + 项目支出"
                                + others.map { " + " + $0.title.zh }.joined(),
                            en: "\(t.info.displayTitle), row “\(label)” (\(column.title.en)): the total should equal "
                                + "basic + project expenditure" + others.map { " + " + $0.title.en }.joined()),
                        found: Term(total), terms: parts.map(Term.init), unit: unit, step: RoundingStep.step(of: table)
                    ).finding(context.settings)
                }
            }
        }
    }

    /// The other parts of 合计, in the order the national tables print them.
    static let otherParts: [(measure: String, title: LocalizedText)] = [
        ("reserveFund", LocalizedText(zh: "单位预留机动经费", en: "reserve fund")),
        ("payableToSuperior", LocalizedText(zh: "上缴上级支出", en: "payments to the superior")),
        ("operatingExpenditure", LocalizedText(zh: "经营支出", en: "operating expenditure")),
        ("affiliatedUnitSubsidy", LocalizedText(zh: "对附属单位补助支出", en: "subsidies to affiliated units")),
    ]
}
