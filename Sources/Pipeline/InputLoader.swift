import CSVFormat
import Foundation
import Spreadsheet
import XLSXFormat

/// An input file read into memory: its sheets, and for a CSV the encoding and delimiter it was read with.
public struct LoadedInput: Sendable, Hashable {
    public enum Format: String, Sendable, Hashable {
        case xlsx, csv
    }

    /// The path as given.
    public var path: String
    /// The name used in messages and source locations (the last path component).
    public var file: String
    public var format: Format
    /// Every sheet in workbook order (one sheet, named after the file, for a CSV).
    public var sheets: [Sheet]
    /// The CSV's encoding (`gb18030`, `utf-8-bom` …); nil for a workbook.
    public var encoding: String?
    /// The CSV's delimiter; nil for a workbook.
    public var delimiter: String?

    public var isCSV: Bool { format == .csv }
}

/// Opens any input by its content (读取输入): a zip (`PK`) is a workbook read by `XLSXReader`; an OLE2
/// file (`D0 CF 11 E0`, old .xls or an encrypted workbook) goes to `XLSXReader` too, which says plainly
/// what it is; anything else is delimited text read by `CSVReader`.
public enum InputLoader {
    /// Reads the whole file; `csvOptions` names a CSV's encoding or delimiter instead of detecting them.
    ///
    /// - Throws: `SpreadsheetError` naming the file and what to do.
    public static func load(
        path: String, limits: ReadLimits = ReadLimits(), csvOptions: CSVReadOptions = CSVReadOptions()
    ) throws -> LoadedInput {
        let file = (path as NSString).lastPathComponent
        switch sniff(path: path) {
        case .workbook:
            let reader = try XLSXReader(path: path, displayName: file, limits: limits)
            let sheets = try reader.sheets.filter { $0.kind == .worksheet }.map { try reader.readSheet($0.index) }
            return LoadedInput(path: path, file: file, format: .xlsx, sheets: sheets, encoding: nil, delimiter: nil)
        case .text:
            let result = try CSVReader.read(path: path, displayName: file, options: csvOptions.capped(by: limits))
            return LoadedInput(
                path: path, file: file, format: .csv, sheets: [result.sheet], encoding: result.encoding.rawValue,
                delimiter: result.delimiter)
        }
    }

    enum Kind { case workbook, text }

    /// The one content sniffer of every command: `PK` or the OLE2 signature → workbook; a file named as a
    /// workbook (.xlsx, .xlsm, .xls, .et) is one too, so that a damaged workbook is called damaged rather
    /// than read as text; anything else is text. A file that cannot be opened is left to the CSV reader,
    /// whose error names it.
    static func sniff(path: String) -> Kind {
        let ext = (path as NSString).pathExtension.lowercased()
        if ["xlsx", "xlsm", "xls", "et"].contains(ext) { return .workbook }
        guard let handle = FileHandle(forReadingAtPath: path) else { return .text }
        defer { try? handle.close() }
        let head = [UInt8](handle.readData(ofLength: 8))
        if head.count >= 2, head[0] == 0x50, head[1] == 0x4B { return .workbook }
        if head.count >= 4, head[0] == 0xD0, head[1] == 0xCF, head[2] == 0x11, head[3] == 0xE0 { return .workbook }
        return .text
    }
}

extension CSVReadOptions {
    /// These options with the string and cell caps of `limits` (`--max-string-bytes`, `--max-cells`),
    /// so one set of flags bounds CSV and XLSX inputs alike.
    public func capped(by limits: ReadLimits) -> CSVReadOptions {
        var options = self
        options.maxFieldBytes = limits.maxStringBytes
        options.maxRecordBytes = max(options.maxRecordBytes, limits.maxStringBytes)
        options.maxCells = limits.maxCells
        return options
    }
}
