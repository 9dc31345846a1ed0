import ArgumentParser
import Pipeline

extension Language: ExpressibleByArgument {}
extension MoneyUnit: ExpressibleByArgument {}

/// `--lang zh|en`: the language of messages (Chinese by default; English when LANG says so).
struct LanguageOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(Help.text("消息语言：zh（默认）或 en。", "message language: zh (default) or en.")))
    var lang: Language = Help.language
}

/// Caps against hostile workbooks (zip bombs, huge sheets), raised only for genuine large files.
struct ReadLimitOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(Help.text("解压总字节上限（默认 4 GiB）。", "cap on inflated bytes (default 4 GiB).")))
    var maxInflatedBytes: Int64?

    @Option(name: .long, help: ArgumentHelp(Help.text("单个压缩条目的压缩比上限（默认 200）。", "cap on an entry's compression ratio (default 200).")))
    var maxCompressionRatio: Int64?

    @Option(name: .long, help: ArgumentHelp(Help.text("单个工作表的单元格数上限（默认 1 亿）。", "cap on cells per sheet (default 100,000,000).")))
    var maxCells: Int?

    @Option(name: .long, help: ArgumentHelp(Help.text("压缩包条目数上限（默认 10,000）。", "cap on zip entries (default 10,000).")))
    var maxEntries: Int?

    @Option(name: .long, help: ArgumentHelp(Help.text("单个文本的字节数上限（默认 1 MiB）。", "cap on one string's UTF-8 bytes (default 1 MiB).")))
    var maxStringBytes: Int?

    var limits: ReadLimits {
        var l = ReadLimits()
        if let maxInflatedBytes { l.maxInflatedBytes = maxInflatedBytes }
        if let maxCompressionRatio { l.maxCompressionRatio = maxCompressionRatio }
        if let maxCells { l.maxCells = maxCells }
        if let maxEntries { l.maxEntries = maxEntries }
        if let maxStringBytes { l.maxStringBytes = maxStringBytes }
        return l
    }
}

/// The one set of input options of every command that reads a department's tables (check, reconcile,
/// forms, batch, crosscheck): mapping, read limits, group selection, tolerance and rate thresholds.
struct TableInputOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(Help.text("映射文件（JSON），为特殊版式指定工作表、表头行和列含义（见 docs/MAPPING.md）。", "mapping file (JSON) for odd layouts (docs/MAPPING.md).")))
    var mapping: String?

    @Option(name: .long, help: ArgumentHelp(Help.text("只处理该年度的表格（输入含多个年度时用）。", "only the tables of this year (when the inputs hold several).")))
    var year: Int?

    @Option(name: .long, help: ArgumentHelp(Help.text("只处理编制单位含此文字的表格。", "only the tables whose 编制单位 contains this text.")))
    var preparer: String?

    @Option(name: .long, help: ArgumentHelp(Help.text("只处理部门（department）或单位（unit）公开表。", "only the department or the unit publication.")))
    var scope: String?

    @Option(name: .long, help: ArgumentHelp(Help.text("尾差容差（万元），覆盖“每个非零加数 0.01 个表内单位”的默认规则。", "rounding tolerance in 万元, overriding 0.01 of the table's unit per non-zero term.")))
    var tolerance: String?

    @Option(name: .long, help: ArgumentHelp(Help.text("执行率下限，低于此值给出提示（默认 90%）。", "lower execution-rate threshold (default 90%).")))
    var lowRate: String?

    @Option(name: .long, help: ArgumentHelp(Help.text("执行率上限，高于此值给出提示（默认 110%）。", "upper execution-rate threshold (default 110%).")))
    var highRate: String?

    @OptionGroup var readLimits: ReadLimitOptions
    @OptionGroup var language: LanguageOptions

    func validate() throws {
        if let scope, Commands.scope(scope) == nil {
            throw ValidationError(Help.text("--scope 只能是 department（部门）或 unit（单位）。", "--scope must be department or unit."))
        }
        do {
            _ = try Commands.settings(tolerance: tolerance, lowRate: lowRate, highRate: highRate)
        } catch {
            throw ValidationError(error.message(language.lang))
        }
    }

    /// The pipeline's options (file roles added by the command).
    func options(budget: [String] = [], finalAccounts: [String] = [], projects: [String] = []) -> InputOptions {
        InputOptions(
            mappingPath: mapping, limits: readLimits.limits, year: year, preparer: preparer,
            scope: scope.flatMap(Commands.scope), projectFiles: projects, budgetFiles: budget,
            finalAccountsFiles: finalAccounts,
            settings: (try? Commands.settings(tolerance: tolerance, lowRate: lowRate, highRate: highRate)) ?? .standard)
    }

    var lang: Language { language.lang }
}

/// The input files and the roles the user can force on them.
struct FileOptions: ParsableArguments {
    @Argument(help: ArgumentHelp(Help.text("输入文件或部门文件夹（XLSX/CSV：预算、决算、项目绩效、三公经费……任意个）。", "input files or a department folder (XLSX/CSV).")))
    var files: [String] = []

    @Option(name: .long, help: ArgumentHelp(Help.text("指定为预算表的文件（可重复）。", "a file whose tables are budget tables (repeatable).")))
    var budget: [String] = []

    @Option(name: .long, help: ArgumentHelp(Help.text("指定为决算表的文件（可重复）。", "a file whose tables are final-accounts tables (repeatable).")))
    var finalAccounts: [String] = []

    @Option(name: .long, help: ArgumentHelp(Help.text("仅作项目资料读取的文件（可重复）。", "a file read only for its project tables (repeatable).")))
    var projects: [String] = []

    /// The command's usage error when no input was given.
    func requireSome() throws {
        if files.isEmpty && budget.isEmpty && finalAccounts.isEmpty && projects.isEmpty {
            throw ValidationError(Help.text("请至少给出一个输入文件或文件夹。", "give at least one input file or folder."))
        }
    }
}

/// `--formula-guard` for CSV outputs.
struct CSVWriteFlags: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(Help.text("CSV 输出编码：utf-8-bom（默认，Excel 中文版可直接打开）、utf-8 或 gb18030。", "CSV output encoding: utf-8-bom (default), utf-8 or gb18030.")))
    var encoding: String?

    @Flag(name: .customLong("formula-guard"), inversion: .prefixedNo,
          help: ArgumentHelp(Help.text("CSV 中以 = + @ - 等开头的文本加前导 '（默认开启）。", "prefix ' to CSV text a spreadsheet would run as a formula (on by default).")))
    var formulaGuard = true
}
