public import FinanceModel
public import Spreadsheet

/// Lays out one 项目支出绩效自评表 exactly as the national form (财预〔2020〕10号, FORMS.md §3), nine
/// columns A–I, with the profile and the scoring basis noted under the form.
public enum ProjectFormLayout {
    public static let columnWidths: [Int] = [10, 12, 12, 22, 14, 14, 8, 10, 26]
    /// The zero-based row of the first indicator (row 13).
    static let firstIndicatorRow = 12

    /// - Parameter department: the submitting department, shown as 主管部门 and 实施单位 when the project
    ///   input names neither (a department's own projects are managed and carried out by it).
    public static func sheet(
        _ scored: ProjectScore, name: String, year: Int?, unit: Unit, profile: ScoringProfile,
        department: String? = nil
    ) -> Sheet {
        var grid = FormGrid(name: name)
        grid.widths(columnWidths)
        let project = scored.project
        grid.merge(0...0, 0...8, "项目支出绩效自评表", FormStyles.title)
        grid.height(0, 30)
        grid.merge(1...1, 0...8, year.map { "（\($0)年度）" } ?? "（  年度）", FormStyles.subtitle)

        grid.put(2, 0, "项目名称", FormStyles.label)
        grid.merge(2...2, 1...8, project.name, FormStyles.text)
        grid.put(3, 0, "主管部门", FormStyles.label)
        let competent = project.competentDepartment ?? department ?? ""
        let implementing = project.implementingUnit ?? department ?? ""
        grid.merge(3...3, 1...4, competent, FormStyles.required(competent))
        grid.merge(3...3, 5...5, "实施单位", FormStyles.label)
        grid.merge(3...3, 6...8, implementing, FormStyles.required(implementing))

        // 项目资金 block.
        grid.merge(4...8, 0...0, "项目资金（\(unit.rawValue)）", FormStyles.label)
        grid.merge(4...4, 1...2, "", FormStyles.label)
        for (offset, header) in ["年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"].enumerated() {
            grid.put(4, 3 + offset, header, FormStyles.label)
        }
        let funds = project.funds
        let rows: [(String, Amounts)] = [
            ("年度资金总额", scored.fundsTotal), ("其中：当年财政拨款", funds.fiscalAppropriation),
            ("上年结转资金", funds.carryover), ("其他资金", funds.other),
        ]
        for (index, (label, amounts)) in rows.enumerated() {
            let r = 5 + index
            grid.merge(r...r, 1...2, label, FormStyles.text)
            grid.amount(r, 3, amounts.initialBudget)
            grid.amount(r, 4, amounts.adjustedBudget)
            grid.amount(r, 5, amounts.actual)
            if index == 0 {
                grid.put(r, 6, FormValue.score(scored.execution.weight), FormStyles.score)
                grid.executionCells(r, scored.execution)
            } else {
                grid.put(r, 6, "—", FormStyles.centered)
                let rate = amounts.actual.flatMap { a in amounts.adjustedBudget.flatMap { a.value.ratio(to: $0.value) } }
                grid.put(r, 7, rate.map { FormValue.rate($0) } ?? .text("—"), rate == nil ? FormStyles.centered : FormStyles.rate)
                grid.put(r, 8, "—", FormStyles.centered)
            }
        }

        // 年度总体目标.
        grid.merge(9...10, 0...0, "年度总体目标", FormStyles.label)
        grid.merge(9...9, 1...4, "预期目标", FormStyles.label)
        grid.merge(9...9, 5...8, "实际完成情况", FormStyles.label)
        let expected = project.annualGoal?.expected.value ?? ""
        let achieved = project.annualGoal?.achieved?.value ?? ""
        grid.merge(10...10, 1...4, expected, FormStyles.required(expected))
        grid.merge(10...10, 5...8, achieved, FormStyles.required(achieved))
        grid.height(10, FormStyles.goalHeight(expected, achieved))

        // 绩效指标.
        let header = 11
        for (offset, title) in ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"]
            .enumerated()
        {
            grid.put(header, 1 + offset, title, FormStyles.label)
        }
        let first = header + 1
        let indicators = scored.indicators
        IndicatorRows.write(indicators, into: &grid, from: first)
        let last = max(first, first + indicators.count - 1)
        if indicators.isEmpty { grid.merge(first...first, 1...8, "（无绩效指标）", FormStyles.centered) }
        grid.merge(header...last, 0...0, "绩效指标", FormStyles.label)

        let totalRow = last + 1
        grid.merge(totalRow...totalRow, 0...5, "总分", FormStyles.label)
        grid.put(totalRow, 6, FormValue.score(scored.tally.fullWeight), FormStyles.score)
        let cells = FormFormulas.ScoreCells(executionRow: 5, firstIndicatorRow: first, lastIndicatorRow: last)
        grid.totalCells(totalRow, cells, scored.tally, bands: profile.grades)
        grid.sheet.layout.print = FormStyles.print(repeatRows: header...header)

        var notes = ["评分方案：\(profile.name)。"]
        if scored.weightsRescaled { notes.append("不适用指标已剔除，其余指标分值已按比例折算，合计仍为 100 分。") }
        if let reason = scored.execution.reason { notes.append("执行率无法计算：\(reason.zh)，执行率得分未计，总分不评级。") }
        if !scored.tally.isGraded {
            notes.append("总分只计已评分的项目（已评分值 \(scored.tally.scoredWeight.formatted(decimals: 2)) / 满分 "
                + "\(scored.tally.fullWeight.formatted(decimals: 2))），不折算、不评级；空白的得分待填写。")
        }
        notes += indicators.map { "“\($0.indicator.name)”：\($0.basis)" }
        for (offset, note) in notes.enumerated() {
            let r = totalRow + 1 + offset
            grid.merge(r...r, 0...8, note, FormStyles.note)
        }
        var sheet = grid.finished()
        sheet.layout.print.rowBreaks = sheet.rowBreaks(
            keepingTogether: Pagination.runs(indicators.map(\.indicator.level1), first: first), header: header)
        return sheet
    }
}

/// The indicator rows shared by both forms: 一级 and 二级 merged down runs of equal labels.
enum IndicatorRows {
    static func write(_ indicators: [IndicatorScore], into grid: inout FormGrid, from first: Int) {
        for (index, scored) in indicators.enumerated() {
            let r = first + index
            let indicator = scored.indicator
            grid.put(r, 3, indicator.name, FormStyles.text)
            grid.put(r, 4, shownTarget(indicator), FormStyles.centered)
            let actualText = indicator.actual.map { shown($0, unit: indicator.unit) } ?? ""
            grid.put(r, 5, actualText, indicator.applicable && actualText.isEmpty ? FormStyles.requiredCentered : FormStyles.centered)
            if indicator.applicable {
                grid.put(r, 6, FormValue.score(scored.weight), scored.weight == nil ? FormStyles.centered : FormStyles.score)
                if let rule = scored.rule, let score = scored.score, let number = indicator.actual?.number {
                    var style = FormStyles.centeredNumber
                    style.numberFormat = FormFormulas.numberFormat(
                        sign: indicator.actual?.direction,
                        unit: (indicator.actual?.unit.isEmpty ?? true) ? indicator.unit : indicator.actual?.unit ?? "")
                    grid.put(r, 5, .number(number.description), style)
                    grid.formula(r, 7, FormFormulas.indicatorScore(rule, row: r), FormValue.exactScore(score), FormStyles.score)
                } else if scored.undetermined {
                    grid.put(r, 7, .empty, FormStyles.required(""))
                } else {
                    grid.put(r, 7, FormValue.score(scored.score), FormStyles.score)
                }
            } else {
                grid.put(r, 6, "—", FormStyles.centered)
                grid.put(r, 7, "不适用", FormStyles.centered)
            }
            let below = scored.weight.map { w in scored.score.map { $0 < w } ?? false } ?? false
            let reasonStyle = below ? FormStyles.required(indicator.deviationReason) : FormStyles.text
            grid.put(r, 8, indicator.deviationReason, reasonStyle)
        }
        mergeRuns(indicators.map(\.indicator.level1), column: 1, grid: &grid, first: first, within: nil)
        mergeRuns(
            indicators.map(\.indicator.level2), column: 2, grid: &grid, first: first,
            within: indicators.map(\.indicator.level1))
    }

    /// A target or actual as written, with the indicator's 计量单位 appended when the cell is a bare number
    /// ("90" with unit "%" shows "90%").
    static func shown(_ value: IndicatorValue, unit: String) -> String {
        guard value.number != nil, value.unit.isEmpty, !unit.isEmpty, !value.text.hasSuffix(unit) else { return value.text }
        return value.text + unit
    }

    /// The target as written, with the sign of a ≤ or = indicator put in front when the text has none, so
    /// the form (which has no 指标性质 column) still says how the indicator was scored and reads back the same.
    static func shownTarget(_ indicator: Indicator) -> String {
        let text = shown(indicator.target, unit: indicator.unit)
        guard indicator.target.number != nil, indicator.target.direction == nil,
            indicator.direction == .atMost || indicator.direction == .equal
        else { return text }
        return indicator.direction.symbol + text
    }

    /// Merges runs of equal labels in `column`; a run never crosses a change of `within` (二级 stays inside
    /// its 一级).
    static func mergeRuns(_ labels: [String], column: Int, grid: inout FormGrid, first: Int, within: [String]?) {
        var start = 0
        while start < labels.count {
            var end = start
            while end + 1 < labels.count, labels[end + 1] == labels[start],
                within.map({ $0[end + 1] == $0[start] }) ?? true
            {
                end += 1
            }
            grid.merge((first + start)...(first + end), column...column, labels[start], FormStyles.centered)
            start = end + 1
        }
    }
}
