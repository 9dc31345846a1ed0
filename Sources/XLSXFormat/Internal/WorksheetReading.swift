#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Spreadsheet

/// Chooses the parser for a worksheet part: libxml2's SAX2 parser of record, or the byte scanner
/// fast path (which hands anything unusual back to libxml2).
enum WorksheetReading {
    enum Parser: Equatable {
        /// The scanner, falling back to libxml2 when the part is unusual.
        case automatic
        /// libxml2 only.
        case libxml2
    }

    /// `BUDGETEVAL_XLSX_PARSER=libxml2` forces the libxml2 path (used by the differential checks).
    static var defaultParser: Parser {
        if let v = getenv("BUDGETEVAL_XLSX_PARSER"), String(cString: v) == "libxml2" { return .libxml2 }
        return .automatic
    }

    static func read(package: ZipPackage, part: String, context: CellContext, location: InputLocation,
                     parser: Parser = defaultParser,
                     emit: @escaping (Row) throws -> Void) throws -> XLSXReader.ParseResult {
        try read(package: package, part: part, context: context, location: location, parser: parser,
                 output: CellRowOutput(context: context), emitScanned: emit, emitParsed: emit)
    }

    /// Reads the part as `RowText`s: the scanner writes the cells' texts directly; rows libxml2 reads
    /// (the `libxml2` parser, or after the scanner gave up) are turned into texts from their `Cell`s.
    static func readText(package: ZipPackage, part: String, context: CellContext, strings: SharedStringBytes,
                         location: InputLocation, parser: Parser = defaultParser,
                         emit: @escaping (RowText) throws -> Void) throws -> XLSXReader.ParseResult {
        var adapter = RowTextBuilder()
        defer { adapter.deallocate() }
        return try read(package: package, part: part, context: context, location: location, parser: parser,
                        output: TextRowOutput(context: context, strings: strings), emitScanned: emit) { row in
            adapter.removeAll()
            adapter.append(row.cells)
            try emit(adapter.row(index: row.index))
        }
    }

    /// The scanner with `output` (handing rows to `emitScanned`), falling back to libxml2 (handing
    /// `Row`s to `emitParsed`) for the rows the scanner did not deliver.
    private static func read<Output: RowOutput>(
        package: ZipPackage, part: String, context: CellContext, location: InputLocation, parser: Parser,
        output: @autoclosure () -> Output, emitScanned: @escaping (Output.Emitted) throws -> Void,
        emitParsed: @escaping (Row) throws -> Void
    ) throws -> XLSXReader.ParseResult {
        var skip = 0
        if parser == .automatic {
            var scanner = WorksheetScanner(context: context, location: location, output: output(), emit: emitScanned)
            defer { scanner.release() }
            let stream = try package.open(part)
            let prefetcher = ChunkPrefetcher(stream: stream)
            prefetcher.start()
            defer {
                prefetcher.finish()
                stream.close()
            }
            switch try scanner.run(read: prefetcher.read(into:)) {
            case .finished(let merges, let dimension, let outOfOrder):
                return XLSXReader.ParseResult(merges: merges, dimension: dimension, outOfOrder: outOfOrder,
                                              scannerOnly: true)
            case .unusual(let rowsEmitted):
                skip = rowsEmitted
            }
        }
        // libxml2 reads the part from the start; rows the scanner already delivered are not repeated.
        var skipped = 0
        let handler = WorksheetHandler(context: context, location: location) { row in
            if skipped < skip {
                skipped += 1
                return
            }
            try emitParsed(row)
        }
        try XMLStreamParser.parse(try package.open(part), handler: handler)
        return XLSXReader.ParseResult(merges: handler.merges, dimension: handler.dimension,
                                      outOfOrder: handler.outOfOrder)
    }
}
