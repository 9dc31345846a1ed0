import FinanceModel

/// 人员经费=301+303: 人员经费 equals 301 工资福利支出 + 303 对个人和家庭的补助.
public struct PersonnelCostRule: CheckRule {
    public let name = "人员经费=301+303"

    public init() {}

    public func findings(in context: CheckContext) -> [Finding] {
        EconomicGroupSum(
            rule: name, group: .personnelCost, label: LocalizedText(zh: "人员经费", en: "personnel cost"),
            classes: ["301", "303"]
        ).findings(in: context)
    }
}
