/// Headings of a Chinese report: 一、 / （一） / 1、 or 1. / （1） / ⑴ ①, nested in the order they appear.
///
/// Chinese reports do not fix which marker style nests inside which (section 一 of the seed report
/// puts （一） under 1、, section 二 puts 1、 under （一）), so the outline nests a style the first time
/// it appears under the current heading and returns to the level where the same style already stands.
/// A mistyped number is read by what it continues: `2、 部门财务情况` after `3、固定资产情况` under
/// `一、` continues nothing at its own level but is exactly the `二、` the top level expects, so it is
/// read as section 二 (the seed report has this typo; the heading keeps its marker as written).

/// One heading: its marker as written, its number and the title (empty when the numbered line is a
/// long enumerated paragraph rather than a heading).
public struct SectionHeading: Sendable, Hashable {
    /// The marker style.
    public enum Style: Sendable, Hashable {
        /// 一、 二、.
        case chineseNumeral
        /// （一） (一).
        case parenthesisedChineseNumeral
        /// 1、 1. 1．
        case arabic
        /// （1） (1).
        case parenthesisedArabic
        /// ⑴ ①.
        case circled
    }

    public var style: Style
    public var number: Int
    /// The marker as written (`（三）、`).
    public var marker: String
    /// The heading text up to its first full stop (`部门支出预算情况`); empty for a long paragraph.
    public var title: String
}

/// The stack of headings open at the current paragraph.
struct SectionOutline {
    private(set) var path: [SectionHeading] = []

    /// Reads `text`; when it starts with a heading marker, places it in the outline and returns true.
    mutating func advance(with text: String) -> Bool {
        guard var heading = SectionOutline.parse(text) else { return false }
        let depth = placement(of: heading)
        if depth < path.count, path[depth].style != heading.style {
            // A mistyped marker taking the place of the level it continues keeps that level's style.
            heading.style = path[depth].style
        }
        path.removeSubrange(min(depth, path.count)...)
        path.append(heading)
        return true
    }

    /// The depth the heading goes to.
    private func placement(of heading: SectionHeading) -> Int {
        let n = heading.number
        // The deepest level of the same style that this number continues.
        if let d = path.indices.reversed().first(where: { path[$0].style == heading.style && path[$0].number + 1 == n }) {
            return d
        }
        // A typo: an arabic or Chinese numeral that continues the top level (2、 for 二、), never a first item.
        let promotable = heading.style == .arabic || heading.style == .chineseNumeral
        if n > 1, let d = path.indices.reversed().first(where: {
            path[$0].number + 1 == n && (path[$0].style == heading.style || ($0 == 0 && promotable))
        }) {
            return d
        }
        // 一、 is the top level wherever it stands: a second 一、 (a second report in one file) restarts it.
        if heading.style == .chineseNumeral, let top = path.firstIndex(where: { $0.style == .chineseNumeral }) {
            return top
        }
        if n == 1 || !path.contains(where: { $0.style == heading.style }) {
            return path.count
        }
        // A misnumbered sibling (1、 3、 2、): the deepest level of its style.
        return path.lastIndex(where: { $0.style == heading.style }) ?? path.count
    }

    /// The heading at the start of `text`, if it starts with a marker.
    static func parse(_ text: String) -> SectionHeading? {
        let chars = Array(text)
        guard let (style, number, markerEnd) = marker(in: chars) else { return nil }
        var bodyStart = markerEnd
        while bodyStart < chars.count, "、.． \u{3000}".contains(chars[bodyStart]) { bodyStart += 1 }
        let marker = String(chars[0..<bodyStart]).trimmingCharacters(in: .whitespaces)
        let body = chars[bodyStart...]
        let head = body.prefix(while: { $0 != "。" })
        let title = String(head).trimmingCharacters(in: .whitespaces)
        let isTitle = head.count <= 30 && !head.contains("，") && !head.contains(",") && !head.contains("；")
            && !AmountScanner.containsAmount(title)
        return SectionHeading(style: style, number: number, marker: marker, title: isTitle ? title : "")
    }

    private static func marker(in c: [Character]) -> (SectionHeading.Style, Int, Int)? {
        guard let first = c.first else { return nil }
        if let value = circledValue(first) { return (.circled, value, 1) }
        if first == "（" || first == "(" {
            var i = 1
            while i < c.count, c[i] == " " { i += 1 }
            let start = i
            while i < c.count, c[i].isASCII, c[i].isNumber { i += 1 }
            if i > start, i < c.count, c[i] == "）" || c[i] == ")", let n = Int(String(c[start..<i])) {
                return (.parenthesisedArabic, n, i + 1)
            }
            i = start
            while i < c.count, ChineseNumeral.digits[c[i]] != nil { i += 1 }
            if i > start, i < c.count, c[i] == "）" || c[i] == ")", let n = ChineseNumeral.value(c[start..<i]) {
                return (.parenthesisedChineseNumeral, n, i + 1)
            }
            return nil
        }
        var i = 0
        while i < c.count, c[i].isASCII, c[i].isNumber { i += 1 }
        if i > 0, i <= 3, i < c.count, let n = Int(String(c[0..<i])) {
            var j = i
            while j < c.count, c[j] == " " { j += 1 }
            if j < c.count, c[j] == "、" { return (.arabic, n, j + 1) }
            // "1." but not "3.5": the full stop must not start a decimal fraction.
            if j < c.count, c[j] == "." || c[j] == "．",
               !(j + 1 < c.count && c[j + 1].isASCII && c[j + 1].isNumber) {
                return (.arabic, n, j + 1)
            }
            return nil
        }
        i = 0
        while i < c.count, ChineseNumeral.digits[c[i]] != nil { i += 1 }
        if i > 0, i < c.count, c[i] == "、" || c[i] == "．", let n = ChineseNumeral.value(c[0..<i]) {
            return (.chineseNumeral, n, i + 1)
        }
        return nil
    }

    private static func circledValue(_ c: Character) -> Int? {
        guard let scalar = c.unicodeScalars.first, c.unicodeScalars.count == 1 else { return nil }
        switch scalar.value {
        case 0x2460...0x2473: return Int(scalar.value - 0x2460) + 1  // ① … ⑳
        case 0x2474...0x2487: return Int(scalar.value - 0x2474) + 1  // ⑴ … ⒇
        default: return nil
        }
    }
}

/// Small Chinese numerals (一 … 九十九) as used in headings and in 一是/二是.
enum ChineseNumeral {
    static let digits: [Character: Int] = [
        "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10,
    ]

    /// 一 → 1, 十 → 10, 十七 → 17, 二十 → 20, 二十三 → 23; nil for anything else.
    static func value<C: Collection>(_ chars: C) -> Int? where C.Element == Character {
        let values = chars.compactMap { digits[$0] }
        guard values.count == chars.count, !values.isEmpty, values.count <= 3 else { return nil }
        switch values.count {
        case 1: return values[0]
        case 2:
            if values[0] == 10 { return values[1] == 10 ? nil : 10 + values[1] }
            return values[1] == 10 ? values[0] * 10 : nil
        default:
            return values[1] == 10 && values[0] < 10 && values[2] < 10 ? values[0] * 10 + values[2] : nil
        }
    }
}

import Foundation
