/// Spreadsheet — the format-neutral grid every reader produces and every writer consumes.
///
/// A `Workbook` holds `Sheet`s; a sheet holds sparse `Row`s of `Cell`s addressed by `CellAddress`
/// (A1), plus merged ranges and layout. Values stay as exact text: a number is its decimal text,
/// never a `Double`, so money can be parsed exactly downstream.
///
/// This module must never do I/O, know a file format, or know about finance.

/// The language of messages shown to a person: Chinese first, English on request (`--lang en`).
public enum Language: String, Sendable, Hashable, CaseIterable {
    /// 中文 — the default.
    case zh
    /// English, behind `--lang en`.
    case en
}
