public import Spreadsheet

/// Reads an XLSX/XLSM workbook (工作簿) as a stream: sheets one at a time, row by row, in flat memory.
///
///     let reader = try XLSXReader(path: "预算.xlsx")
///     for info in reader.sheets { print(info.index, info.name) }
///     try reader.forEachRow(sheet: 1) { row in print(row.index, row.denseValues) }
///
/// Opening reads only the package directory, the workbook and its relationships; shared strings and
/// styles are read on the first sheet access. Every failure is a `SpreadsheetError` naming the file,
/// part or sheet, and cell or byte.
public final class XLSXReader {
    /// The sheets in workbook order (hidden and chart sheets included), with one-based indexes.
    public let sheets: [SheetInfo]
    /// True when the workbook counts serial dates from 1904-01-01.
    public let date1904: Bool

    private let package: ZipPackage
    private let displayName: String
    private let limits: ReadLimits
    private let sheetParts: [String?]
    private let sharedStringsPart: String?
    private let stylesPart: String?
    private var cachedContext: CellContext?
    private var sharedStringBytes: SharedStringBytes?

    /// Opens the package and reads its workbook part.
    ///
    /// - Parameters:
    ///   - path: the file to read; never modified.
    ///   - displayName: the name used in error messages (defaults to the last path component).
    ///   - limits: caps against hostile packages.
    public init(path: String, displayName: String? = nil, limits: ReadLimits = ReadLimits()) throws {
        let name = displayName ?? String(path.split(separator: "/").last ?? Substring(path))
        self.displayName = name
        self.limits = limits
        switch try FileSniffing.sniff(path: path, displayName: name) {
        case .zip: break
        case .ole2(let encrypted):
            throw SpreadsheetError(encrypted ? .encrypted : .legacyXLS, at: InputLocation(file: name))
        case .empty:
            throw SpreadsheetError(.corruptZip(detail: "empty file / 空文件"), at: InputLocation(file: name))
        case .other:
            throw SpreadsheetError(.corruptZip(detail: "not a zip archive / 不是 zip 压缩包"), at: InputLocation(file: name))
        }
        package = try ZipPackage(path: path, displayName: name, limits: limits)
        let layout = try PackageLayout(package: package)
        sheets = layout.sheets
        date1904 = layout.date1904
        sheetParts = layout.sheetParts
        sharedStringsPart = layout.sharedStringsPart
        stylesPart = layout.stylesPart
    }

    /// Streams the rows of sheet `index` (one-based) in file order; a chart sheet has none.
    ///
    /// Rows come as stored: sorted in any file Excel writes, but a damaged file may repeat a row.
    /// Returns the sheet's merged areas (stored after the rows), so one pass gives both.
    @discardableResult
    public func forEachRow(sheet index: Int, _ body: (Row) throws -> Void) throws -> [CellRange] {
        try parse(sheet: index, body).merges
    }

    /// Streams the rows of sheet `index` (one-based) as the CSV texts of their cells: the same rows
    /// and texts as `forEachRow` (`CellValue.csvText`), without building `Cell`s, for a straight export.
    ///
    /// Each `RowText` borrows the reader's buffers and is valid only during its call of `body`.
    /// Returns the sheet's merged areas.
    @discardableResult
    public func forEachRowText(sheet index: Int, _ body: (RowText) throws -> Void) throws -> [CellRange] {
        let info = try sheetInfo(index)
        guard info.kind == .worksheet, let part = sheetParts[index - 1] else { return [] }
        let context = try cellContext()
        if sharedStringBytes == nil { sharedStringBytes = SharedStringBytes(context.sharedStrings) }
        let location = InputLocation(file: displayName, part: info.name)
        return try withoutActuallyEscaping(body) { body in
            try WorksheetReading.readText(package: package, part: part, context: context, strings: sharedStringBytes!,
                                          location: location, parser: parser, emit: body).merges
        }
    }

    /// The merged areas of sheet `index`, as stored.
    public func mergedRanges(sheet index: Int) throws -> [CellRange] {
        try parse(sheet: index) { _ in }.merges
    }

    /// Reads a whole sheet into memory, with its merged areas, state and kind; repeated rows are combined.
    public func readSheet(_ index: Int) throws -> Sheet {
        let info = try sheetInfo(index)
        var rows: [Row] = []
        // Exact-size copies: the streamed row shares the reader's working array, spare capacity and all.
        let result = try parse(sheet: index) { rows.append(Row(index: $0.index, cells: Array($0.cells[...]))) }
        if result.outOfOrder { rows = Self.combine(rows) }
        return Sheet(name: info.name, state: info.state, kind: info.kind, rows: rows, merges: result.merges)
    }

    /// Reads every sheet into memory.
    public func readWorkbook() throws -> Workbook {
        Workbook(sheets: try sheets.map { try readSheet($0.index) }, date1904: date1904)
    }

    // MARK: - Internals

    struct ParseResult {
        var merges: [CellRange]
        var dimension: String?
        var outOfOrder: Bool
        /// True when the byte scanner read the whole part (no libxml2 fallback).
        var scannerOnly = false
    }

    /// Which worksheet parser to use (tests compare the two).
    var parser = WorksheetReading.defaultParser

    private func sheetInfo(_ index: Int) throws -> SheetInfo {
        guard index >= 1, index <= sheets.count else {
            throw SpreadsheetError(.noSuchSheet(String(index)), at: InputLocation(file: displayName))
        }
        return sheets[index - 1]
    }

    func parse(sheet index: Int, _ body: (Row) throws -> Void) throws -> ParseResult {
        let info = try sheetInfo(index)
        guard info.kind == .worksheet, let part = sheetParts[index - 1] else {
            return ParseResult(merges: [], dimension: nil, outOfOrder: false)
        }
        let context = try cellContext()
        let location = InputLocation(file: displayName, part: info.name)
        return try withoutActuallyEscaping(body) { body in
            try WorksheetReading.read(package: package, part: part, context: context, location: location,
                                      parser: parser, emit: body)
        }
    }

    private func cellContext() throws -> CellContext {
        if let cachedContext { return cachedContext }
        var strings: [String] = []
        if let part = sharedStringsPart {
            let handler = SharedStringsHandler(location: InputLocation(file: displayName, part: part),
                                               maxStringBytes: limits.maxStringBytes, maxStrings: limits.maxCells)
            try XMLStreamParser.parse(try package.open(part), handler: handler)
            strings = handler.strings
        }
        var formats: [CellFormat] = []
        if let part = stylesPart {
            let handler = StylesHandler(location: InputLocation(file: displayName, part: part))
            try XMLStreamParser.parse(try package.open(part), handler: handler)
            formats = handler.formats
        }
        let context = CellContext(sharedStrings: strings, formats: formats, date1904: date1904, limits: limits)
        cachedContext = context
        return context
    }

    /// Merges rows that share an index (a row repeated in the file) and sorts them.
    static func combine(_ rows: [Row]) -> [Row] {
        var byIndex: [Int: [Cell]] = [:]
        for row in rows { byIndex[row.index, default: []].append(contentsOf: row.cells) }
        return byIndex.keys.sorted().map { i in
            var seen: [Int: Cell] = [:]
            for c in byIndex[i]! { seen[c.column] = c }
            return Row(index: i, cells: seen.values.sorted { $0.column < $1.column })
        }
    }
}
