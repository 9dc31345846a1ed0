import FinanceModel

/// 基本支出=人员+公用: the 合计 row of a 基本支出 table equals its 人员经费 + 公用经费 columns.
public struct BasicExpenditureSplitRule: CheckRule {
    public let name = "基本支出=人员+公用"

    public init() {}

    public func findings(in context: CheckContext) -> [Finding] {
        context.tables.flatMap { table -> [Finding] in
            guard case .basicExpenseByEconomic(let t) = table, let total = t.totalRow else { return [] }
            return AmountColumn.allCases.compactMap { column -> Finding? in
                guard let stated = total.total[column] else { return nil }
                let parts = [total.personnelCost[column], total.officeCost[column]].compactMap { $0 }
                guard parts.count == 2 else { return nil }
                return Equation(
                    rule: name,
                    subject: LocalizedText(
                        zh: "\(t.info.displayTitle)（\(column.title.zh)）基本支出合计应等于人员经费 + 公用经费",
                        en: "\(t.info.displayTitle) (\(column.title.en)): basic expenditure should equal personnel "
                            + "+ office cost"),
                    found: Term(stated), terms: parts.map(Term.init), unit: t.info.unit, step: RoundingStep.step(of: table)
                ).finding(context.settings)
            }
        }
    }
}
