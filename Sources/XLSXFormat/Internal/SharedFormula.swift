import Spreadsheet

/// Shared formulas (共享公式): Excel stores a filled-down or filled-right formula once, on its first
/// cell (`<f t="shared" ref="C6:C10" si="0">SUM(C1:C5)</f>`), and gives the other cells only the
/// index (`<f t="shared" si="0"/>`). Each of those cells' formula is the first one with its relative
/// references moved by the cell's offset, as Excel shows it.
enum SharedFormula {
    /// `formula` as it reads `rows` rows down and `columns` columns right of the cell it was written
    /// for. Relative parts of references move (`A1`, `A$1`, `$A1`, ranges, whole columns `A:C` and
    /// rows `1:3`, on other sheets too); absolute parts, strings, sheet names, function names and
    /// structured references (`Table1[列]`) do not. A reference moved off the sheet becomes `#REF!`.
    static func shift(_ formula: String, rows: Int, columns: Int) -> String {
        guard rows != 0 || columns != 0 else { return formula }
        let s = Array(formula.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(s.count + 8)
        var i = 0
        while i < s.count {
            let c = s[i]
            switch c {
            case UInt8(ascii: "\""):  // a string: copied, "" inside it is a quote
                let end = skipQuoted(s, i, quote: c)
                out.append(contentsOf: s[i..<end])
                i = end
            case UInt8(ascii: "'"):  // a quoted sheet name: copied (its reference follows the `!`)
                let end = skipQuoted(s, i, quote: c)
                out.append(contentsOf: s[i..<end])
                i = end
            case UInt8(ascii: "["):  // a structured reference or external book: copied to its `]`
                var depth = 0
                var j = i
                while j < s.count {
                    if s[j] == UInt8(ascii: "[") { depth += 1 }
                    if s[j] == UInt8(ascii: "]") { depth -= 1; if depth == 0 { j += 1; break } }
                    j += 1
                }
                out.append(contentsOf: s[i..<j])
                i = j
            case _ where isWordByte(c):
                // A word: a reference, or a range of two (`A1:B2`, `A:C`, `1:3`), or anything else.
                var j = i
                while j < s.count, isWordByte(s[j]) { j += 1 }
                let word = Array(s[i..<j])
                let previous = i > 0 ? s[i - 1] : 0
                let next = j < s.count ? s[j] : 0
                // Part of a longer name (`_xlfn.X`, `a.b`), a function (`LOG10(`), a sheet (`Sheet1!`):
                // not a reference.
                if previous == UInt8(ascii: ".") || next == UInt8(ascii: "(") || next == UInt8(ascii: "!") {
                    out.append(contentsOf: word)
                    i = j
                    continue
                }
                if next == UInt8(ascii: ":"), let range = rangeEnd(s, j + 1) {
                    let second = Array(s[(j + 1)..<range])
                    if let moved = shiftRange(word, second, rows: rows, columns: columns) {
                        out.append(contentsOf: moved)
                        i = range
                        continue
                    }
                }
                if let ref = CellPart(word), ref.hasRow, ref.hasColumn {
                    out.append(contentsOf: ref.shifted(rows: rows, columns: columns)?.bytes ?? Array("#REF!".utf8))
                } else {
                    out.append(contentsOf: word)
                }
                i = j
            default:
                out.append(c)
                i += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// A..Z, a..z, 0..9, `$`, `_`, `.`, and any non-ASCII byte (names may be CJK).
    private static func isWordByte(_ c: UInt8) -> Bool {
        (c | 0x20) &- UInt8(ascii: "a") < 26 || c &- UInt8(ascii: "0") < 10 || c == UInt8(ascii: "$")
            || c == UInt8(ascii: "_") || c == UInt8(ascii: ".") || c >= 0x80
    }

    /// The index after the closing quote (a doubled quote stays inside).
    private static func skipQuoted(_ s: [UInt8], _ start: Int, quote: UInt8) -> Int {
        var j = start + 1
        while j < s.count {
            if s[j] == quote {
                if j + 1 < s.count, s[j + 1] == quote { j += 2; continue }
                return j + 1
            }
            j += 1
        }
        return s.count
    }

    /// The end of the word after a `:`, or nil.
    private static func rangeEnd(_ s: [UInt8], _ start: Int) -> Int? {
        var j = start
        while j < s.count, isWordByte(s[j]) { j += 1 }
        return j > start ? j : nil
    }

    /// `A1:B2`, `A:C`, `1:3` moved; nil when the two words are not such a pair.
    private static func shiftRange(_ a: [UInt8], _ b: [UInt8], rows: Int, columns: Int) -> [UInt8]? {
        guard let first = CellPart(a), let second = CellPart(b),
              first.hasRow == second.hasRow, first.hasColumn == second.hasColumn else { return nil }
        guard let x = first.shifted(rows: rows, columns: columns), let y = second.shifted(rows: rows, columns: columns) else {
            return Array("#REF!".utf8)
        }
        return x.bytes + [UInt8(ascii: ":")] + y.bytes
    }

    /// One end of a reference: `$A$1`, `A1`, a column alone (`$C`) or a row alone (`12`).
    private struct CellPart {
        var column: Int?  // zero-based
        var row: Int?  // zero-based
        var absoluteColumn = false
        var absoluteRow = false

        var hasRow: Bool { row != nil }
        var hasColumn: Bool { column != nil }

        init?(_ w: [UInt8]) {
            var i = 0
            if i < w.count, w[i] == UInt8(ascii: "$") { absoluteColumn = true; i += 1 }
            var col = 0, letters = 0
            while i < w.count, (w[i] | 0x20) &- UInt8(ascii: "a") < 26 {
                col = col * 26 + Int((w[i] | 0x20) - UInt8(ascii: "a")) + 1
                letters += 1
                i += 1
                if letters > 3 { return nil }
            }
            if letters == 0 && absoluteColumn {
                // `$12` is an absolute row alone.
                absoluteColumn = false
                absoluteRow = true
            } else if i < w.count, w[i] == UInt8(ascii: "$") {
                guard letters > 0 else { return nil }
                absoluteRow = true
                i += 1
            }
            var row = 0, digits = 0
            while i < w.count, w[i] &- UInt8(ascii: "0") < 10 {
                row = row * 10 + Int(w[i] - UInt8(ascii: "0"))
                digits += 1
                i += 1
                if digits > 7 { return nil }
            }
            guard i == w.count, letters > 0 || digits > 0 else { return nil }
            if absoluteRow, digits == 0 { return nil }
            if letters > 0 {
                guard col <= CellAddress.maxColumns else { return nil }
                column = col - 1
            }
            if digits > 0 {
                guard row >= 1, row <= CellAddress.maxRows else { return nil }
                self.row = row - 1
            }
        }

        func shifted(rows: Int, columns: Int) -> CellPart? {
            var moved = self
            if let column, !absoluteColumn {
                moved.column = column + columns
                guard moved.column! >= 0, moved.column! < CellAddress.maxColumns else { return nil }
            }
            if let row, !absoluteRow {
                moved.row = row + rows
                guard moved.row! >= 0, moved.row! < CellAddress.maxRows else { return nil }
            }
            return moved
        }

        var bytes: [UInt8] {
            var out = ""
            if let column { out += (absoluteColumn ? "$" : "") + CellAddress.columnName(column) }
            if let row { out += (absoluteRow ? "$" : "") + String(row + 1) }
            return Array(out.utf8)
        }
    }
}
