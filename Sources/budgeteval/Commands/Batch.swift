import ArgumentParser
import Foundation
import Pipeline

extension BudgetEval {
    /// `budgeteval batch IN_DIR -o OUT_DIR [--jobs N] [--profile P] [--json] [--quiet] [--force]`.
    struct Batch: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: Help.text("批量处理多个部门。", "process a whole folder of departments."),
            discussion: Help.text(
                """
                IN_DIR 的每个子文件夹是一个部门（文件按内容识别，不看文件名）；IN_DIR 中散放的文件按表头中的编制单位归组，\
                无法判断单位的文件列为未分组。每个部门在 OUT_DIR/<部门>/ 下得到 自评表.xlsx（与 forms 写的相同；失败的部门不写）\
                和 检查报告.txt（如何分组、每个文件的角色、每条结果一行并注明文件、工作表和单元格）。部门文件夹中的自评报告\
                （.docx、.txt、.md）也会核对。每个部门在独立的子进程中处理：一个部门出错（包括程序内部错误）不影响其他部门。\
                只有预算或只有决算的部门照常核对，状态为“已检查”（checked），不评分。OUT_DIR/汇总.xlsx 和 汇总.json 汇总\
                每个部门：{"departments": [{"department", "preparedBy", "year", "files", "status": "ok"|"checked"|"failed", \
                "reason", "budgetExecutionRate", "totalScore", "grade", "errors", "warnings", "hints"}]}。输出与 --jobs 无关，\
                逐字节相同。OUT_DIR 不能在 IN_DIR 之内；已存在且非空的 OUT_DIR 需要 --force（只替换本次要写的文件）。\
                进度写到标准错误。退出码：0 全部成功或已检查；3 有部门失败或有错误；1 IN_DIR 无法读取或 OUT_DIR 无法写入；64 用法错误。
                """,
                """
                Each subfolder of IN_DIR is one department (its files are recognised by content, not name); loose \
                files in IN_DIR are grouped by the 编制单位 in their title block, and files whose unit cannot be \
                told are listed as ungrouped. For each department OUT_DIR/<department>/ gets 自评表.xlsx (what \
                `forms` writes; not written for a failed department) and 检查报告.txt (how it was grouped, each \
                file's role, and one line per finding naming file, sheet and cell). A narrative report (.docx, \
                .txt, .md) in a department folder is cross-checked too. Each department runs in a child process: \
                one department's trouble (an internal error included) never stops the others. A department with \
                budget or final accounts only is checked but not scored (status checked). OUT_DIR/汇总.xlsx and \
                汇总.json summarise every department: {"departments": [{"department", "preparedBy", "year", "files", \
                "status": "ok"|"checked"|"failed", "reason", "budgetExecutionRate", "totalScore", "grade", "errors", \
                "warnings", "hints"}]}. Outputs are byte-identical whatever --jobs is. OUT_DIR may not lie inside \
                IN_DIR; an existing non-empty OUT_DIR needs --force, which replaces only the files this run writes. \
                Progress goes to stderr. Exit codes: 0 all departments ok or checked; 3 any department failed or \
                has 错误 findings; 1 IN_DIR unreadable or OUT_DIR unwritable; 64 usage.
                """)
        )

        @Argument(help: ArgumentHelp(Help.text("输入文件夹，每个子文件夹为一个部门。", "input folder, one subfolder per department.")))
        var input: String

        @Option(name: [.short, .customLong("output")], help: ArgumentHelp(Help.text("输出文件夹。", "output folder.")))
        var output: String

        @Option(name: .long, help: ArgumentHelp(Help.text("同时处理的部门数（默认：全部 CPU 核）。", "departments processed at once (default: all cores).")))
        var jobs: Int?

        @Option(name: .long, help: ArgumentHelp(Help.text("评分方案：内置方案名（default、2018-sheet）或 JSON 文件。", "scoring profile: a built-in name (default, 2018-sheet) or a JSON file.")))
        var profile: String?

        @Flag(name: .long, help: ArgumentHelp(Help.text("在标准输出打印 汇总.json。", "print 汇总.json on stdout.")))
        var json = false

        @Flag(name: .long, help: ArgumentHelp(Help.text("不显示进度。", "no progress output.")))
        var quiet = false

        @Flag(name: .long, help: ArgumentHelp(Help.text("覆盖已存在的输出文件夹中本次要写的文件。", "overwrite this run's files in an existing OUT_DIR.")))
        var force = false

        @OptionGroup var inputs: TableInputOptions

        func validate() throws {
            if let jobs, jobs < 1 {
                throw ValidationError(Help.text("--jobs 必须是正整数。", "--jobs must be a positive number."))
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
