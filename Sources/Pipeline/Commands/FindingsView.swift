import EvaluationForms
import FinanceModel
import Reconciliation

/// The JSON views of findings: every finding carries `"group": {"preparedBy", "year", "scope"}` (null
/// for a finding that belongs to no group, such as the grouping 警告 itself).
enum FindingsView {
    static func json(_ finding: Finding, group: GroupKey?, english: Bool) -> OrderedJSON {
        guard case .object(var members) = finding.json(english: english) else { return finding.json(english: english) }
        members.append(("group", groupJSON(group)))
        return .object(members)
    }

    static func groupJSON(_ key: GroupKey?) -> OrderedJSON {
        guard let key else { return .null }
        return .object([
            ("preparedBy", .string(key.preparedBy)),
            ("year", key.year.map { .number($0) } ?? .null),
            ("scope", .string(key.scope.rawValue)),
        ])
    }

    /// `{"findings": [...]}`, the document of `check --json`.
    static func jsonDocument(_ findings: [Finding], groups: [CheckedGroup], english: Bool) -> String {
        var owner: [Finding: GroupKey] = [:]
        for group in groups { for finding in group.findings where owner[finding] == nil { owner[finding] = group.group.key } }
        return OrderedJSON.object([
            ("findings", .array(findings.map { json($0, group: owner[$0], english: english) })),
        ]).rendered()
    }

    /// `reconcile --json`: the comparison document, findings with their group.
    static func comparisonDocument(_ comparison: ExecutionComparison, group: GroupKey, english: Bool) -> String {
        replacingFindings(comparison.jsonDocument(english: english), comparison.findings, group: group, english: english).rendered()
    }

    /// `forms --json`: the report document, findings with their group.
    static func formsDocument(_ report: FormsReport, group: GroupKey, english: Bool) -> String {
        replacingFindings(report.jsonDocument(english: english), report.findings, group: group, english: english).rendered()
    }

    private static func replacingFindings(_ document: OrderedJSON, _ findings: [Finding], group: GroupKey, english: Bool) -> OrderedJSON {
        guard case .object(let members) = document else { return document }
        return .object(members.map { member in
            member.0 == "findings" ? ("findings", .array(findings.map { json($0, group: group, english: english) })) : member
        })
    }
}
