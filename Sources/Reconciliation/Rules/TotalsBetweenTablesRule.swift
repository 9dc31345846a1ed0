import FinanceModel

/// 表间一致 (totals): the 收支总表's 本年收入合计 / 本年支出合计 equal the 合计 rows of the income and
/// expenditure tables by 功能分类, and the 一般公共预算支出表's 基本支出 合计 equals the 基本支出表's 合计.
public struct TotalsBetweenTablesRule: CheckRule {
    public let name = "表间一致"

    public init() {}

    public func findings(in context: CheckContext) -> [Finding] {
        var result: [Finding] = []
        let pairs: [(ComparisonSection, String, ComparisonSection, String)] = [
            (.incomeExpenseSummary, SummaryField.totalExpenditure.rawValue, .expenseByFunction, ComparisonRow.totalKey),
            (.incomeExpenseSummary, SummaryField.totalIncome.rawValue, .incomeByFunction, ComparisonRow.totalKey),
        ]
        for (leftSection, leftKey, rightSection, rightKey) in pairs {
            guard let left = context.rows.first(where: { $0.section == leftSection && $0.key == leftKey }),
                let right = context.rows.first(where: { $0.section == rightSection && $0.key == rightKey })
            else { continue }
            for column in AmountColumn.allCases {
                guard let a = left.contributions[column]?.first, let b = right.contributions[column]?.first else {
                    continue
                }
                result += finding(
                    a, b, context: context,
                    what: LocalizedText(
                        zh: "\(a.table.displayTitle)的\(left.name)（\(column.title.zh)）应等于\(b.table.displayTitle)的合计",
                        en: "\(a.table.displayTitle) \(left.name) (\(column.title.en)) should equal the total of "
                            + b.table.displayTitle))
            }
        }
        result += basicExpenditureTotals(context)
        result += summaryBasicSplit(context)
        return result
    }

    /// Whether two tables may belong to one publication: same scope (部门 / 单位) and, where both say, the
    /// same year. (The preparing unit is not compared: one workbook may spell it two ways.)
    static func samePublication(_ a: TableInfo, _ b: TableInfo) -> Bool {
        guard a.scope == b.scope else { return false }
        if let x = a.year, let y = b.year, x != y { return false }
        return true
    }

    /// 收支总表 支出 total line's 人员经费 / 公用经费 = 基本支出表 合计行's 人员经费 / 公用经费, when the 总表's
    /// income is all 一般公共预算 (its 一般公共预算 line equals 收入总计): then its 基本支出 is all of the
    /// 一般公共预算 基本支出 table's.
    private func summaryBasicSplit(_ context: CheckContext) -> [Finding] {
        var result: [Finding] = []
        for case .incomeExpenseSummary(let summary) in context.tables {
            guard summary.info.kind == .incomeExpenseSummary else { continue }
            let field = summary.expenditureTotalParts["totalExpenditure"] != nil ? "totalExpenditure" : "grandTotalExpenditureSide"
            guard let parts = summary.expenditureTotalParts[field] else { continue }
            for case .basicExpenseByEconomic(let basic) in context.tables {
                guard Self.samePublication(summary.info, basic.info), let total = basic.totalRow else { continue }
                for column in AmountColumn.allCases {
                    guard Self.allGeneralBudget(summary, column) else { continue }
                    for (measure, label, other) in [
                        ("personnelCost", "人员经费", total.personnelCost[column]),
                        ("officeCost", "公用经费", total.officeCost[column]),
                    ] {
                        guard let a = parts[measure]?[column], let b = other else { continue }
                        let unit = summary.info.unit == basic.info.unit ? summary.info.unit : context.unit
                        let step = max(
                            RoundingStep.step(of: .incomeExpenseSummary(summary)).converted(from: summary.info.unit, to: unit),
                            RoundingStep.step(of: .basicExpenseByEconomic(basic)).converted(from: basic.info.unit, to: unit))
                        let equation = Equation(
                            rule: name,
                            subject: LocalizedText(
                                zh: "\(summary.info.displayTitle)的支出\(label)（\(column.title.zh)）应等于\(basic.info.displayTitle)合计行的\(label)",
                                en: "\(summary.info.displayTitle) expenditure \(measure) (\(column.title.en)) should equal the "
                                    + "total row of \(basic.info.displayTitle)"),
                            found: term(a, summary.info, unit), terms: [term(b, basic.info, unit)], unit: unit, step: step)
                        result += equation.finding(context.settings, advice: advice).map { [$0] } ?? []
                    }
                }
            }
        }
        return result
    }

    /// Whether a 收支总表's income is all 一般公共预算: a line naming 一般公共预算 equals 收入总计 (or 本年收入合计).
    static func allGeneralBudget(_ summary: IncomeExpenseSummary, _ column: AmountColumn) -> Bool {
        guard let whole = summary.grandTotal[column] ?? summary.totalIncome[column] else { return false }
        return summary.incomeLines.contains { line in
            NameNormalisation.key(line.name).contains("一般公共预算") && line.amounts[column]?.value == whole.value
        }
    }

    /// 一般公共预算支出表 合计行 基本支出 = 基本支出表 合计行 (its 合计, or 人员经费 + 公用经费 when the table
    /// shows the two halves side by side), table by table.
    private func basicExpenditureTotals(_ context: CheckContext) -> [Finding] {
        var general: [(AnyFinanceTable, TableInfo, Amounts)] = []
        var basic: [(AnyFinanceTable, TableInfo, BasicExpenseRow)] = []
        for table in context.tables {
            switch table {
            case .expenseByFunction(let t) where t.info.kind == .generalBudgetExpenseByFunction:
                if let total = t.totalRow, !total.basicExpenditure.isEmpty { general.append((table, t.info, total.basicExpenditure)) }
            case .basicExpenseByEconomic(let t):
                if let total = t.totalRow { basic.append((table, t.info, total)) }
            default: continue
            }
        }
        var result: [Finding] = []
        for (generalTable, generalInfo, generalAmounts) in general {
            for (basicTable, basicInfo, basicTotal) in basic
            where Self.samePublication(generalInfo, basicInfo) && Self.sameFund(generalInfo, basicInfo) {
                for column in AmountColumn.allCases {
                    let parts = basicTotal.figures(column)
                    guard let a = generalAmounts[column], !parts.isEmpty else { continue }
                    // In the tables' own unit when they share one (相差 0.34 元, not 0.000034 万元).
                    let unit = generalInfo.unit == basicInfo.unit ? generalInfo.unit : context.unit
                    let step = max(
                        RoundingStep.step(of: generalTable).converted(from: generalInfo.unit, to: unit),
                        RoundingStep.step(of: basicTable).converted(from: basicInfo.unit, to: unit))
                    let equation = Equation(
                        rule: name,
                        subject: LocalizedText(
                            zh: "\(generalInfo.displayTitle)的基本支出合计（\(column.title.zh)）应等于\(basicInfo.displayTitle)的合计",
                            en: "\(generalInfo.displayTitle) basic expenditure (\(column.title.en)) should equal the "
                                + "total of \(basicInfo.displayTitle)"),
                        found: term(a, generalInfo, unit), terms: parts.map { term($0, basicInfo, unit) },
                        unit: unit, step: step)
                    result += equation.finding(context.settings, advice: advice).map { [$0] } ?? []
                }
            }
        }
        return result
    }

    /// The fund a table by function or by economic class covers, by its title: 一般公共预算 (also
    /// 一般公共预算财政拨款) or all 财政拨款; nil when the title names neither. Tables of different funds are
    /// never paired.
    static func fund(_ info: TableInfo) -> String? {
        let t = NameNormalisation.key(info.title)
        if t.contains("政府性基金") { return "governmentFund" }
        if t.contains("国有资本经营") { return "stateCapital" }
        if t.contains("一般公共预算") { return "generalBudget" }
        if t.contains("财政拨款") { return "fiscalAppropriation" }
        return nil
    }

    /// Whether two tables may cover the same fund: both titles name it, or one says nothing.
    static func sameFund(_ a: TableInfo, _ b: TableInfo) -> Bool {
        guard let x = fund(a), let y = fund(b) else { return true }
        return x == y
    }

    private let advice = LocalizedText(
        zh: "请核对两张表的合计数，以正确的数更正另一张表。", en: "Compare the two totals and correct the wrong one.")

    /// A figure in the comparison unit, citing the cell as written.
    private func term(_ figure: Figure, _ info: TableInfo, _ unit: MoneyUnit) -> Term {
        let text = info.unit == unit ? figure.value.description : "\(figure.value) \(info.unit.rawValue)"
        return Term(figure.value.converted(from: info.unit, to: unit), figure.source.map { CitedCell($0, value: text) })
    }

    private func finding(_ a: Contribution, _ b: Contribution, context: CheckContext, what: LocalizedText) -> [Finding] {
        if CrossTableRule.skipsPair(context)(a.table.source, b.table.source) { return [] }
        let unit = Term.sharedUnit(a, b, else: context.unit)
        let own = unit != context.unit
        let equation = Equation(
            rule: name, subject: what, found: own ? Term(ownUnit: a) : Term(a, unit: context.unit),
            terms: [own ? Term(ownUnit: b) : Term(b, unit: context.unit)],
            unit: unit, step: max(a.step, b.step).converted(from: context.unit, to: unit))
        return equation.finding(context.settings, advice: advice).map { [$0] } ?? []
    }
}
