import FinanceModel

/// 单位疑误: two tables whose shared figures all differ by the same power of ten (every figure of one is
/// exactly 10 000 × the other's) most likely carry a wrong 单位 line. One 错误 for the pair, naming the
/// first cells on both sides; `CrossTableRule` then leaves that pair's figures alone.
public struct UnitMismatchRule: CheckRule {
    public let name = "单位疑误"

    /// At least this many non-zero shared figures before a common factor counts as a unit mistake.
    static let minimumPairs = 3

    public init() {}

    /// A pair of tables (by where they are) and the factor between their figures.
    struct Mismatch: Hashable {
        var first: TableSource
        var other: TableSource
        var factor: Rate
    }

    /// Every pair of tables whose shared non-zero figures all stand in one power-of-ten ratio other than 1.
    static func mismatches(in rows: [ComparisonRow]) -> [Mismatch: [(Contribution, Contribution)]] {
        var pairs: [[TableSource]: [(Contribution, Contribution)]] = [:]
        for row in rows {
            for column in AmountColumn.allCases {
                guard let all = row.contributions[column], all.count > 1 else { continue }
                for (i, a) in all.enumerated() {
                    for b in all.dropFirst(i + 1) where a.table.source != b.table.source {
                        pairs[[a.table.source, b.table.source], default: []].append((a, b))
                    }
                }
            }
        }
        let powers: [Rate] = [10, 100, 1_000, 10_000, 100_000, 1_000_000].flatMap { value -> [Rate] in
            [Rate(value), Rate(1, over: value)].compactMap { $0 }
        }
        var result: [Mismatch: [(Contribution, Contribution)]] = [:]
        for (key, figures) in pairs {
            let nonZero = figures.filter { !$0.0.value.isZero && !$0.1.value.isZero }
            guard nonZero.count >= minimumPairs, let firstRatio = nonZero[0].0.value.ratio(to: nonZero[0].1.value),
                powers.contains(firstRatio),
                nonZero.allSatisfy({ $0.0.value.ratio(to: $0.1.value) == firstRatio })
            else { continue }
            result[Mismatch(first: key[0], other: key[1], factor: firstRatio)] = nonZero
        }
        return result
    }

    /// The tables a wrong unit line is suspected in: those off by a power of ten from two or more other
    /// tables. Their other comparisons mean nothing until the unit is fixed.
    static func suspects(in rows: [ComparisonRow]) -> Set<TableSource> {
        var partners: [TableSource: Set<TableSource>] = [:]
        for mismatch in mismatches(in: rows).keys {
            partners[mismatch.first, default: []].insert(mismatch.other)
            partners[mismatch.other, default: []].insert(mismatch.first)
        }
        return Set(partners.filter { $0.value.count >= 2 }.keys)
    }

    public func findings(in context: CheckContext) -> [Finding] {
        Self.mismatches(in: context.rows).sorted { $0.key.first.description < $1.key.first.description }.map {
            mismatch, figures in
            let (a, b) = figures[0]
            let factor = mismatch.factor >= .one ? mismatch.factor : (Rate.one.divided(by: mismatch.factor) ?? .one)
            let times = factor.rounded(toDecimals: 0).description
            let larger = mismatch.factor >= .one ? a.table : b.table
            let smaller = mismatch.factor >= .one ? b.table : a.table
            var cells: [CitedCell] = []
            for (x, y) in figures.prefix(2) {
                cells += Term(x, unit: context.unit).citedCells + Term(y, unit: context.unit).citedCells
            }
            return Finding(
                severity: .error, rule: name,
                message: LocalizedText(
                    zh: "「\(larger.place)」（单位：\(larger.unit.rawValue)）的 \(figures.count) 个金额都恰为「\(smaller.place)」"
                        + "（单位：\(smaller.unit.rawValue)）对应金额的 \(times) 倍，很可能有一张表的“单位：”行填错；"
                        + "请核对两表的单位行，改正后重新核对。",
                    en: "All \(figures.count) shared figures of \(larger.place) (unit \(larger.unit.englishName)) are exactly "
                        + "\(times) times those of \(smaller.place) (unit \(smaller.unit.englishName)): one table's unit line is "
                        + "probably wrong. Check both unit lines and run the check again."),
                cells: cells, expected: nil, found: "×\(times)")
        }
    }
}
