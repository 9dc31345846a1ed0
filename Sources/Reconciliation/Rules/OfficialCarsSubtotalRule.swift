import FinanceModel

/// 车辆小计: 公务用车购置及运行费 小计 = 公务用车购置费 + 公务用车运行维护费, for 预算数 and 决算数.
public struct OfficialCarsSubtotalRule: CheckRule {
    public let name = "车辆小计"

    public init() {}

    public func findings(in context: CheckContext) -> [Finding] {
        context.tables.flatMap { table -> [Finding] in
            guard case .threePublic(let t) = table else { return [] }
            let cars = t.officialCars
            return AmountColumn.allCases.compactMap { column -> Finding? in
                guard let subtotal = cars.subtotal[column] else { return nil }
                let parts = [cars.purchase[column], cars.operation[column]].compactMap { $0 }
                guard !parts.isEmpty else { return nil }
                return Equation(
                    rule: name,
                    subject: LocalizedText(
                        zh: "\(t.info.displayTitle)（\(column.title.zh)）公务用车购置及运行费应等于购置费 + 运行维护费",
                        en: "\(t.info.displayTitle) (\(column.title.en)): official cars should equal purchase + "
                            + "operation"),
                    found: Term(subtotal), terms: parts.map(Term.init), unit: t.info.unit, step: RoundingStep.step(of: table)
                ).finding(context.settings)
            }
        }
    }
}
