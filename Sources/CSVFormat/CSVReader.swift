public import Spreadsheet

/// Reads CSV files: a whole file into a `Sheet`, or row by row for big files.
///
/// Encoding and delimiter are detected unless `CSVReadOptions` names them. A UTF-8 BOM or UTF-16 BOM is
/// stripped. Fields keep their exact text; parsing follows `CSVParser` (Python's `csv` module).
public enum CSVReader {
    /// Reads the file at `path`. `displayName` (default: the file name) names the sheet and errors.
    ///
    /// - Throws: `SpreadsheetError` (`.cannotOpen`, `.ioFailure`, `.invalidEncoding` with the byte offset).
    public static func read(path: String, displayName: String? = nil,
                            options: CSVReadOptions = .init()) throws(SpreadsheetError) -> CSVReadResult {
        let name = displayName ?? fileName(of: path)
        let file = try InputFile(path: path, displayName: name)
        let bytes = try file.readAll()
        return try read(bytes: bytes, name: name, options: options)
    }

    /// Reads CSV held in memory; `name` names the sheet and errors.
    public static func read(bytes: [UInt8], name: String,
                            options: CSVReadOptions = .init()) throws(SpreadsheetError) -> CSVReadResult {
        try checkDelimiter(options.delimiter, file: name)
        let (utf8, encoding) = try bytes.withUnsafeBufferPointer { (raw) throws(SpreadsheetError) in
            if let forced = options.encoding { return (try decode(raw, as: forced, name: name), forced) }
            do throws(IconvConverter.Failure) {
                let (encoding, text) = try EncodingDetection.detectAndDecode(raw)
                return (text, encoding)
            } catch {
                let announced = EncodingDetection.encodingFromBOM(raw) ?? .utf16LE
                throw encodingError(error, encoding: announced, name: name)
            }
        }
        return try utf8.withUnsafeBufferPointer { (text) throws(SpreadsheetError) in
            let delimiter = options.delimiter ?? DelimiterSniffer.sniff(text, complete: true)
            var parser = CSVParser(delimiter: delimiter, limits: options.parserLimits)
            var rows: [Row] = []
            var counter = CellCounter(limit: options.maxCells, file: name)
            let collect = { (fields: [String], line: Int) throws(SpreadsheetError) in
                try counter.add(fields.count, line: line)
                var cells: [Cell] = []
                cells.reserveCapacity(fields.count)
                for (column, field) in fields.enumerated() { cells.append(Cell(column: column, value: .text(field))) }
                rows.append(Row(index: rows.count, cells: cells))
            }
            do {
                try parser.feed(text, collect)
                try parser.finish(collect)
            } catch let error as SpreadsheetError {
                throw error
            } catch {
                throw SpreadsheetError(.other(zh: "读取 CSV 时出错：\(error)", en: "reading the CSV failed: \(error)"),
                                       at: InputLocation(file: name))
            }
            try checkLimits(parser, options: options, file: name)
            return CSVReadResult(sheet: Sheet(name: name, rows: rows), encoding: encoding,
                                 delimiter: delimiterText(delimiter))
        }
    }

    /// Counts fields against `CSVReadOptions.maxCells`.
    struct CellCounter {
        let limit: Int
        let file: String
        private var count = 0

        init(limit: Int, file: String) {
            self.limit = limit
            self.file = file
        }

        /// Counts a record; an empty one counts as one (a file of blank lines is rows all the same).
        mutating func add(_ fields: Int, line: Int) throws(SpreadsheetError) {
            count += max(1, fields)
            if count > limit {
                throw SpreadsheetError(.tooManyCells(limit: limit), at: InputLocation(file: file, position: .line(line, field: nil)))
            }
        }
    }

    /// Throws when the parser stopped at a field or record cap.
    static func checkLimits(_ parser: CSVParser, options: CSVReadOptions, file: String) throws(SpreadsheetError) {
        switch parser.exceeded {
        case nil:
            return
        case .fieldTooLong(let line, let field):
            throw SpreadsheetError(.csvFieldTooLong(limit: options.maxFieldBytes),
                                   at: InputLocation(file: file, position: .line(line, field: field)))
        case .tooManyFields(let line):
            throw SpreadsheetError(.tooManyFields(limit: options.maxFields),
                                   at: InputLocation(file: file, position: .line(line, field: nil)))
        case .recordTooLong(let line):
            throw SpreadsheetError(.csvRecordTooLong(limit: options.maxRecordBytes),
                                   at: InputLocation(file: file, position: .line(line, field: nil)))
        }
    }

    /// Streams the file at `path` record by record in bounded memory (1 MiB chunks), calling `body`
    /// with each record's fields (an empty line gives `[]`).
    ///
    /// The encoding is detected on the first chunk holding a non-ASCII byte (see `StreamingDecoder`) and
    /// the delimiter on the first chunk: if a file detected as UTF-8 turns invalid later, the error names
    /// the byte; pass `options.encoding` then. Errors thrown by `body` stop the reading and are rethrown
    /// as they are.
    @discardableResult
    public static func forEachRow(path: String, displayName: String? = nil, options: CSVReadOptions = .init(),
                                  _ body: ([String]) throws -> Void) throws -> CSVDialect {
        try forEachRecord(path: path, displayName: displayName, options: options) { fields, _ in try body(fields) }
    }

    /// Like `forEachRow`, also giving the one-based physical line each record starts on (records with
    /// quoted line breaks span several lines), for messages such as `第 12 行`.
    @discardableResult
    public static func forEachRecord(path: String, displayName: String? = nil, options: CSVReadOptions = .init(),
                                     _ body: (_ fields: [String], _ line: Int) throws -> Void) throws -> CSVDialect {
        try withoutActuallyEscaping(body) { body in
            try streamRecords(path: path, displayName: displayName, options: options, body)
        }
    }

    private static func streamRecords(path: String, displayName: String?, options: CSVReadOptions,
                                      _ body: @escaping (_ fields: [String], _ line: Int) throws -> Void) throws -> CSVDialect {
        let name = displayName ?? fileName(of: path)
        let file = try InputFile(path: path, displayName: name)
        try checkDelimiter(options.delimiter, file: name)
        let chunk = 1 << 20
        let decoder = StreamingDecoder(forced: options.encoding, name: name)
        var raw: [UInt8] = []
        var text: [UInt8] = []
        var parser: CSVParser?
        var counter = CellCounter(limit: options.maxCells, file: name)
        let counted = { (fields: [String], line: Int) throws in
            try counter.add(fields.count, line: line)
            try body(fields, line)
        }
        var atEnd = false
        while !atEnd {
            raw.removeAll(keepingCapacity: true)
            text.removeAll(keepingCapacity: true)
            try file.read(upTo: chunk, into: &raw)
            atEnd = raw.count < chunk
            try raw.withUnsafeBufferPointer { (p) throws(SpreadsheetError) in
                try decoder.decode(p, final: atEnd, into: &text)
            }
            try text.withUnsafeBufferPointer { p in
                if parser == nil {
                    parser = CSVParser(delimiter: options.delimiter ?? DelimiterSniffer.sniff(p, complete: atEnd),
                                       limits: options.parserLimits)
                }
                try parser?.feed(p, counted)
            }
            if let parser { try checkLimits(parser, options: options, file: name) }
        }
        try parser?.finish(counted)
        if let parser { try checkLimits(parser, options: options, file: name) }
        return CSVDialect(encoding: decoder.encoding ?? .utf8,
                          delimiter: delimiterText(parser?.delimiter ?? UInt8(ascii: ",")))
    }

    // MARK: - Helpers

    /// Refuses a delimiter the format cannot use: a quote, CR, LF or a non-ASCII byte.
    static func checkDelimiter(_ byte: UInt8?, file: String) throws(SpreadsheetError) {
        guard let byte else { return }
        if byte == UInt8(ascii: "\"") || byte == 10 || byte == 13 || byte >= 0x80 {
            throw SpreadsheetError(.other(zh: "分隔符不能是引号、换行符或非 ASCII 字符。请改用逗号、制表符、分号、竖线或冒号。",
                                          en: "the delimiter cannot be a quote, a line break or a non-ASCII byte. Use comma, tab, semicolon, pipe or colon."),
                                   at: InputLocation(file: file))
        }
    }

    /// `,` `\t` `;` `|` `:` as text (any other ASCII byte as itself).
    static func delimiterText(_ byte: UInt8) -> String {
        String(decoding: [byte], as: UTF8.self)
    }

    static func encodingError(_ failure: IconvConverter.Failure, encoding: TextEncoding,
                              name: String) -> SpreadsheetError {
        switch failure {
        case .invalidSequence(let offset):
            return SpreadsheetError(.invalidEncoding(detail: "\(encoding.rawValue)"),
                                    at: InputLocation(file: name, position: .byte(offset)))
        case .truncatedSequence(let offset):
            return SpreadsheetError(.invalidEncoding(detail: "\(encoding.rawValue)"),
                                    at: InputLocation(file: name, position: .byte(offset)))
        case .unsupported(let from, _):
            return SpreadsheetError(.invalidEncoding(detail: "iconv: \(from)"), at: InputLocation(file: name))
        }
    }

    private static func decode(_ raw: UnsafeBufferPointer<UInt8>, as encoding: TextEncoding,
                               name: String) throws(SpreadsheetError) -> [UInt8] {
        do {
            return try EncodingDetection.decodeToUTF8(raw, as: encoding)
        } catch {
            throw encodingError(error, encoding: encoding, name: name)
        }
    }
}
