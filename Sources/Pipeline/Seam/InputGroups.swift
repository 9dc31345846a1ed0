public import FinanceModel
import Foundation
public import Recognition

/// What makes tables comparable (分组): the same 编制单位, the same year, the same scope (部门 or 单位).
/// Side is not part of it: a group's budget, final and both-sided tables are compared with each other.
public struct GroupKey: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// 编制单位, normalised; nil when no table of the group names it.
    public var preparedBy: String?
    public var year: Int?
    public var scope: TableScope

    public init(preparedBy: String?, year: Int?, scope: TableScope) {
        self.preparedBy = preparedBy
        self.year = year
        self.scope = scope
    }

    public static func < (a: GroupKey, b: GroupKey) -> Bool {
        if (a.preparedBy ?? "") != (b.preparedBy ?? "") { return (a.preparedBy ?? "") < (b.preparedBy ?? "") }
        if (a.year ?? 0) != (b.year ?? 0) { return (a.year ?? 0) < (b.year ?? 0) }
        return a.scope == .department && b.scope == .unit
    }

    /// `益阳市资阳区商务局 2020 年 部门` (Chinese) or `益阳市资阳区商务局, 2020, department`.
    public func text(english: Bool) -> String {
        let name = preparedBy ?? (english ? "(unit not named)" : "（未注明编制单位）")
        let year = self.year.map { english ? "\($0)" : "\($0) 年" } ?? (english ? "year not given" : "年度未注明")
        let scope = english ? (self.scope == .unit ? "unit" : "department") : (self.scope == .unit ? "单位" : "部门")
        return english ? "\(name), \(year), \(scope)" : "\(name) \(year) \(scope)"
    }

    public var description: String { text(english: false) }
}

/// The tables of one group and the department assembled from them.
public struct InputGroup: Sendable {
    public var key: GroupKey
    public var tables: [RecognizedTable]
    /// Names of the files that gave tables to this group, in input order.
    public var files: [String]
    public var department: Department

    /// Whether the group has budget (预算) and final-accounts (决算) figures in its finance tables
    /// (project lists, indicators and department facts do not count).
    public var hasBudget: Bool { financeSides.contains(.budget) || financeSides.contains(.both) }
    public var hasFinalAccounts: Bool { financeSides.contains(.finalAccounts) || financeSides.contains(.both) }

    private var financeSides: Set<TableSide> {
        Set(tables.filter { !InputGrouping.projectKinds.contains($0.kind) }.map(\.side))
    }
}

/// Sorts recognised tables into groups (分组) before anything is compared.
///
/// A table without a year or 编制单位 takes it from the other tables of its file, else (the year) from
/// its sheet or file name, else joins the only group it fits; where two groups could claim it, it
/// joins none and a 警告 says so. A year in the content always wins over a name.
enum InputGrouping {
    static let projectKinds: Set<TableKind> = [.projectFunds, .projectIndicators, .projectForm, .departmentFacts]

    struct Placed {
        var table: RecognizedTable
        var file: String
        var preparedBy: String?
        var year: Int?
        var scope: TableScope
    }

    /// The groups, sorted by key, and the tables no group could take.
    static func group(_ files: [LoadedFile]) -> (groups: [InputGroup], unassigned: [(table: RecognizedTable, candidates: [GroupKey])]) {
        var placed: [Placed] = []
        for file in files {
            let infos = file.tables.map(\.info)
            let fileUnit = mostFrequent(infos.compactMap { normalised($0.preparedBy) })
            // A year the content of the file states (a title block) wins over one read from a name.
            let fileYear = mostFrequent(infos.filter { !$0.yearFromName }.compactMap(\.year))
            for table in file.tables {
                let info = table.info
                let year = (info.yearFromName ? nil : info.year) ?? fileYear ?? info.year
                placed.append(Placed(
                    table: table, file: file.file, preparedBy: normalised(info.preparedBy) ?? fileUnit, year: year,
                    scope: info.scope))
            }
        }
        // Units named differently by different tables of one bureau (全称 / 简称) are one unit.
        let units = canonicalUnits(placed.compactMap(\.preparedBy))
        for index in placed.indices {
            if let unit = placed[index].preparedBy { placed[index].preparedBy = units[unit] ?? unit }
        }
        var keys: [GroupKey] = []
        func addKey(_ key: GroupKey) { if !keys.contains(key) { keys.append(key) } }
        for p in placed where p.preparedBy != nil && p.year != nil {
            addKey(GroupKey(preparedBy: p.preparedBy, year: p.year, scope: p.scope))
        }
        var members: [GroupKey: [Placed]] = [:]
        var unassigned: [(RecognizedTable, [GroupKey])] = []
        var partial: [Placed] = []
        for p in placed {
            if p.preparedBy != nil, p.year != nil {
                members[GroupKey(preparedBy: p.preparedBy, year: p.year, scope: p.scope), default: []].append(p)
            } else {
                partial.append(p)
            }
        }
        var orphans: [Placed] = []
        for p in partial {
            let candidates = keys.filter { key in
                (p.preparedBy == nil || p.preparedBy == key.preparedBy) && (p.year == nil || p.year == key.year)
                    && (p.scope == .department || key.scope == .unit)
            }
            if candidates.count == 1, let key = candidates.first {
                members[key, default: []].append(p)
            } else if candidates.count > 1 {
                // A project or facts sheet that names nothing goes with the 部门 publication when the only
                // choice is between the 部门 and 单位 publications of one year and unit.
                let departmentOnes = candidates.filter { $0.scope == .department }
                if departmentOnes.count == 1, let key = departmentOnes.first,
                   Set(candidates.map { GroupKey(preparedBy: $0.preparedBy, year: $0.year, scope: .department) }).count == 1 {
                    members[key, default: []].append(p)
                } else {
                    unassigned.append((p.table, candidates))
                }
            } else {
                orphans.append(p)
            }
        }
        // Tables fitting no complete group form groups of what they do say.
        for p in orphans {
            let key = GroupKey(preparedBy: p.preparedBy, year: p.year, scope: p.scope)
            addKey(key)
            members[key, default: []].append(p)
        }
        let groups = keys.compactMap { key -> InputGroup? in
            guard let list = members[key], !list.isEmpty else { return nil }
            var fileOrder: [String] = []
            for p in list where !fileOrder.contains(p.file) { fileOrder.append(p.file) }
            var department = DepartmentAssembler.assemble(tables: list.map(\.table.table))
            if department.year == nil { department.year = key.year }
            if department.name.isEmpty, let unit = key.preparedBy { department.name = unit }
            return InputGroup(key: key, tables: list.map(\.table), files: fileOrder, department: department)
        }.sorted { $0.key < $1.key }
        return (groups, unassigned)
    }

    /// 编制单位 without blanks and stamp words (（盖章）, (公章)); nil when nothing is left.
    static func normalised(_ name: String?) -> String? {
        guard var text = name else { return nil }
        text = String(text.filter { !$0.isWhitespace })
        for stamp in ["（盖章）", "(盖章)", "（公章）", "(公章)", "（章）", "(章)", "盖章", "公章"] {
            text = text.replacingOccurrences(of: stamp, with: "")
        }
        while let last = text.last, "：:，,。".contains(last) { text.removeLast() }
        return text.count >= 2 ? text : nil
    }

    /// Each unit name → the longest name that contains it (`资阳区商务局` → `益阳市资阳区商务局`).
    static func canonicalUnits(_ names: [String]) -> [String: String] {
        let distinct = Array(Set(names)).sorted { $0.count != $1.count ? $0.count > $1.count : $0 < $1 }
        var map: [String: String] = [:]
        for name in distinct {
            map[name] = distinct.first { $0.count > name.count && $0.contains(name) && name.count >= 4 } ?? name
        }
        return map
    }

    static func mostFrequent<T: Hashable & Comparable>(_ values: [T]) -> T? {
        let counts = Dictionary(values.map { ($0, 1) }, uniquingKeysWith: +)
        return counts.keys.sorted().max { counts[$0, default: 0] < counts[$1, default: 0] }
    }
}
