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

/// Reading one indicator's target, actual, direction and unit, shared by lists and forms.
enum IndicatorReading {
    struct Result {
        var direction: IndicatorDirection
        var target: IndicatorValue
        var actual: IndicatorValue?
        var unit: String?
        var applicable: Bool
        /// True when no 指标性质 and no sign said the direction and ≥ was assumed.
        var defaulted: Bool
    }

    static let defaultNote = "部分指标未写指标性质且目标值无符号，数值指标按正向（≥）读取 / indicators without 指标性质 or sign are read as ≥ (numeric) or 定性 (text)"

    static func read(_ grid: Grid, row: Int, target: Int?, actual: Int?, direction: Int?, unit: Int?) -> Result {
        let targetText = target.map { grid.text(row, $0) } ?? ""
        let actualText = actual.map { grid.text(row, $0) } ?? ""
        let targetValue = IndicatorValue(parsing: targetText, source: target.map { grid.location(row, $0) })
        let actualValue = actualText.isEmpty || actualText == "—" || actualText == "-"
            ? nil : IndicatorValue(parsing: actualText, source: actual.map { grid.location(row, $0) })
        let unitText = unit.map { grid.text(row, $0) } ?? ""
        var defaulted = false
        let resolved: IndicatorDirection
        if let d = direction.flatMap({ IndicatorDirection(text: grid.text(row, $0)) }) {
            resolved = d
        } else if let d = targetValue.direction {
            resolved = d
        } else if targetValue.number == nil {
            resolved = .qualitative
        } else {
            resolved = .atLeast
            defaulted = true
        }
        let notApplicable = ["不适用", "无此项"].contains(Vocabulary.normalise(targetText))
        return Result(
            direction: resolved, target: targetValue, actual: actualValue,
            unit: unitText.isEmpty ? nil : unitText, applicable: !notApplicable, defaulted: defaulted)
    }
}
