import ArgumentParser
import CSVFormat
import Foundation
import Pipeline
import Spreadsheet
import XLSXFormat

extension BudgetEval {
    /// `budgeteval convert INPUT [OUTPUT]`: a workbook sheet (or every sheet), or a CSV, to CSV; or a CSV
    /// or a workbook to XLSX (`WorkbookConversion`) when OUTPUT ends in `.xlsx`.
    struct Convert: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "在 XLSX 与 CSV 之间转换 / convert between XLSX and CSV.",
            discussion: """
            Writes the first sheet by default, `--sheet NAME|N` (N one-based) for another, or every sheet \
            with `--all-sheets DIR` as DIR/<input file name>__<N>.csv (chart sheets write no file; a CSV \
            input writes __1.csv). Numbers come out as plain decimals, dates as ISO 8601, formulas as their \
            cached values; cell text is never altered. Output files are replaced atomically; with \
            --all-sheets an input is all or nothing. CSV output is UTF-8 unless --encoding says \
            utf-8-bom or gb18030; --formula-guard prefixes ' to text that would run as a formula.

            An OUTPUT ending in .xlsx writes a workbook. From a CSV: every field keeps its text; plain \
            decimals (at most 15 significant digits, no leading zero: 000858 and ID numbers stay text) \
            become numbers, 12.5% a percentage, and with --dates ISO dates become date cells. From a \
            workbook: every worksheet (hidden ones too) with its values, formulas and cached values, \
            number formats and merged ranges; other styling, column widths and print setup are not kept.
            """
        )

        @Argument(help: "输入文件 / input file (.xlsx, .xlsm, .csv, .tsv, .txt).")
        var input: String

        @Argument(help: "输出文件（.csv 或 .xlsx），`-` 或省略为标准输出 CSV / output .csv or .xlsx file; `-` or absent for CSV on stdout.")
        var output: String?

        @Option(name: .long, help: "工作表名称或序号（从 1 起）/ sheet name or one-based number.")
        var sheet: String?

        @Option(name: .customLong("all-sheets"), help: "把每个工作表写入此文件夹 / write every sheet into this folder.")
        var allSheets: String?

        @Option(name: .customLong("input-encoding"),
                help: "CSV 输入编码（默认自动识别）/ CSV input encoding: utf-8, gbk/gb18030, utf-16, windows-1252.")
        var inputEncoding: String?

        @OptionGroup var csvOutput: CSVOutputOptions

        @Flag(name: .long, help: "CSV 转 XLSX 时把 ISO 日期（2020-12-31）写成日期单元格 / CSV to XLSX: ISO dates become date cells.")
        var dates = false

        @OptionGroup var language: LanguageOptions
        @OptionGroup var readLimits: ReadLimitOptions

        func validate() throws {
            if allSheets != nil, sheet != nil {
                throw ValidationError("--all-sheets 与 --sheet 不能同时使用 / --all-sheets and --sheet exclude each other.")
            }
            if allSheets != nil, output != nil {
                throw ValidationError("使用 --all-sheets 时不要再给出 OUTPUT / give no OUTPUT with --all-sheets.")
            }
            if try ConvertOutputKind.of(output) == .workbook {
                if sheet != nil {
                    throw ValidationError("输出 .xlsx 时复制全部工作表，不接受 --sheet / an .xlsx output copies every sheet; drop --sheet.")
                }
            } else if dates {
                throw ValidationError("--dates 只用于输出 .xlsx / --dates applies to .xlsx output only.")
            }
            _ = try csvOutput.writeOptions()
            _ = try csvOptions()
        }

        func run() throws {
            try reportingErrors(language.lang) {
                if try ConvertOutputKind.of(output) == .workbook, let output {
                    return try convertToWorkbook(output)
                }
                switch InputFormat.detect(path: input) {
                case .csv: try convertCSV()
                case .xlsx: try convertWorkbook()
                }
            }
        }

        private func csvOptions() throws -> CSVReadOptions {
            guard let name = inputEncoding else { return CSVReadOptions().capped(by: readLimits.limits) }
            guard let encoding = TextEncoding(name: name) else {
                throw ValidationError("不认识的编码“\(name)” / unknown encoding \"\(name)\".")
            }
            return CSVReadOptions(encoding: encoding).capped(by: readLimits.limits)
        }

        /// CSV or XLSX → XLSX through `WorkbookConversion`; the output appears only when complete.
        private func convertToWorkbook(_ output: String) throws {
            let name = displayName(of: input)
            switch InputFormat.detect(path: input) {
            case .csv:
                try WorkbookConversion.csvToWorkbook(input: input, displayName: name, output: output,
                                                     readOptions: try csvOptions(), dates: dates)
            case .xlsx:
                let reader = try XLSXReader(path: input, displayName: name, limits: readLimits.limits)
                try WorkbookConversion.copyWorkbook(reader, displayName: name, to: output)
            }
        }

        /// CSV → CSV: the same fields with the same text, in the chosen encoding with RFC 4180 quoting.
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
            let out = try CSVTarget(path: path, options: try csvOutput.writeOptions())
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
                let out = try SheetExport.export(reader, sheet: index) { try CSVTarget(path: output ?? "-", options: try csvOutput.writeOptions()) }
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
                    pending.append(try SheetExport.export(reader, sheet: info.index) { try CSVTarget(path: path, options: try csvOutput.writeOptions()) })
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
