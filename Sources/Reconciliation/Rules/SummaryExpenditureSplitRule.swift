import FinanceModel

/// 合计=基本+项目 on a 收支总表 whose expenditure side splits each line (the 单位预算 总表: 合计 | 基本支出
/// {人员经费 | 公用经费} | 项目支出): every line's 合计 = 人员经费 + 公用经费 + 项目支出 (or 基本支出 + 项目支出
/// when the table does not split 基本支出), and 基本支出 = 人员经费 + 公用经费 where it prints both.
public struct SummaryExpenditureSplitRule: CheckRule {
    public let name = "合计=基本+项目"

    public init() {}

    public func findings(in context: CheckContext) -> [Finding] {
        context.tables.flatMap { table -> [Finding] in
            guard case .incomeExpenseSummary(let t) = table else { return [] }
            let step = RoundingStep.step(of: table)
            var lines: [(label: String, amounts: Amounts, parts: [String: Amounts])] = t.expenditureLines
                .filter { !$0.parts.isEmpty }
                .map { (Self.label($0.name, $0.code), $0.amounts, $0.parts) }
            for field in ["totalExpenditure", "grandTotalExpenditureSide"] {
                guard let parts = t.expenditureTotalParts[field], let key = SummaryField(rawValue: field) else { continue }
                lines.append((key.title.zh, key.amounts(of: t), parts))
            }
            return lines.flatMap { line in
                AmountColumn.allCases.flatMap { column -> [Finding] in
                    check(t, line, column: column, step: step, settings: context.settings)
                }
            }
        }
    }

    private func check(
        _ t: IncomeExpenseSummary, _ line: (label: String, amounts: Amounts, parts: [String: Amounts]),
        column: AmountColumn, step: Money, settings: ReconciliationSettings
    ) -> [Finding] {
        func part(_ measure: String) -> Figure? { line.parts[measure]?[column] }
        var result: [Finding] = []
        let personnel = part("personnelCost"), office = part("officeCost")
        let split = [personnel, office].compactMap { $0 }
        if let total = line.amounts[column] {
            let basic: [Figure] = split.isEmpty ? [part("basicExpenditure")].compactMap { $0 } : split
            let terms = basic + [part("projectExpenditure")].compactMap { $0 }
            if !terms.isEmpty {
                let what = split.isEmpty ? "基本支出 + 项目支出" : "人员经费 + 公用经费 + 项目支出"
                let whatEn = split.isEmpty ? "basic + project expenditure" : "personnel + office cost + project expenditure"
                result += Equation(
                    rule: name,
                    subject: LocalizedText(
                        zh: "\(t.info.displayTitle)“\(line.label)”行（\(column.title.zh)）合计应等于\(what)",
                        en: "\(t.info.displayTitle), line “\(line.label)” (\(column.title.en)): the total should equal \(whatEn)"),
                    found: Term(total), terms: terms.map(Term.init), unit: t.info.unit, step: step
                ).finding(settings).map { [$0] } ?? []
            }
        }
        if let basic = part("basicExpenditure"), split.count == 2 {
            result += Equation(
                rule: "基本支出=人员+公用",
                subject: LocalizedText(
                    zh: "\(t.info.displayTitle)“\(line.label)”行（\(column.title.zh)）基本支出应等于人员经费 + 公用经费",
                    en: "\(t.info.displayTitle), line “\(line.label)” (\(column.title.en)): basic expenditure should "
                        + "equal personnel + office cost"),
                found: Term(basic), terms: split.map(Term.init), unit: t.info.unit, step: step
            ).finding(settings).map { [$0] } ?? []
        }
        return result
    }

    /// "204 公共安全支出" when the line carries its 类 code, else its name.
    static func label(_ name: String, _ code: FunctionCode?) -> String {
        guard let code else { return name }
        return "\(code) \(name)"
    }
}
