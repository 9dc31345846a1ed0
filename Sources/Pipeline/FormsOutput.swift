import CSVFormat
import EvaluationForms
import Foundation
public import Spreadsheet
import XLSXFormat

/// Writes the forms workbook and its optional companions: `--split DIR` (one workbook per project) and
/// `--csv DIR` (one CSV per sheet, formula-guarded unless `guardFormulas` is false). Returns every path
/// written, in order.
public enum FormsOutput {
    public static func write(
        _ workbook: Workbook, splits: [(name: String, workbook: Workbook)], to path: String,
        splitDirectory: String? = nil, csvDirectory: String? = nil, guardFormulas: Bool = true,
        encoding: TextEncoding = .utf8BOM, outputGuard: OutputGuard? = nil
    ) throws -> [String] {
        var written: [String] = []
        try outputGuard?.check(path)
        try XLSXWriter.write(workbook, to: path, options: .report)
        written.append(path)
        if let splitDirectory {
            try makeDirectory(splitDirectory)
            for part in splits {
                let target = (splitDirectory as NSString).appendingPathComponent(fileName(part.name) + ".xlsx")
                try outputGuard?.check(target)
                try XLSXWriter.write(part.workbook, to: target, options: .report)
                written.append(target)
            }
        }
        if let csvDirectory {
            try makeDirectory(csvDirectory)
            for sheet in workbook.sheets {
                let target = (csvDirectory as NSString).appendingPathComponent(fileName(sheet.name) + ".csv")
                try outputGuard?.check(target)
                try writeCSV(sheet, to: target, guardFormulas: guardFormulas, encoding: encoding)
                written.append(target)
            }
        }
        return written
    }

    /// One sheet as CSV: every row from the first to the last, each padded to the sheet's width, so merged
    /// areas keep their columns; text that a spreadsheet would run as a formula is guarded (by default).
    static func writeCSV(
        _ sheet: Sheet, to path: String, guardFormulas: Bool = true, encoding: TextEncoding = .utf8BOM
    ) throws {
        let writer = try CSVWriter(path: path, options: CSVWriteOptions(encoding: encoding, guardFormulas: guardFormulas))
        let width = (sheet.dimension?.end.column ?? -1) + 1
        let lastRow = sheet.dimension?.end.row ?? -1
        do {
            if lastRow >= 0 {
                for index in 0...lastRow {
                    var values = sheet.row(at: index)?.denseValues ?? []
                    if values.count < width { values += Array(repeating: .empty, count: width - values.count) }
                    try writer.write(values: Array(values.prefix(width)))
                }
            }
            try writer.finish()
        } catch {
            writer.cancel()
            throw error
        }
    }

    /// A file name from a sheet or project name: path separators and characters file systems refuse
    /// replaced by `_`.
    static func fileName(_ name: String) -> String {
        String(name.map { "/\\:*?\"<>|".contains($0) || $0.isNewline ? "_" : $0 })
    }

    static func makeDirectory(_ path: String) throws {
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        } catch {
            throw SpreadsheetError(
                .ioFailure(detail: "cannot create the folder \(path): \(error.localizedDescription)"),
                at: InputLocation(file: path))
        }
    }
}
