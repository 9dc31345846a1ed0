import Spreadsheet

/// A problem with one value or style the writer was asked to write, worded in Chinese and English.
///
/// The writer adds the file, sheet and cell before it reaches the caller.
struct WriteProblem: Error {
    var zh: String
    var en: String
}

/// The rules Excel enforces on what a workbook may hold, checked before anything is written.
enum WriteRules {
    /// Longest cell text Excel keeps, in UTF-16 code units (Excel's "characters").
    static let maxTextLength = 32_767
    /// Longest formula Excel accepts, in characters.
    static let maxFormulaLength = 8_192
    /// The error values Excel knows (`t="e"`); anything else would make Excel repair the file.
    static let errorCodes: Set<String> = [
        "#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A", "#GETTING_DATA",
        "#SPILL!", "#CALC!", "#FIELD!", "#BLOCKED!", "#CONNECT!", "#UNKNOWN!", "#BUSY!",
    ]

    /// Checks a sheet name (工作表名称) against Excel's rules and the names already used.
    ///
    /// Returns the reason in Chinese and English, or nil when the name is fine.
    static func sheetNameProblem(_ name: String, existing: [String]) -> (zh: String, en: String)? {
        if name.isEmpty { return ("名称为空", "the name is empty") }
        let length = name.utf16.count
        if length > 31 { return ("长度 \(length) 超过 31 个字符", "\(length) characters, over 31") }
        if let bad = name.unicodeScalars.first(where: { "[]:*?/\\".unicodeScalars.contains($0) }) {
            return ("含有不允许的字符“\(bad)”", "contains the forbidden character '\(bad)'")
        }
        if name.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0xFFFE || $0.value == 0xFFFF }) {
            return ("含有控制字符", "contains a control character")
        }
        if name.hasPrefix("'") || name.hasSuffix("'") {
            return ("不能以单引号开头或结尾", "starts or ends with an apostrophe")
        }
        let folded = name.lowercased()
        if folded == "history" { return ("“History”是 Excel 保留的名称", "\"History\" is reserved by Excel") }
        if existing.contains(where: { $0.lowercased() == folded }) {
            return ("与已有工作表重名（不区分大小写）", "duplicates another sheet's name (case-insensitively)")
        }
        return nil
    }

    /// Whether `text` is a plain decimal: optional `-`, digits, optional `.` and digits (no exponent,
    /// no grouping, no `+`), the form `CellValue.number` promises and `<v>` takes verbatim.
    static func isPlainDecimal(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        let n = text.count
        if i < n, text[i] == UInt8(ascii: "-") { i += 1 }
        let intStart = i
        while i < n, text[i] &- 48 < 10 { i += 1 }
        guard i > intStart else { return false }
        if i == n { return true }
        guard text[i] == UInt8(ascii: ".") else { return false }
        i += 1
        let fracStart = i
        while i < n, text[i] &- 48 < 10 { i += 1 }
        return i == n && i > fracStart
    }

    /// Why `row` cannot follow the previous row, or nil.
    static func rowIndexProblem(_ index: Int, after previous: Int) -> WriteProblem? {
        if index < 0 || index >= CellAddress.maxRows {
            return WriteProblem(zh: "行号 \(index + 1) 超出 Excel 的 1–1048576 行", en: "row \(index + 1) is outside Excel's rows 1–1048576")
        }
        if index <= previous {
            return WriteProblem(zh: "行须按行号递增写入（第 \(index + 1) 行在第 \(previous + 1) 行之后）",
                                en: "rows must be written in increasing order (row \(index + 1) after row \(previous + 1))")
        }
        return nil
    }
}
