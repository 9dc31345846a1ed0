public import Spreadsheet

/// What a CSV field becomes in a workbook: a value and, when the text showed more than the value
/// (thousands separators, a percent sign, trailing fraction zeros), the number format that shows it the
/// same way again.
public struct InferredValue: Hashable, Sendable {
    public var value: CellValue
    /// An Excel number format code such as `0.00%` or `#,##0.00`; nil is `General`.
    public var numberFormat: String?

    public init(value: CellValue, numberFormat: String? = nil) {
        self.value = value
        self.numberFormat = numberFormat
    }
}

/// The rules by which a CSV field's text becomes a cell value when a CSV is turned into a workbook.
///
/// A field becomes a number only when it is a plain decimal: an optional sign, digits with optional
/// standard 3-digit thousands grouping (`1,234,567`), an optional fraction (`.5`, at least one digit),
/// an optional trailing `%`; no leading zero before another digit (`000858`, `0101`, `00.5` stay
/// text); at most 15 significant digits (ID numbers stay text). The number's text is normalised:
/// no grouping, no `+`, no trailing fraction zeros, `-0` is `0`; a percentage is divided by 100
/// (`-22.83%` → `-0.2283` shown as `0.00%`). With `dates`, ISO dates `2020-12-31` and date-times
/// `2020-12-31T08:30:00` (or with a space; seconds and milliseconds optional) become dates. The empty
/// field is `.empty`; everything else, exponents (`1e5`) included, stays `.text` exactly.
public enum CSVTypeInference {
    /// The value of `field`; see `infer` for the number format that goes with it.
    public static func value(for field: String, dates: Bool) -> CellValue {
        infer(field, dates: dates).value
    }

    /// The value of `field` and the number format that shows it as the text did.
    public static func infer(_ field: String, dates: Bool) -> InferredValue {
        if field.isEmpty { return InferredValue(value: .empty) }
        var bytes = field
        switch bytes.withUTF8(quickNumberCheck) {
        case true?: return InferredValue(value: .number(field))
        case false?: break
        case nil: if let number = number(field) { return number }
        }
        if dates, let date = isoDate(field) { return InferredValue(value: .date(date)) }
        return InferredValue(value: .text(field))
    }

    private static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }

    /// The common cases without allocating: true when `field` is `-?D+(.D+)?` already in its normal
    /// form (no grouping, `+`, `%`, trailing fraction zero or negative zero; at most 15 significant
    /// digits), so the number's text is the field itself; false when it holds a byte no number has,
    /// or is not of that shape although it has none of `+ , %`; nil when `number(_:)` must decide.
    static func quickNumberCheck(_ b: UnsafeBufferPointer<UInt8>) -> Bool? {
        var rest = false
        for c in b where !isDigit(c) {
            switch c {
            case UInt8(ascii: "."), UInt8(ascii: "-"): continue
            case UInt8(ascii: "+"), UInt8(ascii: ","), UInt8(ascii: "%"): rest = true
            default: return false
            }
        }
        if rest { return nil }
        let n = b.count
        var i = 0
        if n > 0 && b[0] == UInt8(ascii: "-") { i = 1 }
        let intStart = i
        while i < n && isDigit(b[i]) { i += 1 }
        let intEnd = i
        guard intEnd > intStart, !(intEnd - intStart > 1 && b[intStart] == UInt8(ascii: "0")) else { return false }
        var fracEnd = i
        if i < n {
            guard b[i] == UInt8(ascii: ".") else { return false }
            i += 1
            let fracStart = i
            while i < n && isDigit(b[i]) { i += 1 }
            guard i == n, i > fracStart else { return false }
            if b[n - 1] == UInt8(ascii: "0") { return nil }
            fracEnd = n
        }
        // Significant digits: from the first non-zero digit (integer or fraction) to the end.
        var first = intStart
        while first < fracEnd && (b[first] == UInt8(ascii: "0") || b[first] == UInt8(ascii: ".")) { first += 1 }
        if first == fracEnd { return intStart == 0 ? true : nil }  // zero; "-0" is normalised by number(_:)
        var significant = fracEnd - first
        if first < intEnd && fracEnd > intEnd { significant -= 1 }  // the point itself
        return significant <= 15 ? true : false
    }

    static func number(_ field: String) -> InferredValue? {
        let bytes = Array(field.utf8)
        var i = 0
        var negative = false
        if i < bytes.count && (bytes[i] == UInt8(ascii: "-") || bytes[i] == UInt8(ascii: "+")) {
            negative = bytes[i] == UInt8(ascii: "-")
            i += 1
        }
        var end = bytes.count
        let percent = end > i && bytes[end - 1] == UInt8(ascii: "%")
        if percent { end -= 1 }
        // Integer part, with optional grouping.
        var integer: [UInt8] = []
        var grouped = false
        var groupLength = 0
        while i < end {
            let b = bytes[i]
            if isDigit(b) {
                integer.append(b)
                groupLength += 1
                if grouped && groupLength > 3 { return nil }
            } else if b == UInt8(ascii: ",") {
                if integer.isEmpty || (grouped ? groupLength != 3 : groupLength > 3) { return nil }
                grouped = true
                groupLength = 0
            } else {
                break
            }
            i += 1
        }
        if integer.isEmpty || (grouped && groupLength != 3) { return nil }
        if integer.count > 1 && integer[0] == UInt8(ascii: "0") { return nil }
        var fraction: [UInt8] = []
        if i < end && bytes[i] == UInt8(ascii: ".") {
            i += 1
            while i < end && isDigit(bytes[i]) { fraction.append(bytes[i]); i += 1 }
            if fraction.isEmpty { return nil }
        }
        guard i == end else { return nil }
        let shownDecimals = fraction.count
        while fraction.last == UInt8(ascii: "0") { fraction.removeLast() }
        // Significant digits: from the first non-zero digit to the last non-zero fraction digit.
        let digits = integer + fraction
        let firstNonZero = digits.firstIndex { $0 != UInt8(ascii: "0") }
        let significant = firstNonZero.map { digits.count - $0 } ?? 0
        if significant > 15 { return nil }
        var text: String
        var format: String?
        if percent {
            text = shiftLeftTwo(integer: integer, fraction: fraction)
            format = "0" + (shownDecimals > 0 ? "." + String(repeating: "0", count: shownDecimals) : "") + "%"
        } else {
            text = String(decoding: integer, as: UTF8.self)
            if !fraction.isEmpty { text += "." + String(decoding: fraction, as: UTF8.self) }
            let zeros = shownDecimals > 0 ? "." + String(repeating: "0", count: shownDecimals) : ""
            if grouped { format = "#,##0" + zeros } else if shownDecimals != fraction.count { format = "0" + zeros }
        }
        if negative && significant > 0 { text = "-" + text }
        return InferredValue(value: .number(text), numberFormat: format)
    }

    /// `integer.fraction` divided by 100, as plain decimal text.
    private static func shiftLeftTwo(integer: [UInt8], fraction: [UInt8]) -> String {
        var intPart = integer
        var frac = fraction
        for _ in 0..<2 { frac.insert(intPart.popLast() ?? UInt8(ascii: "0"), at: 0) }
        while intPart.count > 1 && intPart[0] == UInt8(ascii: "0") { intPart.removeFirst() }
        if intPart.isEmpty { intPart = [UInt8(ascii: "0")] }
        while frac.last == UInt8(ascii: "0") { frac.removeLast() }
        var text = String(decoding: intPart, as: UTF8.self)
        if !frac.isEmpty { text += "." + String(decoding: frac, as: UTF8.self) }
        return text
    }

    /// `YYYY-MM-DD`, optionally followed by `T` or a space and `HH:MM`, `HH:MM:SS` or `HH:MM:SS.fff`.
    static func isoDate(_ field: String) -> LocalDateTime? {
        let b = Array(field.utf8)
        func num(_ from: Int, _ count: Int) -> Int? {
            guard from + count <= b.count else { return nil }
            var v = 0
            for k in from..<(from + count) {
                guard isDigit(b[k]) else { return nil }
                v = v * 10 + Int(b[k] - 0x30)
            }
            return v
        }
        guard b.count >= 10, let y = num(0, 4), b[4] == UInt8(ascii: "-"), let m = num(5, 2),
              b[7] == UInt8(ascii: "-"), let d = num(8, 2) else { return nil }
        guard (1...12).contains(m), d >= 1, d <= daysIn(month: m, year: y), y >= 1 else { return nil }
        if b.count == 10 { return LocalDateTime(year: y, month: m, day: d, kind: .date) }
        guard b.count >= 16, b[10] == UInt8(ascii: "T") || b[10] == UInt8(ascii: " "),
              let h = num(11, 2), b[13] == UInt8(ascii: ":"), let mi = num(14, 2), h < 24, mi < 60 else { return nil }
        var s = 0, ms = 0
        if b.count > 16 {
            guard b.count >= 19, b[16] == UInt8(ascii: ":"), let sec = num(17, 2), sec < 60 else { return nil }
            s = sec
            if b.count > 19 {
                guard b[19] == UInt8(ascii: "."), b.count > 20, b.count <= 23, let f = num(20, b.count - 20) else {
                    return nil
                }
                ms = f * [1, 100, 10, 1][b.count - 20]
            }
        }
        return LocalDateTime(year: y, month: m, day: d, hour: h, minute: mi, second: s, millisecond: ms,
                             kind: .dateTime)
    }

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}
