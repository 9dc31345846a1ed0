import Foundation

/// The header and label wordings recognition understands, read from `Data/Synonyms.json`.
///
/// Every wording is compared in normalised form (`Vocabulary.normalise`): no spaces, ASCII brackets
/// and colons, straight quotes removed, leading numbering (一、 1、 （一） 1.) and 其中： dropped.
public struct Vocabulary: Sendable {
    /// Group name (`amountColumns`, `measures`, …) → key → normalised wordings.
    let groups: [String: [String: [String]]]
    let footnotePrefixes: [String]
    /// First characters of the footnote prefixes, to skip most rows cheaply.
    let footnoteInitials: Set<Character>
    let totalLabels: Set<String>

    /// The vocabulary shipped with the module (`Data/Synonyms.json`, compiled in by `scripts/embed_data.py`).
    ///
    /// `EmbeddedDataTests` decodes the embedded file, so it cannot be damaged in a tested build; were it
    /// ever, recognition would find no headers (each file then fails with its own located error) rather
    /// than stop the program. `embedded()` says what is wrong.
    public static let standard: Vocabulary = (try? embedded()) ?? Vocabulary(groups: [:], footnotePrefixes: [], totalLabels: [])

    /// Reads the embedded `Data/Synonyms.json`.
    public static func embedded() throws -> Vocabulary {
        guard let json = EmbeddedData.file(named: "Synonyms.json") else {
            throw CocoaError(.fileReadNoSuchFile, userInfo: [NSFilePathErrorKey: "Recognition/Data/Synonyms.json"])
        }
        return try Vocabulary(json: json)
    }

    private init(groups: [String: [String: [String]]], footnotePrefixes: [String], totalLabels: Set<String>) {
        self.groups = groups
        self.footnotePrefixes = footnotePrefixes
        footnoteInitials = Set(footnotePrefixes.compactMap(\.first))
        self.totalLabels = totalLabels
    }

    /// Reads a vocabulary in the embedded file's format.
    public init(json: Data) throws {
        let object = try JSONSerialization.jsonObject(with: json)
        guard let root = object as? [String: Any] else {
            throw CocoaError(.coderReadCorrupt)
        }
        var groups: [String: [String: [String]]] = [:]
        for (name, value) in root {
            guard let table = value as? [String: Any] else { continue }
            var entries: [String: [String]] = [:]
            for (key, words) in table {
                guard let list = words as? [String] else { continue }
                entries[key] = list.map(Vocabulary.normalise)
            }
            groups[name] = entries
        }
        self.groups = groups
        footnotePrefixes = ((root["footnotePrefixes"] as? [String]) ?? []).map { Vocabulary.normalise($0, keepNumbering: true) }
        footnoteInitials = Set(footnotePrefixes.compactMap(\.first))
        totalLabels = Set(((root["totalLabels"] as? [String]) ?? []).map(Vocabulary.normalise))
    }

    /// The key of `group` whose wordings contain `text` exactly (normalised); nil when none does.
    /// When several keys list the wording, the first in sorted key order wins, so results are stable.
    func key(in group: String, exactly text: String) -> String? {
        let n = Vocabulary.normalise(text)
        guard !n.isEmpty, let table = groups[group] else { return nil }
        return table.keys.sorted().first { table[$0]?.contains(n) == true }
    }

    /// Like `key(in:exactly:)`, else the key with the longest wording contained in `text`
    /// (at least `minimumLength` characters).
    func key(in group: String, containedIn text: String, minimumLength: Int = 2) -> String? {
        if let exact = key(in: group, exactly: text) { return exact }
        let n = Vocabulary.normalise(text)
        guard !n.isEmpty, let table = groups[group] else { return nil }
        var best: (key: String, length: Int)?
        for key in table.keys.sorted() {
            for word in table[key] ?? [] where word.count >= minimumLength && n.contains(word) {
                if word.count > (best?.length ?? 0) { best = (key, word.count) }
            }
        }
        return best?.key
    }

    /// Whether `text` is one of the wordings of any group (what header cells say).
    func isHeaderWord(_ text: String) -> Bool {
        var n = Vocabulary.normalise(text)
        guard !n.isEmpty else { return false }
        // "2020年预算数", "2019年度决算数": the year does not change what the column is.
        if n.count > 5, n.prefix(4).allSatisfy(\.isASCIIDigit), n.dropFirst(4).first == "年" {
            n = String(n.dropFirst(5))
            if n.hasPrefix("度") { n.removeFirst() }
        }
        if n.hasPrefix("增减") || n.hasPrefix("比上年") { return true }
        for (name, table) in groups where name != "factFields" && name != "summaryLines" {
            for words in table.values where words.contains(n) { return true }
        }
        return Vocabulary.structuralHeaderWords.contains(n)
    }

    /// Header words that name no field but only group columns.
    static let structuralHeaderWords: Set<String> = [
        "收入", "支出", "栏次", "科目", "功能分类", "经济分类", "资金来源", "支出用途", "支出预算", "收入预算",
        "本年收入", "本年支出", "支出功能分类", "支出经济分类",
    ]

    /// Whether a label is a 合计 / 总计 line.
    func isTotalLabel(_ text: String) -> Bool {
        let n = Vocabulary.normalise(text)
        if totalLabels.contains(n) { return true }
        return n.hasSuffix("合计") || n.hasSuffix("总计")
    }

    /// Whether a row's first text starts a footnote (注：…).
    func isFootnote(_ text: String) -> Bool {
        guard let first = text.first(where: { !$0.isWhitespace }), footnoteInitials.contains(first) else { return false }
        let n = Vocabulary.normalise(text, keepNumbering: true)
        return footnotePrefixes.contains { n.hasPrefix($0) }
    }

    /// The comparison form of a header or label.
    static func normalise(_ text: String) -> String { normalise(text, keepNumbering: false) }

    static func normalise(_ text: String, keepNumbering: Bool) -> String {
        var out = ""
        for c in text {
            if c.isWhitespace { continue }
            switch c {
            case "（": out.append("(")
            case "）": out.append(")")
            case "：": out.append(":")
            case "“", "”", "\"", "‘", "’", "'", "「", "」": continue
            default: out.append(c)
            }
        }
        guard !keepNumbering else { return out }
        return stripNumbering(out)
    }

    static let numerals: Set<Character> = [
        "一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "0", "1", "2", "3", "4", "5", "6", "7", "8", "9",
    ]

    /// Drops "一、", "1、", "1.", "(一)", "(1)", "其中:" from the front.
    static func stripNumbering(_ s: String) -> String {
        var rest = Substring(s)
        var changed = true
        while changed {
            changed = false
            if rest.hasPrefix("其中:") { rest = rest.dropFirst(3); changed = true; continue }
            if rest.hasPrefix("其中") && rest.count > 2 { rest = rest.dropFirst(2); changed = true; continue }
            if rest.first == "(" {
                let inner = rest.dropFirst().prefix { Self.numerals.contains($0) }
                if !inner.isEmpty, rest.dropFirst(1 + inner.count).first == ")" {
                    rest = rest.dropFirst(2 + inner.count)
                    changed = true
                    continue
                }
            }
            let lead = rest.prefix { Self.numerals.contains($0) }
            if !lead.isEmpty, let sep = rest.dropFirst(lead.count).first, sep == "、" || sep == "." || sep == "," {
                let after = rest.dropFirst(lead.count + 1)
                // "1.5" is a number, not numbering.
                if let next = after.first, !next.isNumber || sep == "、" {
                    rest = after
                    changed = true
                }
            }
        }
        return String(rest)
    }
}
