import FinanceModel

/// Reads list-style project input: a funds sheet (one project per row) and an indicator sheet (one
/// indicator per row, project names merged or left blank downwards).
enum ProjectListBuilder {
    static func funds(_ t: TableContext) throws(RecognitionError) -> RecognizedTable {
        try t.require("项目名称 列") { $0 == .name }
        try t.require("年初预算数/全年预算数/全年执行数 金额列") { $0.amount != nil }
        guard let nameColumn = t.column(.name) else { throw RecognitionError(.emptySheet, at: t.grid.location(0, 0)) }
        var projects: [Project] = []
        var total: ProjectFunds?
        var totals: [Int] = []
        for r in t.layout.dataRows {
            let name = t.grid.text(r, nameColumn)
            let label = name.isEmpty ? t.rowLabel(r, nameColumn: nil) : name
            var funds = ProjectFunds()
            for column in t.columns(where: { $0.amount != nil }) {
                guard let (measure, amountColumn) = t.roles[column]?.amount,
                      let figure = try t.grid.figure(r, column) else { continue }
                switch measure {
                case "fiscalAppropriation": FunctionTableBuilder.set(&funds.fiscalAppropriation, amountColumn, figure)
                case "carryover": FunctionTableBuilder.set(&funds.carryover, amountColumn, figure)
                case "otherIncome": FunctionTableBuilder.set(&funds.other, amountColumn, figure)
                default: FunctionTableBuilder.set(&funds.total, amountColumn, figure)
                }
            }
            if t.vocabulary.isTotalLabel(label) {
                totals.append(r)
                if total == nil { total = funds }
                continue
            }
            guard !name.isEmpty else { continue }
            projects.append(Project(name: name, source: t.grid.location(r, nameColumn), unit: t.unit, funds: funds))
        }
        let table = ProjectFundsTable(info: t.info(), projects: projects, total: total)
        return t.recognized(.projectFunds(table), totalRows: totals)
    }

    static func indicators(_ t: TableContext) throws(RecognitionError) -> RecognizedTable {
        try t.require("三级指标 列") { $0.rawValue == "indicator.name" }
        try t.require("年度指标值 列") { $0.rawValue == "indicator.target" }
        func col(_ field: String) -> Int? { t.column(ColumnRole("indicator." + field)) }
        var indicators: [Indicator] = []
        var project = "", level1 = "", level2 = ""
        var defaulted = false
        for r in t.layout.dataRows {
            func cell(_ field: String) -> String { col(field).map { t.grid.label(r, $0) } ?? "" }
            let projectText = cell("projectName")
            if !projectText.isEmpty { project = projectText }
            let l1 = cell("level1"), l2 = cell("level2")
            if !l1.isEmpty { level1 = l1 }
            if !l2.isEmpty { level2 = l2 }
            let name = cell("name")
            guard let nameColumn = col("name"), !name.isEmpty else { continue }
            let reading = IndicatorReading.read(
                t.grid, row: r, target: col("target"), actual: col("actual"), direction: col("direction"),
                unit: col("unit"))
            defaulted = defaulted || reading.defaulted
            indicators.append(Indicator(
                projectName: project.isEmpty ? nil : project, level1: level1, level2: level2, name: name,
                source: t.grid.location(r, nameColumn), direction: reading.direction, target: reading.target,
                actual: reading.actual, unit: reading.unit, weight: t.grid.quantity(r, col("weight")),
                score: t.grid.quantity(r, col("score")), deviationReason: cell("deviationReason"),
                applicable: reading.applicable))
        }
        let table = ProjectIndicatorsTable(info: t.info(), indicators: indicators)
        return t.recognized(
            .projectIndicators(table), totalRows: [],
            extraNotes: defaulted ? [IndicatorReading.defaultNote] : [])
    }
}
