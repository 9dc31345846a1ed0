import FinanceModel
public import Spreadsheet

/// Lays out the 部门整体支出绩效自评表: the project form's frame (A–I) with 年度预算资金 rows by source
/// and by 基本/项目, the common indicators (formula and inputs in column J, 计算公式及数据来源), the
/// department-specific indicators, and 总分 converted to 100 points.
public enum DepartmentFormLayout {
    public static let sheetName = "部门整体支出绩效自评表"
    public static let columnWidths: [Int] = [10, 12, 12, 22, 14, 14, 8, 10, 22, 60]

    public static func sheet(_ report: FormsReport) -> Sheet {
        let department = report.department
        var grid = FormGrid(name: sheetName)
        grid.widths(columnWidths)
        grid.merge(0...0, 0...8, sheetName, FormStyles.title)
        grid.height(0, 30)
        grid.merge(1...1, 0...8, department.year.map { "（\($0)年度）" } ?? "（  年度）", FormStyles.subtitle)
        grid.put(2, 0, "部门名称", FormStyles.label)
        grid.merge(2...2, 1...8, department.name, FormStyles.text)

        // 年度预算资金.
        let fundsTop = 3
        let fundsBottom = fundsTop + department.fundsRows.count
        grid.merge(fundsTop...fundsBottom, 0...0, "年度预算资金（\(report.unit.rawValue)）", FormStyles.label)
        grid.merge(fundsTop...fundsTop, 1...2, "", FormStyles.label)
        for (offset, header) in ["年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"].enumerated() {
            grid.put(fundsTop, 3 + offset, header, FormStyles.label)
        }
        grid.put(fundsTop, 9, "计算公式及数据来源", FormStyles.label)
        for (index, row) in department.fundsRows.enumerated() {
            let r = fundsTop + 1 + index
            grid.merge(r...r, 1...2, row.label, FormStyles.text)
            grid.amount(r, 3, row.amounts.initialBudget)
            grid.amount(r, 4, row.amounts.adjustedBudget)
            grid.amount(r, 5, row.amounts.actual)
            if index == 0 {
                if department.execution.weight.isZero {
                    grid.put(r, 6, "—", FormStyles.centered)
                } else {
                    grid.put(r, 6, FormValue.score(department.execution.weight), FormStyles.score)
                }
                grid.executionCells(r, department.execution)
            } else {
                grid.put(r, 6, "—", FormStyles.centered)
                grid.put(r, 7, row.rate.map { FormValue.rate($0) } ?? .text("—"), row.rate == nil ? FormStyles.centered : FormStyles.rate)
                grid.put(r, 8, "—", FormStyles.centered)
            }
            grid.put(r, 9, sourceNote(row), FormStyles.screenNote)
        }

        let goalTop = fundsBottom + 1
        grid.merge(goalTop...(goalTop + 1), 0...0, "年度总体目标", FormStyles.label)
        grid.merge(goalTop...goalTop, 1...4, "预期目标", FormStyles.label)
        grid.merge(goalTop...goalTop, 5...8, "实际完成情况", FormStyles.label)
        let expected = department.annualGoal?.expected.value ?? ""
        let achieved = department.annualGoal?.achieved?.value ?? ""
        grid.merge((goalTop + 1)...(goalTop + 1), 1...4, expected, FormStyles.required(expected))
        grid.merge((goalTop + 1)...(goalTop + 1), 5...8, achieved, FormStyles.required(achieved))
        grid.height(goalTop + 1, FormStyles.goalHeight(expected, achieved))

        let header = goalTop + 2
        for (offset, title) in ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施",
                                "计算公式及数据来源"].enumerated()
        {
            grid.put(header, 1 + offset, title, FormStyles.label)
        }
        var r = header + 1
        let commonFirst = r
        for indicator in department.commonIndicators {
            grid.put(r, 3, indicator.name, FormStyles.text)
            grid.put(r, 4, "—", FormStyles.centered)
            if let value = indicator.value {
                grid.put(r, 5, FormValue.rate(value), FormStyles.rate)
            } else {
                grid.put(r, 5, "无法计算", FormStyles.centered)
            }
            if indicator.weight.isZero {
                grid.put(r, 6, "—", FormStyles.centered)
            } else {
                grid.put(r, 6, FormValue.score(indicator.weight), FormStyles.score)
            }
            if let score = indicator.score {
                grid.put(r, 7, FormValue.score(score), FormStyles.score)
            } else {
                grid.put(r, 7, indicator.value == nil ? "无法计算" : "不计分", FormStyles.centered)
            }
            grid.put(r, 8, indicator.reason.map { "无法计算：\($0.zh)" } ?? "", FormStyles.text)
            grid.put(r, 9, formulaNote(indicator), FormStyles.screenNote)
            r += 1
        }
        IndicatorRows.mergeRuns(
            department.commonIndicators.map(\.level1), column: 1, grid: &grid, first: commonFirst, within: nil)
        IndicatorRows.mergeRuns(
            department.commonIndicators.map(\.level2), column: 2, grid: &grid, first: commonFirst,
            within: department.commonIndicators.map(\.level1))
        let specificFirst = r
        IndicatorRows.write(department.specificIndicators, into: &grid, from: specificFirst)
        for (index, scored) in department.specificIndicators.enumerated() {
            grid.put(specificFirst + index, 9, "部门自定指标：\(scored.basis)", FormStyles.screenNote)
        }
        r += department.specificIndicators.count
        grid.merge(header...(r - 1), 0...0, "绩效指标", FormStyles.label)

        let last = max(commonFirst, r - 1)
        grid.merge(r...r, 0...5, "总分", FormStyles.label)
        grid.put(r, 6, FormValue.score(department.fullWeight), FormStyles.score)
        let cells = FormFormulas.ScoreCells(executionRow: fundsTop + 1, firstIndicatorRow: commonFirst, lastIndicatorRow: last)
        grid.totalCells(r, cells, department.tally, bands: report.profile.grades)
        grid.put(r, 9, "总分 = 已评分项目得分合计（不折算）；全部分值都已评分时才评定等级", FormStyles.screenNote)
        var notes = ["评分方案：\(report.profile.name)。\(report.profile.description)"]
        if !department.unscored.isEmpty {
            notes.append("未评分的项目：" + department.unscored.map {
                "\($0.name)（\($0.weight.formatted(decimals: 2)) 分）——\($0.supplier)"
            }.joined(separator: "；") + "。")
        }
        for (offset, note) in notes.enumerated() {
            grid.merge((r + 1 + offset)...(r + 1 + offset), 0...8, note, FormStyles.note)
        }
        // 计算公式及数据来源 (J) is for the screen: the printed form is A–I, like the national form.
        grid.sheet.layout.print = FormStyles.print(landscape: true, repeatRows: header...header)
        grid.sheet.layout.print.printColumns = 0...8
        var sheet = grid.finished()
        let groups = Pagination.runs(department.commonIndicators.map(\.level1), first: commonFirst)
            + Pagination.runs(department.specificIndicators.map(\.indicator.level1), first: specificFirst)
        sheet.layout.print.rowBreaks = sheet.rowBreaks(keepingTogether: groups, header: header)
        return sheet
    }

    /// The zero-based row of the 年度总体目标 texts (预期目标 B, 实际完成情况 F).
    static func goalTextRow(_ department: DepartmentScore) -> Int { 3 + department.fundsRows.count + 2 }

    static func formulaNote(_ indicator: CommonIndicatorResult) -> String {
        var parts = ["\(indicator.name) = \(indicator.formula)"]
        for input in indicator.inputs {
            parts.append("\(input.name) = \(input.value)" + (input.source.map { "［\($0)］" } ?? ""))
        }
        if let value = indicator.value { parts.append("结果 \(value.percent(decimals: 2))") }
        parts.append("计分：\(indicator.scoring)")
        return parts.joined(separator: "；")
    }

    static func sourceNote(_ row: DepartmentFundsRow) -> String {
        let cells = AmountColumn.allCases.compactMap { column -> String? in
            guard let figure = row.amounts[column] else { return nil }
            return "\(DepartmentFigures.columnName(column))" + (figure.source.map { "［\($0)］" } ?? "（计算数）")
        }
        return cells.isEmpty ? "无数据" : cells.joined(separator: "；")
    }
}
