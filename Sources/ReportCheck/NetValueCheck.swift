import FinanceModel

/// 原值 − 累计折旧 = 净值 within one sentence ("原值26.19万元，累计折旧8.04万元，净值18.15万元").
struct NetValueCheck {
    static let rule = "report.netValue"

    var context: CheckContext

    func run(into result: inout ReportCheckResult) {
        for (index, amounts) in context.amountsByParagraph.enumerated() {
            let money = amounts.filter { $0.unit != .percent && !$0.isApproximate }
            for gross in money where gross.label.hasSuffix("原值") {
                let sameSentence = money.filter {
                    $0.sentenceIndex == gross.sentenceIndex && $0.start > gross.start && $0.unit == gross.unit
                }
                guard let depreciation = sameSentence.first(where: { $0.label.hasSuffix("折旧") }),
                      let net = sameSentence.first(where: { $0.label.hasSuffix("净值") && $0.start > depreciation.start })
                else { continue }
                let computed = gross.value - depreciation.value
                let difference = (computed - net.value).magnitude
                let decimals = [gross, depreciation, net].map(\.decimals).max() ?? 0
                let location = context.location(paragraph: index, from: gross.start, to: net.start)
                let statement = "\(gross.value) − \(depreciation.value) = \(net.value)（\(net.unit.rawValue)）"
                if difference.isZero {
                    result.confirmed.append(Confirmation(rule: Self.rule, statement: statement, location: location))
                    continue
                }
                let rounding = difference <= Tolerance.rounding(decimals: decimals, figures: 3)
                result.findings.append(ReportFinding(Finding(
                    severity: rounding ? .hint : .error, rule: Self.rule,
                    message: LocalizedText(
                        zh: "原值 \(gross.text) 减累计折旧 \(depreciation.text) 为 \(computed)\(net.unit.rawValue)，报告写净值 \(net.text)"
                            + (rounding ? "：尾数差异。" : "：请核对原值、折旧和净值。"),
                        en: "original value \(gross.text) less depreciation \(depreciation.text) is \(computed) \(net.unit.rawValue), the report says net value \(net.text)"
                            + (rounding ? ": a rounding difference." : ": check the original value, depreciation and net value.")),
                    expected: computed.description, found: net.value.description), at: location))
            }
        }
    }
}
