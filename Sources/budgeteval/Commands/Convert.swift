import ArgumentParser
import CSVFormat
import Foundation
import Spreadsheet
import XLSXFormat

extension BudgetEval {
    /// `budgeteval convert INPUT [OUTPUT]`: a workbook sheet (or every sheet), or a CSV, to UTF-8 CSV.
    struct Convert: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "把 XLSX 工作表或 CSV 转换为 UTF-8 CSV / convert an XLSX sheet or a CSV to UTF-8 CSV.",
            discussion: """
            Writes the first sheet by default, `--sheet NAME|N` (N one-based) for another, or every sheet \
            with `--all-sheets DIR` as DIR/<input file name>__<N>.csv (chart sheets write no file; a CSV \
            input writes __1.csv). Numbers come out as plain decimals, dates as ISO 8601, formulas as their \
            cached values; cell text is never altered. Output files are replaced atomically; with \
            --all-sheets an input is all or nothing.
            """
        )

        @Argument(help: "输入文件 / input file (.xlsx, .xlsm, .csv, .tsv, .txt).")
        var input: String

        @Argument(help: "输出 CSV 文件，`-` 或省略为标准输出 / output CSV file; `-` or absent for stdout.")
        var output: String?

        @Option(name: .long, help: "工作表名称或序号（从 1 起）/ sheet name or one-based number.")
        var sheet: String?

        @Option(name: .customLong("all-sheets"), help: "把每个工作表写入此文件夹 / write every sheet into this folder.")
        var allSheets: String?

        @Option(name: .customLong("input-encoding"),
                help: "CSV 输入编码（默认自动识别）/ CSV input encoding: utf-8, gbk/gb18030, utf-16, windows-1252.")
        var inputEncoding: String?

        @OptionGroup var language: LanguageOptions
        @OptionGroup var readLimits: ReadLimitOptions

        func validate() throws {
            if allSheets != nil, sheet != nil {
                throw ValidationError("--all-sheets 与 --sheet 不能同时使用 / --all-sheets and --sheet exclude each other.")
            }
            if allSheets != nil, output != nil {
                throw ValidationError("使用 --all-sheets 时不要再给出 OUTPUT / give no OUTPUT with --all-sheets.")
            }
            if let target = output, target != "-", !target.lowercased().hasSuffix(".csv") {
                throw ValidationError(
                    "目前只能输出 CSV（文件名以 .csv 结尾，或 - 表示标准输出）/ only CSV output for now (a name ending in .csv, or -).")
            }
            _ = try csvOptions()
        }

        func run() throws {
            try reportingErrors(language.lang) {
                switch InputFormat.detect(path: input) {
                case .csv: try convertCSV()
                case .xlsx: try convertWorkbook()
                }
            }
        }

        private func csvOptions() throws -> CSVReadOptions {
            guard let name = inputEncoding else { return CSVReadOptions() }
            guard let encoding = TextEncoding(name: name) else {
                throw ValidationError("不认识的编码“\(name)” / unknown encoding \"\(name)\".")
            }
            return CSVReadOptions(encoding: encoding)
        }

        /// CSV → CSV: the same fields with the same text, as UTF-8 with RFC 4180 quoting.
        private func convertCSV() throws {
            let name = displayName(of: input)
            if let sheet, sheet != "1", sheet != name {
                throw SpreadsheetError(.noSuchSheet(sheet), at: InputLocation(file: name))
            }
            var path = output ?? "-"
            if let dir = allSheets {
                try Self.prepareFolder(dir)
                path = (dir as NSString).appendingPathComponent("\(name)__1.csv")
            }
            let out = try CSVTarget(path: path)
            do {
                try CSVReader.forEachRow(path: input, displayName: name, options: try csvOptions()) { fields in
                    try out.write(row: fields)
                }
                try out.finish()
            } catch {
                out.cancel()
                throw error
            }
        }

        private func convertWorkbook() throws {
            let name = displayName(of: input)
            let reader = try XLSXReader(path: input, displayName: name, limits: readLimits.limits)
            if let dir = allSheets {
                try Self.prepareFolder(dir)
                try convertAll(reader, into: dir)
            } else {
                let index = try SheetSelection.resolve(sheet, in: reader, file: name)
                let out = try SheetExport.export(reader, sheet: index) { try CSVTarget(path: output ?? "-") }
                try out.finish()
            }
        }

        /// Every worksheet to `DIR/<input>__<N>.csv`; nothing is renamed into place until all succeeded.
        private func convertAll(_ reader: XLSXReader, into dir: String) throws {
            let base = displayName(of: input)
            var pending: [CSVTarget] = []
            do {
                for info in reader.sheets where info.kind == .worksheet {
                    let path = (dir as NSString).appendingPathComponent("\(base)__\(info.index).csv")
                    pending.append(try SheetExport.export(reader, sheet: info.index) { try CSVTarget(path: path) })
                }
            } catch {
                pending.forEach { $0.cancel() }
                throw error
            }
            for out in pending { try out.finish() }
        }

        /// Creates the folder when missing; refuses a path that is a file.
        @discardableResult
        static func prepareFolder(_ dir: String) throws -> String {
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
            return dir
        }
    }
}

/// `--sheet NAME|N`: a name first (a sheet may be called "2"), then a one-based number; default 1.
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

/// Streams one sheet into a CSV target, anchored at A1 (leading empty rows and columns kept).
enum SheetExport {
    private struct RowsOutOfOrder: Error {}

    /// Returns the target, written but not yet finished. A file that repeats a row is read whole
    /// (combined and sorted) instead.
    static func export(_ reader: XLSXReader, sheet: Int, makeOutput: () throws -> CSVTarget) throws -> CSVTarget {
        var out = try makeOutput()
        var nextRow = 0
        do {
            try reader.forEachRow(sheet: sheet) { row in
                guard row.index >= nextRow else { throw RowsOutOfOrder() }
                try write(row, to: out, nextRow: &nextRow)
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
