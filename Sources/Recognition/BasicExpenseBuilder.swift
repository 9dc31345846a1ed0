import FinanceModel

/// Reads 基本支出 by 经济分类: one block (编码 | 名称 | 合计 | 人员经费 | 公用经费) or two blocks side by side
/// (人员经费: 编码 | 名称 | 金额 ‖ 公用经费: 编码 | 名称 | 金额).
enum BasicExpenseBuilder {
    /// One side-by-side block: its code and name columns and the amount columns up to the next block.
    struct Block {
        var code: Int?
        var name: Int?
        var amounts: [Int]
    }

    static func build(_ t: TableContext) throws(RecognitionError) -> RecognizedTable {
        try t.require("经济分类科目编码/科目名称 列") { $0 == .code || $0 == .name }
        try t.require("合计/人员经费/公用经费 金额列") { $0.amount != nil }
        let blocks = self.blocks(t)
        var rows: [BasicExpenseRow] = []
        var totals: [Int] = []
        for r in t.layout.dataRows {
            var combinedTotal: BasicExpenseRow?
            for block in blocks {
                let codeText = block.code.map { t.grid.text(r, $0) } ?? ""
                let parsed = CodeReading.joined(codeText, as: EconomicCode.self)
                var name = block.name.map { t.grid.text(r, $0) } ?? ""
                if name.isEmpty { name = parsed.rest }
                guard parsed.code != nil || !name.isEmpty else { continue }
                let isTotal = parsed.code == nil && t.vocabulary.isTotalLabel(name)
                let sourceColumn = block.name.flatMap { t.grid.text(r, $0).isEmpty ? nil : $0 } ?? block.code ?? 0
                var row = BasicExpenseRow(
                    code: parsed.code, name: name, role: isTotal ? .total : .detail,
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
                    // 人员经费合计 ‖ 公用经费合计 on one line: one total row holding both halves.
                    if var existing = combinedTotal {
                        existing.name += " / " + name
                        merge(&existing.personnelCost, row.personnelCost)
                        merge(&existing.officeCost, row.officeCost)
                        merge(&existing.total, row.total)
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
        let table = BasicExpenseByEconomicTable(info: t.info(), rows: rows)
        return t.recognized(.basicExpenseByEconomic(table), totalRows: totals)
    }

    /// Blocks start at each code column (or each name column when there is no code column).
    static func blocks(_ t: TableContext) -> [Block] {
        let codes = t.columns(where: { $0 == .code })
        let names = t.columns(where: { $0 == .name })
        let starts = codes.isEmpty ? names : codes
        guard !starts.isEmpty else { return [] }
        var blocks: [Block] = []
        for (index, start) in starts.enumerated() {
            let end = index + 1 < starts.count ? starts[index + 1] : Int.max
            let range = start..<end
            blocks.append(Block(
                code: codes.isEmpty ? nil : start,
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
