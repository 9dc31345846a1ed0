import FinanceModel
import Spreadsheet

/// Reads one filled or half-filled 项目支出绩效自评表 in the national layout (FORMS.md §3): label
/// cells (项目名称, 主管部门, 实施单位), the funds block (年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率
/// | 得分), the annual goal (预期目标 | 实际完成情况) and the indicator block down to 总分. Merged label
/// cells (绩效指标 / 一级指标 / 二级指标) apply to every row they span, and a blank label repeats the one above.
enum ProjectFormReader {
    /// A title containing 绩效自评表 (or 绩效目标自评表) near the top, and a 项目名称 label.
    static func looksLikeForm(_ grid: Grid) -> Bool {
        let top = (0..<min(grid.rowCount, 4)).flatMap { grid.texts(ofRow: $0).map { Vocabulary.normalise($0.text) } }
        guard top.contains(where: { $0.contains("自评表") && $0.contains("绩效") }) else { return false }
        return find(grid, "项目名称", rows: 0..<min(grid.rowCount, 10)) != nil
    }

    static func read(_ grid: Grid, vocabulary: Vocabulary) throws(RecognitionError) -> RecognizedTable {
        var title = TitleBlock()
        var titleRowEnd = 0
        for row in 0..<min(grid.rowCount, 4) {
            for (_, text) in grid.texts(ofRow: row) {
                let n = Vocabulary.normalise(text)
                if n.contains("自评表"), title.title.isEmpty { title.title = text; titleRowEnd = row }
                if title.year == nil, let y = TitleBlock.year(in: n) { title.year = y }
            }
        }
        guard let nameCell = find(grid, "项目名称", rows: 0..<min(grid.rowCount, 10)) else {
            throw RecognitionError(
                .missingColumns(kind: .projectForm, missing: ["项目名称"], found: [title.title], headerRows: 1...10),
                at: grid.location(0, 0))
        }
        let projectName = valueRight(of: nameCell, grid)
        let department = find(grid, "主管部门", rows: 0..<min(grid.rowCount, 12)).map { valueRight(of: $0, grid) }
        let implementer = find(grid, "实施单位", rows: 0..<min(grid.rowCount, 12)).map { valueRight(of: $0, grid) }
        title.preparedBy = department?.text.isEmpty == false ? department?.text : nil

        var columns: [RecognizedColumn] = []
        var dataRows = 0
        var totalRows: [Int] = []
        var unit = MoneyUnit.yuan
        var unitFound = false
        var project = Project(
            name: projectName.text, source: projectName.location, competentDepartment: department?.text,
            implementingUnit: implementer?.text, unit: .yuan)

        // Funds block.
        if let header = findRow(grid, containingAll: ["年初预算数"], or: ["全年预算数", "全年执行数"]) {
            for row in (max(0, header - 1)...header) {
                for (_, text) in grid.texts(ofRow: row) where text.contains("万元") || text.contains("元") {
                    if let u = unitInParentheses(text) { unit = u; unitFound = true }
                }
            }
            var amountColumns: [(Int, AmountColumn)] = []
            var weightColumn: Int?, scoreColumn: Int?
            for (column, text) in grid.texts(ofRow: header) {
                switch vocabulary.key(in: "amountColumns", exactly: text) {
                case "initialBudget"?: amountColumns.append((column, .initialBudget))
                case "adjustedBudget"?: amountColumns.append((column, .adjustedBudget))
                case "actual"?: amountColumns.append((column, .actual))
                default:
                    let n = Vocabulary.normalise(text)
                    if n == "分值" { weightColumn = column }
                    if n == "得分" { scoreColumn = column }
                }
            }
            for (column, amountColumn) in amountColumns {
                columns.append(RecognizedColumn(
                    role: .amount("total", amountColumn), header: grid.text(header, column),
                    column: CellAddress.columnName(column)))
            }
            let firstAmount = amountColumns.map(\.0).min() ?? grid.columnCount
            var row = header + 1
            while row < grid.rowCount, row <= header + 6 {
                let labels = grid.texts(ofRow: row).filter { $0.column < firstAmount }
                guard let label = labels.last?.text,
                      let measure = vocabulary.key(in: "measures", exactly: label) else { break }
                dataRows += 1
                var amounts = Amounts()
                for (column, amountColumn) in amountColumns {
                    if let f = try grid.figure(row, column) { amounts[amountColumn] = f }
                }
                switch measure {
                case "total":
                    project.funds.total = amounts
                    project.fundsWeight = grid.quantity(row, weightColumn)
                    project.fundsScore = grid.quantity(row, scoreColumn)
                case "fiscalAppropriation": project.funds.fiscalAppropriation = amounts
                case "carryover": project.funds.carryover = amounts
                case "otherIncome": project.funds.other = amounts
                default: break
                }
                row += 1
            }
        }
        project.unit = unit

        // Annual goal.
        if let expected = find(grid, "预期目标", rows: 0..<grid.rowCount) {
            let below = grid.label(expected.row + 1, expected.column)
            if !below.isEmpty {
                var goal = AnnualGoal(expected: Sourced(below, at: grid.location(expected.row + 1, expected.column)))
                if let achieved = find(grid, "实际完成情况", rows: expected.row..<(expected.row + 1)) {
                    let text = grid.label(achieved.row + 1, achieved.column)
                    if !text.isEmpty {
                        goal.achieved = Sourced(text, at: grid.location(achieved.row + 1, achieved.column))
                    }
                }
                project.annualGoal = goal
            }
        }

        // Indicators.
        var defaulted = false
        if let header = findRow(grid, containingAll: ["三级指标"], or: ["一级指标"]) {
            var roles: [String: Int] = [:]
            for (column, text) in grid.texts(ofRow: header) {
                if let key = vocabulary.key(in: "indicator", exactly: text), roles[key] == nil {
                    roles[key] = column
                    columns.append(RecognizedColumn(
                        role: ColumnRole("indicator." + key), header: text, column: CellAddress.columnName(column)))
                }
            }
            var level1 = "", level2 = ""
            var row = header + 1
            while row < grid.rowCount {
                let texts = grid.texts(ofRow: row)
                if let first = texts.first, vocabulary.isFootnote(first.text) { break }
                let labelTexts = (0..<(roles["name"] ?? 0)).map { grid.label(row, $0) }.map(Vocabulary.normalise)
                if labelTexts.contains("总分") || labelTexts.contains("合计") {
                    totalRows.append(row)
                    project.totalScore = grid.quantity(row, roles["score"])
                    break
                }
                let l1 = roles["level1"].map { grid.label(row, $0) } ?? ""
                let l2 = roles["level2"].map { grid.label(row, $0) } ?? ""
                if !l1.isEmpty { level1 = l1 }
                if !l2.isEmpty { level2 = l2 }
                let name = roles["name"].map { grid.text(row, $0) } ?? ""
                if let nameColumn = roles["name"], !name.isEmpty {
                    dataRows += 1
                    let reading = IndicatorReading.read(
                        grid, row: row, target: roles["target"], actual: roles["actual"],
                        direction: roles["direction"], unit: roles["unit"])
                    defaulted = defaulted || reading.defaulted
                    project.indicators.append(Indicator(
                        projectName: project.name, level1: level1, level2: level2, name: name,
                        source: grid.location(row, nameColumn), direction: reading.direction,
                        target: reading.target, actual: reading.actual, unit: reading.unit,
                        weight: grid.quantity(row, roles["weight"]), score: grid.quantity(row, roles["score"]),
                        deviationReason: roles["deviationReason"].map { grid.label(row, $0) } ?? "",
                        applicable: reading.applicable))
                }
                row += 1
            }
        }

        let last = totalRows.last ?? max(titleRowEnd, grid.rowCount - 1)
        let range = CellRange(CellAddress(row: 0, column: 0), CellAddress(row: last, column: max(0, grid.columnCount - 1)))
        title.fillYear(sheetName: grid.sheetName, fileName: grid.file)
        let info = TableInfo(
            kind: .projectForm, side: .both, unit: unit, title: title.title, preparedBy: title.preparedBy,
            year: title.year, tableCode: nil,
            scope: TitleBlock.scope(title: title.title, sheetName: grid.sheetName, fileName: grid.file),
            source: TableSource(file: grid.file, sheet: grid.sheetName, range: range.description))
        var notes: [String] = []
        if !unitFound { notes.append("未找到“项目资金（万元）”中的单位，金额按元读取 / no unit in the funds label; amounts read as 元") }
        if defaulted { notes.append(IndicatorReading.defaultNote) }
        if let note = title.yearNote { notes.append(note) }
        return RecognizedTable(
            table: .projectForm(ProjectFormTable(info: info, project: project)), headerRows: nil,
            columns: columns, dataRows: dataRows, totalRows: totalRows.map { $0 + 1 }, notes: notes)
    }

    /// The first cell whose own text is `label` (normalised) in the rows.
    static func find(_ grid: Grid, _ label: String, rows: Range<Int>) -> (row: Int, column: Int)? {
        for row in rows {
            for (column, text) in grid.texts(ofRow: row) where Vocabulary.normalise(text) == label {
                return (row, column)
            }
        }
        return nil
    }

    /// The text of the first filled cell right of a label (past the label's own merged area).
    static func valueRight(of cell: (row: Int, column: Int), _ grid: Grid) -> (text: String, location: SourceLocation) {
        let start = (grid.merge(at: cell.row, cell.column)?.end.column ?? cell.column) + 1
        for column in start..<max(start, grid.columnCount) {
            let text = grid.text(cell.row, column)
            if !text.isEmpty { return (text, grid.location(cell.row, column)) }
        }
        return ("", grid.location(cell.row, start))
    }

    /// The first row holding every word of `all`, or else any word of `any`.
    static func findRow(_ grid: Grid, containingAll all: [String], or any: [String]) -> Int? {
        for row in 0..<grid.rowCount {
            let words = Set(grid.texts(ofRow: row).map { Vocabulary.normalise($0.text) })
            if all.allSatisfy(words.contains) || any.contains(where: words.contains) { return row }
        }
        return nil
    }

    /// 万元 in "项目资金（万元）".
    static func unitInParentheses(_ text: String) -> MoneyUnit? {
        let n = Vocabulary.normalise(text)
        guard let open = n.lastIndex(of: "("), let close = n.lastIndex(of: ")"), open < close else { return nil }
        return MoneyUnit(line: String(n[n.index(after: open)..<close]))
    }
}
