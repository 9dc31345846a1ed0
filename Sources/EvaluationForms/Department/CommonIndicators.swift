public import FinanceModel

/// Computes the common indicators of FORMS.md §4 from the tables. An indicator the inputs cannot support
/// is returned with `value == nil` and the reason — never computed from a substitute formula.
public struct CommonIndicators: Sendable {
    public var figures: DepartmentFigures
    public var scheme: DepartmentScheme

    public init(department: Department, scheme: DepartmentScheme) {
        figures = DepartmentFigures(department: department)
        self.scheme = scheme
    }

    public func compute() -> [CommonIndicatorResult] {
        var results: [CommonIndicatorResult] = []
        let actual = figures.totalExpenditure(.actual)
        let adjusted = figures.totalExpenditure(.adjustedBudget)
        let initial = figures.totalExpenditure(.initialBudget)
        let noAdjusted = LocalizedText(
            zh: "没有表给出全年预算数（不以年初预算数代替）", en: "no table gives a full-year budget (the initial budget is not used instead)")

        results.append(ratio(
            .budgetCompletionRate, formula: "决算支出 ÷ 全年预算数",
            numerator: actual.map { ($0, "决算支出") }, denominator: adjusted.map { ($0, "全年预算数") },
            missing: actual == nil ? LocalizedText(zh: "没有表给出决算支出", en: "no table gives the actual spending") : noAdjusted))

        results.append(adjustment(adjusted: adjusted, initial: initial, noAdjusted: noAdjusted))

        let end = figures.carryoverEnd
        results.append(ratio(
            .carryoverRate, formula: "年末结转和结余 ÷ 全年预算数",
            numerator: end.map { ($0, "年末结转和结余") }, denominator: adjusted.map { ($0, "全年预算数") },
            missing: end == nil ? LocalizedText(zh: "没有表给出年末结转和结余", en: "no table gives the year-end carry-over") : noAdjusted))

        let start = figures.carryoverStart
        results.append(change(
            .carryoverChangeRate, formula: "(年末结转和结余 − 年初结转和结余) ÷ 年初结转和结余",
            current: end.map { ($0, "年末结转和结余") }, base: start.map { ($0, "年初结转和结余") },
            missing: end == nil
                ? LocalizedText(zh: "没有表给出年末结转和结余", en: "no table gives the year-end carry-over")
                : LocalizedText(zh: "没有年初结转和结余", en: "no opening carry-over is given")))

        let officeActual = figures.officeCost(.actual)
        let officeBudget = figures.officeCost(.adjustedBudget).map { ($0, "公用经费全年预算数") }
            ?? figures.officeCost(.initialBudget).map { ($0, "公用经费年初预算数") }
        results.append(ratio(
            .officeCostControlRate, formula: "公用经费决算数 ÷ \(officeBudget?.1 ?? "公用经费预算数")",
            numerator: officeActual.map { ($0, "公用经费决算数") }, denominator: officeBudget,
            missing: officeActual == nil
                ? LocalizedText(zh: "没有基本支出决算表给出公用经费", en: "no final basic-expenditure table gives office costs")
                : LocalizedText(zh: "没有表给出公用经费预算数", en: "no table gives the office-cost budget")))

        let threeActual = figures.threePublic(.actual)
        let threeInitial = figures.threePublic(.initialBudget)
        let threeAdjusted = figures.threePublic(.adjustedBudget)
        let threeMissing = threeActual == nil
            ? LocalizedText(zh: "没有表给出“三公”经费决算数", en: "no table gives the actual three-public spending")
            : LocalizedText(zh: "没有表给出“三公”经费预算数", en: "no table gives the three-public budget")
        if threeInitial != nil && threeAdjusted != nil {
            results.append(ratio(
                .threePublicControlRate, suffix: "（年初）", formula: "“三公”经费决算数 ÷ “三公”经费年初预算数",
                numerator: threeActual.map { ($0, "“三公”经费决算数") }, denominator: threeInitial.map { ($0, "“三公”经费年初预算数") },
                missing: threeMissing))
            results.append(ratio(
                .threePublicControlRate, suffix: "（调整后）", formula: "“三公”经费决算数 ÷ “三公”经费全年（调整后）预算数",
                numerator: threeActual.map { ($0, "“三公”经费决算数") },
                denominator: threeAdjusted.map { ($0, "“三公”经费全年（调整后）预算数") }, missing: threeMissing))
        } else {
            let budget = threeAdjusted.map { ($0, "“三公”经费全年预算数") } ?? threeInitial.map { ($0, "“三公”经费年初预算数") }
            results.append(ratio(
                .threePublicControlRate, formula: "“三公”经费决算数 ÷ \(budget?.1 ?? "“三公”经费预算数")",
                numerator: threeActual.map { ($0, "“三公”经费决算数") }, denominator: budget, missing: threeMissing))
        }

        let prior = figures.department.facts?.priorYearThreePublic.map {
            DepartmentFigures.Found(figure: $0, label: "部门基本情况 上年“三公”经费决算数")
        }
        results.append(change(
            .threePublicChangeRate, formula: "(本年“三公”经费决算数 − 上年“三公”经费决算数) ÷ 上年“三公”经费决算数",
            current: threeActual.map { ($0, "本年“三公”经费决算数") }, base: prior.map { ($0, "上年“三公”经费决算数") },
            missing: threeActual == nil ? threeMissing
                : LocalizedText(zh: "没有上年“三公”经费决算数", en: "last year's three-public spending is not given")))

        results.append(staffControl())
        results.append(fixedAssets())
        return Self.inFormOrder(results.map(scored), level1: \.level1)
    }

    /// 一级指标 in the form's order — 投入, 过程, 产出, 效益, 满意度 — keeping the input order within each.
    static func inFormOrder<T>(_ items: [T], level1: (T) -> String) -> [T] {
        let order = ["投入", "过程", "产出", "成本", "效益", "效果", "满意度"]
        func rank(_ label: String) -> Int { order.firstIndex { label.hasPrefix($0) } ?? order.count }
        return items.enumerated().sorted { a, b in
            let (ra, rb) = (rank(level1(a.element)), rank(level1(b.element)))
            return ra != rb ? ra < rb : a.offset < b.offset
        }.map(\.element)
    }

    // MARK: - Shapes

    private func result(
        _ id: CommonIndicatorID, suffix: String = "", formula: String, inputs: [FormulaInput], value: Rate?,
        reason: LocalizedText?
    ) -> CommonIndicatorResult {
        let rule = scheme.rule(for: id)
        return CommonIndicatorResult(
            id: id, name: id.chineseName + suffix, level1: rule?.level1 ?? "", level2: rule?.level2 ?? "",
            formula: formula, inputs: inputs, value: value, reason: reason, weight: rule?.weight ?? .zero, score: nil,
            scoring: "")
    }

    private func ratio(
        _ id: CommonIndicatorID, suffix: String = "", formula: String,
        numerator: (DepartmentFigures.Found, String)?, denominator: (DepartmentFigures.Found, String)?,
        missing: LocalizedText
    ) -> CommonIndicatorResult {
        let inputs = [numerator, denominator].compactMap { $0.map { $0.0.input($0.1) } }
        guard let numerator, let denominator else {
            return result(id, suffix: suffix, formula: formula, inputs: inputs, value: nil, reason: missing)
        }
        guard let value = numerator.0.figure.value.ratio(to: denominator.0.figure.value) else {
            return result(
                id, suffix: suffix, formula: formula, inputs: inputs, value: nil,
                reason: LocalizedText(zh: "\(denominator.1)为 0，不能作除数", en: "the denominator (\(denominator.1)) is 0"))
        }
        return result(id, suffix: suffix, formula: formula, inputs: inputs, value: value, reason: nil)
    }

    private func change(
        _ id: CommonIndicatorID, formula: String, current: (DepartmentFigures.Found, String)?,
        base: (DepartmentFigures.Found, String)?, missing: LocalizedText
    ) -> CommonIndicatorResult {
        let inputs = [current, base].compactMap { $0.map { $0.0.input($0.1) } }
        guard let current, let base else {
            return result(id, formula: formula, inputs: inputs, value: nil, reason: missing)
        }
        let difference = current.0.figure.value - base.0.figure.value
        guard let value = difference.ratio(to: base.0.figure.value) else {
            return result(
                id, formula: formula, inputs: inputs, value: nil,
                reason: LocalizedText(zh: "\(base.1)为 0，不能作除数", en: "the base (\(base.1)) is 0"))
        }
        return result(id, formula: formula, inputs: inputs, value: value, reason: nil)
    }

    /// 预算调整率 (FORMS.md §4): carried-in funds are not an adjustment. From 本年收入合计 (全年 − 年初) ÷ 年初
    /// where a table gives both; else (全年预算数 − 年初预算数 − 年初结转和结余) ÷ 年初预算数 of 本年支出合计.
    private func adjustment(
        adjusted: DepartmentFigures.Found?, initial: DepartmentFigures.Found?, noAdjusted: LocalizedText
    ) -> CommonIndicatorResult {
        if let incomeAdjusted = figures.totalIncome(.adjustedBudget), let incomeInitial = figures.totalIncome(.initialBudget) {
            return change(
                .budgetAdjustmentRate, formula: "(本年收入合计全年预算数 − 本年收入合计年初预算数) ÷ 本年收入合计年初预算数（年初结转和结余不算调整）",
                current: (incomeAdjusted, "本年收入全年预算数"), base: (incomeInitial, "本年收入年初预算数"),
                missing: noAdjusted)
        }
        let formula = "(全年预算数 − 年初预算数 − 年初结转和结余) ÷ 年初预算数（年初结转和结余不算调整）"
        let start = figures.carryoverStart
        let inputs = [adjusted?.input("全年预算数"), initial?.input("年初预算数"), start?.input("年初结转和结余")]
            .compactMap { $0 }
        guard let adjusted else { return result(.budgetAdjustmentRate, formula: formula, inputs: inputs, value: nil, reason: noAdjusted) }
        guard let initial else {
            return result(
                .budgetAdjustmentRate, formula: formula, inputs: inputs, value: nil,
                reason: LocalizedText(zh: "没有表给出年初预算数", en: "no table gives the initial budget"))
        }
        guard let start else {
            return result(
                .budgetAdjustmentRate, formula: formula, inputs: inputs, value: nil,
                reason: LocalizedText(
                    zh: "没有年初结转和结余（全年预算数中可能含结转，不能当作调整）：请提供收入支出决算总表",
                    en: "no opening carry-over is given (the full-year budget may include it, which is no adjustment)"))
        }
        let change = adjusted.figure.value - initial.figure.value - start.figure.value
        guard let value = change.ratio(to: initial.figure.value) else {
            return result(
                .budgetAdjustmentRate, formula: formula, inputs: inputs, value: nil,
                reason: LocalizedText(zh: "年初预算数为 0，不能作除数", en: "the initial budget is 0"))
        }
        return result(.budgetAdjustmentRate, formula: formula, inputs: inputs, value: value, reason: nil)
    }

    private func staffControl() -> CommonIndicatorResult {
        let facts = figures.department.facts
        let formula = "实有在职人数 ÷ 编制数"
        let inputs = [
            facts?.staffInPost.map { FormulaInput(name: "实有在职人数（部门基本情况）", value: $0.value.description, source: $0.source) },
            facts?.authorizedStaff.map { FormulaInput(name: "编制数（部门基本情况）", value: $0.value.description, source: $0.source) },
        ].compactMap { $0 }
        guard let inPost = facts?.staffInPost, let authorized = facts?.authorizedStaff else {
            return result(
                .staffControlRate, formula: formula, inputs: inputs, value: nil,
                reason: LocalizedText(zh: "没有给出编制数和实有在职人数", en: "authorised and in-post staff are not both given"))
        }
        guard let value = inPost.value.ratio(to: authorized.value) else {
            return result(
                .staffControlRate, formula: formula, inputs: inputs, value: nil,
                reason: LocalizedText(zh: "编制数为 0", en: "the authorised staff is 0"))
        }
        return result(.staffControlRate, formula: formula, inputs: inputs, value: value, reason: nil)
    }

    private func fixedAssets() -> CommonIndicatorResult {
        let facts = figures.department.facts
        let inUse = facts?.fixedAssetsInUse.map { (DepartmentFigures.Found(figure: $0, label: "部门基本情况"), "在用固定资产") }
        let total = facts?.fixedAssetsTotal.map { (DepartmentFigures.Found(figure: $0, label: "部门基本情况"), "固定资产总额") }
        return ratio(
            .fixedAssetUtilizationRate, formula: "在用固定资产 ÷ 固定资产总额", numerator: inUse, denominator: total,
            missing: LocalizedText(zh: "没有给出在用固定资产和固定资产总额", en: "fixed assets in use and in total are not both given"))
    }

    private func scored(_ indicator: CommonIndicatorResult) -> CommonIndicatorResult {
        var copy = indicator
        guard let rule = scheme.rule(for: indicator.id), !rule.weight.isZero else {
            copy.scoring = indicator.id == .budgetCompletionRate && !scheme.executionWeight.isZero
                ? "与年度预算资金执行率是同一比率，已在执行率计分，此处仅列示"
                : "本评分方案未规定分值，仅列示"
            return copy
        }
        guard let value = indicator.value else {
            copy.scoring = "无法计算，未计分（总分只计已评分值，不评级）"
            return copy
        }
        guard let (score, basis) = rule.rule.score(value, weight: rule.weight) else {
            copy.scoring = "本评分方案未规定计分规则，仅列示"
            return copy
        }
        copy.score = score
        copy.scoring = basis
        return copy
    }
}
