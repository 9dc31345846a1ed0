import FinanceModel

/// Alignment (对齐): puts the lines of every table of one section side by side — by subject code
/// first, then by normalised name — rolls finer rows up where one table is coarser, and records the
/// rule that matched each row. Rows on one side only are kept, never dropped.
public enum Alignment {
    /// The aligned rows of every section of `tables`, in section order, all amounts in `unit`.
    public static func rows(of tables: [AnyFinanceTable], unit: MoneyUnit) -> [ComparisonRow] {
        var bySection: [ComparisonSection: [SectionTable]] = [:]
        for (index, table) in tables.enumerated() {
            guard let section = ComparisonSection(kind: table.info.kind),
                let lines = SectionTable(index: index, table: table)
            else { continue }
            bySection[section, default: []].append(lines)
        }
        return ComparisonSection.allCases.flatMap { section in
            bySection[section].map { align($0, section: section, unit: unit) } ?? []
        }
    }

    /// A row under construction.
    private struct Group {
        var key: String
        var lineKey: LineKey
        var name: String
        var names: Set<String>
        var matchedByName = false
        var stated: [AmountColumn: [Contribution]] = [:]
        var rolled: [AmountColumn: [Contribution]] = [:]
        var statingTables: Set<Int> = []

        var code: String? {
            if case .code(let digits) = lineKey { return digits }
            return nil
        }
    }

    static func align(_ tables: [SectionTable], section: ComparisonSection, unit: MoneyUnit) -> [ComparisonRow] {
        var groups: [Group] = []
        var index: [String: Int] = [:]

        let steps = Dictionary(uniqueKeysWithValues: tables.map { ($0.index, $0.step.converted(from: $0.info.unit, to: unit)) })

        func add(_ line: TableLine, of table: SectionTable, to position: Int) {
            for column in AmountColumn.allCases {
                guard let figures = line.figures[column], !figures.isEmpty else { continue }
                let contribution = Contribution(
                    value: figures.map { $0.value.converted(from: line.unit, to: unit) }.sum(),
                    original: figures.map(\.value).sum(), unit: line.unit, table: table.info,
                    cells: figures.compactMap { f in f.source.map { CitedCell($0, value: f.value.description) } },
                    terms: figures.filter { !$0.value.isZero }.count, rolledUp: false, step: steps[table.index] ?? .zero)
                groups[position].stated[column, default: []].append(contribution)
            }
            groups[position].statingTables.insert(table.index)
            groups[position].names.insert(NameNormalisation.key(line.name))
        }

        func key(of lineKey: LineKey) -> String {
            switch lineKey {
            case .code(let digits): digits
            case .field(let field): field
            case .total: ComparisonRow.totalKey
            case .name(let name): "name:" + name
            }
        }

        func groupPosition(for line: TableLine) -> Int {
            let groupKey = key(of: line.key)
            if let position = index[groupKey] { return position }
            groups.append(Group(key: groupKey, lineKey: line.key, name: line.name, names: []))
            index[groupKey] = groups.count - 1
            return groups.count - 1
        }

        // Pass 1: coded rows, fixed lines and 合计 rows.
        for table in tables {
            for line in table.lines {
                if case .name = line.key { continue }
                add(line, of: table, to: groupPosition(for: line))
            }
        }
        // Pass 2: rows with a name only join the single coded row of that name another table stated.
        for table in tables {
            for line in table.lines {
                guard case .name(let normalised) = line.key else { continue }
                let candidates = groups.indices.filter {
                    groups[$0].code != nil && groups[$0].names.contains(normalised)
                        && !groups[$0].statingTables.contains(table.index)
                }
                if candidates.count == 1, let position = candidates.first {
                    groups[position].matchedByName = true
                    add(line, of: table, to: position)
                } else {
                    let position = groupPosition(for: line)
                    if !groups[position].statingTables.isEmpty && !groups[position].statingTables.contains(table.index) {
                        groups[position].matchedByName = true
                    }
                    add(line, of: table, to: position)
                }
            }
        }
        // Roll-up: a table without a row for a code but with finer rows under it gives their sum.
        for position in groups.indices {
            guard let code = groups[position].code else { continue }
            for table in tables where !groups[position].statingTables.contains(table.index) {
                let descendants = table.lines.filter {
                    guard case .code(let digits) = $0.key else { return false }
                    return digits.count > code.count && digits.hasPrefix(code)
                }
                let top = descendants.filter { line in
                    guard case .code(let digits) = line.key else { return false }
                    return !descendants.contains {
                        guard case .code(let other) = $0.key else { return false }
                        return other.count < digits.count && digits.hasPrefix(other)
                    }
                }
                guard !top.isEmpty else { continue }
                for column in AmountColumn.allCases {
                    let figures = top.flatMap { line in (line.figures[column] ?? []).map { (line, $0) } }
                    guard !figures.isEmpty else { continue }
                    let value = figures.map { $0.1.value.converted(from: $0.0.unit, to: unit) }.sum()
                    let original = figures.map(\.1.value).sum()
                    let cells = figures.compactMap { pair in pair.1.source.map { CitedCell($0, value: pair.1.value.description) } }
                    groups[position].rolled[column, default: []].append(
                        Contribution(
                            value: value, original: original, unit: figures[0].0.unit, table: table.info, cells: cells,
                            terms: figures.filter { !$0.1.value.isZero }.count, rolledUp: true,
                            step: steps[table.index] ?? .zero))
                }
            }
        }
        return order(groups).map { group in
            var contributions: [AmountColumn: [Contribution]] = [:]
            for column in AmountColumn.allCases {
                let all = (group.stated[column] ?? []) + (group.rolled[column] ?? [])
                if !all.isEmpty { contributions[column] = all }
            }
            return ComparisonRow(
                section: section, key: group.key, code: group.code, name: group.name,
                isTotal: group.lineKey == .total, match: match(of: group, contributions: contributions, in: groups),
                contributions: contributions)
        }
    }

    /// 合计 first, then fixed lines in table order, codes in code order (类 › 款 › 项), names in table order.
    private static func order(_ groups: [Group]) -> [Group] {
        func rank(_ group: Group) -> Int {
            switch group.lineKey {
            case .total: 0
            case .field: 1
            case .code: 2
            case .name: 3
            }
        }
        return groups.enumerated().sorted { a, b in
            let (ra, rb) = (rank(a.element), rank(b.element))
            if ra != rb { return ra < rb }
            if let ca = a.element.code, let cb = b.element.code, ca != cb { return ca < cb }
            return a.offset < b.offset
        }.map(\.element)
    }

    private static func match(
        of group: Group, contributions: [AmountColumn: [Contribution]], in groups: [Group]
    ) -> MatchRule {
        let hasBudget = contributions[.initialBudget] != nil || contributions[.adjustedBudget] != nil
        let hasActual = contributions[.actual] != nil
        if hasBudget && hasActual {
            if !group.rolled.isEmpty { return .rolledUp }
            if group.matchedByName { return .name }
            if group.statingTables.count == 1 { return .sameTable }
            switch group.lineKey {
            case .total: return .total
            case .field: return .field
            case .code: return .code
            case .name: return .name
            }
        }
        if let code = group.code {
            let ancestorCovers = groups.contains { other in
                guard let ancestor = other.code, ancestor.count < code.count, code.hasPrefix(ancestor) else {
                    return false
                }
                let budget = other.stated[.initialBudget] != nil || other.stated[.adjustedBudget] != nil
                    || other.rolled[.initialBudget] != nil || other.rolled[.adjustedBudget] != nil
                let actual = other.stated[.actual] != nil || other.rolled[.actual] != nil
                return hasBudget ? actual : budget
            }
            if ancestorCovers { return .finerThanOtherSide }
        }
        return hasBudget ? .budgetOnly : .finalAccountsOnly
    }
}
