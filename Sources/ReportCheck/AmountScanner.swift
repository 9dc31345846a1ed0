import FinanceModel

/// Finds every figure with a unit (元, 万元, 亿元, 美元, 万美元, 亿美元, %) in a report, with its label and
/// its basis (预算 / 调整预算 / 决算).
///
/// Numbers are parsed from their text into exact `Money`; "1-12月", "3.5学雷锋" or "4.8亿片" carry no
/// unit and are no figures.
public enum AmountScanner {
    /// Every figure of the document, in reading order.
    public static func amounts(in document: ReportDocument) -> [TextAmount] {
        var result: [TextAmount] = []
        for (index, paragraph) in document.paragraphs.enumerated() {
            result += amounts(in: paragraph, index: index)
        }
        return result
    }

    /// Whether `text` holds at least one figure with a unit.
    static func containsAmount(_ text: String) -> Bool {
        !scan(Array(text)).isEmpty
    }

    /// The figures of one paragraph.
    static func amounts(in paragraph: ReportParagraph, index: Int) -> [TextAmount] {
        let chars = normalisedDigits(Array(paragraph.text))
        let sentences = SentenceSplitter.ranges(chars)
        let headingBasis = BasisWords.fromHeadings(paragraph.headings)
        let marks = BasisWords.marks(in: chars[...])
        var previousEnd = 0
        return scan(chars).compactMap { raw -> TextAmount? in
            guard let value = Money(parsing: raw.number) else { return nil }
            let sentence = sentences.firstIndex { $0.contains(raw.start) } ?? 0
            let sentenceStart = sentences.isEmpty ? 0 : sentences[sentence].lowerBound
            let labelStart = max(previousEnd, clauseStart(chars, before: raw.start))
            previousEnd = raw.end
            let label = LabelCleaner.clean(String(chars[labelStart..<raw.start]))
            // The basis: the last basis word before the figure in its sentence, then earlier in the paragraph,
            // then the nearest heading that names one.
            let inSentence = marks.last { $0.start >= sentenceStart && $0.end <= raw.start }?.basis
            let before = marks.last { $0.end <= sentenceStart }?.basis
            let basis = inSentence ?? before ?? headingBasis ?? .unknown
            let decimals = raw.number.split(separator: ".").dropFirst().first?.count ?? 0
            return TextAmount(
                value: value, unit: raw.unit, text: String(chars[raw.start..<raw.end]), decimals: decimals,
                isApproximate: raw.approximate, label: label, paragraphIndex: index, sentenceIndex: sentence,
                start: raw.start, end: raw.end, basis: basis)
        }
    }

    struct RawAmount {
        var number: String
        var unit: TextUnit
        var approximate: Bool
        var start: Int
        var end: Int
    }

    /// The figures in `c`: a number (sign, digits, thousands commas, one decimal point), optional
    /// spaces, optional 余/多, then a unit.
    static func scan(_ input: [Character]) -> [RawAmount] {
        let c = normalisedDigits(input)
        var result: [RawAmount] = []
        var i = 0
        func isDigit(_ k: Int) -> Bool { k >= 0 && k < c.count && c[k].isASCII && c[k].isNumber }
        while i < c.count {
            guard isDigit(i), !(i > 0 && (isDigit(i - 1) || c[i - 1] == "." || c[i - 1].isLetter && c[i - 1].isASCII))
            else { i += 1; continue }
            var start = i
            // A minus sign belongs to the number unless it joins two numbers (1-12月).
            if i > 0, c[i - 1] == "-" || c[i - 1] == "－" || c[i - 1] == "−", !isDigit(i - 2) { start = i - 1 }
            var j = i
            var number = start < i ? "-" : ""
            while j < c.count {
                if isDigit(j) {
                    number.append(c[j]); j += 1
                } else if c[j] == ",", isDigit(j + 1), isDigit(j + 2), isDigit(j + 3), !isDigit(j + 4) {
                    j += 1
                } else if c[j] == ".", isDigit(j + 1), !number.contains(".") {
                    number.append("."); j += 1
                } else {
                    break
                }
            }
            var k = j
            while k < c.count, c[k] == " " || c[k] == "\u{3000}" || c[k] == "\u{a0}" { k += 1 }
            var approximate = false
            if k < c.count, c[k] == "余" || c[k] == "多" { approximate = true; k += 1 }
            if let spelling = TextUnit.spellings.first(where: { matches(c, at: k, $0.text) }) {
                let end = k + spelling.text.count
                result.append(RawAmount(
                    number: number, unit: spelling.unit, approximate: approximate || spelling.approximate,
                    start: start, end: end))
                i = end
            } else {
                i = j
            }
        }
        return result
    }

    static func matches(_ c: [Character], at k: Int, _ text: String) -> Bool {
        var index = k
        for ch in text {
            guard index < c.count, c[index] == ch else { return false }
            index += 1
        }
        return true
    }

    /// Where the clause holding position `p` starts.
    static func clauseStart(_ c: [Character], before p: Int) -> Int {
        var k = p
        while k > 0, !SentenceSplitter.clauseBreaks.contains(c[k - 1]) { k -= 1 }
        return k
    }

    /// Full-width digits, point and percent sign as ASCII, one character for one.
    static func normalisedDigits(_ c: [Character]) -> [Character] {
        c.map { ch in
            guard let s = ch.unicodeScalars.first, ch.unicodeScalars.count == 1 else { return ch }
            switch s.value {
            case 0xFF10...0xFF19: return Character(Unicode.Scalar(s.value - 0xFF10 + 0x30)!)
            case 0xFF0E: return "."
            case 0xFF0C: return ch
            default: return ch
            }
        }
    }
}

/// The words that say which quantity a figure is.
enum BasisWords {
    /// Longest first at each position; `nil` basis words are fund types or laws that only look alike
    /// (一般公共预算 is a fund, 预算法 a law, 预算绩效 the evaluation itself).
    static let words: [(String, FigureBasis?)] = [
        ("年初公共预算", .budget), ("年初预算", .budget), ("调整预算", .adjustedBudget), ("调整后预算", .adjustedBudget),
        ("全年预算", .adjustedBudget), ("决算", .finalAccounts), ("公共预算", nil), ("预算管理", nil),
        ("预算法", nil), ("预算绩效", nil), ("预算", .budget),
    ]

    /// Headings that introduce outputs and results, not money: figures under them have no basis
    /// unless their own sentence names one.
    static let outputWords = ["完成情况", "绩效目标", "效益", "指标", "工作情况"]

    /// The basis of the nearest heading that names one, searching outwards; nil when an output heading
    /// (经济指标完成情况, 项目绩效目标完成情况及效益) comes first.
    static func fromHeadings(_ headings: [SectionHeading]) -> FigureBasis? {
        for heading in headings.reversed() {
            let title = Array(heading.title)
            if let basis = last(in: title[...]) { return basis }
            if outputWords.contains(where: { heading.title.contains($0) }) { return nil }
        }
        return nil
    }

    /// The basis named last in `text`, if any.
    static func last(in text: ArraySlice<Character>) -> FigureBasis? { marks(in: text).last?.basis }

    /// Every basis word of `text`, in order, with its character range (offsets of `text`'s indices).
    static func marks(in text: ArraySlice<Character>) -> [(start: Int, end: Int, basis: FigureBasis)] {
        let c = Array(text)
        let offset = text.startIndex
        var found: [(start: Int, end: Int, basis: FigureBasis)] = []
        var i = 0
        while i < c.count {
            // Every basis word contains 算 (预算, 决算): skip cheaply to the next one.
            guard c[i...].prefix(8).contains("算") else { i += 1; continue }
            if let (word, basis) = words.first(where: { AmountScanner.matches(c, at: i, $0.0) }) {
                if let basis { found.append((offset + i, offset + i + word.count, basis)) }
                i += word.count
            } else {
                i += 1
            }
        }
        return found
    }
}

/// Cleans the words before a figure into its label.
enum LabelCleaner {
    static let quotes: Set<Character> = ["“", "”", "\"", "‘", "’", "'", "《", "》", "「", "」", " ", "\u{3000}", "\t"]

    /// "2020年度年初公共预算财政拨款“三公”经费支出" → "年初公共预算财政拨款三公经费支出";
    /// "其中：经费拨款" → "经费拨款"; "三是离退休人员工作经费" → "离退休人员工作经费".
    static func clean(_ raw: String) -> String {
        var s = Substring(String(raw.filter { !quotes.contains($0) }))
        var changed = true
        while changed {
            changed = false
            for prefix in ["其中", "主要是", "分别是", "分别为", "包括", "另外", "此外", "以及", "和", "及"] where s.hasPrefix(prefix) {
                s = s.dropFirst(prefix.count); changed = true
            }
            if let first = s.first, ChineseNumeral.digits[first] != nil, s.dropFirst().first == "是" {
                s = s.dropFirst(2); changed = true
            }
            if let heading = SectionOutline.parse(String(s)), !heading.marker.isEmpty, s.hasPrefix(heading.marker) {
                s = s.dropFirst(heading.marker.count); changed = true
            }
            // A leading year: 2020年, 2020年度, 2020 年.
            let digits = s.prefix(while: { $0.isASCII && $0.isNumber })
            if digits.count == 4 {
                var rest = s.dropFirst(4).drop(while: { $0 == " " })
                if rest.hasPrefix("年") {
                    rest = rest.dropFirst()
                    if rest.hasPrefix("度") { rest = rest.dropFirst() }
                    s = rest; changed = true
                }
            }
        }
        for suffix in ["达到", "为", "是", "达", "约", "共"] where s.hasSuffix(suffix) && s.count > suffix.count {
            s = s.dropLast(suffix.count)
        }
        return String(s)
    }
}
