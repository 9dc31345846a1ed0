import FinanceModel

/// What 人员经费=301+303 and 公用经费=302+310 share: a stated 人员经费 / 公用经费 figure (a named row, or
/// the 合计 row's column) against the sum of the 经济分类 类 rows of its group (or their 款 rows when
/// the table lists no 类 row).
struct EconomicGroupSum {
    var rule: String
    var group: BasicExpenseGroup
    /// 人员经费 / 公用经费.
    var label: LocalizedText
    /// "301", "303".
    var classes: [String]

    func findings(in context: CheckContext) -> [Finding] {
        context.tables.flatMap { table -> [Finding] in
            guard case .basicExpenseByEconomic(let t) = table else { return [] }
            let step = RoundingStep.step(of: table)
            return AmountColumn.allCases.compactMap { check(t, column: $0, step: step, settings: context.settings) }
        }
    }

    private func check(
        _ t: BasicExpenseByEconomicTable, column: AmountColumn, step: Money, settings: ReconciliationSettings
    ) -> Finding?
    {
        guard let stated = statedFigure(in: t, column: column) else { return nil }
        var parts: [Figure] = []
        for digits in classes {
            if let row = t.rows.first(where: { $0.code?.digits == digits }), !row.figures(column).isEmpty {
                parts += row.figures(column)
            } else {
                parts += t.rows.filter { $0.code?.digits.count == 5 && $0.code?.digits.hasPrefix(digits) == true }
                    .flatMap { $0.figures(column) }
            }
        }
        guard !parts.isEmpty else { return nil }
        let classList = classes.joined(separator: " + ")
        return Equation(
            rule: rule,
            subject: LocalizedText(
                zh: "\(t.info.displayTitle)（\(column.title.zh)）\(label.zh)应等于 \(classList) 之和",
                en: "\(t.info.displayTitle) (\(column.title.en)): \(label.en) should equal \(classList)"),
            found: Term(stated), terms: parts.map(Term.init), unit: t.info.unit, step: step
        ).finding(settings)
    }

    /// A row named 人员经费 / 人员经费合计 (without a code), else the 合计 row's 人员经费 column.
    private func statedFigure(in t: BasicExpenseByEconomicTable, column: AmountColumn) -> Figure? {
        if let row = t.rows.first(where: { $0.code == nil && NameNormalisation.key($0.name).hasPrefix(label.zh) }),
            let figure = row.total[column]
        {
            return figure
        }
        guard let total = t.totalRow else { return nil }
        return group == .personnelCost ? total.personnelCost[column] : total.officeCost[column]
    }
}
