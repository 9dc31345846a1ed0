import Glibc
public import Spreadsheet

/// How to write a CSV file.
public struct CSVWriteOptions: Sendable, Hashable {
    /// `.utf8` (default), `.utf8BOM` (what Excel on Chinese Windows needs) or `.gb18030`.
    /// UTF-16 and Windows-1252 are refused by `CSVWriter.init`.
    public var encoding: TextEncoding = .utf8
    /// Prefix `'` to text that a spreadsheet would run as a formula (see `CSVWriter.guardFormula`).
    public var guardFormulas: Bool = false
    /// The record terminator; CRLF as Excel writes it.
    public var lineEnding = "\r\n"
    /// The field delimiter.
    public var delimiter: UInt8 = UInt8(ascii: ",")

    public init(encoding: TextEncoding = .utf8, guardFormulas: Bool = false, lineEnding: String = "\r\n",
                delimiter: UInt8 = UInt8(ascii: ",")) {
        self.encoding = encoding
        self.guardFormulas = guardFormulas
        self.lineEnding = lineEnding
        self.delimiter = delimiter
    }
}

/// Writes CSV row by row (RFC 4180, quoting as Python's `csv.QUOTE_MINIMAL`), atomically.
///
/// Rows go to a temporary file in the target's folder; `finish()` renames it into place, so a reader
/// of `path` sees either the previous file or the complete new one, never a partial file. `cancel()`
/// (or dropping the writer unfinished) removes the temporary file. Path `-` writes to standard output.
public final class CSVWriter {
    private let path: String
    private let options: CSVWriteOptions
    private let toStdout: Bool
    private var fd: Int32
    private var tempPath: String?
    private var buffer: [UInt8] = []
    /// The record being built (every write builds it here, then appends it to `buffer`).
    private var record = RowBytes(capacity: 1 << 10)
    /// `write(cells:)`'s cells as texts, handed to `write(text:)`.
    private var cellTexts = RowTextBuilder()
    private let encoder: IconvConverter?
    private let lineEnding: [UInt8]
    private var closed = false

    /// Opens a temporary file beside `path` (or standard output for `-`).
    ///
    /// - Throws: `SpreadsheetError` `.cannotOpen` when the folder is not writable, `.invalidEncoding`
    ///   for an encoding the writer does not produce.
    public init(path: String, options: CSVWriteOptions = .init()) throws(SpreadsheetError) {
        self.path = path
        self.options = options
        lineEnding = Array(options.lineEnding.utf8)
        let location = InputLocation(file: path)
        try CSVReader.checkDelimiter(options.delimiter, file: path)
        switch options.encoding {
        case .utf8, .utf8BOM:
            encoder = nil
        case .gb18030:
            do { encoder = try IconvConverter(from: "UTF-8", to: "GB18030") } catch {
                throw SpreadsheetError(.invalidEncoding(detail: "iconv: GB18030"), at: location)
            }
        case .utf16LE, .utf16BE, .windows1252:
            throw SpreadsheetError(.invalidEncoding(detail: "\(options.encoding.rawValue): utf-8, utf-8-bom, gb18030"),
                                   at: location)
        }
        if path == "-" {
            toStdout = true
            fd = STDOUT_FILENO
        } else {
            toStdout = false
            // Hidden, with the umask's permissions (or the previous file's); see `TemporaryFile`.
            switch TemporaryFile.create(for: path) {
            case .success(let file):
                fd = file.descriptor
                tempPath = file.path
            case .failure(let error):
                throw SpreadsheetError(.cannotOpen(detail: systemErrorText(error.code)), at: location)
            }
        }
        buffer.reserveCapacity(1 << 16)
        if options.encoding == .utf8BOM { buffer.append(contentsOf: [0xEF, 0xBB, 0xBF]) }
    }

    deinit {
        if !closed { cancel() }
        record.deallocate()
        cellTexts.deallocate()
    }

    /// Writes one record. An empty array writes an empty line; `[""]` writes `""` so that it reads back.
    public func write(row: [String]) throws(SpreadsheetError) {
        guard options.guardFormulas else { return try writeUnguarded(row) }
        try writeUnguarded(row.map { Self.needsFormulaGuard($0) ? "'" + $0 : $0 })
    }

    /// Writes one record of cell values (`CellValue.csvText`); the formula guard, when on, applies to
    /// text cells only, so numbers, dates and booleans are never prefixed.
    public func write(values: [CellValue]) throws(SpreadsheetError) {
        let row = values.map { v -> String in
            if options.guardFormulas, case .text(let s) = v, Self.needsFormulaGuard(s) { return "'" + s }
            return v.csvText
        }
        try writeUnguarded(row)
    }

    /// Writes one sheet row from column A: each cell's `CellValue.csvText` in its column and empty
    /// fields in the gaps, exactly as `write(row:)` writes those texts, but straight from the cells'
    /// UTF-8 bytes (no array of field strings). `cells` must be sorted by column, as `Row.cells` is;
    /// the formula guard, when on, applies to text cells only, as in `write(values:)`.
    public func write(cells: [Cell]) throws(SpreadsheetError) {
        cellTexts.removeAll()
        cellTexts.append(cells)
        try write(text: cellTexts.row(index: 0))
    }

    /// Writes one sheet row from column A as `write(cells:)` would write the same cells, from the
    /// cells' texts (`XLSXReader.forEachRowText`): no `Cell` or `String` per field.
    public func write(text row: RowText) throws(SpreadsheetError) {
        try checkOpen()
        var out = record
        out.removeAll()
        let delimiter = options.delimiter
        let cells = row.cells
        if cells.count == 1, cells[0].column == 0, cells[0].count == 0 {
            out.append(0x22)  // as `write(row: [""])`: a lone empty field reads back
            out.append(0x22)
        } else {
            let guardFormulas = options.guardFormulas
            let plainNumbers = !(delimiter == UInt8(ascii: "-") || delimiter == UInt8(ascii: ".")
                                 || delimiter &- UInt8(ascii: "0") < 10)
            var column = 0
            for k in cells.indices {
                let cell = cells[k]
                while column < cell.column {
                    if column > 0 { out.append(delimiter) }
                    column &+= 1
                }
                if column > 0 { out.append(delimiter) }
                column &+= 1
                let text = row.text(cell)
                if cell.kind == .number, plainNumbers {
                    out.append(text)  // digits, '-' and '.': nothing to quote
                } else if guardFormulas, cell.kind == .text, Self.needsFormulaGuard(text) {
                    Self.appendField("'" + String(decoding: text, as: UTF8.self), delimiter: delimiter, to: &out)
                } else {
                    Self.appendField(text, delimiter: delimiter, to: &out)
                }
            }
        }
        try end(out)
    }

    /// Ends the record built in `out` (a copy of `record`, so appending paid no exclusivity check per
    /// field), appends it to the buffer and flushes a full buffer.
    private func end(_ out: RowBytes) throws(SpreadsheetError) {
        var out = out
        lineEnding.withUnsafeBufferPointer { out.append($0) }
        record = out
        buffer.append(contentsOf: out.bytes)
        if buffer.count >= 1 << 16 { try flush() }
    }

    private func checkOpen() throws(SpreadsheetError) {
        guard !closed else {
            throw SpreadsheetError(.other(zh: "写入已结束或已取消的 CSV 文件（程序错误）。请报告此问题。",
                                          en: "write after the CSV writer finished or was cancelled (a bug). Please report it."),
                                   at: InputLocation(file: path))
        }
    }

    private func writeUnguarded(_ row: [String]) throws(SpreadsheetError) {
        try checkOpen()
        var out = record
        out.removeAll()
        if row.count == 1 && row[0].isEmpty {
            out.append(0x22)
            out.append(0x22)
        } else {
            let delimiter = options.delimiter
            for (i, field) in row.enumerated() {
                if i > 0 { out.append(delimiter) }
                Self.appendField(field, delimiter: delimiter, to: &out)
            }
        }
        try end(out)
    }

    /// Whether text would run as a formula in a spreadsheet: it starts with `=`, `+`, `@`, a tab or a
    /// CR, or with `-` followed by anything but a digit or `.`. `-` alone and `-22.83%` are safe.
    public static func needsFormulaGuard(_ text: String) -> Bool {
        needsFormulaGuard(text.utf8)
    }

    /// `needsFormulaGuard` on UTF-8 bytes.
    public static func needsFormulaGuard(_ text: some Sequence<UInt8>) -> Bool {
        var it = text.makeIterator()
        guard let first = it.next() else { return false }
        switch first {
        case UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "@"), 9, 13:
            return true
        case UInt8(ascii: "-"):
            guard let second = it.next() else { return false }
            return !((UInt8(ascii: "0")...UInt8(ascii: "9")).contains(second) || second == UInt8(ascii: "."))
        default:
            return false
        }
    }

    /// One field, quoted when it holds the delimiter, a quote or a line break (quotes doubled).
    private static func appendField(_ field: String, delimiter: UInt8, to out: inout RowBytes) {
        var field = field
        field.withUTF8 { appendField($0, delimiter: delimiter, to: &out) }
    }

    private static func appendField(_ bytes: UnsafeBufferPointer<UInt8>, delimiter: UInt8, to out: inout RowBytes) {
        var needsQuotes = false
        for b in bytes where b == delimiter || b == 0x22 || b == 10 || b == 13 {
            needsQuotes = true
            break
        }
        guard needsQuotes else {
            out.append(bytes)
            return
        }
        out.append(0x22)
        for b in bytes {
            if b == 0x22 { out.append(0x22) }
            out.append(b)
        }
        out.append(0x22)
    }

    /// Encodes and writes the buffered rows.
    private func flush() throws(SpreadsheetError) {
        guard !buffer.isEmpty else { return }
        let location = InputLocation(file: path)
        var out: [UInt8]
        if let encoder {
            out = []
            do {
                try buffer.withUnsafeBufferPointer { (p) throws(IconvConverter.Failure) in
                    try encoder.convert(p, into: &out, final: true)
                }
            } catch {
                throw SpreadsheetError(.invalidEncoding(detail: "gb18030"), at: location)
            }
        } else {
            out = buffer
        }
        buffer.removeAll(keepingCapacity: true)
        var failure: Int32 = 0
        out.withUnsafeBytes { raw in
            var done = 0
            while done < raw.count {
                let r = Glibc.write(fd, raw.baseAddress! + done, raw.count - done)
                if r < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    return
                }
                done += r
            }
        }
        if failure != 0 { throw SpreadsheetError(.ioFailure(detail: systemErrorText(failure)), at: location) }
    }

    /// Flushes, syncs and renames the temporary file into place (standard output: flushes).
    public func finish() throws(SpreadsheetError) {
        guard !closed else { return }
        do {
            try flush()
        } catch {
            cancel()
            throw error
        }
        closed = true
        guard let tempPath else { return }
        let location = InputLocation(file: path)
        if fsync(fd) != 0 || close(fd) != 0 {
            let e = errno
            unlink(tempPath)
            throw SpreadsheetError(.ioFailure(detail: systemErrorText(e)), at: location)
        }
        if rename(tempPath, path) != 0 {
            let e = errno
            unlink(tempPath)
            throw SpreadsheetError(.ioFailure(detail: systemErrorText(e)), at: location)
        }
    }

    /// Abandons the output: removes the temporary file; a previous file at `path` stays as it was.
    public func cancel() {
        guard !closed else { return }
        closed = true
        buffer.removeAll()
        guard let tempPath else { return }
        close(fd)
        unlink(tempPath)
    }
}
