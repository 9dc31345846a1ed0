import Spreadsheet

/// What a number format (数字格式) makes of a number: a plain number, a date/time, or a duration.
enum NumberFormatClass: Equatable {
    case number
    /// A calendar date, date and time, or time of day (`yyyy-mm-dd`, `h:mm`).
    case date
    /// Elapsed time (`[h]:mm:ss`): handed on as the plain number of days.
    case duration
}

/// The style of one `cellXfs` entry as far as the reader cares: its number format.
final class CellFormat: Sendable {
    let code: String?
    let kind: NumberFormatClass
    /// The style handed on with each cell (nil for General).
    let style: CellStyle?

    static let general = CellFormat(code: nil, kind: .number, style: nil)

    init(code: String?, kind: NumberFormatClass, style: CellStyle? = nil) {
        self.code = code
        self.kind = kind
        self.style = style ?? code.map { CellStyle(numberFormat: $0) }
    }
}

enum NumberFormats {
    /// ECMA-376 §18.8.30's built-in formats (the ones with a fixed code).
    static let builtIn: [Int: String] = [
        1: "0", 2: "0.00", 3: "#,##0", 4: "#,##0.00", 9: "0%", 10: "0.00%", 11: "0.00E+00",
        12: "# ?/?", 13: "# ??/??", 14: "mm-dd-yy", 15: "d-mmm-yy", 16: "d-mmm", 17: "mmm-yy",
        18: "h:mm AM/PM", 19: "h:mm:ss AM/PM", 20: "h:mm", 21: "h:mm:ss", 22: "m/d/yy h:mm",
        37: "#,##0 ;(#,##0)", 38: "#,##0 ;[Red](#,##0)", 39: "#,##0.00;(#,##0.00)",
        40: "#,##0.00;[Red](#,##0.00)", 45: "mm:ss", 46: "[h]:mm:ss", 47: "mmss.0", 48: "##0.0E+0", 49: "@",
    ]

    /// How a built-in id reads: 14–22, 45 and 47 are dates and times, 46 is a duration (as calamine).
    static func classify(builtIn id: Int) -> NumberFormatClass {
        switch id {
        case 14...22, 45, 47: return .date
        case 46: return .duration
        default: return .number
        }
    }

    /// Classifies a custom format code by its first section: date/time tokens (`d m y h s`) outside
    /// quotes, brackets and escapes make a date; `[h]`, `[mm]`, `[ss]` make a duration.
    static func classify(code: String) -> NumberFormatClass {
        var escaped = false
        var quoted = false
        var bracketDepth = 0
        var bracketText: [UInt8] = []
        for c in code.utf8 {
            if escaped { escaped = false; continue }
            if quoted {
                if c == UInt8(ascii: "\"") { quoted = false }
                continue
            }
            if bracketDepth > 0 {
                if c == UInt8(ascii: "]") {
                    bracketDepth -= 1
                    if isElapsedToken(bracketText) { return .duration }
                    bracketText.removeAll()
                } else {
                    bracketText.append(c)
                }
                continue
            }
            switch c {
            case UInt8(ascii: "\\"), UInt8(ascii: "_"), UInt8(ascii: "*"): escaped = true
            case UInt8(ascii: "\""): quoted = true
            case UInt8(ascii: "["): bracketDepth += 1
            case UInt8(ascii: ";"): return .number
            case UInt8(ascii: "d"), UInt8(ascii: "D"), UInt8(ascii: "m"), UInt8(ascii: "M"),
                 UInt8(ascii: "h"), UInt8(ascii: "H"), UInt8(ascii: "y"), UInt8(ascii: "Y"),
                 UInt8(ascii: "s"), UInt8(ascii: "S"):
                return .date
            default: break
            }
        }
        return .number
    }

    /// `h`, `hh`, `m`, `mm`, `s`, `ss` (any case): the elapsed-time brackets.
    private static func isElapsedToken(_ t: [UInt8]) -> Bool {
        guard let first = t.first, !t.isEmpty else { return false }
        let lower = first | 0x20
        guard lower == UInt8(ascii: "h") || lower == UInt8(ascii: "m") || lower == UInt8(ascii: "s") else { return false }
        return t.allSatisfy { $0 | 0x20 == lower }
    }
}

/// Reads `styles.xml`: the custom `numFmts` and, in order, the `cellXfs` entries' number formats.
final class StylesHandler: XMLEventHandler {
    private var customCodes: [Int: String] = [:]
    private var xfFormatIDs: [Int] = []
    private var inCellXfs = false
    /// Depth inside `mc:Fallback`, whose content repeats the `mc:Choice` branch already read.
    private var fallbackDepth = 0

    override func startElement(_ name: XMLName, _ attributes: XMLAttributes) {
        if name.is("Fallback") { fallbackDepth += 1; return }
        guard fallbackDepth == 0 else { return }
        if name.is("numFmt") {
            if let id = attributes.string("numFmtId").flatMap({ Int($0) }), let code = attributes.string("formatCode") {
                customCodes[id] = code
            }
        } else if name.is("cellXfs") {
            inCellXfs = true
        } else if name.is("xf"), inCellXfs {
            xfFormatIDs.append(attributes.string("numFmtId").flatMap { Int($0) } ?? 0)
        }
    }

    override func endElement(_ name: XMLName) {
        if name.is("Fallback") { fallbackDepth = max(0, fallbackDepth - 1); return }
        if name.is("cellXfs") { inCellXfs = false }
    }

    /// One `CellFormat` per `cellXfs` entry.
    var formats: [CellFormat] {
        var cache: [Int: CellFormat] = [:]
        return xfFormatIDs.map { id in
            if let f = cache[id] { return f }
            let f: CellFormat
            if let code = customCodes[id] {
                f = CellFormat(code: code, kind: NumberFormats.classify(code: code))
            } else if id == 0 {
                f = .general
            } else {
                f = CellFormat(code: NumberFormats.builtIn[id], kind: NumberFormats.classify(builtIn: id))
            }
            cache[id] = f
            return f
        }
    }
}
