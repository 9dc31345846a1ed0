/// Sentences of a paragraph: split at 。！？ (and at a full stop followed by a non-digit).
struct SentenceSplitter {
    /// Character ranges of the sentences of `chars`, each ending after its full stop.
    static func ranges(_ chars: [Character]) -> [Range<Int>] {
        var result: [Range<Int>] = []
        var start = 0
        for i in chars.indices where "。！？!?".contains(chars[i]) {
            result.append(start..<(i + 1))
            start = i + 1
        }
        if start < chars.count { result.append(start..<chars.count) }
        return result.filter { r in chars[r].contains { !$0.isWhitespace } }
    }

    /// Characters that end a clause (a figure's label never reaches back over them).
    static let clauseBreaks: Set<Character> = ["，", ",", "；", ";", "：", ":", "。", "！", "？", "!", "?", "（", "）", "(", ")"]
}
