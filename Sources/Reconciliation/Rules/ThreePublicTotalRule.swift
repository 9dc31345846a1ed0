import FinanceModel

/// 三公合计: "三公"经费合计 = 因公出国(境)费 + 公务用车购置及运行费 + 公务接待费, for 预算数 and 决算数
/// (the 车辆 小计, or its two parts when the table gives no 小计).
public struct ThreePublicTotalRule: CheckRule {
    public let name = "三公合计"

    public init() {}

    public func findings(in context: CheckContext) -> [Finding] {
        context.tables.flatMap { table -> [Finding] in
            guard case .threePublic(let t) = table else { return [] }
            return AmountColumn.allCases.compactMap { column -> Finding? in
                guard let total = t.total[column] else { return nil }
                var parts = [t.overseasTravel[column], t.reception[column]].compactMap { $0 }
                if let cars = t.officialCars.subtotal[column] {
                    parts.append(cars)
                } else {
                    parts += [t.officialCars.purchase[column], t.officialCars.operation[column]].compactMap { $0 }
                }
                guard !parts.isEmpty else { return nil }
                return Equation(
                    rule: name,
                    subject: LocalizedText(
                        zh: "\(t.info.displayTitle)（\(column.title.zh)）合计应等于因公出国（境）费 + 公务用车购置及运行费 + 公务接待费",
                        en: "\(t.info.displayTitle) (\(column.title.en)): the total should equal overseas travel + "
                            + "official cars + reception"),
                    found: Term(total), terms: parts.map(Term.init), unit: t.info.unit, step: RoundingStep.step(of: table)
                ).finding(context.settings)
            }
        }
    }
}
