import FinanceModel

/// Reads the department-facts list (项目 | 数值 | 计量单位): 编制数, 实有在职人数, fixed assets, last
/// year's "三公" and carry-over, the annual goal; other lines are kept as written.
enum FactsBuilder {
    static func build(_ t: TableContext) throws(RecognitionError) -> RecognizedTable {
        try t.require("项目 列") { $0.rawValue == "fact.label" }
        try t.require("数值/内容 列") { $0.rawValue == "fact.value" }
        let labelColumn = t.column(ColumnRole("fact.label"))
        let valueColumn = t.column(ColumnRole("fact.value"))
        let unitColumn = t.column(ColumnRole("fact.unit"))
        var moneyUnit: MoneyUnit?
        for r in t.layout.dataRows {
            if let u = unitColumn.flatMap({ MoneyUnit(line: t.grid.text(r, $0)) }) { moneyUnit = u; break }
        }
        let unit = t.titleBlock.unit ?? moneyUnit ?? .yuan
        var facts = DepartmentFacts(unit: unit)
        var expected: Sourced<String>?
        var achieved: Sourced<String>?
        var year = t.titleBlock.year
        for r in t.layout.dataRows {
            let label = t.grid.labelText(r, labelColumn)
            let value = t.grid.labelText(r, valueColumn)
            guard !label.isEmpty, let valueColumn else { continue }
            let location = t.grid.location(r, valueColumn)
            let rowUnit = unitColumn.flatMap { MoneyUnit(line: t.grid.text(r, $0)) } ?? unit
            func money() throws(RecognitionError) -> Figure? {
                try t.grid.figure(r, valueColumn).map { $0.converted(from: rowUnit, to: unit) }
            }
            switch t.vocabulary.key(in: "factFields", exactly: label) {
            case "departmentName"? where !value.isEmpty: facts.departmentName = Sourced(value, at: location)
            case "year"?: year = Int(value.prefix(4)) ?? year
            case "authorizedStaff"?: facts.authorizedStaff = t.grid.quantity(r, valueColumn)
            case "staffInPost"?: facts.staffInPost = t.grid.quantity(r, valueColumn)
            case "fixedAssetsTotal"?: facts.fixedAssetsTotal = try money()
            case "fixedAssetsInUse"?: facts.fixedAssetsInUse = try money()
            case "priorYearThreePublic"?: facts.priorYearThreePublic = try money()
            case "priorYearCarryover"?: facts.priorYearCarryover = try money()
            case "goalExpected"? where !value.isEmpty: expected = Sourced(value, at: location)
            case "goalAchieved"? where !value.isEmpty: achieved = Sourced(value, at: location)
            default:
                facts.otherEntries.append(FactEntry(
                    label: label, text: value + (unitColumn.map { t.grid.text(r, $0) } ?? ""),
                    source: location))
            }
        }
        if let expected { facts.annualGoal = AnnualGoal(expected: expected, achieved: achieved) }
        var info = t.info(unit: unit)
        info.year = year
        let table = DepartmentFactsTable(info: info, facts: facts)
        var recognized = t.recognized(.departmentFacts(table), totalRows: [])
        if t.titleBlock.unit == nil, moneyUnit != nil {
            recognized.notes.append("金额单位取自计量单位列（\(unit.rawValue)） / amount unit taken from the unit column (\(unit.rawValue))")
        }
        return recognized
    }
}
