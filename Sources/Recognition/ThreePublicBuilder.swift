import FinanceModel

/// Reads the "三公" table in either orientation: items as columns (合计 | 因公出国 | 公务用车{小计/购置/运行}
/// | 公务接待, under 预算数 / 决算数) with one data row, or items as rows with 预算数 / 决算数 columns.
enum ThreePublicBuilder {
    static let items: Set<String> = [
        "total", "overseasTravel", "officialCars", "carPurchase", "carOperation", "reception", "meetings", "training",
        "threePublicSubtotal",
    ]

    static func build(_ t: TableContext) throws(RecognitionError) -> RecognizedTable {
        try t.require("预算数/决算数 或 三公项目 金额列") { $0.amount != nil }
        var table = ThreePublicTable(info: t.info())
        var totals: [Int] = []
        let itemColumns = t.columns { role in
            guard let m = role.amount?.measure else { return false }
            return m != "total" && items.contains(m)
        }
        if !itemColumns.isEmpty {
            // Items as columns: read the 合计 row if there is one, else the first row with amounts.
            let amountColumns = t.columns { $0.amount != nil }
            var chosen: Int?
            for r in t.layout.dataRows {
                let hasAmount = amountColumns.contains { !t.grid.text(r, $0).isEmpty }
                guard hasAmount else { continue }
                let label = t.rowLabel(r, nameColumn: t.column(.name))
                if t.vocabulary.isTotalLabel(label) { chosen = r; totals.append(r); break }
                if chosen == nil { chosen = r }
            }
            if let r = chosen {
                for column in amountColumns {
                    guard let (measure, amountColumn) = t.roles[column]?.amount,
                          let figure = try t.grid.figure(r, column) else { continue }
                    set(&table, measure, amountColumn, figure)
                }
            }
        } else {
            let nameColumn = t.column(.name) ?? t.layout.firstColumn
            for r in t.layout.dataRows {
                let label = t.grid.text(r, nameColumn)
                guard let item = t.vocabulary.key(in: "measures", exactly: label), items.contains(item) else { continue }
                if item == "total" { totals.append(r) }
                for column in t.columns(where: { $0.amount != nil }) {
                    guard let (_, amountColumn) = t.roles[column]?.amount,
                          let figure = try t.grid.figure(r, column) else { continue }
                    set(&table, item, amountColumn, figure)
                }
            }
        }
        if table.meetings.isEmpty, table.training.isEmpty, table.total.isEmpty {
            // "三公"经费 / 合计 without 会议费 or 培训费: the "三公" subtotal is the table's 合计.
            table.total = table.threePublicSubtotal
            table.threePublicSubtotal = .empty
        }
        return t.recognized(.threePublic(table), totalRows: totals)
    }

    static func set(_ t: inout ThreePublicTable, _ item: String, _ column: AmountColumn, _ figure: Figure) {
        switch item {
        case "total": FunctionTableBuilder.set(&t.total, column, figure)
        case "overseasTravel": FunctionTableBuilder.set(&t.overseasTravel, column, figure)
        case "officialCars": FunctionTableBuilder.set(&t.officialCars.subtotal, column, figure)
        case "carPurchase": FunctionTableBuilder.set(&t.officialCars.purchase, column, figure)
        case "carOperation": FunctionTableBuilder.set(&t.officialCars.operation, column, figure)
        case "reception": FunctionTableBuilder.set(&t.reception, column, figure)
        case "meetings": FunctionTableBuilder.set(&t.meetings, column, figure)
        case "training": FunctionTableBuilder.set(&t.training, column, figure)
        case "threePublicSubtotal": FunctionTableBuilder.set(&t.threePublicSubtotal, column, figure)
        default: break
        }
    }
}
