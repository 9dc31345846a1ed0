import FinanceModel
import Spreadsheet

/// Reading figures, quantities, codes and labels from cells, each keeping its `SourceLocation`.
extension Grid {
    /// The amount in a cell: nil when blank; `—`/`-` is zero; text that is not a number throws a
    /// located error. A formula's cached value is rounded half-up at 6 decimals (division noise).
    func figure(_ row: Int, _ column: Int?) throws(RecognitionError) -> Figure? {
        guard let column else { return nil }
        let cell = sheet.row(at: row)?.cell(at: column)
        let value = cell?.value ?? .empty
        let text: String
        switch value {
        case .empty: return nil
        case .number(let s): text = s
        case .text(let s):
            text = Grid.trim(s)
            if text.isEmpty { return nil }
        case .boolean, .date, .error:
            text = value.csvText
        }
        do {
            let money = try Money.parse(text, excessDecimals: cell?.formula != nil ? .roundHalfUp : .reject)
            return Figure(money, at: location(row, column))
        } catch {
            throw RecognitionError(.badAmount(text: text, detail: error), at: location(row, column))
        }
    }

    /// A count or score in a cell; nil when blank or not a number (`—`, "未填").
    func quantity(_ row: Int, _ column: Int?) -> Sourced<Quantity>? {
        guard let column else { return nil }
        let text = self.text(row, column)
        guard !text.isEmpty, text.contains(where: \.isNumber), let q = Quantity(parsing: text) else { return nil }
        return Sourced(q, at: location(row, column))
    }

    /// A label as written, without leading indentation.
    func labelText(_ row: Int, _ column: Int?) -> String {
        guard let column else { return "" }
        return text(row, column)
    }
}

/// Parsing subject codes from the cells accountants put them in.
enum CodeReading {
    /// A code from one cell: "2011308", "201 13 08", a number cell "208", or "2011301 行政运行" (the
    /// name after the digits is returned separately).
    static func joined<Code: SubjectCode>(_ text: String, as: Code.Type) -> (code: Code?, rest: String) {
        let t = Grid.trim(text)
        if let code = Code(t) { return (code, "") }
        let digits = t.prefix { $0.isASCIIDigit || ("０"..."９").contains($0) }
        if !digits.isEmpty, let code = Code(String(digits)) {
            return (code, Grid.trim(String(t.dropFirst(digits.count))))
        }
        return (nil, t)
    }

    /// A code from split 类 | 款 | 项 cells; the 类 digits may repeat on 款 and 项 rows.
    static func split<Code: SubjectCode>(_ parts: [String], as: Code.Type) -> Code? {
        var pieces = parts.map { Grid.trim($0) }
        while pieces.last?.isEmpty == true { pieces.removeLast() }
        guard !pieces.isEmpty, !pieces.contains(where: \.isEmpty) else { return nil }
        return Code(parts: pieces)
    }

    /// Whether a 款 or 项 cell of a split code was printed without its leading zero (`301 | 2` for
    /// 30102): the code is still read, and the table's notes say so once.
    static func lacksLeadingZero(_ parts: [String]) -> Bool {
        parts.dropFirst().contains { part in
            let t = Grid.trim(part)
            return t.count == 1 && t.allSatisfy(\.isASCIIDigit)
        }
    }

    /// The 提示 for a table whose split codes lack leading zeros, at the first such code.
    static func leadingZeroHint(at location: SourceLocation, parts: [String], code: String) -> Finding {
        let written = parts.map { Grid.trim($0) }.filter { !$0.isEmpty }.joined(separator: " | ")
        return Finding(
            severity: .hint, rule: "编码补零",
            message: LocalizedText(
                zh: "科目编码“\(written)”的款/项未补足前导零，已按 \(code) 读取；本表其余同类编码同样处理，请核对。",
                en: "the split code “\(written)” lacks a leading zero and was read as \(code); the table's other such codes "
                    + "were read the same way — please check."),
            cells: [CitedCell(location, value: written)])
    }
}

extension Grid {
    /// The text a person sees for an indicator cell: a number cell formatted as a percentage
    /// (`0.95` with `0%`) reads "95%"; everything else is its own text.
    func shownText(_ row: Int, _ column: Int) -> String {
        guard let cell = sheet.row(at: row)?.cell(at: column), case .number(let digits) = cell.value,
              let format = cell.style?.numberFormat, Self.isPercentFormat(format)
        else { return text(row, column) }
        return Self.timesHundred(digits) + "%"
    }

    /// A `%` outside quotes and brackets.
    static func isPercentFormat(_ format: String) -> Bool {
        var quoted = false, bracket = false
        for c in format {
            switch c {
            case "\"": quoted.toggle()
            case "[": bracket = true
            case "]": bracket = false
            case "%" where !quoted && !bracket: return true
            default: continue
            }
        }
        return false
    }

    /// A plain decimal times 100, exactly, by moving the point: "0.956" → "95.6", "-0.5" → "-50", "2" → "200".
    static func timesHundred(_ decimal: String) -> String {
        let negative = decimal.hasPrefix("-")
        let body = negative ? String(decimal.dropFirst()) : decimal
        let parts = body.split(separator: ".", omittingEmptySubsequences: false)
        let whole = String(parts.first ?? "0")
        var fraction = parts.count > 1 ? String(parts[1]) : ""
        while fraction.count < 2 { fraction += "0" }
        var integer = whole + fraction.prefix(2)
        let rest = String(fraction.dropFirst(2))
        while integer.count > 1, integer.hasPrefix("0") { integer.removeFirst() }
        let trimmedRest = String(rest.reversed().drop { $0 == "0" }.reversed())
        let text = trimmedRest.isEmpty ? integer : integer + "." + trimmedRest
        return negative && text != "0" ? "-" + text : text
    }
}
