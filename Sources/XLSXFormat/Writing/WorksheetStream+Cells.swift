import Spreadsheet

/// One `<c>` element per cell: the hot path, appending bytes only.
extension WorksheetStream {
    /// Default formats for date cells that carry none.
    static func defaultDateFormat(_ kind: LocalDateTime.Kind) -> String {
        switch kind {
        case .date: return "yyyy-mm-dd"
        case .dateTime: return "yyyy-mm-dd hh:mm:ss"
        case .time: return "hh:mm:ss"
        }
    }

    func write(_ cell: Cell, row: Int) throws(WriteProblem) {
        let styleID = try styleIndex(cell)
        let formula = try checkedFormula(cell.formula)
        switch cell.value {
        case .empty:
            guard formula != nil || styleID != 0 else { return }
            open(cell.column, row: row, style: styleID)
            if let formula {
                out.ascii("><f>")
                out.escapedText(formula)
                out.ascii("</f></c>")
            } else {
                out.ascii("/>")
            }
        case .text(let text):
            try XMLOutputBuffer.withUTF8(text) { (bytes) throws(WriteProblem) in
                if bytes.count > WriteRules.maxTextLength, text.utf16.count > WriteRules.maxTextLength {
                    throw WriteProblem(zh: "文本长度 \(text.utf16.count) 超过 Excel 单元格上限 32767 个字符",
                                       en: "text of \(text.utf16.count) characters exceeds Excel's cell limit of 32,767")
                }
                open(cell.column, row: row, style: styleID)
                if let formula {
                    out.ascii(" t=\"str\"><f>")
                    out.escapedText(formula)
                    out.ascii("</f><v>")
                    out.escapedText(bytes)
                    out.ascii("</v></c>")
                } else {
                    out.ascii(" t=\"s\"><v>")
                    out.int(strings.index(of: bytes))
                    out.ascii("</v></c>")
                }
            }
        case .number(let text):
            try XMLOutputBuffer.withUTF8(text) { (bytes) throws(WriteProblem) in
                guard WriteRules.isPlainDecimal(bytes) else {
                    throw WriteProblem(zh: "数值“\(text)”不是普通十进制数", en: "the number \"\(text)\" is not a plain decimal")
                }
                open(cell.column, row: row, style: styleID)
                out.byte(UInt8(ascii: ">"))
                formulaElement(formula)
                out.ascii("<v>")
                out.bytes(bytes)
                out.ascii("</v></c>")
            }
        case .boolean(let value):
            open(cell.column, row: row, style: styleID)
            out.ascii(" t=\"b\">")
            formulaElement(formula)
            out.ascii(value ? "<v>1</v></c>" : "<v>0</v></c>")
        case .date(let date):
            let serial = date.excelSerial(date1904: date1904)
            guard serial >= 0, serial < 2_958_466, date.kind == .time || serial >= (date1904 ? 0 : 1) else {
                throw WriteProblem(zh: "日期 \(date) 超出 Excel 的日期范围（\(date1904 ? "1904" : "1900")-01-01 至 9999-12-31）",
                                   en: "the date \(date) is outside Excel's range (\(date1904 ? "1904" : "1900")-01-01 to 9999-12-31)")
            }
            open(cell.column, row: row, style: styleID)
            out.byte(UInt8(ascii: ">"))
            formulaElement(formula)
            out.ascii("<v>")
            out.number(serial)
            out.ascii("</v></c>")
        case .error(let code):
            guard WriteRules.errorCodes.contains(code) else {
                throw WriteProblem(zh: "“\(code)”不是 Excel 的错误值（如 #DIV/0!、#N/A）", en: "\"\(code)\" is not an Excel error value (such as #DIV/0!, #N/A)")
            }
            open(cell.column, row: row, style: styleID)
            out.ascii(" t=\"e\">")
            formulaElement(formula)
            out.ascii("<v>")
            out.raw(code)
            out.ascii("</v></c>")
        }
    }

    /// `<c r="B7" s="3"` and records the cell in the used range.
    @inline(__always)
    private func open(_ column: Int, row: Int, style: Int) {
        noteUsed(row: row, column: column)
        out.ascii("<c r=\"")
        out.cellReference(row: row, column: column)
        if style != 0 {
            out.ascii("\" s=\"")
            out.int(style)
        }
        out.byte(UInt8(ascii: "\""))
    }

    @inline(__always)
    private func formulaElement(_ formula: String?) {
        guard let formula else { return }
        out.ascii("<f>")
        out.escapedText(formula)
        out.ascii("</f>")
    }

    private func checkedFormula(_ formula: String?) throws(WriteProblem) -> String? {
        guard var formula else { return nil }
        if formula.hasPrefix("=") { formula.removeFirst() }
        guard !formula.isEmpty else { throw WriteProblem(zh: "公式为空", en: "the formula is empty") }
        guard formula.utf16.count <= WriteRules.maxFormulaLength else {
            throw WriteProblem(zh: "公式长度超过 Excel 上限 8192 个字符", en: "the formula exceeds Excel's limit of 8,192 characters")
        }
        return formula
    }

    /// The cell format index, with a date format added to date cells that have none.
    @inline(__always)
    private func styleIndex(_ cell: Cell) throws(WriteProblem) -> Int {
        var style = cell.style
        if case .date(let date) = cell.value, style?.numberFormat == nil {
            var dated = style ?? CellStyle()
            dated.numberFormat = Self.defaultDateFormat(date.kind)
            style = dated
        }
        guard let style else { return 0 }
        return try cachedStyleIndex(style, column: cell.column)
    }
}
