import FinanceModel

/// 三公合计: "三公"经费合计 = 因公出国(境)费 + 公务用车购置及运行费 + 公务接待费, for 预算数 and 决算数
/// (the 车辆 小计, or its two parts when the table gives no 小计). A table that also lists 会议费 and 培训费
/// (江苏) has them in its 合计: 合计 = "三公" 小计 (or its items) + 会议费 + 培训费, and the "三公" 小计 =
/// the three items.
public struct ThreePublicTotalRule: CheckRule {
    public let name = "三公合计"

    public init() {}

    public func findings(in context: CheckContext) -> [Finding] {
        context.tables.flatMap { table -> [Finding] in
            guard case .threePublic(let t) = table else { return [] }
            return AmountColumn.allCases.map { column -> [Finding] in
                var parts = [t.overseasTravel[column], t.reception[column]].compactMap { $0 }
                if let cars = t.officialCars.subtotal[column] {
                    parts.append(cars)
                } else {
                    parts += [t.officialCars.purchase[column], t.officialCars.operation[column]].compactMap { $0 }
                }
                let extras = [t.meetings[column], t.training[column]].compactMap { $0 }
                let items = "因公出国（境）费 + 公务用车购置及运行费 + 公务接待费"
                let itemsEn = "overseas travel + official cars + reception"
                if extras.isEmpty && t.threePublicSubtotal[column] == nil {
                    guard let total = t.total[column], !parts.isEmpty else { return [] }
                    return [equation(t, table, column, "合计", items, itemsEn, total, parts, context)].compactMap { $0 }
                }
                var result: [Finding?] = []
                if let subtotal = t.threePublicSubtotal[column], !parts.isEmpty {
                    result.append(equation(t, table, column, "“三公”经费小计", items, itemsEn, subtotal, parts, context))
                }
                if let total = t.total[column] {
                    // Without a "三公" 小计, a 合计 that is exactly the three items covers the "三公" only.
                    if t.threePublicSubtotal[column] == nil, !parts.isEmpty,
                       parts.map(\.value).sum() == total.value { return result.compactMap { $0 } }
                    let head = t.threePublicSubtotal[column].map { [$0] } ?? parts
                    result.append(equation(
                        t, table, column, "合计", "“三公”经费 + 会议费 + 培训费", "three public + meetings + training",
                        total, head + extras, context))
                }
                return result.compactMap { $0 }
            }.flatMap { $0 }
        }
    }

    private func equation(
        _ t: ThreePublicTable, _ table: AnyFinanceTable, _ column: AmountColumn, _ what: String, _ items: String,
        _ itemsEn: String, _ stated: Figure, _ parts: [Figure], _ context: CheckContext
    ) -> Finding? {
        Equation(
            rule: name,
            subject: LocalizedText(
                zh: "\(t.info.displayTitle)（\(column.title.zh)）\(what)应等于\(items)",
                en: "\(t.info.displayTitle) (\(column.title.en)): the \(what == "合计" ? "total" : "three-public subtotal") "
                    + "should equal \(itemsEn)"),
            found: Term(stated), terms: parts.map(Term.init), unit: t.info.unit, step: RoundingStep.step(of: table)
        ).finding(context.settings)
    }
}
