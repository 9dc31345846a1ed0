public import FinanceModel

/// One diagnostic of a department report: a finding, or a file that could not be used.
public struct BatchReportEntry: Sendable, Hashable {
    public var severity: Severity
    /// Where: the first cell a finding read, or the problem's file/sheet/cell; nil for the department.
    public var location: LocalizedText?
    public var message: LocalizedText
    /// The check rule's name, for findings.
    public var rule: String?
    /// Further cells the rule read (`预算.xlsx › 支出表 › D12 = 944.59`).
    public var notes: [String]

    public init(severity: Severity, location: LocalizedText?, message: LocalizedText, rule: String?, notes: [String]) {
        self.severity = severity
        self.location = location
        self.message = message
        self.rule = rule
        self.notes = notes
    }

    /// A check result: located at its first cell, its other cells as notes.
    public init(_ finding: Finding) {
        var zh = finding.message.zh
        var en = finding.message.en
        if let expected = finding.expected, let found = finding.found {
            zh += "（应为 \(expected)，实为 \(found)）"
            en += " (expected \(expected), found \(found))"
        }
        let first = finding.cells.first
        self.init(
            severity: finding.severity,
            location: first.map { LocalizedText(zh: $0.location.description, en: $0.location.description) },
            message: LocalizedText(zh: zh, en: en), rule: finding.rule,
            notes: finding.cells.map(\.description))
    }

    /// A file that stopped the department: always an 错误.
    public init(_ problem: FileProblem) {
        self.init(severity: .error, location: problem.location, message: problem.detail, rule: nil, notes: [])
    }

    /// `预算.xlsx › 支出表 › D12: 错误: 总计不平衡…（应为 …，实为 …） [rule]`, then one indented line per cell.
    public func lines(department: String, english: Bool) -> [String] {
        let place = location?.text(english: english) ?? department
        var line = "\(place): \(severity.label.text(english: english)): \(message.text(english: english))"
        if let rule { line += " [\(rule)]" }
        let noteLabel = english ? "note" : "注"
        let cellLabel = english ? "cell read" : "读取单元格"
        return [line] + (notes.count > 1 ? notes.map { "    \(noteLabel): \(cellLabel) \($0)" } : [])
    }
}

/// The text of `检查报告.txt`: a header saying how the department was grouped and which file played which
/// role, the outcome, then one compiler-style line per finding (错误 first, then 警告, then 提示).
public enum InspectionReport {
    public static func text(result: DepartmentResult, entries: [BatchReportEntry], english: Bool = false) -> String {
        let e = english
        var out: [String] = []
        out.append(e ? "Check report — \(result.department)" : "检查报告 — \(result.department)")
        out.append((e ? "Grouped by: " : "分组：") + result.grouping.description.text(english: e))
        out.append((e ? "Prepared by (编制单位): " : "编制单位：") + (result.preparedBy ?? (e ? "(not named)" : "（未注明）")))
        out.append((e ? "Year: " : "年度：") + (result.year.map(String.init) ?? (e ? "(not named)" : "（未注明）")))
        out.append(e ? "Files:" : "文件：")
        for file in result.files {
            let roles = file.roles.map { $0.label.text(english: e) }.joined(separator: e ? ", " : "、")
            var line = "  \(file.name): \(roles)"
            if !file.tables.isEmpty {
                line += e ? " (\(file.tables.joined(separator: ", ")))" : "（\(file.tables.joined(separator: "、"))）"
            }
            out.append(line)
        }
        if result.files.isEmpty { out.append(e ? "  (none)" : "  （无）") }
        switch result.status {
        case .ok, .checked:
            out.append((e ? "Status: " : "状态：") + result.status.label.text(english: e))
        case .failed:
            let reason = result.reason?.text(english: e) ?? ""
            out.append((e ? "Status: failed — " : "状态：失败 — ") + reason)
        }
        out.append((e ? "Budget execution rate (预算完成率): " : "预算完成率：") + (result.budgetExecutionRate?.percent() ?? "—"))
        let score = result.totalScore.map { $0.formatted(decimals: 2) } ?? "—"
        out.append((e ? "Total score (总分): " : "总分：") + score + (result.grade.map { e ? " (\($0))" : "（\($0)）" } ?? ""))
        if !result.wroteForms {
            out.append(e ? "自评表.xlsx was not written." : "未生成 自评表.xlsx。")
        }
        out.append(e
            ? "\(result.errors) error(s), \(result.warnings) warning(s), \(result.hints) hint(s)"
            : "错误 \(result.errors) 个，警告 \(result.warnings) 个，提示 \(result.hints) 个")
        out.append("")
        for entry in ordered(entries) {
            out += entry.lines(department: result.department, english: e)
        }
        return out.joined(separator: "\n") + "\n"
    }

    /// 错误, then 警告, then 提示; the pipeline's order within each.
    public static func ordered(_ entries: [BatchReportEntry]) -> [BatchReportEntry] {
        Severity.allCases.reversed().flatMap { severity in entries.filter { $0.severity == severity } }
    }
}
