import ArgumentParser
import Pipeline

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension BudgetEval {
    /// `budgeteval reconcile FILE... [-o 对照表.xlsx|.csv|-] [--json]`: the 预算执行情况对照表 and its findings.
    struct Reconcile: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: Help.text("预算执行情况对照表：对齐预算与决算并核对。", "align budget and final accounts and check them."),
            discussion: Help.text(
                """
                按科目编码、再按名称对齐预算与决算各行（一方较粗时把项汇总到款、类），并运行表内规则和预算与决算对照规则。\
                打印对照表和核对结果；-o 写出带格式的 XLSX 或 CSV（CSV 默认 UTF-8 带 BOM），-o - 把 CSV 写到标准输出\
                （此时表格和结果写到标准错误）；--json 输出 {"unit", "rows", "findings", "totals"}，金额为精确值。\
                输入须为同一编制单位、同一年度、同一范围的一组表格。退出码：0 无错误；3 有错误；1 输入无法读取；64 用法错误。
                """,
                """
                Aligns rows by subject code, then by name (rolling 项 up to 款/类 where one side is coarser), and runs \
                the table rules and the budget-vs-final rules. Prints the table and the findings; -o writes it as a \
                styled XLSX or a CSV (UTF-8 with BOM by default); -o - writes the CSV to standard output (the table \
                and findings then go to standard error); --json prints {"unit", "rows", "findings", "totals"} with \
                exact amounts. The inputs must be one group (one unit, year and scope). Exit codes: 0 no 错误; 3 错误 \
                found; 1 unreadable input; 64 usage.
                """)
        )

        @OptionGroup var files: FileOptions
        @OptionGroup var inputs: TableInputOptions

        @Option(name: .shortAndLong, help: ArgumentHelp(Help.text("写出对照表（.xlsx 或 .csv；- 为标准输出 CSV）。", "write the table to an .xlsx or .csv file (- for CSV on stdout).")))
        var output: String?

        @OptionGroup var csv: CSVWriteFlags

        @Flag(name: .long, help: ArgumentHelp(Help.text("输出 JSON。", "print JSON.")))
        var json = false

        func validate() throws { try files.requireSome() }

        func run() throws {
            try finish(Commands.reconcile(
                files.files,
                options: inputs.options(budget: files.budget, finalAccounts: files.finalAccounts, projects: files.projects),
                output: output.map { Commands.ReconcileOutput(path: $0, encoding: csv.encoding, guardFormulas: csv.formulaGuard) },
                view: ViewOptions(language: inputs.lang, colour: isatty(STDOUT_FILENO) == 1, json: json)))
        }
    }
}
