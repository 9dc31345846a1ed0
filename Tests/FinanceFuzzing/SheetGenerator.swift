import FinanceModel
import Recognition
import Spreadsheet

/// Reads choices from the fuzzer's bytes, so any input is a complete plan. Past the end the choices
/// come from a small generator seeded by the input (all-zero choices would give blank headers only).
struct ByteStream {
    private let bytes: [UInt8]
    private var offset = 0
    private var tail: UInt64

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
        tail = bytes.reduce(0x9E37_79B9_7F4A_7C15) { ($0 ^ UInt64($1)) &* 0x100_0000_01B3 } | 1
    }

    var isAtEnd: Bool { offset >= bytes.count }

    mutating func byte() -> UInt8 {
        guard offset < bytes.count else {
            tail ^= tail << 13
            tail ^= tail >> 7
            tail ^= tail << 17
            return UInt8(truncatingIfNeeded: tail >> 24)
        }
        defer { offset += 1 }
        return bytes[offset]
    }

    /// A number in `0..<bound` (0 when `bound` is not positive).
    mutating func int(_ bound: Int) -> Int {
        guard bound > 1 else { return 0 }
        let wide = Int(byte()) << 8 | Int(byte())
        return wide % bound
    }

    /// True with probability about `percent`/100.
    mutating func chance(_ percent: Int) -> Bool { Int(byte()) * 100 < percent * 256 }

    mutating func pick<T>(_ choices: [T]) -> T? { choices.isEmpty ? nil : choices[int(choices.count)] }

    /// Up to `limit` raw bytes as text (any UTF-8, replacement characters included), without ASCII
    /// letters, so no generated text spells an identifier the message check looks for.
    mutating func rawText(limit: Int) -> String {
        let count = int(limit + 1)
        var raw: [UInt8] = []
        for _ in 0..<count where !isAtEnd {
            let b = byte()
            raw.append((0x41...0x5A).contains(b) || (0x61...0x7A).contains(b) ? 0x2E : b)
        }
        return String(decoding: raw, as: UTF8.self)
    }
}

/// Builds the sheets of a department's files from a `ByteStream`: titles, 编制单位 and unit lines,
/// one to three header rows from the recognition vocabulary (merged where a word spans columns),
/// subject codes, amounts in every spelling people type, blanks, totals rows, footnotes, stray merges,
/// and sometimes a second table under the first.
struct SheetGenerator {
    var stream: ByteStream

    static let titles = [
        "收入决算表", "支出决算表", "部门收入总表", "部门支出总表", "收入支出决算总表", "部门收支总表", "财政拨款收入支出决算总表",
        "一般公共预算财政拨款支出决算表", "一般公共预算财政拨款基本支出决算表", "基本支出决算表", "政府性基金预算财政拨款收入支出决算表",
        "国有资本经营预算财政拨款支出决算表", "“三公”经费支出决算表", "项目支出绩效自评表", "项目支出表", "项目资金情况表",
        "项目绩效指标表", "部门基本情况表", "财政拨款收支总表", "部门预算表", "预算执行情况表", "收入预算表", "支出预算表", "",
    ]
    static let unitLines = [
        "单位：万元", "单位：元", "金额单位：万元", "单位:千元", "金额单位：元", "单位：亿元", "单位：", "（单位：万元）", "单位：美元", "万元",
    ]
    static let departments = ["某县商务局", "某区农业农村局", "区教育局", "", "财政局本级"]
    static let names = [
        "一般公共服务支出", "商贸事务", "行政运行", "招商引资", "社会保障和就业支出", "行政事业单位养老支出", "机关事业单位基本养老保险缴费支出",
        "卫生健康支出", "住房保障支出", "住房公积金", "工资福利支出", "基本工资", "津贴补贴", "商品和服务支出", "办公费", "对个人和家庭的补助",
        "退休费", "合计", "总计", "小计", "本年收入合计", "本年支出合计", "其中：", "一、财政拨款收入", "二、上级补助收入", "三、事业收入",
        "四、经营收入", "五、其他收入", "一、一般公共服务支出", "年初结转和结余", "年末结转和结余", "收入总计", "支出总计", "结余分配",
        "因公出国(境)费", "公务用车购置及运行费", "公务接待费", "电子商务发展专项", "产业园区建设项目", "部门名称", "预算年度",
        "编制人数", "实有在职人数", "固定资产总额", "产出指标", "效益指标", "满意度指标", "数量指标", "质量指标", "时效指标",
        "成本指标", "社会效益指标", "服务对象满意度", "注：本表反映部门本年度的总收支", "≥95%", "100%", "=12个", "≤1000万元",
    ]
    /// Codes whose prefixes nest (类 → 款 → 项), so sums have parents; economic codes too.
    static let codes = [
        "201", "20101", "2010101", "20113", "2011301", "2011308", "208", "20805", "2080501", "2080505", "210", "21011",
        "2101101", "221", "22102", "2210201", "301", "30101", "30102", "302", "30201", "303", "30305", "309", "310",
        "2", "20", "2011", "201130", "20113011", "9999999", "000", "201.13.01", "201 13 01", "201-13-01",
    ]
    static let amounts = [
        "0", "0.00", "1", "10", "100", "875.61", "600", "275.61", "68.98", "944.59", "1,234.56", "（1,234.56）", "(12.3)",
        "-12.3", "-", "—", "－", "12.3万", "1.2e3", "1E400", ".5", "5.", "00012", "0.000001", "0.0000001",
        "999999999999999999.99", "-999999999999999999.99", "999999999999999999999", "NaN", "inf", "１２３", "壹佰",
        "12%", "95%", "3.14159265358979", "  42  ", "1 234", "12,34", "1,2,3", "+7", "--1", "#VALUE!", "TRUE",
    ]
    /// Header rows as the finance software prints them, per table kind: each entry is one header row
    /// (a word per column, "" where a merge above covers it). The generator drops, swaps and blanks
    /// words, so these are starting points, not the only shapes.
    static let templates: [(title: String, header: [[String]])] = [
        ("收入决算表", [["科目编码", "科目名称", "本年收入合计", "财政拨款收入", "上级补助收入", "事业收入", "经营收入", "附属单位上缴收入", "其他收入"]]),
        ("部门收入总表", [["功能分类科目编码", "功能分类科目名称", "合计", "上年结转", "财政拨款", "事业收入", "其他收入"]]),
        ("支出决算表", [["科目编码", "科目名称", "本年支出合计", "基本支出", "项目支出", "上缴上级支出", "经营支出"]]),
        ("部门支出总表", [["科目编码", "", "", "科目名称", "合计", "基本支出", "项目支出"], ["类", "款", "项", "", "", "", ""]]),
        ("一般公共预算财政拨款支出决算表", [["科目编码", "科目名称", "年初预算数", "", "", "全年预算数", "", "", "决算数", "", ""],
                                 ["", "", "合计", "基本支出", "项目支出", "合计", "基本支出", "项目支出", "合计", "基本支出", "项目支出"]]),
        ("一般公共预算财政拨款基本支出决算表", [["经济分类科目编码", "经济分类科目名称", "合计", "人员经费", "公用经费", "经济分类科目编码", "经济分类科目名称", "合计", "人员经费", "公用经费"]]),
        ("收入支出决算总表", [["收入项目", "行次", "决算数", "支出项目", "行次", "决算数"]]),
        ("财政拨款收入支出决算总表", [["收入项目", "金额", "支出项目", "合计", "一般公共预算财政拨款", "政府性基金预算财政拨款"]]),
        ("“三公”经费支出决算表", [["预算数", "", "", "", "", "", "决算数", "", "", "", "", ""],
                             ["合计", "因公出国(境)费", "公务用车购置及运行费", "", "", "公务接待费", "合计", "因公出国(境)费", "公务用车购置及运行费", "", "", "公务接待费"],
                             ["", "", "小计", "公务用车购置费", "公务用车运行费", "", "", "", "小计", "公务用车购置费", "公务用车运行费", ""]]),
        ("项目支出表", [["项目名称", "年初预算数", "全年预算数", "全年执行数", "财政拨款", "其他资金", "备注"]]),
        ("项目绩效指标表", [["项目名称", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"]]),
        ("部门基本情况表", [["项目", "内容"]]),
        ("项目支出绩效自评表", [["项目名称", "", "", ""], ["主管部门", "", "实施单位", ""], ["项目资金", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"]]),
    ]
    static let sheetNames = ["Sheet1", "收入决算表", "支出决算表", "表1", "封面", "基本支出", "三公", "项目", "绩效自评表", "指标"]

    init(_ bytes: [UInt8]) { stream = ByteStream(bytes) }

    /// Up to four files of up to three sheets each, with the side a user might force on each.
    mutating func files() -> [FinanceFuzzing.File] {
        let fileCount = 1 + stream.int(4)
        var files: [FinanceFuzzing.File] = []
        for index in 0..<fileCount {
            let isCSV = stream.chance(20)
            let side: TableSide? = stream.chance(70) ? nil : stream.pick(TableSide.allCases)
            let base = stream.pick(["预算", "决算", "项目", "部门", "报表"]) ?? "预算"
            let name = "\(index)-\(base)" + (isCSV ? ".csv" : ".xlsx")
            let sheetCount = isCSV ? 1 : 1 + stream.int(3)
            var sheets: [Sheet] = []
            for s in 0..<sheetCount {
                sheets.append(sheet(name: isCSV ? name : "\(stream.pick(Self.sheetNames) ?? "Sheet")\(s)"))
            }
            let mapping = stream.chance(12) ? self.mapping(sheets: sheets.map(\.name)) : nil
            files.append(FinanceFuzzing.File(name: name, isCSV: isCSV, side: side, sheets: sheets, mapping: mapping))
        }
        return files
    }

    /// A `--mapping` for some of the sheets: kind, side, unit, title, header and data rows, column roles,
    /// right or wrong.
    mutating func mapping(sheets: [String]) -> Mapping {
        let rows = ["1", "2-3", "3-4", "1-2", "5-40", "0", "4-2", "x", "", "3-1048576", "2-", "-3", "1:2", "２-３"]
        let roles = [
            "code", "name", "total.actual", "total.initialBudget", "total.adjustedBudget", "fiscalAppropriation.actual",
            "otherIncome.actual", "basicExpenditure.adjustedBudget", "projectExpenditure.actual", "personnelCost.actual",
            "code.class", "code.section", "code.item", "serial", "remark", "bogus", "", "total.bogus", ".",
        ]
        var tables: [TableMapping] = []
        for _ in 0..<(1 + stream.int(2)) {
            var entry = TableMapping()
            if stream.chance(60) { entry.sheet = stream.pick(sheets) }
            if stream.chance(40) { entry.kind = stream.pick(TableKind.allCases) }
            if stream.chance(30) { entry.side = stream.pick(TableSide.allCases) }
            if stream.chance(30) { entry.unit = stream.pick(["万元", "元", "千元", "亿元", "单位：万元", ""]) }
            if stream.chance(20) { entry.title = stream.pick(Self.titles) }
            if stream.chance(50) { entry.headerRows = stream.pick(rows) }
            if stream.chance(40) { entry.dataRows = stream.pick(rows) }
            if stream.chance(50) {
                var columns: [String: String] = [:]
                for _ in 0..<(1 + stream.int(5)) {
                    let letters = stream.pick(["A", "B", "C", "D", "E", "F", "G", "K", "AA", "XFD", "XFE", "1", "", "a"]) ?? "A"
                    columns[letters] = stream.pick(roles)
                }
                entry.columns = columns
            }
            tables.append(entry)
        }
        return Mapping(tables: tables)
    }

    /// A narrative report's text: sentences with amounts, rates and labels.
    mutating func report() -> String {
        var lines: [String] = []
        let count = stream.int(12)
        for _ in 0..<count {
            switch stream.int(6) {
            case 0:
                lines.append("\(stream.pick(Self.names) ?? "")\(stream.pick(["为", "是", "共计", "合计"]) ?? "")\(stream.pick(Self.amounts) ?? "")\(stream.pick(["万元", "元", "%", "个", ""]) ?? "")。")
            case 1:
                lines.append("其中：\(stream.pick(Self.names) ?? "")\(stream.pick(Self.amounts) ?? "")万元，\(stream.pick(Self.names) ?? "")\(stream.pick(Self.amounts) ?? "")万元。")
            case 2:
                lines.append("\(stream.pick(["一、", "（二）", "1.", "三、"]) ?? "")\(stream.pick(Self.titles) ?? "")")
            case 3:
                lines.append("\(stream.pick(VocabularyWords.all) ?? "")\(stream.pick(["增长", "减少", "比上年增加"]) ?? "")\(stream.pick(Self.amounts) ?? "")万元，增长\(stream.pick(Self.amounts) ?? "")%。")
            case 4:
                lines.append(stream.rawText(limit: 40))
            default:
                lines.append("")
            }
        }
        return lines.joined(separator: "\n")
    }

    mutating func sheet(name: String) -> Sheet {
        var rows: [[CellValue]] = []
        var merges: [CellRange] = []
        let tableCount = 1 + (stream.chance(15) ? 1 : 0)
        for _ in 0..<tableCount {
            table(into: &rows, merges: &merges)
            if stream.chance(50) { rows.append([]) }
        }
        // Stray merges anywhere, including over data and past the used area.
        for _ in 0..<stream.int(3) {
            let a = CellAddress(row: stream.int(rows.count + 3), column: stream.int(14))
            let b = CellAddress(row: a.row + stream.int(4), column: a.column + stream.int(4))
            merges.append(CellRange(a, b))
        }
        var sheet = Sheet(name: name)
        for (r, row) in rows.enumerated() {
            for (c, value) in row.enumerated() where !value.isBlank {
                sheet.set(CellAddress(row: r, column: c), value)
            }
        }
        sheet.merges = merges
        return sheet
    }

    private mutating func table(into rows: inout [[CellValue]], merges: inout [CellRange]) {
        let template = stream.chance(65) ? stream.pick(Self.templates) : nil
        let columns = template.map { $0.header.map(\.count).max() ?? 2 } ?? 2 + stream.int(11)
        if stream.chance(85) {
            let year = stream.pick(["2020年", "2021年度", "", "二〇二〇年", "2019-2020年"]) ?? ""
            let kind = template != nil && stream.chance(80) ? template?.title : stream.pick(Self.titles)
            let title = (stream.pick(Self.departments) ?? "") + year + (kind ?? "")
            if stream.chance(50) { merges.append(CellRange(CellAddress(row: rows.count, column: 0), CellAddress(row: rows.count, column: columns - 1))) }
            rows.append([.text(title)])
        }
        if stream.chance(40) { rows.append([.text("编制单位：\(stream.pick(Self.departments) ?? "")")]) }
        if stream.chance(70) {
            var line: [CellValue] = Array(repeating: .empty, count: stream.int(columns))
            line.append(.text(stream.pick(Self.unitLines) ?? ""))
            rows.append(line)
        }
        let headerStart = rows.count
        let depth: Int
        if let template {
            depth = template.header.count
            for (level, words) in template.header.enumerated() {
                var row: [CellValue] = []
                for word in words {
                    switch stream.int(30) {
                    case 27: row.append(.empty)
                    case 28: row.append(.text(stream.pick(VocabularyWords.all) ?? ""))
                    case 29: row.append(.text(" " + word + "（万元）"))
                    default: row.append(word.isEmpty ? .empty : .text(word))
                    }
                }
                // A word followed by blanks in a row with a row below spans them.
                if level + 1 < depth {
                    var c = 0
                    while c < words.count {
                        var end = c
                        while end + 1 < words.count, words[end + 1].isEmpty, !words[c].isEmpty { end += 1 }
                        if end > c, stream.chance(80) {
                            merges.append(CellRange(
                                CellAddress(row: headerStart + level, column: c), CellAddress(row: headerStart + level, column: end)))
                        }
                        c = end + 1
                    }
                }
                rows.append(row)
            }
        } else {
            depth = 1 + stream.int(3)
            soupHeader(into: &rows, merges: &merges, columns: columns, depth: depth, headerStart: headerStart)
        }
        if stream.chance(20) { rows.append((0..<columns).map { .number(String($0 + 1)) }) }
        // Vertical merges of the first columns over the header rows.
        if depth > 1, stream.chance(50) {
            for c in 0..<min(2, columns) {
                merges.append(CellRange(CellAddress(row: headerStart, column: c), CellAddress(row: headerStart + depth - 1, column: c)))
            }
        }
        let dataRows = stream.int(stream.chance(10) ? 80 : 20)
        // Most tables are clean (only amounts, blanks and dashes in amount columns): a table with one
        // bad amount is refused whole, so garbage everywhere would stop the fuzzer at recognition.
        let clean = stream.chance(60)
        let codeColumns = template?.header.first?.prefix(while: { $0.contains("编码") || $0.isEmpty || ["类", "款", "项"].contains($0) }).count ?? 1
        for _ in 0..<dataRows {
            var row: [CellValue] = []
            if clean || stream.chance(80) {
                // A well-formed row: code, name, amounts (some blank).
                let code = stream.pick(Self.codes) ?? ""
                for c in 0..<columns {
                    if c == 0 { row.append(stream.chance(10) ? .empty : (stream.chance(50) && code.allSatisfy(\.isNumber) ? .number(code) : .text(code))) }
                    else if c < max(2, codeColumns + 1) { row.append(c == max(1, codeColumns) ? .text(stream.pick(Self.names) ?? "") : .empty) }
                    else { row.append(stream.chance(30) ? .empty : amountCell(clean: clean)) }
                }
            } else {
                for c in 0..<columns { row.append(cell(column: c)) }
            }
            rows.append(row)
        }
        if stream.chance(30) { rows.append([.text(stream.pick(["注：", "说明：本表金额单位为万元", "填报说明", "附注"]) ?? "")]) }
    }

    private mutating func amountCell(clean: Bool) -> CellValue {
        if clean, stream.chance(3) { return .text(stream.pick(["-", "—", "0", "（1,234.56）", "1,234.56", " 12.30 "]) ?? "") }
        if !clean, stream.chance(10) { return .text(stream.pick(Self.amounts) ?? "") }
        let whole = stream.int(stream.chance(50) ? 1_000 : 100_000)
        let cents = stream.int(100)
        return .number("\(whole).\(cents < 10 ? "0" : "")\(cents)")
    }

    /// Header rows of vocabulary words: code and name columns first (usually); a word spanning
    /// columns becomes a merged cell.
    private mutating func soupHeader(
        into rows: inout [[CellValue]], merges: inout [CellRange], columns: Int, depth: Int, headerStart: Int
    ) {
        for level in 0..<depth {
            var row: [CellValue] = []
            var c = 0
            while c < columns {
                let text: String
                if c == 0, stream.chance(70) {
                    text = stream.pick(["科目编码", "功能分类科目编码", "类", "项目", "序号", "项目名称", "一级指标", "收入项目"]) ?? ""
                } else if c == 1, stream.chance(60) {
                    text = stream.pick(["科目名称", "款", "金额", "支出项目", "二级指标", "名称"]) ?? ""
                } else if stream.chance(15) {
                    text = ""
                } else {
                    text = stream.pick(VocabularyWords.all) ?? ""
                }
                let span = level + 1 < depth && stream.chance(35) ? 1 + stream.int(min(4, columns - c)) : 1
                row.append(text.isEmpty ? .empty : .text(text))
                for _ in 1..<max(1, span) { row.append(.empty) }
                if span > 1 {
                    merges.append(CellRange(
                        CellAddress(row: headerStart + level, column: c), CellAddress(row: headerStart + level, column: c + span - 1)))
                }
                c += span
            }
            rows.append(row)
        }
    }

    private mutating func cell(column: Int) -> CellValue {
        switch stream.int(16) {
        case 0, 1, 2: return .empty
        case 3, 4:
            let code = stream.pick(Self.codes) ?? ""
            return stream.chance(50) && code.allSatisfy(\.isNumber) ? .number(code) : .text(code)
        case 5: return .text(stream.pick(Self.names) ?? "")
        case 6:
            // Sometimes past a cell's 32,767 characters once quoted in a message.
            let count = stream.chance(3) ? 3_000 + stream.int(3_000) : 1 + stream.int(60)
            return .text(String(repeating: stream.pick(Self.names) ?? "", count: count))
        case 7: return .text((stream.pick(Self.codes) ?? "") + (stream.chance(50) ? " " : "") + (stream.pick(Self.names) ?? ""))
        case 8: return .text(stream.pick(VocabularyWords.all) ?? "")
        case 9: return .text(stream.pick(Self.amounts) ?? "")
        case 10: return .boolean(stream.chance(50))
        case 11: return .error(stream.pick(["#REF!", "#DIV/0!", "#N/A"]) ?? "")
        case 12: return .date(LocalDateTime(year: 2020, month: 1 + stream.int(12), day: 1 + stream.int(28)))
        case 13: return .text(stream.rawText(limit: 12))
        default:
            // A plain number the way XLSX stores it: digits, a point, a sign, an exponent.
            let whole = stream.int(10_000_000)
            let cents = stream.int(100)
            let sign = stream.chance(10) ? "-" : ""
            let exponent = stream.chance(5) ? "E\(stream.int(40) - 20)" : ""
            return .number("\(sign)\(whole).\(cents < 10 ? "0" : "")\(cents)\(exponent)")
        }
    }
}
