/// What a cell holds, kept as exact text wherever a file stores text.
public enum CellValue: Hashable, Sendable {
    /// No value (a missing cell, or one with only a style).
    case empty
    /// A string, exactly as stored.
    case text(String)
    /// A number as plain decimal text (`1234.56`, `-0.001`, `5`): no exponent, no thousands
    /// separators, never passed through `Double` by the model.
    case number(String)
    /// `TRUE` / `FALSE`.
    case boolean(Bool)
    /// A calendar date, a date and time, or a time of day.
    case date(LocalDateTime)
    /// An error value such as `#DIV/0!` or `#N/A`.
    case error(String)

    /// The text a faithful CSV export shows: numbers as plain decimals, dates in ISO 8601,
    /// booleans `TRUE`/`FALSE`, errors as their code, empty as "".
    public var csvText: String {
        switch self {
        case .empty: return ""
        case .text(let s): return s
        case .number(let s): return s
        case .boolean(let b): return b ? "TRUE" : "FALSE"
        case .date(let d): return d.iso8601
        case .error(let e): return e
        }
    }

    /// Whether the value is `.empty` or an empty string.
    public var isBlank: Bool {
        switch self {
        case .empty: return true
        case .text(let s): return s.isEmpty
        default: return false
        }
    }
}
