import FinanceModel
import Reconciliation

/// `汇总.json`: `{"departments": [{"department", "preparedBy", "year", "files", "status", "reason",
/// "budgetExecutionRate", "totalScore", "grade", "errors", "warnings", "hints"}]}`, keys in that order.
///
/// `status` is `ok` (evaluated, forms written), `checked` (已检查: budget or final accounts only — every rule
/// that applies ran, nothing was scored) or `failed` (with its `reason`; 内部错误 when the department's
/// child process trapped). `files` is `[{"file": name, "roles": ["budget", …]}]` (roles as `FileRole` raw values);
/// `budgetExecutionRate` is a fraction with 4 decimals (0.9851), `totalScore` has 2 decimals; a value
/// that could not be computed is `null`; `reason` is Chinese (English with `english`), `null` when ok.
/// Written by hand so the key order and the bytes never change.
public enum SummaryJSON {
    public static func text(_ summary: BatchSummary, english: Bool = false) -> String {
        let items = summary.departments.map { object($0, english: english) }
        if items.isEmpty { return "{\"departments\": []}\n" }
        return "{\"departments\": [\n" + items.map { "  " + $0 }.joined(separator: ",\n") + "\n]}\n"
    }

    static func object(_ r: DepartmentResult, english: Bool) -> String {
        let files = r.files.map { file in
            "{\"file\": \(quote(file.name)), \"roles\": [\(file.roles.map { quote($0.rawValue) }.joined(separator: ", "))]}"
        }
        let fields: [(String, String)] = [
            ("department", quote(r.department)),
            ("preparedBy", r.preparedBy.map(quote) ?? "null"),
            ("year", r.year.map(String.init) ?? "null"),
            ("files", "[" + files.joined(separator: ", ") + "]"),
            ("status", quote(r.status.rawValue)),
            ("reason", r.reason.map { quote($0.text(english: english)) } ?? "null"),
            ("budgetExecutionRate", r.budgetExecutionRate?.formatted(decimals: 4) ?? "null"),
            ("totalScore", r.totalScore?.formatted(decimals: 2) ?? "null"),
            ("grade", r.grade.map(quote) ?? "null"),
            ("errors", String(r.errors)),
            ("warnings", String(r.warnings)),
            ("hints", String(r.hints)),
        ]
        return "{" + fields.map { "\(quote($0.0)): \($0.1)" }.joined(separator: ", ") + "}"
    }

    /// A JSON string literal.
    static func quote(_ s: String) -> String { OrderedJSON.quoted(s) }
}
