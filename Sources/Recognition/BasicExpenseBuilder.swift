import FinanceModel

/// Reads 基本支出 by 经济分类: one block (编码 | 名称 | 合计 | 人员经费 | 公用经费) or two blocks side by side
/// (人员经费: 编码 | 名称 | 金额 ‖ 公用经费: 编码 | 名称 | 金额). Codes may be joined (30101) or split into
/// 类 | 款 columns (301 | 01, or 301 | 1 without the leading zero).
enum BasicExpenseBuilder {
    /// One side-by-side block: its code (joined, or 类 with its 款 column) and name columns and the amount
    /// columns up to the next block.
    struct Block {
        var code: Int?
        var section: Int?
        var name: Int?
        var amounts: [Int]
    }

    static func build(_ t: TableContext) throws(RecognitionError) -> RecognizedTable {
        try t.require("经济分类科目编码/科目名称 列") { $0 == .code || $0 == .codeClass || $0 == .name }
        try t.require("合计/人员经费/公用经费 金额列") { $0.amount != nil }
        let blocks = self.blocks(t)
        var rows: [BasicExpenseRow] = []
        var totals: [Int] = []
        var zeroHint: Finding?
        for r in t.layout.dataRows {
            var combinedTotal: BasicExpenseRow?
            for (index, block) in blocks.enumerated() {
                let code: EconomicCode?
                var rest = ""
                if let section = block.section, let classColumn = block.code {
                    let parts = [t.grid.text(r, classColumn), t.grid.text(r, section)]
                    code = CodeReading.split(parts, as: EconomicCode.self)
                    if code == nil {
                        rest = parts.joined()
                    } else if zeroHint == nil, let code, CodeReading.lacksLeadingZero(parts) {
                        zeroHint = CodeReading.leadingZeroHint(
                            at: t.grid.location(r, classColumn), parts: parts, code: code.digits)
                    }
                } else {
                    let parsed = CodeReading.joined(block.code.map { t.grid.text(r, $0) } ?? "", as: EconomicCode.self)
                    code = parsed.code
                    rest = parsed.rest
                }
                var name = block.name.map { t.grid.text(r, $0) } ?? ""
                if name.isEmpty { name = rest }
                guard code != nil || !name.isEmpty else { continue }
                let isTotal = code == nil && t.vocabulary.isTotalLabel(name)
                let sourceColumn = block.name.flatMap { t.grid.text(r, $0).isEmpty ? nil : $0 } ?? block.code ?? 0
                var row = BasicExpenseRow(
                    code: code, name: name, role: isTotal ? .total : .detail,
                    source: t.grid.location(r, sourceColumn))
                for column in block.amounts {
                    guard let (measure, amountColumn) = t.roles[column]?.amount,
                          let figure = try t.grid.figure(r, column) else { continue }
                    switch measure {
                    case "personnelCost": FunctionTableBuilder.set(&row.personnelCost, amountColumn, figure)
                    case "officeCost": FunctionTableBuilder.set(&row.officeCost, amountColumn, figure)
                    default: FunctionTableBuilder.set(&row.total, amountColumn, figure)
                    }
                }
                if blocks.count > 1, isTotal {
                    // 人员经费合计 ‖ 公用经费合计 on one line: one total row holding both halves, each in its own
                    // column (人员经费 from the block whose label says so, else the first; 公用经费 the other).
                    let half = halfOf(name, blockIndex: index)
                    if half == .officeCost { merge(&row.officeCost, row.total) } else { merge(&row.personnelCost, row.total) }
                    row.total = .empty
                    if var existing = combinedTotal {
                        existing.name += " / " + name
                        merge(&existing.personnelCost, row.personnelCost)
                        merge(&existing.officeCost, row.officeCost)
                        combinedTotal = existing
                    } else {
                        combinedTotal = row
                    }
                    continue
                }
                if isTotal { totals.append(r) }
                rows.append(row)
            }
            if let combinedTotal {
                totals.append(r)
                rows.append(combinedTotal)
            }
        }
        var table = BasicExpenseByEconomicTable(info: t.info(), rows: rows)
        table.info.readingHints = zeroHint.map { [$0] }
        return t.recognized(
            .basicExpenseByEconomic(table), totalRows: totals)
    }

    /// Which half a side-by-side block's 合计 belongs to: by its label (人员经费合计 / 公用经费合计), else by
    /// the block's place (the national template prints 人员经费 on the left).
    static func halfOf(_ label: String, blockIndex: Int) -> BasicExpenseGroup {
        let n = Vocabulary.normalise(label)
        if n.contains("公用经费") { return .officeCost }
        if n.contains("人员经费") { return .personnelCost }
        return blockIndex == 0 ? .personnelCost : .officeCost
    }

    /// Blocks start at each code column (or each name column when there is no code column); a split
    /// code's 类 column starts a block and its 款 column belongs to it.
    static func blocks(_ t: TableContext) -> [Block] {
        let joined = t.columns(where: { $0 == .code })
        let classes = t.columns(where: { $0 == .codeClass })
        let sections = t.columns(where: { $0 == .codeSection })
        let names = t.columns(where: { $0 == .name })
        let codes = (joined + classes).sorted()
        let starts = codes.isEmpty ? names : codes
        guard !starts.isEmpty else { return [] }
        var blocks: [Block] = []
        for (index, start) in starts.enumerated() {
            let end = index + 1 < starts.count ? starts[index + 1] : Int.max
            let range = start..<end
            blocks.append(Block(
                code: codes.isEmpty ? nil : start,
                section: classes.contains(start) ? sections.first { range.contains($0) } : nil,
                name: names.first { range.contains($0) },
                amounts: t.columns(where: { $0.amount != nil }).filter { range.contains($0) }))
        }
        // Amount columns left of the first block belong to it.
        let leading = t.columns(where: { $0.amount != nil }).filter { $0 < starts[0] }
        blocks[0].amounts = leading + blocks[0].amounts
        return blocks
    }

    static func merge(_ into: inout Amounts, _ other: Amounts) {
        for column in AmountColumn.allCases where into[column] == nil { into[column] = other[column] }
    }
}
