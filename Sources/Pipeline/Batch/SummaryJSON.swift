import FinanceModel

/// `汇总.json`: `{"departments": [{"department", "preparedBy", "year", "files", "status", "reason",
/// "budgetExecutionRate", "totalScore", "grade", "errors", "warnings", "hints"}]}`, keys in that order.
///
/// `files` is `[{"file": name, "roles": ["budget", …]}]` (roles as `FileRole` raw values);
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
    static func quote(_ s: String) -> String {
        var out = "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where u.value < 0x20:
                let hex = String(u.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(u)
            }
        }
        return out + "\""
    }
}
