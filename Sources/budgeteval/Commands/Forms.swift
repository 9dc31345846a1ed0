import ArgumentParser
import Pipeline

extension BudgetEval {
    /// `budgeteval forms FILE... -o 自评表.xlsx`: the self-evaluation forms of one department.
    struct Forms: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: Help.text("生成绩效自评表（部门整体 + 每个项目）。", "write the self-evaluation forms (部门整体 + 每个项目)."),
            discussion: Help.text(
                """
                读取部门的文件（预算、决算、项目绩效、部门基本情况——按内容识别），核对后写出一个工作簿：\
                部门整体支出绩效自评表、每个项目一张项目支出绩效自评表、预算执行情况对照表、评分汇总和检查结果。\
                评分按评分方案（默认随工具提供；--profile 文件 可替换）。检查结果先列输入的核对结果（与 check 相同），\
                再列评分产生的结果。--json 输出评分与结果（格式见 docs/FORMS-OUTPUT.md）。\
                退出码：0 已写出；1 输入或输出无法读写；3 已写出，但输入中有错误；64 用法错误。
                """,
                """
                Reads the department's files (budget, final accounts, project performance, department facts — \
                recognised by content), reconciles them and writes one workbook: 部门整体支出绩效自评表, one \
                项目支出绩效自评表 per project, 预算执行情况对照表, 评分汇总 and 检查结果. Scores follow the \
                scoring profile (shipped default; --profile FILE overrides it). The findings list the input \
                findings first (as `check` gives them), then the form findings. --json: see docs/FORMS-OUTPUT.md. \
                Exit codes: 0 written; 1 unreadable input or output; 3 written, but the inputs hold 错误; 64 usage.
                """)
        )

        @OptionGroup var files: FileOptions
        @OptionGroup var inputs: TableInputOptions

        @Option(name: .shortAndLong, help: ArgumentHelp(Help.text("输出工作簿（.xlsx）。", "output workbook (.xlsx).")))
        var output: String = ""

        @Option(name: .long, help: ArgumentHelp(Help.text("评分方案：内置方案名（default、2018-sheet；list 列出全部）或 JSON 文件（默认 default）。", "scoring profile: a built-in name (default, 2018-sheet; list shows them) or a JSON file (default: default).")))
        var profile: String?

        @Option(name: .long, help: ArgumentHelp(Help.text("金额单位：万元（默认）或 元。", "amount unit: 万元 (default) or 元.")))
        var unit: MoneyUnit = .tenThousandYuan

        @Option(name: .long, help: ArgumentHelp(Help.text("另为每个项目写一个工作簿到此文件夹。", "also write one workbook per project here.")))
        var split: String?

        @Option(name: .customLong("csv"), help: ArgumentHelp(Help.text("另将每个工作表写成 CSV 到此文件夹。", "also write each sheet as CSV here.")))
        var csvDirectory: String?

        @OptionGroup var csv: CSVWriteFlags

        @Flag(name: .long, help: ArgumentHelp(Help.text("输出 JSON。", "print JSON.")))
        var json = false

        func validate() throws {
            if profile == "list" { return }
            try files.requireSome()
            if output.isEmpty {
                throw ValidationError(Help.text("请用 -o 给出输出工作簿，例如 -o 自评表.xlsx。", "give the output workbook with -o, e.g. -o forms.xlsx."))
            }
        }

        func run() throws {
            if profile == "list" { return try finish(Commands.profileList(inputs.lang)) }
            try finish(Commands.forms(
                files.files,
                options: inputs.options(budget: files.budget, finalAccounts: files.finalAccounts, projects: files.projects),
                outputs: Commands.FormsOutputs(
                    workbook: output, splitDirectory: split, csvDirectory: csvDirectory, csvEncoding: csv.encoding,
                    guardFormulas: csv.formulaGuard),
                profile: profile, unit: unit, view: ViewOptions(language: inputs.lang, json: json)))
        }
    }
}
