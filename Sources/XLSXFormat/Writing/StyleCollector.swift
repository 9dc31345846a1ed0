import Spreadsheet

/// The style table (样式表) of one workbook: the distinct `CellStyle`s actually used, in order of
/// first use, mapped to cell formats (`xf`) over deduplicated fonts, fills, borders and number formats.
///
/// Format 0 is the default look (`CellStyle()`: 宋体 11, no border, no fill, `General`).
final class StyleCollector {
    /// One cell format: indices into the other tables plus the alignment.
    struct Format: Hashable {
        var numberFormatID: Int
        var fontID: Int
        var fillID: Int
        var borderID: Int
        var alignment: CellStyle.Alignment
    }

    private(set) var fonts: [CellStyle.Font] = [CellStyle.Font()]
    private var fontIDs: [CellStyle.Font: Int] = [CellStyle.Font(): 0]
    /// ARGB colours of the solid fills; fill IDs 0 and 1 are the two Excel requires (none, gray125).
    private(set) var fillColors: [String] = []
    private var fillIDs: [String: Int] = [:]
    private(set) var borders: [CellStyle.Border] = [CellStyle.Border()]
    private var borderIDs: [CellStyle.Border: Int] = [CellStyle.Border(): 0]
    /// Custom number formats, numbered from 164 as Excel does.
    private(set) var customNumberFormats: [String] = []
    private var numberFormatIDs: [String: Int] = StyleCollector.builtInNumberFormats
    private(set) var formats: [Format]
    private var formatIDs: [Format: Int]
    private var styleIDs: [CellStyle: Int] = [CellStyle(): 0]

    init() {
        let plain = Format(numberFormatID: 0, fontID: 0, fillID: 0, borderID: 0, alignment: CellStyle.Alignment())
        formats = [plain]
        formatIDs = [plain: 0]
    }

    /// Excel's built-in format codes that display the same in every locale (so no `numFmt` entry).
    static let builtInNumberFormats: [String: Int] = [
        "General": 0, "0": 1, "0.00": 2, "#,##0": 3, "#,##0.00": 4, "0%": 9, "0.00%": 10,
        "0.00E+00": 11, "# ?/?": 12, "# ??/??": 13, "h:mm": 20, "h:mm:ss": 21,
        "mm:ss": 45, "[h]:mm:ss": 46, "mmss.0": 47, "##0.0E+0": 48, "@": 49,
    ]

    /// The cell-format index (`s` attribute) for `style`, adding it when new.
    func index(for style: CellStyle) throws(WriteProblem) -> Int {
        if let id = styleIDs[style] { return id }
        let format = Format(numberFormatID: try numberFormatID(style.numberFormat), fontID: try fontID(style.font),
                            fillID: try fillID(style.fillColor), borderID: borderID(style.border),
                            alignment: style.alignment)
        let id: Int
        if let existing = formatIDs[format] {
            id = existing
        } else {
            id = formats.count
            formats.append(format)
            formatIDs[format] = id
        }
        styleIDs[style] = id
        return id
    }

    private func numberFormatID(_ code: String?) throws(WriteProblem) -> Int {
        guard let code else { return 0 }
        if let id = numberFormatIDs[code] { return id }
        guard !code.isEmpty, code.utf16.count <= 255 else {
            throw WriteProblem(zh: "数字格式“\(code)”无效（须为 1–255 个字符）", en: "invalid number format \"\(code)\" (1–255 characters)")
        }
        let id = 164 + customNumberFormats.count
        customNumberFormats.append(code)
        numberFormatIDs[code] = id
        return id
    }

    private func fontID(_ font: CellStyle.Font) throws(WriteProblem) -> Int {
        if let id = fontIDs[font] { return id }
        guard !font.name.isEmpty, font.name.utf16.count <= 31 else {
            throw WriteProblem(zh: "字体名称“\(font.name)”无效（须为 1–31 个字符）", en: "invalid font name \"\(font.name)\" (1–31 characters)")
        }
        guard font.size >= 1, font.size <= 409 else {
            throw WriteProblem(zh: "字号 \(font.size) 超出 Excel 允许的 1–409 磅", en: "font size \(font.size) is outside Excel's 1–409 points")
        }
        if let color = font.color { _ = try Self.argb(color) }
        let id = fonts.count
        fonts.append(font)
        fontIDs[font] = id
        return id
    }

    private func fillID(_ color: String?) throws(WriteProblem) -> Int {
        guard let color else { return 0 }
        let argb = try Self.argb(color)
        if let id = fillIDs[argb] { return id }
        let id = 2 + fillColors.count
        fillColors.append(argb)
        fillIDs[argb] = id
        return id
    }

    private func borderID(_ border: CellStyle.Border) -> Int {
        if let id = borderIDs[border] { return id }
        let id = borders.count
        borders.append(border)
        borderIDs[border] = id
        return id
    }

    /// `FF` + `RRGGBB` (upper case) from `RRGGBB` or `#RRGGBB`; an 8-digit `AARRGGBB` is kept.
    static func argb(_ color: String) throws(WriteProblem) -> String {
        var hex = Substring(color)
        if hex.hasPrefix("#") { hex = hex.dropFirst() }
        let isHex = hex.utf8.allSatisfy { ($0 >= 48 && $0 <= 57) || ($0 | 0x20 >= 97 && $0 | 0x20 <= 102) }
        guard isHex, hex.utf8.count == 6 || hex.utf8.count == 8 else {
            throw WriteProblem(zh: "颜色“\(color)”无效，应为 6 位十六进制 RRGGBB（如 FFFF00）",
                               en: "invalid colour \"\(color)\"; use 6 hex digits RRGGBB (e.g. FFFF00)")
        }
        return (hex.utf8.count == 6 ? "FF" : "") + hex.uppercased()
    }
}
