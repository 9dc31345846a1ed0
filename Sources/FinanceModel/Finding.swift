/// Findings: what a check rule found, with the cells it read — the common result type of
/// Reconciliation, EvaluationForms and ReportCheck.
///
/// It lives in FinanceModel because all three layers produce findings and all three already depend on
/// FinanceModel, while none may depend on another's siblings (DESIGN.md: no layer reaches two steps).

/// 错误 / 警告 / 提示.
public enum Severity: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    /// 提示 — worth a look (a rounding difference, an execution rate outside 90–110 %).
    case hint
    /// 警告 — probably wrong or incomplete (a 决算 row with no budget, a missing 偏差原因).
    case warning
    /// 错误 — the figures contradict each other beyond tolerance.
    case error

    public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }

    private var rank: Int {
        switch self {
        case .hint: 0
        case .warning: 1
        case .error: 2
        }
    }

    /// 错误 / 警告 / 提示 and error / warning / hint.
    public var label: LocalizedText {
        switch self {
        case .error: LocalizedText(zh: "错误", en: "error")
        case .warning: LocalizedText(zh: "警告", en: "warning")
        case .hint: LocalizedText(zh: "提示", en: "hint")
        }
    }
}

/// A cell a rule read, with the value as it was shown there.
public struct CitedCell: Sendable, Hashable, Codable, CustomStringConvertible {
    public var location: SourceLocation
    /// The value as text ("944.59").
    public var value: String

    public init(_ location: SourceLocation, value: String) {
        self.location = location
        self.value = value
    }

    /// `预算.xlsx › 支出表 › D12 = 944.59`.
    public var description: String { "\(location) = \(value)" }
}

/// One result of a check rule.
public struct Finding: Sendable, Hashable, Codable {
    public var severity: Severity
    /// The rule's stable name, in Chinese as the accountant reads it in `[…]`, e.g. `总计平衡`, `得分超过分值`.
    public var rule: String
    /// What is wrong and what to do, in Chinese and English.
    public var message: LocalizedText
    /// The cells the rule read.
    public var cells: [CitedCell]
    /// The expected value as shown ("1297.24"), when the rule compares values.
    public var expected: String?
    /// The value found ("1297.23").
    public var found: String?

    public init(
        severity: Severity, rule: String, message: LocalizedText, cells: [CitedCell] = [], expected: String? = nil,
        found: String? = nil
    ) {
        self.severity = severity
        self.rule = rule
        self.message = message
        self.cells = cells
        self.expected = expected
        self.found = found
    }

    /// `错误 [summary.grandTotalBalance] 总计不平衡…（预算.xlsx › 总表 › B20 = 1297.23）`, compiler-style.
    public func text(english: Bool) -> String {
        var line = "\(severity.label.text(english: english)) [\(rule)] \(message.text(english: english))"
        if let expected, let found {
            line += english ? " (expected \(expected), found \(found))" : "（应为 \(expected)，实为 \(found)）"
        }
        if !cells.isEmpty {
            line += english ? " — cells: " : " — 单元格："
            line += cells.map(\.description).joined(separator: english ? "; " : "；")
        }
        return line
    }
}
