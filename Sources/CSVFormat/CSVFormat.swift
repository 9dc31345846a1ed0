/// CSVFormat — reads and writes delimited text (RFC 4180) into and out of the `Spreadsheet` grid.
///
/// It detects the encoding (UTF-8, UTF-8/UTF-16 BOMs, GB18030/GBK through the C library's iconv,
/// Windows-1252) and the delimiter. It must never alter a field's text, and never know about finance.
public import Spreadsheet

/// The text encodings CSVFormat reads and writes.
public enum TextEncoding: String, Sendable, Hashable, CaseIterable {
    case utf8 = "utf-8"
    case utf8BOM = "utf-8-bom"
    case utf16LE = "utf-16le"
    case utf16BE = "utf-16be"
    /// GB18030, a superset of GBK and GB2312: what Chinese Excel saves CSV as.
    case gb18030
    case windows1252 = "windows-1252"
}
