import FinanceModel

/// 公用经费=302+310: 公用经费 equals 302 商品和服务支出 + 310 资本性支出.
public struct OfficeCostRule: CheckRule {
    public let name = "公用经费=302+310"

    public init() {}

    public func findings(in context: CheckContext) -> [Finding] {
        EconomicGroupSum(
            rule: name, group: .officeCost, label: LocalizedText(zh: "公用经费", en: "office cost"),
            classes: ["302", "310"]
        ).findings(in: context)
    }
}
