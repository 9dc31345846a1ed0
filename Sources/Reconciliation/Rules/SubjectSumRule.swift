import FinanceModel

/// 类=Σ款, 款=Σ项 and 合计=Σ类: in a table by subject code, a row equals the sum of the rows directly
/// under it (the nearest finer rows the table lists), and the 合计 row the sum of the top-level rows —
/// for every amount column of every column group (合计 / 基本支出 / 项目支出, 人员经费 / 公用经费, income
/// sources).
public struct SubjectSumRule: CheckRule {
    /// `类=Σ款`; the rule reports `款=Σ项` and `合计=Σ类` under their own names.
    public let name = "类=Σ款"
    static let sectionRule = "款=Σ项"
    static let totalRule = "合计=Σ类"

    public init() {}

    /// A row reduced to what the rule reads.
    struct CodedRow {
        var code: String?
        var isTotal: Bool
        var label: String
        var groups: [Group]
    }

    /// One column group of a row. Rows of one table may list different groups (a 收入决算表 row has a
    /// group only for the income sources it has a value in), so a parent's group is matched with its
    /// children's by `key`, never by position.
    struct Group {
        var key: String
        var title: LocalizedText
        var amounts: Amounts

        init(_ key: String, _ title: LocalizedText, _ amounts: Amounts) {
            self.key = key
            self.title = title
            self.amounts = amounts
        }
    }

    public func findings(in context: CheckContext) -> [Finding] {
        context.tables.flatMap { table -> [Finding] in
            let info = table.info
            let rows: [CodedRow]
            switch table {
            case .expenseByFunction(let t):
                rows = t.rows.map {
                    CodedRow(
                        code: $0.code?.digits, isTotal: $0.role == .total, label: $0.name,
                        groups: [
                            Group("total", LocalizedText(zh: "合计", en: "total"), $0.total),
                            Group("basic", LocalizedText(zh: "基本支出", en: "basic expenditure"), $0.basicExpenditure),
                            Group(
                                "project", LocalizedText(zh: "项目支出", en: "project expenditure"),
                                $0.projectExpenditure),
                        ])
                }
            case .incomeByFunction(let t):
                rows = t.rows.map { row in
                    CodedRow(
                        code: row.code?.digits, isTotal: row.role == .total, label: row.name,
                        groups: [Group("total", LocalizedText(zh: "合计", en: "total"), row.total)]
                            + IncomeSource.allCases.compactMap { source in
                                row.bySource[source].map { Group(source.rawValue, source.title, $0) }
                            })
                }
            case .basicExpenseByEconomic(let t):
                rows = t.rows.map {
                    CodedRow(
                        code: $0.code?.digits, isTotal: $0.role == .total, label: $0.name,
                        groups: [
                            Group("total", LocalizedText(zh: "合计", en: "total"), $0.total),
                            Group("personnel", LocalizedText(zh: "人员经费", en: "personnel cost"), $0.personnelCost),
                            Group("office", LocalizedText(zh: "公用经费", en: "office cost"), $0.officeCost),
                        ])
                }
            default:
                return []
            }
            return check(rows, info: info, step: RoundingStep.step(of: table), settings: context.settings)
        }
    }

    func check(_ rows: [CodedRow], info: TableInfo, step: Money, settings: ReconciliationSettings) -> [Finding] {
        let coded = rows.filter { $0.code != nil && !$0.isTotal }
        var result: [Finding] = []
        for parent in coded {
            guard let code = parent.code else { continue }
            let children = Self.nearestBelow(code, in: coded)
            guard !children.isEmpty else { continue }
            let rule = code.count == 3 ? name : Self.sectionRule
            result += compare(
                parent, with: children, rule: rule, what: LocalizedText(
                    zh: "“\(code) \(parent.label)”应等于其下级科目之和",
                    en: "“\(code) \(parent.label)” should equal the sum of the rows under it"),
                info: info, step: step, settings: settings)
        }
        let top = coded.filter { row in
            guard let code = row.code else { return false }
            return !coded.contains { other in
                guard let ancestor = other.code else { return false }
                return ancestor.count < code.count && code.hasPrefix(ancestor)
            }
        }
        if let total = rows.first(where: \.isTotal), !top.isEmpty {
            result += compare(
                total, with: top, rule: Self.totalRule,
                what: LocalizedText(zh: "合计行应等于各类科目之和", en: "the total row should equal the sum of the class rows"),
                info: info, step: step, settings: settings)
        }
        return result
    }

    /// The rows under `code` with no other listed row between them and `code`.
    static func nearestBelow(_ code: String, in rows: [CodedRow]) -> [CodedRow] {
        let descendants = rows.filter { ($0.code?.count ?? 0) > code.count && $0.code?.hasPrefix(code) == true }
        return descendants.filter { row in
            guard let digits = row.code else { return false }
            return !descendants.contains { other in
                guard let between = other.code else { return false }
                return between.count < digits.count && digits.hasPrefix(between)
            }
        }
    }

    private func compare(
        _ parent: CodedRow, with children: [CodedRow], rule: String, what: LocalizedText, info: TableInfo, step: Money,
        settings: ReconciliationSettings
    ) -> [Finding] {
        var result: [Finding] = []
        for group in parent.groups {
            // A child without this group (its cells in the group are blank) adds nothing.
            let childGroups = children.compactMap { child in child.groups.first { $0.key == group.key } }
            for column in AmountColumn.allCases {
                guard let stated = group.amounts[column] else { continue }
                let parts = childGroups.compactMap { $0.amounts[column] }
                guard !parts.isEmpty else { continue }
                let equation = Equation(
                    rule: rule,
                    subject: LocalizedText(
                        zh: "\(info.displayTitle)（\(group.title.zh)，\(column.title.zh)）\(what.zh)",
                        en: "\(info.displayTitle) (\(group.title.en), \(column.title.en)): \(what.en)"),
                    found: Term(stated), terms: parts.map(Term.init), unit: info.unit, step: step)
                if let finding = equation.finding(settings) { result.append(finding) }
            }
        }
        return result
    }
}
