import FinanceModel

/// The `--json` documents of `reconcile` and `check`: amounts as exact decimal strings in the
/// comparison unit, rates rounded half-up to 4 decimals, null for a missing figure, severity
/// `error` / `warning` / `hint`, cells as `file › sheet › A1`.
extension ExecutionComparison {
    /// `{"unit", "rows", "findings", "totals"}`.
    public func jsonDocument(english: Bool = false) -> OrderedJSON {
        .object([
            ("unit", .string(unit.rawValue)),
            ("rows", .array(rows.map(\.json))),
            ("findings", .array(findings.map { $0.json(english: english) })),
            ("totals", totalsJSON),
        ])
    }

    /// `{"findings": [...]}`, the document of `check --json`.
    public static func findingsDocument(_ findings: [Finding], english: Bool = false) -> OrderedJSON {
        .object([("findings", .array(findings.map { $0.json(english: english) }))])
    }

    private var totalsJSON: OrderedJSON {
        let total = totalRow
        return .object([
            ("initialBudget", .string(total?.initialBudget?.description)),
            ("adjustedBudget", .string(total?.adjustedBudget?.description)),
            ("actual", .string(total?.actual?.description)),
            ("difference", .string(total?.difference?.description)),
            ("executionRate", .string(total?.executionRate?.formatted(decimals: 4))),
            ("errors", .number(count(of: .error))),
            ("warnings", .number(count(of: .warning))),
            ("hints", .number(count(of: .hint))),
        ])
    }
}

extension ComparisonRow {
    /// One row of the `rows` array.
    public var json: OrderedJSON {
        var sources: [(String, OrderedJSON)] = []
        for column in AmountColumn.allCases {
            let cells = self.sources(of: column).map(\.description)
            guard !cells.isEmpty else { continue }
            sources.append((column.rawValue, cells.count == 1 ? .string(cells[0]) : .array(cells.map { .string($0) })))
        }
        return .object([
            ("section", .string(section.rawValue)),
            ("code", .string(code)),
            ("name", .string(name)),
            ("initialBudget", .string(initialBudget?.description)),
            ("adjustedBudget", .string(adjustedBudget?.description)),
            ("actual", .string(actual?.description)),
            ("difference", .string(difference?.description)),
            ("executionRate", .string(executionRate?.formatted(decimals: 4))),
            ("match", .string(match.rawValue)),
            ("sources", .object(sources)),
        ])
    }
}

extension Finding {
    /// One finding of a `findings` array.
    public func json(english: Bool = false) -> OrderedJSON {
        .object([
            ("severity", .string(severity.rawValue)),
            ("rule", .string(rule)),
            ("message", .string(message.text(english: english))),
            ("cells", .array(cells.map { .string($0.location.description) })),
            ("expected", .string(expected)),
            ("found", .string(found)),
        ])
    }
}
