import ArgumentParser

/// The `budgeteval` command line: each subcommand parses its arguments, calls one Pipeline function
/// and prints its outcome. Messages and errors go to stderr; results to stdout or the named file.
@main
struct BudgetEval: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "budgeteval",
        abstract: Help.text(
            "预算绩效自评：读取预算/决算表格，核对差异，生成自评表。",
            "budget-performance self-evaluation: read budget and final-accounts sheets, check them, write the forms."),
        discussion: Help.text(
            """
            读取预算、决算表格（XLSX/CSV，或部门文件夹），逐格核对差异，生成预算绩效自评表。消息默认中文，\
            --lang en（或英文 LANG）为英文。退出码：0 成功；1 输入无法读取或读写失败；3 发现“错误”；64 用法错误。
            """,
            """
            Reads budget (预算) and final-accounts (决算) spreadsheets (XLSX/CSV, or a department folder), \
            reconciles them and writes the budget-performance self-evaluation forms (预算绩效自评表). Messages are \
            in Chinese; --lang en (or an English LANG) gives English. Exit codes: 0 success; 1 unreadable input or \
            I/O failure; 3 findings of severity 错误; 64 usage.
            """),
        version: "0.2.0",
        subcommands: [
            Convert.self,
            Inspect.self,
            Reconcile.self,
            Check.self,
            Forms.self,
            Crosscheck.self,
            Batch.self,
            BatchDepartment.self,
            Serve.self,
            ServeJob.self,
        ]
    )

    /// Parses and runs like ArgumentParser's own `main`, but prints help and argument errors in the
    /// language of the run (Chinese unless `--lang en` or an English `LANG`); exit 64 for usage kept.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            let code = exitCode(for: error)
            let message = Help.localise(fullMessage(for: error))
            if !message.isEmpty {
                if code == .success { print(message) } else { printError(message) }
            }
            exit(withError: ExitCode(code.rawValue))
        }
    }
}
