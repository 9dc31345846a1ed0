import CSVFormat
import Reconciliation
import Spreadsheet
import XLSXFormat

/// Writes the 对照表 to a file: `.xlsx` through `XLSXWriter` (styled, via `ComparisonSheet`), `.csv`
/// through `CSVWriter` with the formula guard on (unless `guardFormulas` is false). Both write a temporary file and rename it into place.
public enum ComparisonOutput {
    /// - Throws: `SpreadsheetError` naming the file when it cannot be written.
    public static func write(
        _ comparison: ExecutionComparison, to path: String, year: Int? = nil, language: Language = .zh,
        guardFormulas: Bool = true, encoding: TextEncoding = .utf8BOM
    ) throws {
        if path == "-" || path.lowercased().hasSuffix(".csv") {
            // `-` is standard output (CSVTarget relays it once complete).
            let writer = try CSVTarget(path: path, options: CSVWriteOptions(encoding: encoding, guardFormulas: guardFormulas))
            do {
                for row in ComparisonSheet.csvRows(comparison, language: language) { try writer.write(row: row) }
                try writer.finish()
            } catch {
                writer.cancel()
                throw error
            }
        } else {
            try XLSXWriter.write(ComparisonSheet.workbook(comparison, year: year), to: path, options: .report)
        }
    }
}
