import CSVFormat
public import Spreadsheet
public import XLSXFormat

/// Conversion to a workbook (转换为工作簿): what `budgeteval convert IN OUT.xlsx` does.
///
/// - CSV → XLSX streams record by record (`CSVReader.forEachRow` → `XLSXWriter.write(row:)`), so memory
///   stays flat whatever the row count (the shared-string table aside). Every field keeps its text;
///   a field becomes a number only by `CSVTypeInference` (plain decimals of at most 15 significant
///   digits without a leading zero; `12.5%` a percentage shown as `0.0%`; grouping `1,234.50` shown as
///   `#,##0.00`), and with `dates` ISO dates become date cells. Empty fields write no cell.
/// - XLSX → XLSX copies every worksheet (hidden ones too, with their state; chart sheets are left
///   out): cell values, formulas with their cached values, number formats and merged ranges. Fonts,
///   borders, fills, column widths and print setup are not carried over (the reader does not read them).
///
/// Both write through `XLSXWriter`, which renames a complete file into place: on any failure the
/// output path is left as it was.
public enum WorkbookConversion {
    /// What a conversion wrote.
    public struct Summary: Hashable, Sendable {
        /// Sheets written.
        public var sheets: Int
        /// Rows written, over all sheets.
        public var rows: Int
    }

    /// Converts the CSV at `input` into a one-sheet workbook at `output`.
    ///
    /// The sheet is named after the input file (without its extension), made a valid sheet name.
    /// - Throws: `SpreadsheetError` naming the CSV line or the workbook cell that failed.
    @discardableResult
    public static func csvToWorkbook(input: String, displayName: String, output: String,
                                     readOptions: CSVReadOptions = .init(), dates: Bool = false,
                                     writeOptions: XLSXWriteOptions = .init()) throws -> Summary {
        let writer = try XLSXWriter(path: output, options: writeOptions)
        var row = Row(index: 0)
        var formats: [String: CellStyle] = [:]
        do {
            try writer.beginSheet(name: sheetName(forFile: displayName))
            try CSVReader.forEachRecord(path: input, displayName: displayName, options: readOptions) { fields, line in
                guard row.index < CellAddress.maxRows else {
                    throw SpreadsheetError(
                        .other(zh: "CSV 超过工作表的 1,048,576 行上限。请拆分文件后再转换。",
                               en: "the CSV has more than a worksheet's 1,048,576 rows. Split the file and convert the parts."),
                        at: InputLocation(file: displayName, position: .line(line, field: nil)))
                }
                row.cells.removeAll(keepingCapacity: true)
                for (column, field) in fields.enumerated() where !field.isEmpty {
                    let inferred = CSVTypeInference.infer(field, dates: dates)
                    var style: CellStyle?
                    if let code = inferred.numberFormat {
                        if let known = formats[code] {
                            style = known
                        } else {
                            let made = CellStyle.numberFormat(code)
                            formats[code] = made
                            style = made
                        }
                    }
                    row.cells.append(Cell(column: column, value: inferred.value, style: style))
                }
                try writer.write(row: row)
                row.index += 1
            }
            try writer.endSheet()
            try writer.close()
        } catch {
            writer.cancel()
            throw error
        }
        return Summary(sheets: 1, rows: row.index)
    }

    /// Copies every worksheet of `reader` into a new workbook at `output` (see the type's notes for
    /// what is kept). Rows stream through; if a damaged sheet repeats a row or goes back, the copy
    /// starts again from sheets read whole, whose repeated rows are combined.
    /// - Throws: `SpreadsheetError`; also when the workbook has no worksheet.
    @discardableResult
    public static func copyWorkbook(_ reader: XLSXReader, displayName: String, to output: String,
                                    writeOptions: XLSXWriteOptions = .init()) throws -> Summary {
        do {
            return try copy(reader, displayName: displayName, to: output, writeOptions: writeOptions, streaming: true)
        } catch is RowsOutOfOrder {
            return try copy(reader, displayName: displayName, to: output, writeOptions: writeOptions, streaming: false)
        }
    }

    private struct RowsOutOfOrder: Error {}

    private static func copy(_ reader: XLSXReader, displayName: String, to output: String,
                             writeOptions: XLSXWriteOptions, streaming: Bool) throws -> Summary {
        let worksheets = reader.sheets.filter { $0.kind == .worksheet }
        guard !worksheets.isEmpty else {
            throw SpreadsheetError(.noSuchSheet("1"), at: InputLocation(file: displayName))
        }
        var options = writeOptions
        options.date1904 = reader.date1904
        // Excel wants a visible sheet; a workbook whose only visible sheets were charts shows its first.
        let anyVisible = worksheets.contains { $0.state == .visible }
        var summary = Summary(sheets: 0, rows: 0)
        let writer = try XLSXWriter(path: output, options: options)
        do {
            for (n, info) in worksheets.enumerated() {
                let state: Sheet.State = !anyVisible && n == 0 ? .visible : info.state
                try writer.beginSheet(name: info.name, state: state)
                var merges: [CellRange]
                if streaming {
                    var previous = -1
                    merges = try reader.forEachRow(sheet: info.index) { row in
                        guard row.index > previous else { throw RowsOutOfOrder() }
                        previous = row.index
                        try writer.write(row: row)
                        summary.rows += 1
                    }
                } else {
                    let sheet = try reader.readSheet(info.index)
                    for row in sheet.rows { try writer.write(row: row) }
                    summary.rows += sheet.rows.count
                    merges = sheet.merges
                }
                try writer.endSheet(merges: merges)
                summary.sheets += 1
            }
            try writer.close()
        } catch {
            writer.cancel()
            throw error
        }
        return summary
    }

    /// A valid sheet name from a file name: the extension dropped, `[]:*?/\` replaced by `_`, leading
    /// and trailing `'` removed, at most 31 characters; `Sheet1` when nothing is left.
    public static func sheetName(forFile name: String) -> String {
        var base = Substring(name)
        if let dot = base.lastIndex(of: "."), dot != base.startIndex { base = base[..<dot] }
        var scalars = String.UnicodeScalarView()
        for s in base.unicodeScalars {
            scalars.append("[]:*?/\\".unicodeScalars.contains(s) || s.value < 0x20 ? "_" : s)
        }
        var result = String(scalars)
        while result.hasPrefix("'") { result.removeFirst() }
        while result.hasSuffix("'") { result.removeLast() }
        // Excel counts UTF-16 units.
        while result.utf16.count > 31 { result.removeLast() }
        while result.hasSuffix("'") { result.removeLast() }
        return result.isEmpty ? "Sheet1" : result
    }
}
