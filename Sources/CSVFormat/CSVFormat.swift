/// CSVFormat — reads and writes delimited text (RFC 4180) into and out of the `Spreadsheet` grid.
///
/// It detects the encoding (UTF-8, UTF-8/UTF-16 BOMs, GB18030/GBK through the C library's iconv,
/// Windows-1252) and the delimiter. It must never alter a field's text, and never know about finance.
///
/// Entry points: `CSVReader` (whole file into a `Sheet`, or row by row), `CSVWriter` (streaming,
/// atomic), `CSVTypeInference` (the rules by which a CSV field becomes a workbook value).
/// No C type appears in the public API; iconv stays inside this module.
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

    /// Parses a user's spelling (`--input-encoding`): the raw values plus common aliases such as
    /// `utf8`, `gbk`, `gb2312`, `cp936`, `cp1252`, `latin1`, `utf-16` (little-endian), case-insensitive.
    public init?(name: String) {
        let key = String(name.lowercased().map { $0 == "_" ? "-" : $0 })
        if let e = TextEncoding(rawValue: key) { self = e; return }
        switch key {
        case "utf8": self = .utf8
        case "utf-8-sig", "utf8-bom", "utf8bom", "utf-8bom": self = .utf8BOM
        case "gbk", "gb2312", "cp936", "gb-18030", "936": self = .gb18030
        case "cp1252", "windows1252", "latin1", "latin-1", "iso-8859-1", "1252": self = .windows1252
        case "utf-16", "utf16", "utf16le", "ucs-2": self = .utf16LE
        case "utf16be": self = .utf16BE
        default: return nil
        }
    }
}

/// How to read a CSV file. Nil fields are detected.
public struct CSVReadOptions: Sendable, Hashable {
    /// The input encoding; nil detects it (BOM, UTF-8, GB18030, Windows-1252).
    public var encoding: TextEncoding?
    /// The delimiter byte (`,` tab `;` `|` `:` or any ASCII byte except quote, CR, LF); nil sniffs it.
    public var delimiter: UInt8?
    /// Longest field, in UTF-8 bytes (as the XLSX reader's string cap): a quote that never closes
    /// stops here instead of swallowing the file.
    public var maxFieldBytes: Int
    /// Most fields in one record: a sheet's 16,384 columns.
    public var maxFields: Int
    /// Longest record, in UTF-8 bytes: what one streamed record may hold in memory.
    public var maxRecordBytes: Int
    /// Most records and fields in the whole file (as the XLSX reader's cells per sheet); an empty
    /// record counts as one.
    public var maxCells: Int

    public init(encoding: TextEncoding? = nil, delimiter: UInt8? = nil, maxFieldBytes: Int = 1 << 20,
                maxFields: Int = 16_384, maxRecordBytes: Int = 64 << 20, maxCells: Int = 100_000_000) {
        self.encoding = encoding
        self.delimiter = delimiter
        self.maxFieldBytes = maxFieldBytes
        self.maxFields = maxFields
        self.maxRecordBytes = maxRecordBytes
        self.maxCells = maxCells
    }

    var parserLimits: CSVParser.Limits {
        CSVParser.Limits(maxFieldBytes: maxFieldBytes, maxFields: maxFields, maxRecordBytes: maxRecordBytes)
    }
}

/// The encoding and delimiter a CSV was read with.
public struct CSVDialect: Sendable, Hashable {
    public var encoding: TextEncoding
    /// The delimiter as text: `","`, `"\t"`, `";"`, `"|"` or `":"`.
    public var delimiter: String

    public init(encoding: TextEncoding, delimiter: String) {
        self.encoding = encoding
        self.delimiter = delimiter
    }
}

/// A whole CSV read into a sheet.
public struct CSVReadResult: Sendable, Hashable {
    /// One row per record from index 0 (an empty line is a row with no cells); every field,
    /// empty ones included, is a `.text` cell holding exactly the field's text, so ragged rows stay
    /// ragged. The sheet is named after the file.
    public var sheet: Sheet
    public var encoding: TextEncoding
    /// The delimiter as text: `","`, `"\t"`, `";"`, `"|"` or `":"`.
    public var delimiter: String

    public init(sheet: Sheet, encoding: TextEncoding, delimiter: String) {
        self.sheet = sheet
        self.encoding = encoding
        self.delimiter = delimiter
    }
}
