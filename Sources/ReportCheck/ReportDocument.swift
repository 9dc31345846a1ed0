public import FinanceModel

/// A narrative report as text: its non-empty paragraphs, each with its line and the headings above it.
///
/// Built from lines (a .txt/.md file's lines, or a .docx's paragraph and table-cell lines); a blank
/// line is no paragraph. Headings (一、/（一）/1、/（1）/⑴) are recognised by `SectionOutline`.
public struct ReportDocument: Sendable, Hashable {
    /// The report's file name as the user gave it.
    public var file: String
    /// The non-empty paragraphs in order.
    public var paragraphs: [ReportParagraph]

    /// Splits `lines` (numbered from 1) into paragraphs and tracks the headings above each one.
    public init(file: String, lines: [String]) {
        self.file = file
        var outline = SectionOutline()
        var paragraphs: [ReportParagraph] = []
        for (index, raw) in lines.enumerated() {
            let text = ReportDocument.cleaned(raw)
            guard !text.isEmpty else { continue }
            let heading = outline.advance(with: text)
            paragraphs.append(ReportParagraph(
                number: paragraphs.count + 1, line: index + 1, text: text, headings: outline.path,
                isHeading: heading))
        }
        self.paragraphs = paragraphs
    }

    /// Splits a whole text (any of LF, CRLF, CR line ends) into lines first.
    public init(file: String, text: String) {
        let unified = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        self.init(file: file, lines: unified.split(separator: "\n", omittingEmptySubsequences: false).map(String.init))
    }

    /// The line without surrounding white space, Markdown marks (#, **, a leading bullet) and Word's bookmark residue
    /// (`[bookmark: _GoBack]`).
    static func cleaned(_ line: String) -> String {
        var text = Substring(line)
        while let range = text.range(of: "[bookmark:"), let close = text[range.upperBound...].firstIndex(of: "]") {
            text = text[..<range.lowerBound] + text[text.index(after: close)...]
        }
        var trimmed = String(text).replacingOccurrences(of: "**", with: "")
            .trimmingCharacters(in: .whitespacesAndNewlines.union(["\u{3000}", "\u{feff}"]))
        // Markdown: heading marks, list bullets and quote marks before the text.
        while trimmed.hasPrefix("#") { trimmed.removeFirst() }
        for bullet in ["- ", "* ", "+ ", "> "] where trimmed.hasPrefix(bullet) { trimmed.removeFirst(2) }
        return trimmed.trimmingCharacters(in: .whitespaces)
    }

    /// Where a sentence of a paragraph stands, for a finding.
    public func location(of paragraph: ReportParagraph, sentence: String) -> TextLocation {
        TextLocation(
            file: file, paragraph: paragraph.number, line: paragraph.line,
            sentence: sentence, section: paragraph.sectionDescription)
    }
}

/// One non-empty paragraph.
public struct ReportParagraph: Sendable, Hashable {
    /// The paragraph's number among non-empty paragraphs, from 1.
    public var number: Int
    /// Its line in the input, from 1.
    public var line: Int
    /// The text, trimmed.
    public var text: String
    /// The headings above it, outermost first (the paragraph's own heading included when it is one).
    public var headings: [SectionHeading]
    /// Whether the paragraph itself starts with a heading marker.
    public var isHeading: Bool

    /// `二、部门财务情况 › （一）部门支出预算情况`, or nil before the first heading.
    public var sectionDescription: String? {
        let shown = headings.filter { !$0.title.isEmpty }.map { $0.marker + $0.title }
        return shown.isEmpty ? nil : shown.joined(separator: " › ")
    }
}

import Foundation
