public import FinanceModel

/// Scores one indicator by FORMS.md §3: 正向/等于 (met → full, else 实际/目标 × 分值; target 0 with "="
/// full only if actual ≤ 0), 反向 (linear or ratio), 定性 (band checked), warnings for over-achievement
/// and for a shortfall without 偏差原因. Pure: the same indicator always gives the same score.
public struct IndicatorScorer: Sendable {
    public var scheme: ProjectScheme

    public init(scheme: ProjectScheme) { self.scheme = scheme }

    /// Scores `indicator` with `weight` (分值); `owner` names the project or department in messages.
    public func score(_ indicator: Indicator, weight: Quantity?, owner: String) -> IndicatorScore {
        var context = Context(indicator: indicator, owner: owner)
        guard indicator.applicable else {
            return IndicatorScore(indicator: indicator, weight: nil, score: nil, basis: "不适用，已剔除并折算其余分值")
        }
        guard let weight else {
            context.add(
                .error, "指标缺分值",
                zh: "没有分值，一级指标“\(indicator.level1)”也不属于产出/效益/满意度：请填写分值。",
                en: "has no weight and its level-1 label “\(indicator.level1)” is not output/effect/satisfaction: "
                    + "enter a weight.", cells: [indicator.source.map { CitedCell($0, value: indicator.name) }])
            return context.result(weight: nil, score: .zero, basis: "缺少分值，按 0 分计")
        }
        guard let actual = indicator.actual, !actual.text.isEmpty else {
            context.add(
                .warning, "指标缺实际值",
                zh: "实际完成值为空，未计分（不按 0 分计），总分只计已评分值、不评级：请填写实际完成值。",
                en: "has no actual value and is not scored (not scored 0); the total counts the scored points only "
                    + "and is not graded: enter the actual value.",
                cells: [indicator.target.source.map { CitedCell($0, value: indicator.target.text) }])
            return context.undetermined(weight: weight, basis: "实际完成值为空，未计分，待填写")
        }
        let band = scheme.qualitative.phrases.band(of: actual.text)
        if indicator.direction == .qualitative {
            return qualitative(context, weight: weight, actual: actual, band: band)
        }
        guard let target = indicator.target.number else {
            if band != nil { return qualitative(context, weight: weight, actual: actual, band: band) }
            context.add(
                .error, "指标值非数字",
                zh: "为定量指标，但年度指标值“\(indicator.target.text)”不是数字：请填写数值目标或将指标性质改为定性。",
                en: "is quantitative but its target “\(indicator.target.text)” is not a number: enter a numeric "
                    + "target or mark it qualitative.",
                cells: [indicator.target.source.map { CitedCell($0, value: indicator.target.text) }])
            return context.result(weight: weight, score: .zero, basis: "年度指标值不是数字，无法计分")
        }
        guard let value = actual.number else {
            context.add(
                .error, "实际值非数字",
                zh: "实际完成值“\(actual.text)”不是数字，无法与年度指标值 \(indicator.target.text) 比较：请填写数值。",
                en: "actual “\(actual.text)” is not a number and cannot be compared with the target "
                    + "\(indicator.target.text): enter a number.",
                cells: [actual.source.map { CitedCell($0, value: actual.text) }])
            return context.result(weight: weight, score: .zero, basis: "实际完成值不是数字，无法计分")
        }
        let targetUnit = Self.normalisedUnit(indicator.target.unit)
        let actualUnit = Self.normalisedUnit(actual.unit)
        if !targetUnit.isEmpty, !actualUnit.isEmpty, targetUnit != actualUnit {
            context.add(
                .error, "指标单位不一致",
                zh: "年度指标值单位“\(indicator.target.unit)”与实际完成值单位“\(actual.unit)”不同，无法比较：请统一单位。",
                en: "target unit “\(indicator.target.unit)” differs from actual unit “\(actual.unit)”: use one unit.",
                cells: [
                    indicator.target.source.map { CitedCell($0, value: indicator.target.text) },
                    actual.source.map { CitedCell($0, value: actual.text) },
                ])
            return context.result(weight: weight, score: .zero, basis: "单位不一致，无法计分")
        }
        switch indicator.direction {
        case .atLeast, .equal:
            return positive(context, weight: weight, target: target, actual: value, actualValue: actual)
        case .atMost:
            return reverse(context, weight: weight, target: target, actual: value, actualValue: actual)
        case .qualitative:
            return qualitative(context, weight: weight, actual: actual, band: band)
        }
    }

    // MARK: - Rules

    private func positive(
        _ context: Context, weight: Quantity, target: Quantity, actual: Quantity, actualValue: IndicatorValue
    ) -> IndicatorScore {
        var context = context
        let sign = context.indicator.direction == .equal ? "=" : "≥"
        if target <= .zero {
            let met = context.indicator.direction == .equal ? actual <= .zero : actual >= target
            if !met { context.belowTarget(actualValue) }
            let equal = context.indicator.direction == .equal
            let rule = equal ? "目标为0：实际≤0得满分，否则0分" : "目标为0：实际≥0得满分"
            return context.result(
                weight: weight, score: met ? weight : .zero, basis: "\(rule)（实际 \(actual)）",
                rule: equal ? .equalZeroTarget : .atLeastZeroTarget(target: target))
        }
        if actual >= target {
            if let ratio = actual.ratio(to: target), ratio > scheme.overAchievementWarningAbove {
                context.add(
                    .warning, "超额完成",
                    zh: "实际完成值 \(actualValue.text) 超过年度指标值 \(context.indicator.target.text) 较多"
                        + "（\(ratio.percent(decimals: 2))），未扣分：请说明原因（是否年初指标值设定偏低）。",
                    en: "actual \(actualValue.text) exceeds the target \(context.indicator.target.text) by far "
                        + "(\(ratio.percent(decimals: 2))); not deducted: explain why (was the target set too low?).",
                    cells: [actualValue.source.map { CitedCell($0, value: actualValue.text) }])
            }
            return context.result(
                weight: weight, score: weight, basis: "实际\(sign)目标，得满分（\(actual) \(sign) \(target)）",
                rule: .atLeast(target: target))
        }
        context.belowTarget(actualValue)
        let ratio = actual.ratio(to: target) ?? .zero
        let share = ratio.isNegative ? Rate.zero : ratio
        let score = weight.multiplied(by: share) ?? .zero
        return context.result(
            weight: weight, score: score, basis: "实际/目标×分值 = \(actual)/\(target)×\(weight)", rule: .atLeast(target: target))
    }

    private func reverse(
        _ context: Context, weight: Quantity, target: Quantity, actual: Quantity, actualValue: IndicatorValue
    ) -> IndicatorScore {
        var context = context
        let rule: QuantitativeRule = target <= .zero
            ? .atMostZeroTarget(target: target)
            : scheme.reverseScoring == .linear ? .atMostLinear(target: target) : .atMostRatio(target: target)
        if actual <= target {
            return context.result(
                weight: weight, score: weight, basis: "实际≤目标，得满分（\(actual) ≤ \(target)）", rule: rule)
        }
        context.belowTarget(actualValue)
        if target <= .zero {
            return context.result(weight: weight, score: .zero, basis: "目标为\(target)，实际 \(actual) 超出，0分", rule: rule)
        }
        let ratio = actual.ratio(to: target) ?? .zero
        switch scheme.reverseScoring {
        case .linear:
            let share = Rate(2).subtracting(ratio) ?? .zero
            let score = share.isNegative || share.isZero ? Quantity.zero : (weight.multiplied(by: share) ?? .zero)
            return context.result(
                weight: weight, score: score,
                basis: "反向线性：(1−(实际−目标)/目标)×分值 = (1−(\(actual)−\(target))/\(target))×\(weight)，≥2倍目标为0",
                rule: rule)
        case .ratio:
            let share = target.ratio(to: actual) ?? .zero
            return context.result(
                weight: weight, score: weight.multiplied(by: share) ?? .zero,
                basis: "反向比例：目标/实际×分值 = \(target)/\(actual)×\(weight)", rule: rule)
        }
    }

    private func qualitative(
        _ context: Context, weight: Quantity, actual: IndicatorValue, band found: QualitativeBand?
    ) -> IndicatorScore {
        var context = context
        let sameAsTarget = Self.compact(actual.text) == Self.compact(context.indicator.target.text)
        guard let band = found ?? (sameAsTarget ? .achieved : nil) else {
            if let given = context.indicator.score, !given.value.isNegative, given.value <= weight {
                return context.result(
                    weight: weight, score: given.value, basis: "定性（无法自动判定），采用填报得分 \(given.value)")
            }
            context.add(
                .warning, "定性结果无法判定",
                zh: "为定性指标，实际完成值“\(actual.text)”无法判定为达成/基本达成/部分达成/未达成，得分留待填写（不按 0 分计），"
                    + "总分只计已评分值、不评级：请按达成情况填写得分，或写明“达成”“部分达成”等。",
                en: "is qualitative but “\(actual.text)” cannot be classified as achieved / basically / partly / not "
                    + "achieved; its score is left for you (not 0) and the total is not graded: enter the score or "
                    + "state the result.", cells: [actual.source.map { CitedCell($0, value: actual.text) }])
            return context.undetermined(weight: weight, basis: "定性结果无法判定，得分待填写")
        }
        if band != .achieved { context.belowTarget(actual) }
        let bands = scheme.qualitative
        if let given = context.indicator.score, !weight.isZero, let share = given.value.ratio(to: weight) {
            if bands.accepts(share: share, for: band) {
                return context.result(
                    weight: weight, score: given.value, basis: "定性（\(band.chinese)），填报得分 \(given.value) 在档内")
            }
            let fallback = weight.multiplied(by: bands.defaultShare(band)) ?? .zero
            context.add(
                .warning, "定性得分超出档次",
                zh: "定性结果为“\(band.chinese)”，但填报得分 \(given.value)（分值 \(weight) 的 \(share.percent(decimals: 2))）"
                    + "不在该档范围内，按该档默认 \(bands.defaultShare(band).percent(decimals: 0)) 计 \(fallback.rounded(toDecimals: 2))：请按档次改正得分。",
                en: "the result is “\(band.rawValue)” but the given score \(given.value) (\(share.percent(decimals: 2)) "
                    + "of \(weight)) is outside that band; scored at the band default: correct the score.",
                cells: [given.source.map { CitedCell($0, value: given.value.description) }])
            return context.result(weight: weight, score: fallback, basis: "定性（\(band.chinese)），填报得分不在档内，按默认比例")
        }
        let share = bands.defaultShare(band)
        return context.result(
            weight: weight, score: weight.multiplied(by: share) ?? .zero,
            basis: "定性（\(band.chinese)）按 \(share.percent(decimals: 0))×分值")
    }

    // MARK: - Helpers

    static func normalisedUnit(_ unit: String) -> String {
        String(unit.filter { !$0.isWhitespace }.map { $0 == "％" ? "%" : $0 })
    }

    static func compact(_ text: String) -> String { text.filter { !$0.isWhitespace } }

    /// Findings and warnings collected while scoring one indicator.
    struct Context {
        var indicator: Indicator
        var owner: String
        var warnings: [LocalizedText] = []
        var findings: [Finding] = []

        init(indicator: Indicator, owner: String) {
            self.indicator = indicator
            self.owner = owner
        }

        mutating func add(
            _ severity: Severity, _ rule: String, zh: String, en: String, cells: [CitedCell?]
        ) {
            let message = LocalizedText(
                zh: "“\(owner)”的指标“\(indicator.name)”\(zh)", en: "Indicator “\(indicator.name)” of “\(owner)” \(en)")
            warnings.append(LocalizedText(zh: zh, en: en))
            findings.append(Finding(severity: severity, rule: rule, message: message, cells: cells.compactMap { $0 }))
        }

        /// A shortfall: a warning when 偏差原因分析及改进措施 is empty.
        mutating func belowTarget(_ actual: IndicatorValue) {
            guard indicator.deviationReason.allSatisfy(\.isWhitespace) else { return }
            add(
                .warning, "未达标无偏差原因",
                zh: "未达到年度指标值（目标 \(indicator.target.text)，实际 \(actual.text)），偏差原因分析及改进措施为空：请填写原因和改进措施。",
                en: "falls short of its target (\(indicator.target.text), actual \(actual.text)) and has no "
                    + "deviation reason: explain the shortfall and the remedy.",
                cells: [actual.source.map { CitedCell($0, value: actual.text) }])
        }

        func undetermined(weight: Quantity, basis: String) -> IndicatorScore {
            IndicatorScore(
                indicator: indicator, weight: weight, score: nil, basis: basis, warnings: warnings, findings: findings,
                undetermined: true)
        }

        func result(weight: Quantity?, score: Quantity, basis: String, rule: QuantitativeRule? = nil) -> IndicatorScore {
            IndicatorScore(
                indicator: indicator, weight: weight, score: score.rounded(toDecimals: 2), basis: basis,
                warnings: warnings, findings: findings, rule: rule)
        }
    }
}
