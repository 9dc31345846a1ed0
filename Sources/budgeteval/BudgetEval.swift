import ArgumentParser

/// The `budgeteval` command line: each subcommand parses its arguments, calls one library
/// function and prints. Messages and errors go to stderr; results to stdout or the named file.
@main
struct BudgetEval: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "budgeteval",
        abstract: "预算绩效自评：读取预算/决算表格，核对差异，生成自评表。",
        discussion: """
        Reads budget (预算) and final-accounts (决算) spreadsheets (XLSX/CSV), reconciles them and writes
        the budget-performance self-evaluation forms (预算绩效自评表). Messages are in Chinese; use --lang en
        for English.
        Exit codes: 0 success; 1 unreadable input or I/O failure; 3 findings of severity 错误; 64 usage.
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
        ]
    )
}
