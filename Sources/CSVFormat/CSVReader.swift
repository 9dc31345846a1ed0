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
        let (utf8, encoding) = try bytes.withUnsafeBufferPointer { (raw) throws(SpreadsheetError) in
            let encoding = options.encoding ?? EncodingDetection.detect(raw)
            return (try decode(raw, as: encoding, name: name), encoding)
        }
        return utf8.withUnsafeBufferPointer { text in
            let delimiter = options.delimiter ?? DelimiterSniffer.sniff(text, complete: true)
            var parser = CSVParser(delimiter: delimiter)
            var rows: [Row] = []
            let collect = { (fields: [String], _: Int) in
                var cells: [Cell] = []
                cells.reserveCapacity(fields.count)
                for (column, field) in fields.enumerated() { cells.append(Cell(column: column, value: .text(field))) }
                rows.append(Row(index: rows.count, cells: cells))
            }
            parser.feed(text, collect)
            parser.finish(collect)
            return CSVReadResult(sheet: Sheet(name: name, rows: rows), encoding: encoding,
                                 delimiter: delimiterText(delimiter))
        }
    }

    /// Streams the file at `path` record by record in bounded memory (1 MiB chunks), calling `body`
    /// with each record's fields (an empty line gives `[]`).
    ///
    /// Detection looks at the first MiB only: if a file detected as UTF-8 turns invalid later, the
    /// error names the byte; pass `options.encoding` then. Errors thrown by `body` stop the reading
    /// and are rethrown as they are.
    @discardableResult
    public static func forEachRow(path: String, displayName: String? = nil, options: CSVReadOptions = .init(),
                                  _ body: ([String]) throws -> Void) throws -> CSVDialect {
        let name = displayName ?? fileName(of: path)
        let file = try InputFile(path: path, displayName: name)
        let chunk = 1 << 20
        var raw: [UInt8] = []
        try file.read(upTo: chunk, into: &raw)
        var atEnd = raw.count < chunk
        let (encoding, bom) = raw.withUnsafeBufferPointer { p in
            let e = options.encoding ?? EncodingDetection.detect(p, complete: atEnd)
            return (e, EncodingDetection.bomLength(p, for: e))
        }
        let converter = try makeConverter(encoding, name: name)
        var text: [UInt8] = []
        try convert(raw, from: bom, with: converter, into: &text, final: atEnd, bomOffset: bom, name: name,
                    encoding: encoding)
        let delimiter = options.delimiter ?? text.withUnsafeBufferPointer {
            DelimiterSniffer.sniff($0, complete: atEnd)
        }
        var parser = CSVParser(delimiter: delimiter)
        while true {
            try text.withUnsafeBufferPointer { p in try parser.feed(p) { fields, _ in try body(fields) } }
            if atEnd { break }
            raw.removeAll(keepingCapacity: true)
            text.removeAll(keepingCapacity: true)
            try file.read(upTo: chunk, into: &raw)
            atEnd = raw.count < chunk
            try convert(raw, from: 0, with: converter, into: &text, final: atEnd, bomOffset: bom, name: name,
                        encoding: encoding)
        }
        try parser.finish { fields, _ in try body(fields) }
        return CSVDialect(encoding: encoding, delimiter: delimiterText(delimiter))
    }

    // MARK: - Helpers

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
            return SpreadsheetError(.invalidEncoding(detail: "\(encoding.rawValue), …"),
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

    private static func makeConverter(_ encoding: TextEncoding, name: String) throws(SpreadsheetError)
        -> IconvConverter {
        do {
            return try IconvConverter(from: EncodingDetection.iconvName(encoding), to: "UTF-8",
                                      latin1Fallback: encoding == .windows1252)
        } catch {
            throw encodingError(error, encoding: encoding, name: name)
        }
    }

    /// Converts `raw[start...]` through the streaming converter; offsets in errors count the BOM.
    private static func convert(_ raw: [UInt8], from start: Int, with converter: IconvConverter,
                                into text: inout [UInt8], final: Bool, bomOffset: Int, name: String,
                                encoding: TextEncoding) throws(SpreadsheetError) {
        do {
            try raw.withUnsafeBufferPointer { (p) throws(IconvConverter.Failure) in
                try converter.convert(UnsafeBufferPointer(rebasing: p[start...]), into: &text, final: final)
            }
        } catch {
            switch error {
            case .invalidSequence(let o): throw encodingError(.invalidSequence(offset: o + bomOffset), encoding: encoding, name: name)
            case .truncatedSequence(let o): throw encodingError(.truncatedSequence(offset: o + bomOffset), encoding: encoding, name: name)
            case .unsupported: throw encodingError(error, encoding: encoding, name: name)
            }
        }
    }
}
