import FinanceModel

/// Each figure of the report against the table cell it names: 本年收入合计, 本年支出合计, 基本支出,
/// 项目支出, 年末/年初结转, the 经济分类 lines of 基本支出, the "三公"经费 lines and a project's amount.
///
/// The basis picks the table and column: 预算 → a budget table's 年初预算数, 调整预算 → 全年预算数, 决算 →
/// a final-accounts table's 决算数. The table is converted to the figure's unit (元 or 万元) and its value
/// rounded half-up to the decimals the report writes: equal → confirmed; one unit in the last decimal
/// apart → 提示; more → 错误, or 警告 when the label only contains a project's name.
struct TableCrosscheck {
    static let rule = "report.table"

    var context: CheckContext
    var department: Department

    /// A cell a label names.
    struct Target {
        var name: String
        var figure: Figure
        /// Whether the label names the cell unambiguously (an error when it disagrees).
        var certain: Bool
        /// A cell reports often mean by the same words (本年支出合计 for the 总计 that includes 年末结转):
        /// agreeing with it is a 提示 about the wording, not an error.
        var alternates: [(name: String, figure: Figure)] = []
        /// Other cells naming the same thing (a project in the 项目支出表 and in the project workbook): the
        /// figure agrees when it agrees with any of them; that the cells disagree is the reconciler's finding.
        var others: [Figure] = []
    }

    func run(into result: inout ReportCheckResult) {
        let byUnit: [TextUnit: Department] = [
            .yuan: department.normalised(to: .yuan), .tenThousandYuan: department.normalised(to: .tenThousandYuan),
        ]
        for amount in context.amounts where !amount.isApproximate && amount.basis != .unknown {
            guard let tables = byUnit[amount.unit], let target = Self.target(for: amount, in: tables) else { continue }
            compare(amount, with: target, into: &result)
        }
    }

    private func compare(_ amount: TextAmount, with found: Target, into result: inout ReportCheckResult) {
        var target = found
        // The cell that agrees, if any names the figure.
        if let agreeing = ([found.figure] + found.others).first(where: { $0.value.rounded(toDecimals: amount.decimals) == amount.value }) {
            target.figure = agreeing
        }
        let tableValue = target.figure.value
        let shown = tableValue.rounded(toDecimals: amount.decimals)
        var cells: [CitedCell] = []
        for figure in [target.figure] + (shown == amount.value ? [] : target.others) {
            guard let source = figure.source, !cells.contains(where: { $0.location == source }) else { continue }
            cells.append(CitedCell(source, value: figure.value.description))
        }
        let location = context.location(of: amount)
        let difference = (shown - amount.value).magnitude
        if difference.isZero {
            result.confirmed.append(Confirmation(
                rule: Self.rule, statement: "\(amount.label) \(amount.text) = 表中「\(target.name)」\(tableValue)",
                location: location, cells: cells))
            return
        }
        if let alternate = target.alternates.first(where: { $0.figure.value.rounded(toDecimals: amount.decimals) == amount.value }) {
            let cells = alternate.figure.source.map { [CitedCell($0, value: alternate.figure.value.description)] } ?? []
            result.findings.append(ReportFinding(Finding(
                severity: .hint, rule: Self.rule,
                message: LocalizedText(
                    zh: "报告中「\(amount.label)」\(amount.text) 与表中「\(alternate.name)」一致，而表中「\(target.name)」为 \(tableValue)\(amount.unit.rawValue)：请核对报告用词。",
                    en: "the report’s “\(amount.label)” \(amount.text) equals the table’s “\(alternate.name)”, while its “\(target.name)” is \(tableValue) \(amount.unit.rawValue): check the report’s wording."),
                cells: cells, expected: shown.description, found: amount.value.description), at: location))
            return
        }
        let rounding = difference <= Tolerance.unit(decimals: amount.decimals)
        let severity: Severity = rounding ? .hint : (target.certain ? .error : .warning)
        result.findings.append(ReportFinding(Finding(
            severity: severity, rule: Self.rule,
            message: LocalizedText(
                zh: "报告中「\(amount.label)」（\(amount.basis.label.zh)）为 \(amount.text)，表中「\(target.name)」为 \(tableValue)\(amount.unit.rawValue)"
                    + (rounding ? "：尾数差异，请按表中数四舍五入。" : "：请以表格为准改正报告，或核对表格。"),
                en: "the report gives “\(amount.label)” (\(amount.basis.label.en)) as \(amount.text), the table’s “\(target.name)” is \(tableValue) \(amount.unit.rawValue)"
                    + (rounding ? ": a last-digit difference; round the table figure half-up." : ": correct the report from the table, or check the table.")),
            cells: cells, expected: shown.description, found: amount.value.description), at: location))
    }

    /// The cell `amount`'s label names in the tables of its basis, if any.
    static func target(for amount: TextAmount, in department: Department) -> Target? {
        let label = amount.label
        let column: AmountColumn
        let sides: Set<TableSide>
        switch amount.basis {
        case .budget: column = .initialBudget; sides = [.budget, .both]
        case .adjustedBudget: column = .adjustedBudget; sides = [.budget, .both, .finalAccounts]
        case .finalAccounts: column = .actual; sides = [.finalAccounts, .both]
        case .unknown: return nil
        }
        // The table of the basis's own side first (a budget file's table before a 决算 table's budget column).
        let tables = department.tables.filter { sides.contains($0.info.side) }
            .sorted { ($0.info.side == .both ? 1 : 0) < ($1.info.side == .both ? 1 : 0) }
        func first(_ name: String, _ pick: (AnyFinanceTable) -> Amounts?) -> Target? {
            for table in tables {
                if let figure = pick(table)?[column] { return Target(name: name, figure: figure, certain: true) }
            }
            return nil
        }
        if label.contains("三公") {
            return first("“三公”经费合计") { if case .threePublic(let t) = $0 { t.total } else { nil } }
        }
        if label.contains("公务接待") {
            return first("公务接待费") { if case .threePublic(let t) = $0 { t.reception } else { nil } }
        }
        if label.contains("公务用车购置") {
            return first("公务用车购置费") { if case .threePublic(let t) = $0 { t.officialCars.purchase } else { nil } }
        }
        if label.contains("公务用车") {
            return first("公务用车运行维护费") { if case .threePublic(let t) = $0 { t.officialCars.operation } else { nil } }
        }
        if label.contains("因公出国") {
            return first("因公出国（境）费") { if case .threePublic(let t) = $0 { t.overseasTravel } else { nil } }
        }
        if label.hasSuffix("支出合计") || label.hasSuffix("支出总计") {
            var target = first("本年支出合计") { if case .incomeExpenseSummary(let t) = $0 { t.totalExpenditure } else { nil } }
            target?.alternates = grandTotals(first)
            return target
        }
        if label.hasSuffix("收入合计") || label.hasSuffix("收入总计") {
            var target = first("本年收入合计") { if case .incomeExpenseSummary(let t) = $0 { t.totalIncome } else { nil } }
            target?.alternates = grandTotals(first)
            return target
        }
        if label.contains("上年末结转") || label.contains("年初结转") || label.contains("上年结转") {
            return first("年初结转和结余") { if case .incomeExpenseSummary(let t) = $0 { t.carryoverStart } else { nil } }
        }
        if label.contains("年末结转") {
            return first("年末结转和结余") { if case .incomeExpenseSummary(let t) = $0 { t.carryoverEnd } else { nil } }
        }
        if label == "基本支出" || label == "本年基本支出" {
            return first("基本支出") { if case .expenseByFunction(let t) = $0 { t.totalRow?.basicExpenditure } else { nil } }
        }
        if label == "项目支出" || label == "本年项目支出" {
            return first("项目支出") { if case .expenseByFunction(let t) = $0 { t.totalRow?.projectExpenditure } else { nil } }
        }
        for economic in ["工资福利支出", "商品和服务支出", "对个人和家庭的补助"] where label.contains(economic) {
            return first(economic) { table in
                guard case .basicExpenseByEconomic(let t) = table else { return nil }
                return t.rows.first { $0.name.contains(economic) }?.total
            }
        }
        return projectTarget(label: label, column: column, tables: tables, in: department)
    }

    /// The two 总计 cells (with the carry-overs), which reports often call 本年收入合计 / 本年支出合计.
    private static func grandTotals(_ first: (String, (AnyFinanceTable) -> Amounts?) -> Target?) -> [(name: String, figure: Figure)] {
        [
            first("总计（收入方，含年初结转）") { if case .incomeExpenseSummary(let t) = $0 { t.grandTotal } else { nil } },
            first("总计（支出方，含年末结转）") { if case .incomeExpenseSummary(let t) = $0 { t.grandTotalExpenditureSide } else { nil } },
        ].compactMap { $0.map { ($0.name, $0.figure) } }
    }

    /// A project named by the label: the same name, a near-identical one, or (uncertain) one containing
    /// it — in the department's projects and in every project table of the basis's sides.
    static func projectTarget(
        label: String, column: AmountColumn, tables: [AnyFinanceTable], in department: Department
    ) -> Target? {
        guard label.count >= 4 else { return nil }
        var entries: [(name: String, figure: Figure)] = []
        func add(_ project: Project) {
            if let figure = project.funds.total[column] { entries.append((project.name, figure)) }
        }
        for table in tables {
            switch table {
            case .projectFunds(let t): t.projects.forEach(add)
            case .projectForm(let t): add(t.project)
            default: break
            }
        }
        department.projects.forEach(add)
        var names: [String] = []
        for entry in entries where !names.contains(entry.name) { names.append(entry.name) }
        func target(_ name: String, certain: Bool) -> Target? {
            let figures = entries.filter { $0.name == name }.map(\.figure)
            guard let first = figures.first else { return nil }
            return Target(name: name, figure: first, certain: certain, others: Array(figures.dropFirst()))
        }
        if names.contains(label) { return target(label, certain: true) }
        let near = names.filter { LabelConsistencyCheck.sameLabel($0, label) }
        if near.count == 1 { return target(near[0], certain: true) }
        let containing = names.filter { $0.count >= 4 && ($0.contains(label) || label.hasSuffix($0)) }
        if containing.count == 1 { return target(containing[0], certain: false) }
        return nil
    }
}
