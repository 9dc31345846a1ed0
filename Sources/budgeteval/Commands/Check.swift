import ArgumentParser
import Pipeline

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension BudgetEval {
    /// `budgeteval check FILE... [--json] [--strict]`: every applicable rule, one compiler-style line per finding.
    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: Help.text("核对表内、表间勾稽关系与预算执行。", "run every check rule on the given files."),
            discussion: Help.text(
                """
                运行表内规则、预算与决算对照规则和已填自评表的复核（重算已填的得分、总分）。每条结果一行：\
                `决算.xlsx › 收入支出决算总表 › C32: 提示 [总计平衡] …`，随后列出所读单元格及其值。输入含多个编制单位、\
                年度或部门/单位范围时，各组分别核对，并在最前面给出一条 [输入分组] 警告。--json 输出 \
                {"findings": [...]}，每条含 "group"。退出码：0 无错误；3 有错误（--strict 时警告也算）；1 输入无法读取；64 用法错误。
                """,
                """
                Runs the table rules, the budget-vs-final rules and the filled-form checks. Prints one line per \
                finding: `决算.xlsx › 收入支出决算总表 › C32: 提示 [总计平衡] …`, then the cells read with their values. \
                Inputs of several units, years or scopes are checked group by group, with one [输入分组] warning \
                first. --json prints {"findings": [...]}, each with its "group". Exit codes: 0 no 错误; 3 错误 found \
                (with --strict, 警告 too); 1 unreadable input; 64 usage.
                """)
        )

        @OptionGroup var files: FileOptions
        @OptionGroup var inputs: TableInputOptions

        @Flag(name: .long, help: ArgumentHelp(Help.text("输出 JSON。", "print JSON.")))
        var json = false

        @Flag(name: .long, help: ArgumentHelp(Help.text("有警告也以退出码 3 结束。", "exit 3 on warnings too.")))
        var strict = false

        func validate() throws { try files.requireSome() }

        func run() throws {
            try finish(Commands.check(
                files.files,
                options: inputs.options(budget: files.budget, finalAccounts: files.finalAccounts, projects: files.projects),
                view: ViewOptions(language: inputs.lang, colour: isatty(STDOUT_FILENO) == 1, json: json), strict: strict))
        }
    }
}
