import ArgumentParser

/// The `budgeteval` command line: each subcommand parses its arguments, calls one library
/// function and prints. Messages and errors go to stderr; results to stdout or the named file.
@main
struct BudgetEval: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "budgeteval",
        abstract: "预算绩效自评：读取预算/决算表格，核对差异，生成自评表。",
        discussion: """
        读取预算、决算表格（XLSX/CSV），逐格核对差异，生成预算绩效自评表。消息默认中文，--lang en 为英文。

        Reads budget (预算) and final-accounts (决算) spreadsheets (XLSX/CSV), reconciles them and writes \
        the budget-performance self-evaluation forms (预算绩效自评表). Messages are in Chinese; use --lang en \
        for English.

        退出码 / exit codes: 0 成功 success; 1 输入无法读取或读写失败 unreadable input or I/O failure; \
        3 发现“错误” findings of severity 错误; 64 用法错误 usage.
        """,
        version: "0.1.0",
        subcommands: [
            Convert.self,
            Inspect.self,
            Reconcile.self,
            Check.self,
            Forms.self,
            Crosscheck.self,
            Batch.self,
            BatchDepartment.self,
        ]
    )
}
