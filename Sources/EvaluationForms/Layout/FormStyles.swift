import FinanceModel
public import Spreadsheet

/// The look of the official forms as printed: 宋体, a larger bold title, thin borders, wrapped text,
/// `#,##0.00` amounts, `0.00%` rates.
public enum FormStyles {
    static let font = "宋体"
    static let thin = CellStyle.Border.all(.thin)

    public static let title = CellStyle(
        font: .init(name: font, size: 18, bold: true), alignment: .init(horizontal: .center, vertical: .center))
    public static let subtitle = CellStyle(
        font: .init(name: font, size: 12), alignment: .init(horizontal: .center, vertical: .center))
    /// A label cell (项目名称, 年初预算数 …): centred, wrapped, bordered.
    public static let label = CellStyle(
        font: .init(name: font, size: 11, bold: true),
        alignment: .init(horizontal: .center, vertical: .center, wrapText: true), border: thin)
    /// Body text: left, wrapped, bordered.
    public static let text = CellStyle(
        font: .init(name: font, size: 11), alignment: .init(horizontal: .left, vertical: .center, wrapText: true),
        border: thin)
    /// Centred body text (一级/二级 labels of the indicator table, "—").
    public static let centered = CellStyle(
        font: .init(name: font, size: 11), alignment: .init(horizontal: .center, vertical: .center, wrapText: true),
        border: thin)
    /// A number in an indicator cell (实际完成值), centred like the text around it.
    public static let centeredNumber = CellStyle(
        font: .init(name: font, size: 11), alignment: .init(horizontal: .center, vertical: .center, wrapText: true),
        border: thin)
    /// The fill of a cell a person must fill in (年度总体目标, 偏差原因分析, 实施单位, 主管部门, an undetermined 得分).
    public static let requiredFill = "FFF2CC"
    /// Body text, with the required fill when `value` is still empty.
    public static func required(_ value: String) -> CellStyle {
        var style = text
        if value.allSatisfy(\.isWhitespace) { style.fillColor = requiredFill }
        return style
    }
    /// Centred, with the required fill: an empty 实际完成值.
    public static let requiredCentered: CellStyle = {
        var style = centered
        style.fillColor = requiredFill
        return style
    }()
    public static let amount = CellStyle(
        font: .init(name: font, size: 11), alignment: .init(horizontal: .right, vertical: .center), border: thin,
        numberFormat: "#,##0.00")
    public static let rate = CellStyle(
        font: .init(name: font, size: 11), alignment: .init(horizontal: .right, vertical: .center), border: thin,
        numberFormat: "0.00%")
    public static let score = CellStyle(
        font: .init(name: font, size: 11), alignment: .init(horizontal: .right, vertical: .center), border: thin,
        numberFormat: "0.00")
    /// Notes under a form (评分方案, 计分说明): small, wrapped, no border.
    public static let note = CellStyle(
        font: .init(name: font, size: 9), alignment: .init(horizontal: .left, vertical: .top, wrapText: true))
    /// The 计算公式及数据来源 column, outside the print area: one line per cell (not wrapped), so the printed
    /// rows keep the height of their A–I content.
    public static let screenNote = CellStyle(
        font: .init(name: font, size: 9), alignment: .init(horizontal: .left, vertical: .center, wrapText: false))

    /// The height of the 年度总体目标 row: enough for the longer text in its half of the form (about 26
    /// Chinese characters a line at 11 pt), at least 60 points, at most Excel's 409.
    static func goalHeight(_ expected: String, _ achieved: String) -> Int {
        let lines = max(expected.count, achieved.count) / 26 + 2
        return min(409, max(60, lines * 15))
    }

    /// Column headers of the list sheets (评分汇总, 检查结果).
    public static let header = CellStyle(
        font: .init(name: font, size: 11, bold: true),
        alignment: .init(horizontal: .center, vertical: .center, wrapText: true), border: thin, fillColor: "D9D9D9")

    /// A4, fit to one page wide.
    public static func print(landscape: Bool = false, repeatRows: ClosedRange<Int>? = nil) -> SheetLayout.PrintSetup {
        SheetLayout.PrintSetup(
            a4: true, orientation: landscape ? .landscape : .portrait, fitToWidth: true, repeatRows: repeatRows,
            margins: (0.5, 0.5, 0.6, 0.6), centerHorizontally: true)
    }
}

/// Cell values for the model's exact numbers: amounts as exact decimals, rates and scores rounded
/// half-up to what the forms and `--json` show (4 and 2 decimals).
enum FormValue {
    static func amount(_ money: Money?) -> CellValue { money.map { .number($0.description) } ?? .text("—") }
    static func amount(_ figure: Figure?) -> CellValue { amount(figure?.value) }
    static func rate(_ rate: Rate?) -> CellValue { rate.map { .number($0.rounded(toDecimals: 4).description) } ?? .text("无法计算") }
    static func score(_ quantity: Quantity?) -> CellValue { quantity.map { .number($0.rounded(toDecimals: 2).description) } ?? .text("—") }
    /// A formula's cached score: the exact result the tool computed (already half-up to 2 decimals).
    static func exactScore(_ quantity: Quantity) -> CellValue { .number(quantity.description) }
    /// A formula's cached rate: the exact quotient, not rounded.
    static func exactRate(_ rate: Rate) -> CellValue { .number(rate.description) }
}
