import FinanceModel

/// The document with its figures indexed by paragraph, shared by the check rules.
struct CheckContext {
    let document: ReportDocument
    let amounts: [TextAmount]
    /// Per paragraph: its characters (digits normalised), sentence ranges and figures.
    let characters: [[Character]]
    let sentences: [[Range<Int>]]
    let amountsByParagraph: [[TextAmount]]

    init(document: ReportDocument) {
        self.document = document
        let amounts = AmountScanner.amounts(in: document)
        self.amounts = amounts
        characters = document.paragraphs.map { AmountScanner.normalisedDigits(Array($0.text)) }
        sentences = characters.map(SentenceSplitter.ranges)
        var byParagraph = Array(repeating: [TextAmount](), count: document.paragraphs.count)
        for amount in amounts { byParagraph[amount.paragraphIndex].append(amount) }
        amountsByParagraph = byParagraph
    }

    /// The location of a quote running from `start` to `end` (character offsets) in a paragraph,
    /// widened to whole clauses: from the start of the sentence holding `start` to the end of the clause
    /// holding `end`.
    func location(paragraph index: Int, from start: Int, to end: Int) -> TextLocation {
        let chars = characters[index]
        let sentenceStart = sentences[index].first { $0.contains(start) }?.lowerBound ?? 0
        var stop = min(max(end, start), chars.count)
        while stop < chars.count, !SentenceSplitter.clauseBreaks.contains(chars[stop]) { stop += 1 }
        if stop < chars.count, "。！？!?".contains(chars[stop]) { stop += 1 }
        let original = Array(document.paragraphs[index].text)
        let quote = String(original[sentenceStart..<min(stop, original.count)])
            .trimmingCharacters(in: .whitespaces)
        return document.location(of: document.paragraphs[index], sentence: quote)
    }

    /// The location of the sentence holding `amount`.
    func location(of amount: TextAmount) -> TextLocation {
        let range = sentences[amount.paragraphIndex].first { $0.contains(amount.start) } ?? (amount.start..<amount.end)
        return location(paragraph: amount.paragraphIndex, from: range.lowerBound, to: range.upperBound - 1)
    }
}

/// Rounding tolerance: half a unit of the finest decimal written, once for each figure involved.
enum Tolerance {
    /// `(figures) × 0.5 × 10⁻ᵈ`.
    static func rounding(decimals: Int, figures: Int) -> Money {
        halfUnit(decimals: decimals) * max(figures, 1)
    }

    /// 0.5 × 10⁻ᵈ, exact.
    static func halfUnit(decimals: Int) -> Money {
        let d = min(max(decimals, 0), Money.maxParsedDecimals - 1)
        return Money(parsing: "0." + String(repeating: "0", count: d) + "5") ?? Money.zero
    }

    /// One unit of the d-th decimal (10⁻ᵈ).
    static func unit(decimals: Int) -> Money { halfUnit(decimals: decimals) * 2 }
}

/// Text helpers for messages.
enum Show {
    /// "885.75 + 137.38 + 274.1".
    static func sum(_ parts: [TextAmount]) -> String { parts.map(\.value.description).joined(separator: " + ") }

    /// The value with its unit ("1297.23万元").
    static func figure(_ value: Money, _ unit: TextUnit) -> String { value.description + unit.rawValue }
}

import Foundation
