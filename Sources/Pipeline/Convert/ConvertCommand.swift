import CSVFormat
import Foundation
import Spreadsheet
import XLSXFormat

/// What `budgeteval convert` is asked to do.
public struct ConvertRequest: Sendable {
    public var input: String
    /// A .csv or .xlsx path, `-` or nil for CSV on standard output.
    public var output: String?
    /// `--sheet NAME|N`.
    public var sheet: String?
    /// `--all-sheets DIR`.
    public var allSheets: String?
    /// `--input-encoding`.
    public var inputEncoding: String?
    /// `--encoding` of a CSV output (utf-8 by default for convert).
    public var encoding: String?
    public var guardFormulas: Bool
    /// CSV → XLSX: ISO dates become date cells.
    public var dates: Bool
    public var limits: ReadLimits

    public init(
        input: String, output: String?, sheet: String?, allSheets: String?, inputEncoding: String?, encoding: String?,
        guardFormulas: Bool, dates: Bool, limits: ReadLimits
    ) {
        self.input = input
        self.output = output
        self.sheet = sheet
        self.allSheets = allSheets
        self.inputEncoding = inputEncoding
        self.encoding = encoding
        self.guardFormulas = guardFormulas
        self.dates = dates
        self.limits = limits
    }

    var writesWorkbook: Bool {
        guard let output, output != "-" else { return false }
        return (output as NSString).pathExtension.lowercased() == "xlsx"
    }
}

extension Commands {
    /// Checks a convert request before anything is read (exit 64 on a bad combination).
    public static func validate(_ request: ConvertRequest) throws(PipelineError) {
        if request.allSheets != nil, request.sheet != nil {
            throw PipelineError(.usage, zh: "--all-sheets 与 --sheet 不能同时使用。", en: "--all-sheets and --sheet exclude each other.")
        }
        if request.allSheets != nil, request.output != nil {
            throw PipelineError(.usage, zh: "使用 --all-sheets 时不要再给出输出文件。", en: "give no OUTPUT with --all-sheets.")
        }
        if let output = request.output, output != "-" {
            try OutputGuard.requireExtension(output, ["csv", "xlsx"], option: "OUTPUT")
        }
        if request.writesWorkbook {
            if request.sheet != nil {
                throw PipelineError(.usage, zh: "输出 .xlsx 时复制全部工作表，不接受 --sheet。", en: "an .xlsx output copies every sheet; drop --sheet.")
            }
        } else if request.dates {
            throw PipelineError(.usage, zh: "--dates 只用于输出 .xlsx。", en: "--dates applies to .xlsx output only.")
        }
        _ = try csvEncoding(request.encoding, default: .utf8)
        if let name = request.inputEncoding, TextEncoding(name: name) == nil {
            throw PipelineError(.usage, zh: "--input-encoding：不认识的编码“\(name)”。", en: "--input-encoding: unknown encoding “\(name)”.")
        }
    }

    /// `budgeteval convert IN [OUT]`: XLSX → CSV, CSV → CSV, CSV → XLSX, XLSX → XLSX.
    public static func convert(_ request: ConvertRequest, language: Language) -> CommandOutcome {
        outcome(language) {
            try validate(request)
            let files = try InputPaths.resolve([request.input])
            guard files.count == 1, let file = files.first, file.path == request.input else {
                throw PipelineError(.usage, zh: "\(request.input)：convert 一次转换一个文件，不接受文件夹。", en: "\(request.input): convert takes one file, not a folder.")
            }
            let guardOutputs = OutputGuard(inputs: [request.input])
            if let output = request.output, output != "-" { try guardOutputs.check(output) }
            try Converter(request: request, outputGuard: guardOutputs).run()
            return CommandOutcome()
        }
    }
}

/// The conversions, on the one content sniffer (`InputLoader.sniff`).
struct Converter {
    var request: ConvertRequest
    var outputGuard: OutputGuard

    private var name: String { (request.input as NSString).lastPathComponent }

    func run() throws {
        let isWorkbook = InputLoader.sniff(path: request.input) == .workbook
        if request.writesWorkbook, let output = request.output {
            if isWorkbook {
                let reader = try XLSXReader(path: request.input, displayName: name, limits: request.limits)
                try WorkbookConversion.copyWorkbook(reader, displayName: name, to: output)
            } else {
                try WorkbookConversion.csvToWorkbook(
                    input: request.input, displayName: name, output: output, readOptions: try csvOptions(),
                    dates: request.dates)
            }
            return
        }
        if isWorkbook { try convertWorkbook() } else { try convertCSV() }
    }

    private func writeOptions() throws -> CSVWriteOptions {
        CSVWriteOptions(encoding: try Commands.csvEncoding(request.encoding, default: .utf8), guardFormulas: request.guardFormulas)
    }

    private func csvOptions() throws -> CSVReadOptions {
        CSVReadOptions(encoding: request.inputEncoding.flatMap { TextEncoding(name: $0) }).capped(by: request.limits)
    }

    private func target(_ path: String) throws -> CSVTarget {
        if path != "-" { try outputGuard.check(path) }
        return try CSVTarget(path: path, options: try writeOptions())
    }

    private func convertCSV() throws {
        if let sheet = request.sheet, sheet != "1", sheet != name {
            throw SpreadsheetError(.noSuchSheet(sheet), at: InputLocation(file: name))
        }
        var path = request.output ?? "-"
        if let dir = request.allSheets {
            try Self.prepareFolder(dir)
            path = (dir as NSString).appendingPathComponent("\(name)__1.csv")
        }
        let out = try target(path)
        do {
            try CSVReader.forEachRow(path: request.input, displayName: name, options: try csvOptions()) { fields in
                try out.write(row: fields)
            }
            try out.finish()
        } catch {
            out.cancel()
            throw error
        }
    }

    private func convertWorkbook() throws {
        let reader = try XLSXReader(path: request.input, displayName: name, limits: request.limits)
        if let dir = request.allSheets {
            try Self.prepareFolder(dir)
            var pending: [CSVTarget] = []
            do {
                for info in reader.sheets where info.kind == .worksheet {
                    let path = (dir as NSString).appendingPathComponent("\(name)__\(info.index).csv")
                    pending.append(try SheetExport.export(reader, sheet: info.index) { try target(path) })
                }
            } catch {
                pending.forEach { $0.cancel() }
                throw error
            }
            for out in pending { try out.finish() }
        } else {
            let index = try SheetSelection.resolve(request.sheet, in: reader, file: name)
            let out = try SheetExport.export(reader, sheet: index) { try target(request.output ?? "-") }
            try out.finish()
        }
    }

    static func prepareFolder(_ dir: String) throws {
        var isDir: ObjCBool = false
        if !FileManager.default.fileExists(atPath: dir, isDirectory: &isDir) {
            do {
                try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
            } catch {
                throw SpreadsheetError(.ioFailure(detail: error.localizedDescription), at: InputLocation(file: dir))
            }
        } else if !isDir.boolValue {
            throw SpreadsheetError(.ioFailure(detail: "not a folder / 不是文件夹"), at: InputLocation(file: dir))
        }
    }
}

/// `--sheet NAME|N` → the sheet's one-based index.
enum SheetSelection {
    static func resolve(_ selector: String?, in reader: XLSXReader, file: String) throws -> Int {
        guard let selector else {
            guard !reader.sheets.isEmpty else { throw SpreadsheetError(.noSuchSheet("1"), at: InputLocation(file: file)) }
            return 1
        }
        if let info = reader.sheets.first(where: { $0.name == selector }) { return info.index }
        if let n = Int(selector), n >= 1, n <= reader.sheets.count { return n }
        throw SpreadsheetError(.noSuchSheet(selector), at: InputLocation(file: file))
    }
}

/// One worksheet streamed to a CSV target; rows out of order fall back to reading the sheet whole.
enum SheetExport {
    private struct RowsOutOfOrder: Error {}

    static func export(_ reader: XLSXReader, sheet: Int, makeOutput: () throws -> CSVTarget) throws -> CSVTarget {
        var out = try makeOutput()
        var nextRow = 0
        do {
            try reader.forEachRowText(sheet: sheet) { row in
                guard row.index >= nextRow else { throw RowsOutOfOrder() }
                while nextRow < row.index {
                    try out.write(row: [])
                    nextRow += 1
                }
                try out.write(text: row)
                nextRow = row.index + 1
            }
        } catch is RowsOutOfOrder {
            out.cancel()
            out = try makeOutput()
            nextRow = 0
            for row in try reader.readSheet(sheet).rows { try write(row, to: out, nextRow: &nextRow) }
        } catch {
            out.cancel()
            throw error
        }
        return out
    }

    private static func write(_ row: Row, to out: CSVTarget, nextRow: inout Int) throws {
        while nextRow < row.index {
            try out.write(row: [])
            nextRow += 1
        }
        try out.write(cells: row.cells)
        nextRow = row.index + 1
    }
}
