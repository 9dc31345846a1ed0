import ArgumentParser
import FinanceModel
import Pipeline
import Reconciliation
import Spreadsheet
import XLSXFormat

/// The inputs and settings `reconcile` and `check` share: files, forced sides, tolerance, rate thresholds.
struct ReconcileOptions: ParsableArguments {
    @Argument(help: "输入文件（XLSX/CSV，预算、决算、项目绩效、三公经费……任意个）/ input files.")
    var files: [String] = []

    @Option(name: .long, help: "指定为预算表的文件（可重复）/ a file whose tables are budget tables (repeatable).")
    var budget: [String] = []

    @Option(name: .long, help: "指定为决算表的文件（可重复）/ a file whose tables are final-accounts tables (repeatable).")
    var finalAccounts: [String] = []

    @Option(
        name: .long,
        help: "尾差容差（万元），覆盖“每个非零加数 0.01 个表内单位”的默认规则 / rounding tolerance in 万元, overriding 0.01 of the table's unit per non-zero term.")
    var tolerance: String?

    @Option(name: .long, help: "执行率下限，低于此值给出提示（默认 90%）/ lower execution-rate threshold (default 90%).")
    var lowRate: String?

    @Option(name: .long, help: "执行率上限，高于此值给出提示（默认 110%）/ upper execution-rate threshold (default 110%).")
    var highRate: String?

    func validate() throws {
        if files.isEmpty && budget.isEmpty && finalAccounts.isEmpty {
            throw ValidationError("请至少给出一个输入文件 / give at least one input file.")
        }
        _ = try settings()
    }

    /// The settings the options describe.
    func settings() throws -> ReconciliationSettings {
        var settings = ReconciliationSettings.standard
        if let tolerance {
            guard let value = Money(parsing: tolerance), !value.isNegative else {
                throw ValidationError("--tolerance：“\(tolerance)”不是非负金额（万元）/ not a non-negative amount in 万元.")
            }
            settings.tolerance = value
        }
        if let lowRate {
            guard let rate = Rate(parsing: lowRate) else {
                throw ValidationError("--low-rate：“\(lowRate)”不是比率（如 90% 或 0.9）/ not a rate (90% or 0.9).")
            }
            settings.lowerExecutionRate = rate
        }
        if let highRate {
            guard let rate = Rate(parsing: highRate) else {
                throw ValidationError("--high-rate：“\(highRate)”不是比率（如 110% 或 1.1）/ not a rate (110% or 1.1).")
            }
            settings.upperExecutionRate = rate
        }
        return settings
    }

    func request(limits: ReadLimits) throws -> ReconcileRequest {
        ReconcileRequest(
            files: files, budgetFiles: budget, finalAccountsFiles: finalAccounts, settings: try settings(), limits: limits)
    }
}

/// Reports load problems: unreadable files end the run with exit code 1; sheets that held no
/// recognisable table are noted on stderr and the run goes on.
func reportLoadErrors(_ result: ReconcileResult, _ lang: Language) throws {
    var unreadable = false
    for error in result.loadErrors {
        switch error {
        case .reading:
            unreadable = true
            printError(error.message(lang))
        case .recognising, .mapping:
            printError((lang == .en ? "note: " : "注意：") + error.message(lang))
        }
    }
    if unreadable { throw ExitCode(1) }
    if result.loaded.department.tables.isEmpty {
        printError(
            lang == .en
                ? "No finance table was recognised in the given files; check that they are budget or final-accounts tables (see `budgeteval inspect`)."
                : "所给文件中没有识别出任何预算或决算表；请用 budgeteval inspect 查看文件内容是否为预算、决算表。")
        throw ExitCode(1)
    }
}

/// Exit code 3 when there is an 错误 (with `strict`, a 警告 too).
func exitForFindings(_ findings: [Finding], strict: Bool) throws {
    let failing = findings.contains { $0.severity == .error || (strict && $0.severity == .warning) }
    if failing { throw ExitCode(3) }
}
