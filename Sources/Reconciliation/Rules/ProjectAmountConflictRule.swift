import FinanceModel

/// 项目金额矛盾: a project whose figure for the same column differs between two tables (the budget's
/// project list and the project-performance workbook, a list and a form). Both cells are cited.
public struct ProjectAmountConflictRule: CheckRule {
    public let name = "项目金额矛盾"

    public init() {}

    public func findings(in context: CheckContext) -> [Finding] {
        context.rows.filter { $0.section == .projects }.flatMap { row in
            CrossTableRule.disagreements(in: row, rule: name, context: context).map { finding in
                var finding = finding
                guard finding.severity == .error else { return finding }
                finding.message = LocalizedText(
                    zh: "两张表对同一项目的金额互相矛盾：" + finding.message.zh
                        + "请确认哪一个数正确，并统一项目清单与绩效自评材料。",
                    en: "Two tables contradict each other on one project: " + finding.message.en
                        + " Decide which figure is right and make the project list and the evaluation inputs agree.")
                return finding
            }
        }
    }
}
