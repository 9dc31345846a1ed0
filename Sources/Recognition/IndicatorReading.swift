import FinanceModel

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
        let targetText = target.map { grid.shownText(row, $0) } ?? ""
        let actualText = actual.map { grid.shownText(row, $0) } ?? ""
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
