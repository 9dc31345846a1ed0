public import Spreadsheet

/// Single-part entry points (单个部件解析) for fuzzing and hostile-input tests: each parses one package
/// part held in memory with the same handlers the reader uses, and throws the same `SpreadsheetError`s.
///
/// Public only under `@_spi(PartParsing)`, so the fuzz package (a separate SwiftPM package that
/// cannot see `internal` or `package` symbols) can reach the parsers without a zip around each part.
/// Not part of the supported API.
@_spi(PartParsing)
public enum XLSXPartParsing {
    /// `xl/sharedStrings.xml`: the strings, rich-text runs joined, phonetic runs left out.
    public static func sharedStrings(_ bytes: [UInt8], limits: ReadLimits = ReadLimits()) throws -> [String] {
        let handler = SharedStringsHandler(location: location("xl/sharedStrings.xml"),
                                           maxStringBytes: limits.maxStringBytes, maxStrings: limits.maxCells)
        try XMLStreamParser.parse(bytes: bytes, handler: handler)
        return handler.strings
    }

    /// `xl/styles.xml`: one number-format code (nil for General) per `cellXfs` entry.
    public static func styles(_ bytes: [UInt8]) throws -> [String?] {
        let handler = StylesHandler(location: location("xl/styles.xml"))
        try XMLStreamParser.parse(bytes: bytes, handler: handler)
        return handler.formats.map(\.code)
    }

    /// A `.rels` part: (Id, Type, Target, external) per relationship.
    public static func relationships(_ bytes: [UInt8]) throws -> [(id: String, type: String, target: String, external: Bool)] {
        let handler = RelationshipsHandler(location: location("xl/_rels/workbook.xml.rels"))
        try XMLStreamParser.parse(bytes: bytes, handler: handler)
        return handler.relationships.map { ($0.id, $0.type, $0.target, $0.external) }
    }

    /// `xl/workbook.xml`: sheet names in order and the date system.
    public static func workbook(_ bytes: [UInt8]) throws -> (sheets: [String], date1904: Bool) {
        let handler = WorkbookHandler(location: location("xl/workbook.xml"))
        try XMLStreamParser.parse(bytes: bytes, handler: handler)
        return (handler.sheets.map(\.name), handler.date1904)
    }

    /// A worksheet part, decoded against the given shared strings and styles part; calls `body` per row.
    /// Returns the merged ranges.
    @discardableResult
    public static func worksheet(_ bytes: [UInt8], sharedStrings: [String] = [], stylesPart: [UInt8]? = nil,
                                 date1904: Bool = false, limits: ReadLimits = ReadLimits(),
                                 _ body: (Row) throws -> Void = { _ in }) throws -> [CellRange] {
        let context = try cellContext(sharedStrings, stylesPart, date1904, limits)
        return try withoutActuallyEscaping(body) { body in
            let handler = WorksheetHandler(context: context, location: location("Sheet1"), emit: body)
            try XMLStreamParser.parse(bytes: bytes, handler: handler)
            return handler.merges
        }
    }

    /// A worksheet part read the way `XLSXReader` reads it: the byte scanner first, libxml2 from where
    /// it gives up (rows it delivered are not repeated). Returns whether the scanner finished alone.
    /// Comparing its rows with `worksheet(_:…)` (libxml2 only) is the fuzzers' differential check.
    @discardableResult
    public static func worksheetScanned(_ bytes: [UInt8], sharedStrings: [String] = [], stylesPart: [UInt8]? = nil,
                                        date1904: Bool = false, limits: ReadLimits = ReadLimits(),
                                        _ body: (Row) throws -> Void = { _ in }) throws -> Bool {
        let context = try cellContext(sharedStrings, stylesPart, date1904, limits)
        return try withoutActuallyEscaping(body) { body in
            try scanned(bytes, context: context, output: CellRowOutput(context: context), emitScanned: body,
                        emitParsed: body)
        }
    }

    /// `worksheetScanned` with the text output `XLSXReader.forEachRowText` uses: the scanner writes
    /// the cells' texts; rows libxml2 reads after it gives up come from their cells. Comparing the texts
    /// with `worksheet(_:…)`'s cells (`csvText`) is the fuzzers' check of the text path.
    @discardableResult
    public static func worksheetScannedText(_ bytes: [UInt8], sharedStrings: [String] = [], stylesPart: [UInt8]? = nil,
                                            date1904: Bool = false, limits: ReadLimits = ReadLimits(),
                                            _ body: (RowText) throws -> Void = { _ in }) throws -> Bool {
        let context = try cellContext(sharedStrings, stylesPart, date1904, limits)
        return try withoutActuallyEscaping(body) { body in
            var adapter = RowTextBuilder()
            defer { adapter.deallocate() }
            return try scanned(bytes, context: context,
                               output: TextRowOutput(context: context, strings: SharedStringBytes(sharedStrings)),
                               emitScanned: body) { row in
                adapter.removeAll()
                adapter.append(row.cells)
                try body(adapter.row(index: row.index))
            }
        }
    }

    private static func cellContext(_ sharedStrings: [String], _ stylesPart: [UInt8]?, _ date1904: Bool,
                                    _ limits: ReadLimits) throws -> CellContext {
        var formats: [CellFormat] = []
        if let stylesPart {
            let handler = StylesHandler(location: location("xl/styles.xml"))
            try XMLStreamParser.parse(bytes: stylesPart, handler: handler)
            formats = handler.formats
        }
        return CellContext(sharedStrings: sharedStrings, formats: formats, date1904: date1904, limits: limits)
    }

    /// The scanner with `output` over `bytes`, then libxml2 for the rows it did not deliver.
    private static func scanned<Output: RowOutput>(
        _ bytes: [UInt8], context: CellContext, output: Output,
        emitScanned: @escaping (Output.Emitted) throws -> Void, emitParsed: @escaping (Row) throws -> Void
    ) throws -> Bool {
        var scanner = WorksheetScanner(context: context, location: location("Sheet1"), output: output, emit: emitScanned)
        defer { scanner.release() }
        var position = 0
        let outcome = try scanner.run { buffer in
            let n = min(buffer.count, bytes.count - position)
            bytes.withUnsafeBytes { src in
                buffer.copyMemory(from: UnsafeRawBufferPointer(rebasing: src[position..<(position + n)]))
            }
            position += n
            return n
        }
        guard case .unusual(let delivered) = outcome else { return true }
        var skipped = 0
        let handler = WorksheetHandler(context: context, location: location("Sheet1")) { row in
            if skipped < delivered {
                skipped += 1
                return
            }
            try emitParsed(row)
        }
        try XMLStreamParser.parse(bytes: bytes, handler: handler)
        return false
    }

    /// Resolves a relationship target against its source part, as the reader does.
    public static func resolve(_ target: String, from base: String) -> String {
        PartName.resolve(target, from: base)
    }

    private static func location(_ part: String) -> InputLocation {
        InputLocation(file: "fuzz.xlsx", part: part)
    }
}
