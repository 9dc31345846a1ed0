import FinanceModel

/// Gives every header column a `ColumnRole` and decides the table's side.
///
/// An amount column's measure is the deepest header segment naming one (基本支出, 公务接待费 …;
/// a 合计/小计 under a named group is that group's subtotal); its amount column is the segment naming
/// 年初预算数 / 全年预算数 / 决算数. A bare 预算数 is 全年预算数 in a table that also shows 决算数 or whose
/// title says 决算, else 年初预算数. A column naming neither is 决算数 when the title (else the sheet or
/// file name) says 决算, else 年初预算数.
struct ColumnAssignment {
    var roles: [Int: ColumnRole] = [:]
    var side: TableSide = .budget
    var notes: [String] = []

    enum AmountWord { case initial, adjusted, actual, unqualified }

    init(kind: TableKind, layout: HeaderLayout, title: String, year: Int? = nil, sheetName: String?,
         fileName: String, forcedSide: TableSide? = nil, vocabulary: Vocabulary) {
        switch kind {
        case .projectIndicators:
            assignGroup("indicator", prefix: "indicator.", layout: layout, vocabulary: vocabulary)
            side = .both
            return
        case .departmentFacts:
            assignGroup("facts", prefix: "fact.", layout: layout, vocabulary: vocabulary)
            side = .finalAccounts
            return
        default:
            break
        }
        var amountColumns: [(column: Int, measure: String?, word: AmountWord?)] = []
        for (column, path) in layout.paths.sorted(by: { $0.key < $1.key }) {
            if let structural = Self.structuralRole(path, kind: kind, vocabulary: vocabulary) {
                roles[column] = structural
                continue
            }
            if Self.isComparisonColumn(path, tableYear: year, vocabulary: vocabulary) {
                roles[column] = .comparison
                continue
            }
            let (measure, word) = Self.amountParts(path, vocabulary: vocabulary)
            if measure == nil && word == nil { continue }
            amountColumns.append((column, measure, word))
        }
        let hasActual = amountColumns.contains { $0.word == .actual }
        let hasAdjusted = amountColumns.contains { $0.word == .adjusted }
        let hasInitial = amountColumns.contains { $0.word == .initial }
        let titleSide = forcedSide ?? KindClassifier.sideWord(title)
        let context = titleSide ?? sheetName.flatMap(KindClassifier.sideWord) ?? KindClassifier.sideWord(fileName)
        var notedUnqualified = false
        var notedDefault = false
        var used: Set<AmountColumn> = []
        for entry in amountColumns {
            let column: AmountColumn
            switch entry.word {
            case .initial?: column = .initialBudget
            case .adjusted?: column = .adjustedBudget
            case .actual?: column = .actual
            case .unqualified?:
                if forcedSide == .budget {
                    column = .initialBudget
                } else if hasActual || titleSide == .finalAccounts || titleSide == .both {
                    column = .adjustedBudget
                    if !notedUnqualified {
                        notes.append("决算表中的“预算数”未注明年初或全年，按全年预算数（调整后）读取 / a bare 预算数 in a final-accounts table is read as adjustedBudget (全年预算数)")
                        notedUnqualified = true
                    }
                } else {
                    column = .initialBudget
                }
            case nil:
                if kind == .projectFunds, hasActual || hasAdjusted || hasInitial {
                    column = hasAdjusted ? .adjustedBudget : .initialBudget
                    if !notedDefault {
                        notes.append("资金来源列未注明预算口径，按\(hasAdjusted ? "全年预算数" : "年初预算数")读取 / fund-source columns without a budget word are read as \(column.rawValue)")
                        notedDefault = true
                    }
                } else if context == .finalAccounts || context == .both || (context == nil && hasActual) {
                    column = .actual
                } else {
                    column = .initialBudget
                    if context == nil, !notedDefault {
                        notes.append("标题、表名和文件名都未说明预算或决算，金额按年初预算数读取 / neither title, sheet nor file name says 预算 or 决算; amounts read as initialBudget")
                        notedDefault = true
                    }
                }
            }
            used.insert(column)
            roles[entry.column] = .amount(entry.measure ?? "total", column)
        }
        let budget = used.contains(.initialBudget) || used.contains(.adjustedBudget)
        side = budget && used.contains(.actual) ? .both : used.contains(.actual) ? .finalAccounts : .budget
        if kind == .incomeExpenseSummary || kind == .fiscalIncomeExpenseSummary { prefixSummarySides(layout, vocabulary) }
    }

    /// Roles from one vocabulary group (indicators, facts): the key whose wording matches the deepest segment.
    private mutating func assignGroup(_ group: String, prefix: String, layout: HeaderLayout, vocabulary: Vocabulary) {
        for (column, path) in layout.paths {
            for segment in path.reversed() {
                if let key = vocabulary.key(in: group, exactly: segment) {
                    roles[column] = ColumnRole(prefix + key)
                    break
                }
            }
        }
    }

    /// code / code.class / name / lineNumber / serial / remark, when the deepest segment says so.
    static func structuralRole(_ path: [String], kind: TableKind, vocabulary: Vocabulary) -> ColumnRole? {
        guard let last = path.last else { return nil }
        if kind == .projectFunds {
            if let key = vocabulary.key(in: "projectFunds", exactly: last) {
                return ColumnRole(key)
            }
            if vocabulary.key(in: "structure", exactly: last) == "name" { return .subjectName }
        }
        guard let key = vocabulary.key(in: "structure", exactly: last) else { return nil }
        switch key {
        case "codeClass": return .codeClass
        case "codeSection": return .codeSection
        case "codeItem": return .codeItem
        default: return ColumnRole(key)
        }
    }

    /// A column that is not an amount of this year: last year's figures (上年 / 去年 / another year
    /// named in the header), changes (增减, 比上年) and ratios (率, %). Such columns are not read.
    static func isComparisonColumn(_ path: [String], tableYear: Int?, vocabulary: Vocabulary) -> Bool {
        for segment in path {
            let n = Vocabulary.normalise(segment)
            if vocabulary.key(in: "measures", exactly: n) != nil { continue }
            if ["上年", "去年", "上一年", "增减", "比上年", "同比", "率", "%", "占比"].contains(where: { n.contains($0) }) {
                return true
            }
            if let tableYear, let year = TitleBlock.year(in: n), year != tableYear { return true }
        }
        return false
    }

    /// The measure and amount word of an amount column's path.
    static func amountParts(_ path: [String], vocabulary: Vocabulary) -> (String?, AmountWord?) {
        var measures: [String] = []
        var word: AmountWord?
        for segment in path {
            // 一般公共预算财政拨款 / 政府性基金预算 / 国有资本经营预算 name a fund, not a budget column: in a 决算
            // table they split 决算数 by fund.
            let isFund = ["generalBudget", "governmentFund", "stateCapital"]
                .contains(vocabulary.key(in: "measures", exactly: segment) ?? "")
            if !isFund, let key = vocabulary.key(in: "amountColumns", containedIn: segment) {
                let found: AmountWord = switch key {
                case "initialBudget": .initial
                case "adjustedBudget": .adjusted
                case "actual": .actual
                default: .unqualified
                }
                if word == nil || word == .unqualified { word = found }
                if vocabulary.key(in: "measures", exactly: segment) == nil { continue }
            }
            if let measure = vocabulary.key(in: "measures", exactly: segment) { measures.append(measure) }
        }
        let named = measures.last { $0 != "total" }
        return (named ?? measures.last, word)
    }

    /// In a two-sided summary, prefixes each column with `income.` or `expenditure.`: by its top
    /// header segment (收入 / 支出), else by the label column it follows.
    private mutating func prefixSummarySides(_ layout: HeaderLayout, _ vocabulary: Vocabulary) {
        var current = "income"
        var seenName = false
        for column in roles.keys.sorted() {
            guard let role = roles[column] else { continue }
            let top = Vocabulary.normalise(layout.paths[column]?.first ?? "")
            if top.hasPrefix("收入") { current = "income" }
            else if top.hasPrefix("支出") { current = "expenditure" }
            else if role == .name {
                if seenName { current = "expenditure" }
            }
            if role == .name { seenName = true }
            roles[column] = ColumnRole("\(current).\(role.rawValue)")
        }
    }
}
