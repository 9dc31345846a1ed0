import CSVFormat
public import FinanceModel
public import ReportCheck
public import XLSXFormat
import Foundation
import Spreadsheet

/// `crosscheck`: read a narrative report (.docx, .txt or .md) and check its figures against each other
/// and, when the department's tables are given, against them. Batch reuses these calls.
///
/// The report's text comes from XLSXFormat's `DocxText` (a .docx) or CSVFormat's `PlainTextReader`
/// (UTF-8 or GB18030 text, detected the same way as a CSV); ReportCheck sees only the lines.
public enum ReportCrosscheck {
    /// The report's formats.
    public enum ReportFormat: String, Sendable, Hashable {
        case docx, text
    }

    /// The format of a report file: a zip (or a legacy Word file) is a .docx, `.txt`/`.md`/`.markdown`
    /// are text.
    ///
    /// - Throws: `SpreadsheetError.unsupportedFormat` for any other file, saying which formats work.
    public static func format(of path: String, displayName: String) throws -> ReportFormat {
        if let handle = FileHandle(forReadingAtPath: path) {
            let head = Array(handle.readData(ofLength: 4))
            try? handle.close()
            if head.count >= 2, head[0] == 0x50, head[1] == 0x4B { return .docx }
            if head == [0xD0, 0xCF, 0x11, 0xE0] { return .docx }
        }
        switch (path as NSString).pathExtension.lowercased() {
        case "docx": return .docx
        case "txt", "text", "md", "markdown": return .text
        default:
            throw SpreadsheetError(
                .other(zh: "不是可识别的报告文件：报告应为 .docx、.txt 或 .md，请在 Word/WPS 中另存为 .docx 或纯文本。",
                       en: "not a report file this tool reads: save the report as .docx, .txt or .md in Word/WPS."),
                at: InputLocation(file: displayName))
        }
    }

    /// Reads the report into paragraphs with their line numbers.
    ///
    /// - Throws: `SpreadsheetError` from the readers (file, part and byte named).
    public static func readReport(
        path: String, displayName: String? = nil, limits: ReadLimits = ReadLimits()
    ) throws -> ReportDocument {
        let name = displayName ?? (path as NSString).lastPathComponent
        switch try format(of: path, displayName: name) {
        case .docx:
            return ReportDocument(file: name, lines: try DocxText.paragraphs(path: path, displayName: name, limits: limits))
        case .text:
            let (text, _) = try PlainTextReader.read(path: path, displayName: name)
            return ReportDocument(file: name, text: text)
        }
    }

    /// Reads and checks a report, against `department`'s tables when given.
    public static func check(
        reportPath: String, displayName: String? = nil, department: Department? = nil,
        limits: ReadLimits = ReadLimits()
    ) throws -> ReportCheckResult {
        let document = try readReport(path: reportPath, displayName: displayName, limits: limits)
        return ReportCheck.check(document, department: department)
    }

    /// `{"findings": [...], "confirmed": [...], "figures": N}`; each finding in `check`'s shape plus
    /// `file`, `paragraph`, `line`, `sentence`, `section`, `related`.
    public static func json(_ result: ReportCheckResult, english: Bool = false) -> String {
        result.json(english: english).rendered()
    }

    /// One compiler-style line per finding; with `verbose`, one line per confirmation too; then a summary.
    public static func text(_ result: ReportCheckResult, english: Bool, verbose: Bool) -> String {
        var out = ""
        for finding in result.findings { out += finding.text(english: english) + "\n" }
        if verbose {
            for confirmation in result.confirmed { out += confirmation.text(english: english) + "\n" }
        }
        let count = { (s: Severity) in result.findings.filter { $0.severity == s }.count }
        out += english
            ? "\(result.figureCount) figures; \(count(.error)) errors, \(count(.warning)) warnings, \(count(.hint)) hints; \(result.confirmed.count) relations confirmed\n"
            : "共 \(result.figureCount) 个金额/比例；错误 \(count(.error)) 个，警告 \(count(.warning)) 个，提示 \(count(.hint)) 个；核对无误 \(result.confirmed.count) 处\n"
        return out
    }
}
