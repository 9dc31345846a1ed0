import FinanceModel

/// "Total, 其中 parts": 合计/总计/共计/收入/支出 X，其中：A … B … C, and the enumerations
/// X，一是 A …。二是 B …。三是 C — the parts must add up to the total; a percentage quoted after a part
/// ("通用设备18.52万元，占70.71%") must be that part's share of the total.
///
/// Which total: the figures before 其中 in its sentence (or in the sentence before, when the sentence
/// starts with 其中), nearest first; the first one the parts add up to within rounding, else the one
/// closest to their sum ("原值26.19万元，累计折旧8.04万元，净值18.15万元，其中：通用设备18.52万元 …
/// 家具 7.67万元" breaks down 原值, not 净值).
///
/// Outcomes: equal → confirmed; within rounding (half a unit of the finest decimal per figure) → 提示;
/// parts above the total → 错误 (parts cannot exceed their total); two or more parts below the total → 警告
/// (the list may be partial); a single part below its total is a partial 其中 and no finding.
struct BreakdownCheck {
    static let rule = "分项合计"

    var context: CheckContext

    struct Group {
        var paragraph: Int
        var candidates: [TextAmount]
        var parts: [TextAmount]
        var percents: [Int: TextAmount]
    }

    func run(into result: inout ReportCheckResult) {
        for index in context.document.paragraphs.indices {
            for group in breakdownGroups(paragraph: index) + enumerationGroups(paragraph: index) {
                evaluate(group, into: &result)
            }
        }
    }

    // MARK: - Finding the groups

    /// The 其中 groups of a paragraph.
    private func breakdownGroups(paragraph index: Int) -> [Group] {
        let chars = context.characters[index]
        let amounts = context.amountsByParagraph[index]
        let sentences = context.sentences[index]
        let depth = Self.parenthesisDepth(chars)
        let marks = occurrences(of: "其中", in: chars)
        var groups: [Group] = []
        for mark in marks {
            guard let s = sentences.firstIndex(where: { $0.contains(mark) }) else { continue }
            let sentence = sentences[s]
            let level = depth[mark]
            // The region: to the end of the sentence, or of the bracket the 其中 stands in ("基本支出 A（其中：
            // a1，a2）"), or to the clause holding the next same-level 其中's total ("…其中：A，B；本年支出合计
            // Y，其中：C，D" — Y is no part of the first breakdown).
            var regionEnd = sentence.upperBound
            if let close = (mark..<sentence.upperBound).first(where: { depth[$0] < level }) { regionEnd = close }
            if let next = marks.first(where: { $0 > mark && $0 < regionEnd && depth[$0] == level }) {
                let nextTotal = amounts.last { $0.end <= next && $0.start > mark && depth[$0.start] == level }
                regionEnd = nextTotal.map { AmountScanner.clauseStart(chars, before: $0.start) } ?? next
            }
            var candidates = amounts.filter { sentence.contains($0.start) && $0.end <= mark && depth[$0.start] <= level }
            if candidates.isEmpty, s > 0 {
                candidates = amounts.filter { sentences[s - 1].contains($0.start) }
            }
            let inRegion = amounts.filter { $0.start > mark && $0.start < regionEnd && depth[$0.start] == level }
            groups += group(paragraph: index, candidates: candidates.reversed(), region: inRegion)
        }
        return groups
    }

    /// How many brackets (（ or () are open at each character.
    static func parenthesisDepth(_ chars: [Character]) -> [Int] {
        var level = 0
        return chars.map { c in
            if c == "（" || c == "(" { level += 1; return level }
            if c == "）" || c == ")" { let here = level; level = max(0, level - 1); return here }
            return level
        }
    }

    /// The 一是/二是/三是 enumerations whose 一是 follows a figure in the same sentence.
    private func enumerationGroups(paragraph index: Int) -> [Group] {
        let chars = context.characters[index]
        let amounts = context.amountsByParagraph[index]
        var groups: [Group] = []
        for first in occurrences(of: "一是", in: chars)
        where first == 0 || SentenceSplitter.clauseBreaks.contains(chars[first - 1]) {
            guard let sentence = context.sentences[index].first(where: { $0.contains(first) }),
                  let total = amounts.last(where: { sentence.contains($0.start) && $0.end <= first })
            else { continue }
            // 二是, 三是 … in order after 一是.
            var markers = [first]
            var last = first
            var ordinal = 2
            while ordinal <= 10, let name = ChineseNumeral.digits.first(where: { $0.value == ordinal })?.key,
                  let next = occurrences(of: "\(name)是", in: chars).first(where: { $0 > last }) {
                markers.append(next)
                last = next
                ordinal += 1
            }
            guard markers.count >= 2 else { continue }
            var parts: [TextAmount] = []
            for (k, start) in markers.enumerated() {
                let end = k + 1 < markers.count ? markers[k + 1] : chars.count
                guard let part = amounts.first(where: { $0.start > start && $0.start < end && $0.unit != .percent })
                else { parts = []; break }
                parts.append(part)
            }
            guard !parts.isEmpty else { continue }
            groups += group(paragraph: index, candidates: [total], region: parts)
        }
        return groups
    }

    /// A group from the figures of a region: the money figures are parts, a percentage right after a
    /// part is its share.
    private func group(paragraph: Int, candidates: [TextAmount], region: [TextAmount]) -> [Group] {
        var parts: [TextAmount] = []
        var percents: [Int: TextAmount] = [:]
        for amount in region {
            if amount.unit == .percent {
                if !parts.isEmpty, percents[parts.count - 1] == nil, Self.isShareOfTotal(amount.label) {
                    percents[parts.count - 1] = amount
                }
            } else if !amount.isChange {
                parts.append(amount)
            }
        }
        guard let unit = parts.first?.unit, parts.allSatisfy({ $0.unit == unit && !$0.isApproximate }) else { return [] }
        let totals = candidates.filter { $0.unit == unit && !$0.isApproximate && !$0.isChange }
        guard !totals.isEmpty else { return [] }
        return [Group(paragraph: paragraph, candidates: totals, parts: parts, percents: percents)]
    }

    /// A percentage that is a part's share of the group's total: "占70.71%", "占比30%", "比重 5%"; not one
    /// that names another base ("占全区的30%") or is a change ("增长25.5%").
    static func isShareOfTotal(_ label: String) -> Bool {
        var bare = Substring(label)
        for suffix in ["的", "为", "约"] where bare.hasSuffix(suffix) { bare = bare.dropLast(suffix.count) }
        return ["", "占", "占比", "比重", "所占比重", "所占比例", "占合计", "占总额", "占总数", "占总计"].contains(String(bare))
    }

    private func occurrences(of word: String, in chars: [Character]) -> [Int] {
        chars.indices.filter { AmountScanner.matches(chars, at: $0, word) }
    }

    // MARK: - Checking a group

    private func evaluate(_ group: Group, into result: inout ReportCheckResult) {
        let sum = group.parts.map(\.value).sum()
        let decimals = (group.parts + group.candidates).map(\.decimals).max() ?? 0
        let tolerance = Tolerance.rounding(decimals: decimals, figures: group.parts.count + 1)
        // `group(paragraph:candidates:region:)` makes groups with at least one part and one candidate.
        guard let lastPart = group.parts.last,
              let total = group.candidates.first(where: { ($0.value - sum).magnitude <= tolerance })
                ?? (group.parts.count == 1 ? group.candidates.first
                    : group.candidates.min { ($0.value - sum).magnitude < ($1.value - sum).magnitude })
        else { return }
        let difference = sum - total.value
        let location = context.location(paragraph: group.paragraph, from: total.start, to: lastPart.start)
        let unit = total.unit.rawValue
        let statement = "\(total.value) = \(Show.sum(group.parts))（\(unit)）"
        if difference.isZero {
            result.confirmed.append(Confirmation(rule: Self.rule, statement: statement, location: location))
        } else if difference.magnitude <= tolerance {
            result.findings.append(ReportFinding(Finding(
                severity: .hint, rule: Self.rule,
                message: LocalizedText(
                    zh: "其中各项 \(Show.sum(group.parts)) = \(sum)\(unit)，与「\(total.label)」\(total.text) 相差 \(difference.magnitude)\(unit)，属四舍五入差异：如需一致，请调整一项的尾数。",
                    en: "the parts \(Show.sum(group.parts)) add up to \(sum) \(unit) against “\(total.label)” \(total.text), a difference of \(difference.magnitude): rounding; adjust the last digit of one part if they must agree."),
                expected: total.value.description, found: sum.description), at: location))
        } else if difference.isPositive {
            result.findings.append(ReportFinding(Finding(
                severity: .error, rule: Self.rule,
                message: LocalizedText(
                    zh: "其中各项 \(Show.sum(group.parts)) = \(sum)\(unit)，超过「\(total.label)」\(total.text) \(difference)\(unit)：各项之和不能大于合计，请核对合计和各项金额。",
                    en: "the parts \(Show.sum(group.parts)) add up to \(sum) \(unit), \(difference) more than “\(total.label)” \(total.text): parts cannot exceed their total; check the total and each part."),
                expected: total.value.description, found: sum.description), at: location))
        } else if group.parts.count >= 2 {
            result.findings.append(ReportFinding(Finding(
                severity: .warning, rule: Self.rule,
                message: LocalizedText(
                    zh: "其中各项 \(Show.sum(group.parts)) = \(sum)\(unit)，比「\(total.label)」\(total.text) 少 \(difference.magnitude)\(unit)：若所列为全部构成，请核对合计或各项；若只列举了部分，可忽略。",
                    en: "the parts \(Show.sum(group.parts)) add up to \(sum) \(unit), \(difference.magnitude) less than “\(total.label)” \(total.text): if they are meant to be complete, check the total or the parts; if the list is partial, ignore this."),
                expected: total.value.description, found: sum.description), at: location))
        }
        for (index, percent) in group.percents.sorted(by: { $0.key < $1.key }) {
            checkShare(part: group.parts[index], of: total, quoted: percent, paragraph: group.paragraph, into: &result)
        }
    }

    /// 18.52 of 26.19 quoted as 70.71 %: the share rounded half-up to the quoted decimals must equal it.
    private func checkShare(
        part: TextAmount, of total: TextAmount, quoted: TextAmount, paragraph: Int, into result: inout ReportCheckResult
    ) {
        guard let rate = part.value.ratio(to: total.value),
              let computed = Money(parsing: rate.percent(decimals: quoted.decimals).replacingOccurrences(of: "%", with: ""))
        else { return }
        let rule = "占比核对"
        let location = context.location(paragraph: paragraph, from: part.start, to: quoted.start)
        let statement = "\(part.value) ÷ \(total.value) = \(computed)%"
        let difference = (computed - quoted.value).magnitude
        if difference.isZero {
            result.confirmed.append(Confirmation(rule: rule, statement: statement, location: location))
            return
        }
        let withinRounding = difference <= Tolerance.unit(decimals: quoted.decimals)
        result.findings.append(ReportFinding(Finding(
            severity: withinRounding ? .hint : .warning, rule: rule,
            message: LocalizedText(
                zh: "「\(part.label)」\(part.text) 占「\(total.label)」\(total.text) 的 \(computed)%，报告写作 \(quoted.text)"
                    + (withinRounding ? "：尾数差异，请按四舍五入改正。" : "：请核对百分比或金额。"),
                en: "“\(part.label)” \(part.text) is \(computed)% of “\(total.label)” \(total.text), the report says \(quoted.text)"
                    + (withinRounding ? ": a last-digit difference; round half-up." : ": check the percentage or the amounts.")),
            expected: "\(computed)%", found: quoted.text), at: location))
    }
}

import Foundation
