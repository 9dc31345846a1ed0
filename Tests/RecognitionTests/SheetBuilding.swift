import FinanceModel
import Recognition
import Spreadsheet

/// Builds small sheets in memory for the awkward-variant tests.
enum SheetBuilding {
    /// A sheet from rows of cell texts starting at A1 (or at `column`); "" leaves a cell empty. Texts
    /// that are plain decimals become number cells unless `numbersAsText`.
    static func sheet(
        _ rows: [[String]], name: String = "Sheet1", merges: [String] = [], startColumn: Int = 0,
        numbersAsText: Bool = false
    ) -> Sheet {
        var sheet = Sheet(name: name)
        for (r, row) in rows.enumerated() {
            for (c, text) in row.enumerated() where !text.isEmpty {
                let value: CellValue = !numbersAsText && isPlainNumber(text) ? .number(text) : .text(text)
                sheet.set(CellAddress(row: r, column: c + startColumn), value)
            }
        }
        sheet.merges = merges.compactMap { CellRange($0) }
        return sheet
    }

    static func isPlainNumber(_ s: String) -> Bool {
        let body = s.hasPrefix("-") ? s.dropFirst() : Substring(s)
        guard !body.isEmpty, body.first != ".", body.last != "." else { return false }
        return body.allSatisfy { $0.isASCII && ($0.isNumber || $0 == ".") } && body.filter { $0 == "." }.count <= 1
    }

    /// The only table recognised in a sheet.
    static func recognize(_ sheet: Sheet, file: String = "测试.xlsx", isCSV: Bool = false, mapping: Mapping? = nil)
        throws -> RecognizedTable
    {
        let tables = try TableRecognizer.recognize(sheet: sheet, file: file, isCSV: isCSV, mapping: mapping)
        guard tables.count == 1, let table = tables.first else { throw Unexpected.tableCount(tables.count) }
        return table
    }

    enum Unexpected: Error { case tableCount(Int) }
}

extension RecognizedTable {
    /// Column letter → role, for compact expectations.
    var roleMap: [String: String] {
        Dictionary(uniqueKeysWithValues: columns.map { ($0.column, $0.role.rawValue) })
    }

    var expense: ExpenseByFunctionTable? {
        if case .expenseByFunction(let t) = table { return t }
        return nil
    }
}
