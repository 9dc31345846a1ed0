public import FinanceModel
public import Reconciliation

/// A finding about the report: the shared `Finding` plus where in the text it is.
///
/// JSON (`--json`): the fields `check` prints (`severity`, `rule`, `message`, `cells`, `expected`,
/// `found`) and `file`, `paragraph`, `line`, `sentence`, `section`, and `related` — the other sentences
/// the finding compares, each with `paragraph`, `line`, `sentence`, `section`. `cells` holds the table
/// cell on the other side when a table was compared.
public struct ReportFinding: Sendable, Hashable {
    public var finding: Finding
    /// The sentence the finding is about.
    public var location: TextLocation
    /// The other sentences it compares (the first statement of a figure stated twice).
    public var related: [TextLocation]

    public init(_ finding: Finding, at location: TextLocation, related: [TextLocation] = []) {
        self.finding = finding
        self.location = location
        self.related = related
    }

    public var severity: Severity { finding.severity }

    /// `报告.txt:43（第 31 段）: 提示 [report.partsSum] …「本年支出合计1297.24万元，其中：…」`.
    public func text(english: Bool) -> String {
        var line = (english ? location.englishDescription : location.description) + ": " + finding.text(english: english)
        line += english ? " — “\(location.sentence)”" : " ——「\(location.sentence)」"
        for other in related {
            line += english
                ? "; compare \(other.englishDescription) “\(other.sentence)”"
                : "；对照 \(other.description)「\(other.sentence)」"
        }
        return line
    }

    /// The finding as `check` prints it (`severity`, `rule`, `message`, `cells`, `expected`, `found`), then
    /// `file`, `paragraph`, `line`, `sentence`, `section` and `related`.
    public func json(english: Bool) -> OrderedJSON {
        var members: [(String, OrderedJSON)] = []
        if case .object(let base) = finding.json(english: english) { members = base }
        members += location.jsonMembers
        members.append(("related", .array(related.map { .object(Array($0.jsonMembers.dropFirst())) })))
        return .object(members)
    }
}

extension TextLocation {
    /// `file`, `paragraph`, `line`, `sentence`, `section`.
    var jsonMembers: [(String, OrderedJSON)] {
        [("file", .string(file)), ("paragraph", .number(paragraph)), ("line", .number(line)),
         ("sentence", .string(sentence)), ("section", .string(section))]
    }
}

/// A relation that holds: a sum that adds up, a share that matches, a figure that agrees with its cell.
public struct Confirmation: Sendable, Hashable {
    /// The rule that checked it (`report.partsSum`, `report.percentShare`, `report.netValue`, `report.table`).
    public var rule: String
    /// What holds, e.g. "944.59 = 605.7 + 333.89 + 5".
    public var statement: String
    public var location: TextLocation
    /// The table cells it agrees with, when a table was compared.
    public var cells: [CitedCell]

    public init(rule: String, statement: String, location: TextLocation, cells: [CitedCell] = []) {
        self.rule = rule
        self.statement = statement
        self.location = location
        self.cells = cells
    }

    /// `报告.txt:37（第 25 段）: 核对无误 [report.partsSum] 944.59 = 605.7 + 333.89 + 5`.
    public func text(english: Bool) -> String {
        var line = (english ? location.englishDescription : location.description)
            + (english ? ": confirmed [\(rule)] " : ": 核对无误 [\(rule)] ") + statement
        if !cells.isEmpty { line += (english ? " — cells: " : " — 单元格：") + cells.map(\.description).joined(separator: "; ") }
        return line
    }

    /// `rule`, `statement`, `cells` (as in a finding), then the location members.
    public var json: OrderedJSON {
        .object([("rule", .string(rule)), ("statement", .string(statement)),
                 ("cells", .array(cells.map { .string($0.location.description) }))] + location.jsonMembers)
    }
}

/// Everything the cross-check found: findings (problems) and confirmations (relations that hold).
public struct ReportCheckResult: Sendable, Hashable {
    public var findings: [ReportFinding]
    public var confirmed: [Confirmation]
    /// How many figures with a unit the report holds.
    public var figureCount: Int

    public init(findings: [ReportFinding] = [], confirmed: [Confirmation] = [], figureCount: Int = 0) {
        self.findings = findings
        self.confirmed = confirmed
        self.figureCount = figureCount
    }

    /// `{"findings": [...], "confirmed": [...], "figures": N}` — `findings` in `check`'s shape.
    public func json(english: Bool) -> OrderedJSON {
        .object([
            ("findings", .array(findings.map { $0.json(english: english) })),
            ("confirmed", .array(confirmed.map(\.json))),
            ("figures", .number(figureCount)),
        ])
    }

    /// The most severe finding's severity, nil when there is none.
    public var worstSeverity: Severity? { findings.map(\.severity).max() }
}
