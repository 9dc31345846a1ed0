import FinanceModel
import Spreadsheet

/// Findings as compiler-style text (`check`, `reconcile`): one line per finding led by the first cell
/// it read, then the cells with their values, indented:
///
/// ```
/// 决算.xlsx › 收入支出决算总表 › C32: 提示 [总计平衡] 收入方总计应等于支出方总计：相差 0.01 万元，…（应为 1297.23，实为 1297.24）
///     决算.xlsx › 收入支出决算总表 › C32 = 1297.24
///     决算.xlsx › 收入支出决算总表 › F32 = 1297.23
/// ```
///
/// Colour (ANSI) only when asked — the command asks when stdout is a terminal.
public struct FindingPrinter: Sendable {
    public var language: Language
    public var colour: Bool

    public init(language: Language = .zh, colour: Bool = false) {
        self.language = language
        self.colour = colour
    }

    private var english: Bool { language == .en }

    /// The text of one finding, ending in a newline.
    public func text(_ finding: Finding) -> String {
        let place = finding.cells.first.map { $0.location.description } ?? "—"
        let label = finding.severity.label.text(english: english)
        var line = "\(place): \(paint(label, finding.severity)) [\(finding.rule)] \(finding.message.text(english: english))"
        if let expected = finding.expected, let found = finding.found {
            line += english ? " (expected \(expected), found \(found))" : "（应为 \(expected)，实为 \(found)）"
        }
        var out = line + "\n"
        if finding.cells.count > 1 {
            for cell in finding.cells { out += "    \(cell.location) = \(cell.value)\n" }
        }
        return out
    }

    /// Every finding, then a summary line ("2 个错误，0 个警告，5 个提示").
    public func text(_ findings: [Finding]) -> String {
        findings.map(text).joined() + summary(findings)
    }

    /// "共 1 个错误、0 个警告、3 个提示。" / "1 error, 0 warnings, 3 hints."
    public func summary(_ findings: [Finding]) -> String {
        let errors = findings.filter { $0.severity == .error }.count
        let warnings = findings.filter { $0.severity == .warning }.count
        let hints = findings.filter { $0.severity == .hint }.count
        if english {
            return "\(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s"), "
                + "\(hints) hint\(hints == 1 ? "" : "s").\n"
        }
        return "共 \(errors) 个错误、\(warnings) 个警告、\(hints) 个提示。\n"
    }

    private func paint(_ text: String, _ severity: Severity) -> String {
        guard colour else { return text }
        let code = switch severity {
        case .error: "1;31"
        case .warning: "1;33"
        case .hint: "1;36"
        }
        return "\u{1B}[\(code)m\(text)\u{1B}[0m"
    }
}
