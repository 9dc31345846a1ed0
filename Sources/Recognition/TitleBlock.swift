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

    private mutating func read(_ raw: String, into titles: inout [String]) {
        let text = Grid.trim(raw)
        let compact = String(text.filter { !$0.isWhitespace })
        if let code = Self.tableCode(compact) {
            if tableCode == nil { tableCode = code }
            return
        }
        for prefix in ["编制单位", "编制部门", "填报单位", "填报部门", "单位名称", "预算单位", "部门名称"] {
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

    /// 公开01表 / 财决01表 / 表2 / 附表3, else nil.
    static func tableCode(_ compact: String) -> String? {
        guard compact.count <= 10, compact.contains(where: \.isASCIIDigit) else { return nil }
        if compact.hasSuffix("表"), compact.dropLast().last?.isASCIIDigit == true { return compact }
        if compact.hasPrefix("表") || compact.hasPrefix("附表"),
           compact.drop(while: { !$0.isASCIIDigit }).allSatisfy({ $0.isASCIIDigit || $0 == "-" }) {
            return compact
        }
        return nil
    }

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
