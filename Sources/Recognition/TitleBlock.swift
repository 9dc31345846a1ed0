import FinanceModel

/// The lines above a table's header: title, 编制单位, year, unit line and table code.
struct TitleBlock: Hashable {
    /// The title as written ("2020年部门支出总表"); "" when the sheet has none.
    var title = ""
    /// 编制单位 / 编制部门 / 填报单位.
    var preparedBy: String?
    var year: Int?
    /// The unit as written in the unit line ("万元").
    var unitText: String?
    var unit: MoneyUnit?
    /// 公开01表, 财决01表, 表2.
    var tableCode: String?
    /// First row holding anything (zero-based).
    var firstRow = 0
    /// Where the year came from when the title block names none: `工作表名` or `文件名` (nil: the title block).
    var yearSource: String?

    /// Reads the rows before `headerStart`.
    init(grid: Grid, before headerStart: Int) {
        var titleCandidates: [String] = []
        var first: Int?
        for row in 0..<max(0, headerStart) {
            for (_, raw) in grid.texts(ofRow: row) {
                if first == nil { first = row }
                read(raw, into: &titleCandidates)
            }
        }
        firstRow = first ?? 0
        title = titleCandidates.first { $0.count >= 4 } ?? titleCandidates.first ?? ""
        if year == nil { year = Self.year(in: title) }
    }

    /// A title block read from explicit lines (forms read their own).
    init() {}

    /// Takes the year from the sheet name, then the file name, when the title block names none
    /// (上海 决算 tables print no year); `yearSource` says which.
    mutating func fillYear(sheetName: String?, fileName: String) {
        guard year == nil else { return }
        if let sheetName, let y = Self.year(in: sheetName) {
            year = y
            yearSource = "工作表名"
        } else if let y = Self.year(in: fileName) {
            year = y
            yearSource = "文件名"
        }
    }

    /// The note saying where the year came from, when not from the title block.
    var yearNote: String? {
        guard let yearSource, let year else { return nil }
        return "标题未写年度，按\(yearSource)读作 \(year) 年 / no year in the title block; \(year) taken from the "
            + (yearSource == "工作表名" ? "sheet name" : "file name")
    }

    /// 部门 or 单位: `unit` when the title, else the sheet name, else the file name says 单位预算 / 预算单位 /
    /// 单位决算 (the first of them that says 部门 or 单位 decides).
    static func scope(title: String, sheetName: String?, fileName: String) -> TableScope {
        for text in [title, sheetName ?? "", fileName] {
            var t = Vocabulary.normalise(text)
            // 部门预算经济分类 names a classification, not whose publication it is.
            for phrase in ["部门预算支出经济分类", "部门预算经济分类", "部门经济分类"] {
                t = t.replacingOccurrences(of: phrase, with: "")
            }
            if ["单位预算", "预算单位", "单位决算", "决算单位"].contains(where: { t.contains($0) }) { return .unit }
            if ["部门预算", "部门决算", "部门"].contains(where: { t.contains($0) }) { return .department }
        }
        return .department
    }

    private mutating func read(_ raw: String, into titles: inout [String]) {
        let text = Grid.trim(raw)
        var compact = String(text.filter { !$0.isWhitespace })
        // 编制单位（盖章）：… — the stamp note is no part of the name.
        for stamp in ["（盖章）", "(盖章)", "（公章）", "(公章)"] {
            compact = compact.replacingOccurrences(of: stamp, with: "")
        }
        if let code = Self.tableCode(compact) {
            if tableCode == nil { tableCode = code }
            return
        }
        for prefix in Self.preparedByPrefixes {
            if compact.hasPrefix(prefix + "：") || compact.hasPrefix(prefix + ":") {
                let value = String(compact.dropFirst(prefix.count + 1))
                if !value.isEmpty, preparedBy == nil { preparedBy = value }
                return
            }
        }
        if compact.contains("单位"), let unit = MoneyUnit(line: compact) {
            if self.unit == nil {
                self.unit = unit
                unitText = unit.rawValue
            }
            return
        }
        if let unit = MoneyUnit(line: compact), compact.count <= 6 {
            if self.unit == nil {
                self.unit = unit
                unitText = unit.rawValue
            }
            return
        }
        if let y = Self.year(in: compact), compact.count <= 10 {
            if year == nil { year = y }
            return
        }
        if year == nil, let y = Self.year(in: compact) { year = y }
        titles.append(text)
    }

    /// The words before `：` that name the preparing unit (`部门：中共江苏省委办公厅` too).
    static let preparedByPrefixes = ["编制单位", "编制部门", "填报单位", "填报部门", "单位名称", "预算单位", "部门名称", "部门"]

    /// 公开01表 / 公开02表 / 公开表二 / 财决01表 / 财决05-1表 / 表2 / 附表3 / 表一, else nil: a code, never the title.
    static func tableCode(_ compact: String) -> String? {
        guard compact.count <= 10 else { return nil }
        let numeral: (Character) -> Bool = { $0.isASCIIDigit || Self.chineseNumerals.contains($0) }
        // 公开01表, 财决05-1表, 附表3表: a short word, then the number, then 表.
        if compact.hasSuffix("表"), let last = compact.dropLast().last, last.isASCIIDigit {
            return compact
        }
        // 表2, 附表3, 公开表二, 公开表2, 财决表01, 表一: a short word ending in 表, then only the number.
        if let index = compact.firstIndex(of: "表") {
            let prefix = compact[..<index]
            let number = compact[compact.index(after: index)...]
            if prefix.count <= 4, prefix.allSatisfy({ !numeral($0) }), !number.isEmpty,
               number.allSatisfy({ numeral($0) || $0 == "-" }),
               prefix.isEmpty || ["附", "公开", "财决", "部门公开", "预算公开", "决算公开"].contains(String(prefix)) {
                return compact
            }
        }
        return nil
    }

    static let chineseNumerals: Set<Character> = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"]

    /// The first 4-digit year 1990…2099 followed by 年 (or standing alone as "2020年度").
    static func year(in text: String) -> Int? {
        let chars = Array(text)
        guard chars.count >= 5 else { return nil }
        for i in 0...(chars.count - 5) where chars[i + 4] == "年" {
            let digits = String(chars[i..<(i + 4)])
            if (i == 0 || !chars[i - 1].isASCIIDigit), let y = Int(digits), (1990...2099).contains(y) { return y }
        }
        return nil
    }
}
