/// Where a figure in a narrative report (自评报告) stands: the file, the paragraph, the line and the
/// sentence it is quoted from — the text counterpart of `SourceLocation` for a table cell.
public struct TextLocation: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The report's file name as the user gave it.
    public var file: String
    /// The paragraph, counted from 1 over non-empty paragraphs.
    public var paragraph: Int
    /// The line in the file (for a .docx: the paragraph or table-cell line of the document text), from 1.
    public var line: Int
    /// The sentence, quoted as written.
    public var sentence: String
    /// The headings above the paragraph, e.g. `二、部门财务情况 › （一）部门支出预算情况`.
    public var section: String?

    public init(file: String, paragraph: Int, line: Int, sentence: String, section: String? = nil) {
        self.file = file
        self.paragraph = paragraph
        self.line = line
        self.sentence = sentence
        self.section = section
    }

    /// `报告.txt:43（第 31 段）`, compiler-style.
    public var description: String { "\(file):\(line)（第 \(paragraph) 段）" }

    /// `报告.txt:43 (paragraph 31)`.
    public var englishDescription: String { "\(file):\(line) (paragraph \(paragraph))" }
}
