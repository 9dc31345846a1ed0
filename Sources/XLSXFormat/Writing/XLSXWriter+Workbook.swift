public import Spreadsheet

extension XLSXWriter {
    /// Writes a whole in-memory workbook to `path` (its own date system wins over the options').
    public static func write(_ workbook: Workbook, to path: String, options: XLSXWriteOptions = .init()) throws {
        var options = options
        options.date1904 = workbook.date1904
        let writer = try XLSXWriter(path: path, options: options)
        for sheet in workbook.sheets {
            guard sheet.kind == .worksheet else {
                writer.cancel()
                throw SpreadsheetError(.other(zh: "图表工作表“\(sheet.name)”无法写出，请先移除。",
                                              en: "the chart sheet \"\(sheet.name)\" cannot be written; remove it first."),
                                       at: InputLocation(file: path, part: sheet.name))
            }
            try writer.beginSheet(name: sheet.name, state: sheet.state, layout: sheet.layout)
            for row in sheet.rows { try writer.write(row: row) }
            try writer.endSheet(merges: sheet.merges)
        }
        try writer.close()
    }
}
