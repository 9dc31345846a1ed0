import FinanceModel

/// Decides a table's kind from its title and header words — never from its number.
enum KindClassifier {
    /// The kind, or nil when neither title nor headers say.
    static func kind(title: String, headers: [String], vocabulary: Vocabulary) -> TableKind? {
        let t = Vocabulary.normalise(title)
        let segments = Set(headers.flatMap { $0.split(separator: "/").map { Vocabulary.normalise(String($0)) } })
        func has(_ word: String) -> Bool { segments.contains(word) }
        func hasAny(_ words: [String]) -> Bool { words.contains { segments.contains($0) } }

        if t.contains("三公") || (has("公务接待费") && hasAny(["因公出国(境)费", "因公出国费"])) { return .threePublic }
        if hasAny(["三级指标", "一级指标", "二级指标"]) || (t.contains("指标") && hasAny(["目标值", "年度指标值", "完成值"])) {
            return .projectIndicators
        }
        if t.contains("基本情况") || t.contains("基本信息")
            || (hasAny(["项目", "指标", "事项"]) && hasAny(["数值", "内容"]) && !hasAny(["预算数", "决算数"])) {
            return .departmentFacts
        }
        let summaryWords = ["收支总表", "收入支出决算总表", "收支决算总表", "收支预算总表", "收入支出总表", "收入支出预算总表"]
        // 财政拨款收入支出决算表 (no 总): the 财政拨款 summary, unless a fund's own table.
        if t.contains("财政拨款收入支出决算表"), !t.contains("政府性基金"), !t.contains("国有资本"),
           !t.contains("一般公共预算") {
            return .fiscalIncomeExpenseSummary
        }
        if summaryWords.contains(where: { t.contains($0) })
            || (hasAny(["收入项目", "收入"]) && hasAny(["支出项目", "支出"])) {
            return t.contains("财政拨款") ? .fiscalIncomeExpenseSummary : .incomeExpenseSummary
        }
        // 收入预算总表 lists income lines under 项目名称: never projects.
        if t.contains("收入"), !t.contains("支出"), !t.contains("项目") { return .incomeByFunction }
        if has("项目名称") || t.contains("项目资金") || t.contains("项目支出表") || t.contains("项目情况")
            || t.contains("项目支出预算表") {
            return .projectFunds
        }
        if t.contains("基本支出") || (has("人员经费") && has("公用经费")) { return .basicExpenseByEconomic }
        if t.contains("政府性基金") { return .governmentFundExpense }
        if t.contains("国有资本经营") { return .stateCapitalExpense }
        if t.contains("收入"), !t.contains("支出") { return .incomeByFunction }
        if t.contains("一般公共预算"), t.contains("支出") { return .generalBudgetExpenseByFunction }
        // 财政拨款支出预算表（功能科目）: by 功能分类, fund 财政拨款 (not the 一般公共预算 table: see `fund`).
        if t.contains("财政拨款"), t.contains("支出"), !t.contains("收入") { return .generalBudgetExpenseByFunction }
        if t.contains("支出") || hasAny(["基本支出", "项目支出"]) { return .expenseByFunction }
        if hasAny(["财政拨款收入", "上级补助收入", "事业收入"]) { return .incomeByFunction }
        // Subject codes with amounts and no telling title: expenditure by 功能分类, the commonest such table.
        if hasAny(["科目编码", "功能分类科目编码", "类"]) { return .expenseByFunction }
        return nil
    }

    /// Tables the project has no kind for — 机关运行经费, 政府采购, 国有资产占用 — by their title: listed as
    /// `other`, never read as a known kind. A "三公" table that also shows 机关运行经费 is a "三公" table.
    static func isOtherTable(title: String) -> Bool {
        let t = Vocabulary.normalise(title)
        guard !t.contains("三公") else { return false }
        return ["机关运行经费", "政府采购", "国有资产", "资产占用"].contains { t.contains($0) }
    }

    /// Which side a title's words name: 决算 / 执行 / 实际 → final accounts; 预算 → budget; nil if neither.
    static func sideWord(_ text: String) -> TableSide? {
        let t = Vocabulary.normalise(text)
        if t.contains("决算") || t.contains("执行情况") || t.contains("执行数") || t.contains("实际") { return .finalAccounts }
        if t.contains("预算") { return .budget }
        return nil
    }
}
