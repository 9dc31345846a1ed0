import ArgumentParser
import EvaluationForms
import FinanceModel
import Foundation
import Pipeline
import Spreadsheet

extension MoneyUnit: ExpressibleByArgument {}

extension BudgetEval {
    /// `budgeteval forms FILE... -o 自评表.xlsx`: the self-evaluation forms of one department.
    struct Forms: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "生成绩效自评表 / write the self-evaluation forms (部门整体 + 每个项目).",
            discussion: """
            Reads the department's files (budget, final accounts, project performance, department facts — \
            recognised by content), reconciles them and writes one workbook: 部门整体支出绩效自评表, one \
            项目支出绩效自评表 per project, 预算执行情况对照表, 评分汇总 and 检查结果. Scores follow the \
            scoring profile (default shipped with the tool; --profile FILE overrides it).
            JSON (--json): {"profile", "unit", "department": {"name", "year", "indicators": [{"name", \
            "formula", "inputs", "value", "weight", "score"}], "totalScore", "grade"}, "projects": [{"name", \
            "initialBudget", "adjustedBudget", "actual", "executionRate", "executionScore", "indicators": \
            [{"level1", "level2", "name", "direction", "target", "actual", "weight", "score", "warnings"}], \
            "totalScore", "grade"}], "findings": [...]}.
            Exit codes: 0 written; 1 unreadable input or output; 3 written, but the inputs hold 错误.
            """
        )

        @Argument(help: "部门的输入文件 / the department's input files (xlsx, csv).")
        var files: [String] = []

        @Option(name: .shortAndLong, help: "输出工作簿 / output workbook (.xlsx).")
        var output: String

        @Option(name: .long, help: "年度，覆盖表头中的年度 / year, overriding the title blocks.")
        var year: Int?

        @Option(name: .long, help: "评分方案 JSON / scoring profile JSON (default: the shipped profile).")
        var profile: String?

        @Option(name: .long, help: "金额单位 / amount unit: 万元 (default) or 元.")
        var unit: MoneyUnit = .tenThousandYuan

        @Option(name: .long, help: "另为每个项目写一个工作簿到此目录 / also write one workbook per project here.")
        var split: String?

        @Option(name: .long, help: "另将每个工作表写成 CSV 到此目录 / also write each sheet as CSV here.")
        var csv: String?

        @Option(name: .long, help: "仅作项目资料读取的文件 / file read only for its project tables (repeatable).")
        var projects: [String] = []

        @Flag(name: .long, help: "输出 JSON / print JSON.")
        var json = false

        @Flag(name: .customLong("formula-guard"), inversion: .prefixedNo,
              help: "CSV 中以 = + @ - 等开头的文本加前导 '（默认开启）/ prefix ' to CSV text a spreadsheet would run as a formula (on by default).")
        var formulaGuard = true

        @OptionGroup var language: LanguageOptions
        @OptionGroup var readLimits: ReadLimitOptions

        func validate() throws {
            if files.isEmpty && projects.isEmpty {
                throw ValidationError("请给出至少一个输入文件 / give at least one input file.")
            }
        }

        func run() throws {
            let lang = language.lang
            let english = lang == .en
            let scoring: ScoringProfile
            do {
                scoring = try profile.map { try ScoringProfile.load(contentsOf: URL(fileURLWithPath: $0)) } ?? .shipped
            } catch let error as FormsError {
                printError(error.message.text(english: english))
                throw ExitCode(1)
            }
            let run = FormsPipeline.run(
                files: files, projectFiles: projects, year: year, profile: scoring, unit: unit,
                limits: readLimits.limits)
            var unreadable = false
            for file in run.loaded.files {
                for error in file.errors {
                    printError(error.message(lang))
                    if case .reading = error { unreadable = true }
                }
            }
            if unreadable { throw ExitCode(1) }
            let written = try reportingErrors(lang) {
                try FormsOutput.write(
                    run.workbook, splits: FormsWorkbook.split(run.report), to: output, splitDirectory: split,
                    csvDirectory: csv, guardFormulas: formulaGuard)
            }
            if json {
                print(run.report.jsonDocument(english: english).rendered(), terminator: "")
            } else {
                print(FormsText.summary(run.report, written: written, english: english), terminator: "")
            }
            if run.report.hasErrors { throw ExitCode(3) }
        }
    }
}

/// The plain-text summary `forms` prints: scores, findings (compiler-style), files written.
enum FormsText {
    static func summary(_ report: FormsReport, written: [String], english: Bool) -> String {
        var out = ""
        let d = report.department
        out += report.scoreSummary(english: english)
        for finding in report.findings { out += finding.text(english: english) + "\n" }
        let counts = Severity.allCases.reversed().map { s in "\(s.label.text(english: english)) \(report.findings.filter { $0.severity == s }.count)" }
        out += counts.joined(separator: english ? ", " : "，") + "\n"
        for path in written { out += (english ? "written: " : "已写入：") + path + "\n" }
        return out
    }
}
