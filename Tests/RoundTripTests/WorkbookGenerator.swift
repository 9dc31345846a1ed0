import Spreadsheet

/// SplitMix64: a small seeded generator, so every failing case can be replayed from its seed.
struct SeededRandom: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func int(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &self) }
    mutating func chance(_ percent: Int) -> Bool { int(0...99) < percent }
    mutating func pick<T>(_ items: [T]) -> T { items[int(0...(items.count - 1))] }
}

/// Random workbooks for the round-trip property: values of every kind the writer takes, in the
/// shapes that are easy to get wrong (CJK, control characters, `_xHHHH_` look-alikes, edge spaces,
/// long text, large and tiny decimals, dates and times, formulas with cached values), many styles,
/// merges, several sheets, hidden and very hidden ones.
struct WorkbookGenerator {
    var random: SeededRandom
    /// Dates must fall on or after the workbook's epoch.
    var date1904 = false

    init(seed: UInt64) { random = SeededRandom(seed: seed) }

    static let textPieces = [
        "2020年度部门决算", "行政运行", "一般公共预算财政拨款", "合计", "𠀀𠮷", "😀", "a", "Z", " ", "  lead", "trail  ",
        "tab\there", "line\nbreak", "cr\r\nlf", "\u{1}\u{8}\u{1F}", "_x0041_", "_x000D_", "&<>\"'", "]]>", "\u{FEFF}",
        "=SUM(A1)", "-12", "000858", "110101199003071234", "1e5", "TRUE", "#N/A", "é", "e\u{301}", "\u{7F}", "\u{FFFD}",
    ]

    static let numberFormats = [
        "#,##0.00", "0.00%", "0.00", "0", "0%", "#,##0", "0.000", "#,##0.00_);[Red](#,##0.00)", "\"¥\"#,##0.00",
        "0.00\"万元\"", "@",
    ]

    static let dateFormats: [LocalDateTime.Kind: [String?]] = [
        .date: [nil, "yyyy-mm-dd", "yyyy\"年\"m\"月\"d\"日\"", "m/d/yy"],
        .dateTime: [nil, "yyyy-mm-dd hh:mm:ss", "yyyy/m/d h:mm"],
        .time: [nil, "hh:mm:ss", "h:mm"],
    ]

    static let formulas = ["SUM(A1:A3)", "B2*2", "IF(A1>0,\"是\",\"否\")", "\"文本\"&A1", "NOW()", "A1/0", "ISBLANK(C3)"]

    mutating func text() -> String {
        if random.chance(2) {
            // Long text, up to Excel's 32,767 UTF-16 units per cell.
            let unit = random.pick(["表", "a", "𠮷", "ab c"])
            let limit = 32_767 / unit.utf16.count
            return String(repeating: unit, count: random.int((limit - 10)...limit))
        }
        var s = ""
        for _ in 0..<random.int(1...4) { s += random.pick(Self.textPieces) }
        return s
    }

    /// A plain decimal in the canonical form the reader gives back: no leading or trailing zeros, no
    /// `+`, no `-0`, at most 15 significant digits.
    mutating func number() -> String {
        let negative = random.chance(30)
        let digits = "0123456789"
        func run(_ n: Int, leadingNonZero: Bool) -> String {
            var s = ""
            for i in 0..<n {
                let d = (i == 0 && leadingNonZero) ? random.int(1...9) : random.int(0...9)
                s.append(digits[digits.index(digits.startIndex, offsetBy: d)])
            }
            return s
        }
        var text: String
        switch random.int(0...4) {
        case 0: text = String(random.int(0...9))
        case 1: text = run(random.int(1...15), leadingNonZero: true)
        case 2:
            let intDigits = random.int(1...8)
            text = run(intDigits, leadingNonZero: true) + "." + run(random.int(0...(15 - intDigits - 1)), leadingNonZero: false)
                + String(random.int(1...9))
        case 3: text = "0." + String(repeating: "0", count: random.int(0...6)) + run(random.int(0...7), leadingNonZero: false)
            + String(random.int(1...9))
        default: text = random.pick(["999999999999999", "100000000000000", "0.1", "0.5", "1234567.89", "0.000001"])
        }
        if negative && text != "0" { text = "-" + text }
        return text
    }

    mutating func date() -> (LocalDateTime, String?) {
        let kind = random.pick([LocalDateTime.Kind.date, .dateTime, .time])
        let format = random.pick(Self.dateFormats[kind]!)
        let y = random.int((date1904 ? 1905 : 1901)...9999), m = random.int(1...12), d = random.int(1...28)
        var h = random.int(0...23), mi = random.int(0...59), s = random.int(0...59)
        let ms = random.chance(30) ? random.int(1...999) : 0
        switch kind {
        case .date:
            return (LocalDateTime(year: y, month: m, day: d, kind: .date), format)
        case .dateTime:
            if (h, mi, s, ms) == (0, 0, 0, 0) { h = 1 }
            return (LocalDateTime(year: y, month: m, day: d, hour: h, minute: mi, second: s, millisecond: ms, kind: .dateTime),
                    format)
        case .time:
            if (h, mi, s, ms) == (0, 0, 0, 0) { s = 1 }
            return (LocalDateTime(year: 1899, month: 12, day: 31, hour: h, minute: mi, second: s, millisecond: ms,
                                  kind: .time), format)
        }
    }

    mutating func style(numberFormat: String?) -> CellStyle? {
        if numberFormat == nil && random.chance(50) { return nil }
        var style = CellStyle(numberFormat: numberFormat)
        if random.chance(50) {
            style.font = .init(name: random.pick(["宋体", "黑体", "仿宋_GB2312", "Arial"]), size: Double(random.int(8...20)),
                               bold: random.chance(30), italic: random.chance(10),
                               color: random.chance(20) ? random.pick(["FF0000", "1F4E79"]) : nil)
        }
        if random.chance(40) {
            style.alignment = .init(horizontal: random.pick([.general, .left, .center, .right]),
                                    vertical: random.pick([.top, .center, .bottom]), wrapText: random.chance(30))
        }
        if random.chance(40) { style.border = .all(random.pick([.none, .thin, .medium])) }
        if random.chance(20) { style.fillColor = random.pick(["D9D9D9", "FFFF00", "C6EFCE"]) }
        return style
    }

    mutating func cell(column: Int) -> Cell {
        let formula = random.chance(10) ? random.pick(Self.formulas) : nil
        switch random.int(0...99) {
        case 0..<40:
            return Cell(column: column, value: .text(text()), formula: formula, style: style(numberFormat: nil))
        case 40..<70:
            let format = random.chance(50) ? random.pick(Self.numberFormats) : nil
            return Cell(column: column, value: .number(number()), formula: formula, style: style(numberFormat: format))
        case 70..<78:
            return Cell(column: column, value: .boolean(random.chance(50)), formula: formula, style: style(numberFormat: nil))
        case 78..<84:
            return Cell(column: column, value: .error(random.pick(["#DIV/0!", "#N/A", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#NULL!"])),
                        formula: formula, style: style(numberFormat: nil))
        case 84..<96:
            let (date, format) = date()
            return Cell(column: column, value: .date(date), formula: formula, style: style(numberFormat: format))
        default:
            // An empty cell: styled only, or a formula without a cached value.
            return Cell(column: column, value: .empty, formula: random.chance(50) ? random.pick(Self.formulas) : nil,
                        style: style(numberFormat: random.chance(50) ? "0.00" : nil) ?? CellStyle(fillColor: "FFFF00"))
        }
    }

    mutating func sheet(name: String, state: Sheet.State) -> Sheet {
        var rows: [Row] = []
        var rowIndex = -1
        for _ in 0..<random.int(0...14) {
            rowIndex += random.chance(80) ? 1 : random.int(2...50)
            if random.chance(1) { rowIndex = max(rowIndex, random.int(1_000...CellAddress.maxRows - 1)) }
            guard rowIndex < CellAddress.maxRows else { break }
            var cells: [Cell] = []
            var column = -1
            for _ in 0..<random.int(0...8) {
                column += random.chance(75) ? 1 : random.int(2...30)
                if random.chance(1) { column = max(column, random.int(100...CellAddress.maxColumns - 1)) }
                guard column < CellAddress.maxColumns else { break }
                cells.append(cell(column: column))
            }
            rows.append(Row(index: rowIndex, cells: cells, height: random.chance(10) ? Double(random.int(12...40)) : nil))
        }
        // Merges in separate row bands so they never overlap.
        var merges: [CellRange] = []
        for k in 0..<random.int(0...3) {
            let top = k * 4 + random.int(0...1)
            let left = random.int(0...5)
            merges.append(CellRange(CellAddress(row: top, column: left),
                                    CellAddress(row: top + random.int(0...2), column: left + random.int(1...4))))
        }
        var layout = SheetLayout()
        if random.chance(30) { layout.columnWidths = [0: Double(random.int(5...40)), 3: 12.5] }
        if random.chance(20) { layout.frozenAt = CellAddress(row: 1, column: random.int(0...2)) }
        return Sheet(name: name, state: state, rows: rows, merges: merges, layout: layout)
    }

    static let sheetNames = ["支出表", "收入表", "Sheet1", "基本支出", "项目支出明细（2020年度）", "A", "x'y", "数据 2", "对照表"]

    mutating func workbook() -> Workbook {
        date1904 = random.chance(10)
        var sheets: [Sheet] = []
        var used = Set<String>()
        for n in 0..<random.int(1...4) {
            var name = random.pick(Self.sheetNames)
            if used.contains(name.lowercased()) { name = "\(name)\(n)" }
            if used.contains(name.lowercased()) { name = "表\(n)" }
            used.insert(name.lowercased())
            let state: Sheet.State = n == 0 ? .visible : random.pick([.visible, .visible, .hidden, .veryHidden])
            sheets.append(sheet(name: name, state: state))
        }
        // Excel needs one visible sheet; sometimes it is not the first.
        if random.chance(20), sheets.count > 1 { sheets.swapAt(0, sheets.count - 1) }
        return Workbook(sheets: sheets, date1904: date1904)
    }
}
