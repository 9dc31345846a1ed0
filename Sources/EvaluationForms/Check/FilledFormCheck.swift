public import FinanceModel

/// Checking a filled form: a 项目支出绩效自评表 that already carries 得分 / 总分 (by hand or by another
/// tool) is recomputed, and each given figure that does not follow the rules becomes a finding with its
/// cell. `budgeteval check` calls `FilledFormCheck.findings(in:profile:)`.
public enum FilledFormCheck {
    /// Scores every project of `department` that carries a given score and returns the scoring findings
    /// (below target without 偏差原因, zero budget …) plus the figures that differ from the recomputation.
    public static func findings(
        in department: Department, profile: ScoringProfile = .shipped, unit: Unit = .tenThousandYuan
    ) -> [Finding] {
        let scorer = ProjectScorer(profile: profile)
        return department.normalised(to: unit).projects.filter(carriesScores).flatMap { project in
            let scored = scorer.score(project)
            return scored.findings + check(scored, profile: profile)
        }
    }

    /// Whether the input gives any 得分 or 总分 for the project.
    public static func carriesScores(_ project: Project) -> Bool {
        project.fundsScore != nil || project.totalScore != nil || project.indicators.contains { $0.score != nil }
    }

    /// The given figures of a scored project that do not follow the rules (only these; the scoring
    /// findings are in `scored.findings`).
    public static func check(_ scored: ProjectScore, profile: ScoringProfile) -> [Finding] {
        let tolerance = profile.project.scoreTolerance
        let name = scored.project.name
        var findings: [Finding] = []
        func differs(_ a: Quantity, _ b: Quantity) -> Bool {
            let d = a.subtracting(b) ?? .zero
            let magnitude = d.isNegative ? (Quantity.zero.subtracting(d) ?? d) : d
            return magnitude > tolerance
        }
        func cells(_ given: Sourced<Quantity>) -> [CitedCell] {
            given.source.map { [CitedCell($0, value: given.value.description)] } ?? []
        }
        if let given = scored.project.fundsScore {
            let weight = scored.project.fundsWeight?.value ?? scored.execution.weight
            if given.value > weight {
                findings.append(Finding(
                    severity: .error, rule: "得分超过分值",
                    message: LocalizedText(
                        zh: "“\(name)”的执行率得分 \(given.value) 超过分值 \(weight)：得分不能超过分值。",
                        en: "the execution-rate score \(given.value) of “\(name)” exceeds its weight \(weight)."),
                    cells: cells(given), expected: "≤ \(weight)", found: given.value.description))
            } else if let computed = scored.execution.score, differs(given.value, computed) {
                let rate = scored.execution.rate.map { $0.percent(decimals: 2) } ?? "无法计算"
                findings.append(Finding(
                    severity: .error, rule: "执行率得分不符",
                    message: LocalizedText(
                        zh: "“\(name)”的执行率得分应为 min(执行率 \(rate), 100%) × \(scored.execution.weight) = "
                            + "\(computed.formatted(decimals: 2))，表中为 \(given.value)：请改正。",
                        en: "the execution-rate score of “\(name)” should be min(\(rate), 100%) × "
                            + "\(scored.execution.weight) = \(computed.formatted(decimals: 2)), not \(given.value)."),
                    cells: cells(given), expected: computed.formatted(decimals: 2),
                    found: given.value.description))
            }
        }
        for indicator in scored.indicators {
            guard let given = indicator.indicator.score, indicator.indicator.applicable else { continue }
            let label = indicator.indicator.name
            if let weight = indicator.weight, given.value > weight {
                findings.append(Finding(
                    severity: .error, rule: "得分超过分值",
                    message: LocalizedText(
                        zh: "“\(name)”的指标“\(label)”得分 \(given.value) 超过分值 \(weight)：得分不能超过分值（超额完成不加分）。",
                        en: "indicator “\(label)” of “\(name)” scores \(given.value), above its weight \(weight)."),
                    cells: cells(given), expected: "≤ \(weight)", found: given.value.description))
                continue
            }
            // Qualitative scores inside their band are accepted as given; outside, the scorer reported it.
            guard indicator.indicator.direction != .qualitative, let computed = indicator.score,
                differs(given.value, computed)
            else { continue }
            findings.append(Finding(
                severity: .error, rule: "指标得分不符",
                message: LocalizedText(
                    zh: "“\(name)”的指标“\(label)”得分应为 \(computed.formatted(decimals: 2))（\(indicator.basis)），表中为 \(given.value)：请改正。",
                    en: "indicator “\(label)” of “\(name)” should score \(computed.formatted(decimals: 2)) "
                        + "(\(indicator.basis)), not \(given.value)."),
                cells: cells(given), expected: computed.formatted(decimals: 2), found: given.value.description))
        }
        // Only a fully scored form has a total to check: with items left for the accountant the tool's sum is partial.
        if let given = scored.project.totalScore, scored.tally.isGraded, let total = scored.totalScore,
            differs(given.value, total)
        {
            findings.append(Finding(
                severity: .error, rule: "总分不符",
                message: LocalizedText(
                    zh: "“\(name)”的总分应为执行率得分与各指标得分之和 \(total.formatted(decimals: 2))，表中为 \(given.value)：请改正。",
                    en: "the total of “\(name)” should be the sum of its scores, \(total.formatted(decimals: 2)), "
                        + "not \(given.value)."),
                cells: cells(given), expected: total.formatted(decimals: 2), found: given.value.description))
        }
        return findings
    }
}
