import FinanceModel

/// A checked equation `found = Σ terms` (or `found = other` between two tables) and how a difference
/// is judged: zero is fine, within the tolerance a 提示 labelled as a rounding difference (尾差), beyond
/// it an 错误.
struct Equation {
    /// The rule's name.
    var rule: String
    /// What is being checked, e.g. "收入支出决算总表 收入总计 = 本年收入合计 + 年初结转和结余".
    var subject: LocalizedText
    /// The stated figure.
    var found: Term
    /// The figures it should equal the sum of.
    var terms: [Term]
    /// The unit all amounts are in.
    var unit: MoneyUnit
    /// What one figure's rounding may be off by, in `unit`: 0.01 of the table's unit (the coarser
    /// table's between two tables), or the table's coarser `RoundingStep`.
    var step: Money

    /// The tolerance in `unit`: the setting when given, else `step` per non-zero summed term.
    func tolerance(_ settings: ReconciliationSettings) -> Money {
        if let override = settings.tolerance { return override.converted(from: settings.unit, to: unit) }
        let count = max(1, terms.map(\.nonZeroTerms).reduce(0, +))
        return step * count
    }

    /// Nil when the equation holds exactly.
    func finding(_ settings: ReconciliationSettings, advice: LocalizedText? = nil) -> Finding? {
        let expected = terms.map(\.amount).sum()
        let difference = found.amount - expected
        guard !difference.isZero else { return nil }
        let allowed = tolerance(settings)
        let rounding = difference.magnitude <= allowed
        let gap = difference.magnitude.description
        let unitText = LocalizedText(zh: unit.rawValue, en: unit.englishName)
        let zh: String
        let en: String
        let coarseStep = settings.tolerance == nil && step > Money(units: 0, hundredths: 1)
        if rounding {
            zh = "\(subject.zh)：相差 \(gap) \(unitText.zh)，在容差 \(allowed) \(unitText.zh) 以内，属四舍五入尾差"
                + (coarseStep ? "（表中金额均为 \(step) \(unitText.zh) 的整数倍，按此精度计算容差）。" : "。")
                + (advice?.zh ?? "核对即可；如需完全一致，请调整其中一个数的尾数。")
            en = "\(subject.en): off by \(gap) \(unitText.en), within the tolerance of \(allowed): a rounding "
                + "difference" + (coarseStep ? " (every figure of the table is a multiple of \(step), the precision used). " : ". ") + (advice?.en ?? "Check it; adjust the last digit of one figure if they must agree exactly.")
        } else {
            zh = "\(subject.zh)：相差 \(gap) \(unitText.zh)，超出容差 \(allowed) \(unitText.zh)。"
                + (advice?.zh ?? "请核对所列单元格，更正填错的数。")
            en = "\(subject.en): off by \(gap) \(unitText.en), beyond the tolerance of \(allowed). "
                + (advice?.en ?? "Check the cells listed and correct the wrong figure.")
        }
        var cells = found.citedCells
        for term in terms { cells += term.citedCells }
        return Finding(
            severity: rounding ? .hint : .error, rule: rule, message: LocalizedText(zh: zh, en: en), cells: cells,
            expected: expected.description, found: found.amount.description)
    }
}

extension MoneyUnit {
}

extension TableInfo {
    /// "2020年部门支出总表" or, untitled, the sheet/file.
    var displayTitle: String { title.isEmpty ? source.description : title }

    /// "2020年部门预算.xlsx › 项目支出表": where the table is, for messages comparing two tables.
    var place: String { ([source.file] + (source.sheet.map { [$0] } ?? [])).joined(separator: " › ") }
}

extension AmountColumn {
    /// 年初预算数 / 全年预算数 / 决算数.
    public var title: LocalizedText {
        switch self {
        case .initialBudget: LocalizedText(zh: "年初预算数", en: "initial budget")
        case .adjustedBudget: LocalizedText(zh: "全年预算数", en: "adjusted budget")
        case .actual: LocalizedText(zh: "决算数", en: "actual")
        }
    }
}
