import ArgumentParser
import FinanceModel
import Pipeline
import ReportCheck
import Spreadsheet

extension BudgetEval {
    /// `budgeteval crosscheck REPORT [FILE...] [--json]`: every figure of the self-evaluation report
    /// against the report itself and, with FILEs, against the department's tables.
    struct Crosscheck: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "核对自评报告中的数字 / cross-check the figures of a self-evaluation report.",
            discussion: """
            Reads the report (.docx, .txt or .md; UTF-8 or GB18030) and checks: the parts after 其中 (and \
            一是/二是/三是) add up to their total; a quoted share (占 70.71%) matches its figures; 原值 − 累计折旧 \
            = 净值; the same label in the same budget/final-accounts context has one figure throughout; with \
            FILEs (the department's tables, recognised by content), each figure agrees with the table cell it names.
            Prints one compiler-style line per finding (file:line（第 N 段）: severity [rule] message ——「sentence」); \
            --verbose also prints what was confirmed. JSON: {"findings": [{severity, rule, message, cells, \
            expected, found, file, paragraph, line, sentence, section, related}], "confirmed": [...], "figures": N}.
            Exit codes: 0 no 错误; 1 unreadable input; 3 findings of severity 错误; 64 usage.
            """
        )

        @Argument(help: "自评报告 / the report (.docx, .txt, .md).")
        var report: String

        @Argument(help: "部门表格 / the department's tables (XLSX/CSV), optional.")
        var files: [String] = []

        @Flag(name: .long, help: "输出 JSON / print JSON.")
        var json = false

        @Flag(name: [.short, .long], help: "同时列出核对无误的关系 / also list the relations that hold.")
        var verbose = false

        @OptionGroup var language: LanguageOptions
        @OptionGroup var readLimits: ReadLimitOptions

        func run() throws {
            let lang = language.lang
            let result = try reportingErrors(lang) { () throws -> ReportCheckResult in
                var department: Department?
                if !files.isEmpty {
                    let loaded = try ReportCrosscheck.loadTables(files: files, limits: readLimits.limits)
                    // Sheets that were not recognised: their figures are not compared; say which.
                    for note in loaded.notes { printError((lang == .zh ? "注意：" : "note: ") + note.message(lang)) }
                    department = loaded.department
                }
                return try ReportCrosscheck.check(
                    reportPath: report, displayName: displayName(of: report), department: department,
                    limits: readLimits.limits)
            }
            print(
                json ? ReportCrosscheck.json(result, english: lang == .en)
                    : ReportCrosscheck.text(result, english: lang == .en, verbose: verbose),
                terminator: "")
            if result.worstSeverity == .error { throw ExitCode(3) }
        }
    }
}
