import ArgumentParser
import Pipeline

extension BudgetEval {
    /// `budgeteval crosscheck REPORT [FILE...]`: the figures of a narrative report.
    struct Crosscheck: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: Help.text("核对自评报告中的数字。", "cross-check the figures of a self-evaluation report."),
            discussion: Help.text(
                """
                读取报告（.docx、.txt 或 .md；UTF-8 或 GB18030）并核对：“其中”（及一是/二是/三是）后的分项之和等于总数；\
                所述占比（占 70.71%）与其数字相符；原值 − 累计折旧 = 净值；同一预算/决算语境下同一名目的数字前后一致；\
                给出部门表格（文件或文件夹）时，每个数字与其所指的表格单元格一致。每条结果一行\
                （文件:行（第 N 段）: 级别 [规则] 说明 ——「原句」）；--verbose 同时列出核对无误的关系。\
                退出码：0 无错误；1 输入无法读取；3 有错误；64 用法错误。
                """,
                """
                Reads the report (.docx, .txt or .md; UTF-8 or GB18030) and checks: the parts after 其中 (and \
                一是/二是/三是) add up to their total; a quoted share (占 70.71%) matches its figures; 原值 − 累计折旧 \
                = 净值; the same label in the same budget/final-accounts context has one figure throughout; with \
                the department's tables (files or a folder), each figure agrees with the table cell it names. \
                Prints one compiler-style line per finding; --verbose also prints what was confirmed. \
                Exit codes: 0 no 错误; 1 unreadable input; 3 findings of severity 错误; 64 usage.
                """)
        )

        @Argument(help: ArgumentHelp(Help.text("自评报告（.docx、.txt、.md）。", "the report (.docx, .txt, .md).")))
        var report: String

        @Argument(help: ArgumentHelp(Help.text("部门表格（XLSX/CSV 或文件夹），可省略。", "the department's tables (XLSX/CSV or a folder), optional.")))
        var files: [String] = []

        @Flag(name: .long, help: ArgumentHelp(Help.text("输出 JSON。", "print JSON.")))
        var json = false

        @Flag(name: [.short, .long], help: ArgumentHelp(Help.text("同时列出核对无误的关系。", "also list the relations that hold.")))
        var verbose = false

        @OptionGroup var inputs: TableInputOptions

        func run() throws {
            try finish(Commands.crosscheck(
                report: report, files, options: inputs.options(), verbose: verbose,
                view: ViewOptions(language: inputs.lang, json: json)))
        }
    }
}
