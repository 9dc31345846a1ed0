import ArgumentParser
import Foundation
import Pipeline

extension BudgetEval {
    /// `budgeteval batch IN_DIR -o OUT_DIR [--jobs N] [--profile P] [--json] [--quiet] [--force]`.
    struct Batch: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "批量处理多个部门 / process a whole folder of departments.",
            discussion: """
            Each subfolder of IN_DIR is one department (its files are recognised by content, not name); loose \
            files in IN_DIR are grouped by the 编制单位 in their title block, and files whose unit cannot be \
            told are listed as ungrouped. For each department OUT_DIR/<department>/ gets 自评表.xlsx (what \
            `forms` writes; not written for a failed department) and 检查报告.txt (how it was grouped, each \
            file's role, and one line per finding naming file, sheet and cell). A narrative report (.docx, \
            .txt, .md) in a department folder is cross-checked too. OUT_DIR/汇总.xlsx and OUT_DIR/汇总.json \
            summarise every department: {"departments": [{"department", "preparedBy", "year", "files", \
            "status", "reason", "budgetExecutionRate", "totalScore", "grade", "errors", "warnings", "hints"}]}. \
            Departments run in parallel; outputs are byte-identical whatever --jobs is. OUT_DIR may not lie \
            inside IN_DIR; an existing non-empty OUT_DIR needs --force, which replaces only the files this run \
            writes. Progress goes to stderr. Exit codes: 0 all departments ok; 3 any department failed or has \
            错误 findings; 1 IN_DIR unreadable or OUT_DIR unwritable; 64 usage.
            """
        )

        @Argument(help: "输入文件夹，每个子文件夹为一个部门 / input folder, one subfolder per department.")
        var input: String

        @Option(name: [.short, .customLong("output")], help: "输出文件夹 / output folder.")
        var output: String

        @Option(name: .long, help: "同时处理的部门数（默认：全部 CPU 核）/ departments processed at once (default: all cores).")
        var jobs: Int?

        @Option(name: .long, help: "评分方案 JSON 文件 / scoring profile JSON file.")
        var profile: String?

        @Flag(name: .long, help: "在标准输出打印 汇总.json / print 汇总.json on stdout.")
        var json = false

        @Flag(name: .long, help: "不显示进度 / no progress output.")
        var quiet = false

        @Flag(name: .long, help: "覆盖已存在的输出文件夹中本次要写的文件 / overwrite this run's files in an existing OUT_DIR.")
        var force = false

        @OptionGroup var inputs: TableInputOptions

        func validate() throws {
            if let jobs, jobs < 1 {
                throw ValidationError("--jobs 必须是正整数 / --jobs must be a positive number.")
            }
        }

        func run() throws {
            let lang = inputs.lang
            let options = BatchOptions(
                input: URL(fileURLWithPath: input), output: URL(fileURLWithPath: output),
                jobs: jobs ?? ProcessInfo.processInfo.activeProcessorCount, force: force, english: lang == .en,
                isolation: .childProcess(executable: Executable.path))
            let printer = BatchProgressPrinter(mode: BatchProgressPrinter.mode(quiet: quiet), lang: lang)
            let summary: BatchSummary
            do {
                let stages = try PipelineStages(profilePath: profile, options: inputs.options())
                summary = try BatchRunner.run(options, stages: stages, progress: printer.handle)
            } catch {
                printer.finish()
                printError(error.message(lang))
                throw ExitCode(error.isUsage ? 64 : 1)
            }
            printer.finish()
            print(json ? SummaryJSON.text(summary, english: lang == .en) : Self.text(summary, output: output, lang), terminator: "")
            if summary.exitCode != 0 { throw ExitCode(summary.exitCode) }
        }

        /// One line per department, then the ungrouped files and where the summaries are.
        static func text(_ summary: BatchSummary, output: String, _ lang: Language) -> String {
            var out = summary.departments.map { BatchProgressPrinter.line($0, lang) + "\n" }.joined()
            if !summary.ungrouped.isEmpty {
                out += lang == .zh ? "未分组文件：\n" : "Ungrouped files:\n"
                for file in summary.ungrouped { out += "  \(file.name)：\(file.reason.text(english: lang == .en))\n" }
            }
            let failed = summary.departments.filter { $0.status == .failed }.count
            out += lang == .zh
                ? "共 \(summary.departments.count) 个部门，失败 \(failed) 个；汇总见 \(output)/汇总.xlsx、汇总.json\n"
                : "\(summary.departments.count) departments, \(failed) failed; summaries in \(output)/汇总.xlsx, 汇总.json\n"
            return out
        }
    }
}
