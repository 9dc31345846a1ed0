import CSVFormat
public import EvaluationForms
public import FinanceModel
import Foundation
import Recognition
public import Reconciliation
public import Spreadsheet
public import XLSXFormat

// The names the command line needs, so that it imports Pipeline and nothing else.
public typealias Language = Spreadsheet.Language
public typealias ReadLimits = XLSXFormat.ReadLimits
public typealias TableScope = FinanceModel.TableScope
public typealias MoneyUnit = FinanceModel.Unit

/// What a command produced: text for standard output, lines for standard error, the exit code.
public struct CommandOutcome: Sendable {
    public var stdout: String
    public var stderr: [String]
    public var exitCode: Int32

    public init(stdout: String = "", stderr: [String] = [], exitCode: Int32 = 0) {
        self.stdout = stdout
        self.stderr = stderr
        self.exitCode = exitCode
    }

    /// A command that could not run.
    public init(_ error: PipelineError, _ lang: Language) {
        self.init(stderr: [error.message(lang)], exitCode: error.exitCode)
    }
}

/// How findings and tables are shown: the language, colour on a terminal, JSON or text.
public struct ViewOptions: Sendable {
    public var language: Language
    public var colour: Bool
    public var json: Bool

    public init(language: Language = .zh, colour: Bool = false, json: Bool = false) {
        self.language = language
        self.colour = colour
        self.json = json
    }

    var english: Bool { language == .en }
}

/// Each command of `budgeteval` as one call: the executable parses arguments, calls one of these and
/// prints the outcome. The server calls the same functions.
public enum Commands {
    /// Reads `--tolerance`, `--low-rate` and `--high-rate` into reconciliation settings.
    public static func settings(tolerance: String?, lowRate: String?, highRate: String?) throws(PipelineError) -> ReconciliationSettings {
        var settings = ReconciliationSettings.standard
        if let tolerance {
            guard let value = Money(parsing: tolerance), !value.isNegative else {
                throw PipelineError(.usage, zh: "--tolerance：“\(tolerance)”不是非负金额（万元），例如 0.01。", en: "--tolerance: “\(tolerance)” is not a non-negative amount in 万元, e.g. 0.01.")
            }
            settings.tolerance = value
        }
        if let lowRate {
            guard let rate = Rate(parsing: lowRate) else {
                throw PipelineError(.usage, zh: "--low-rate：“\(lowRate)”不是比率（如 90% 或 0.9）。", en: "--low-rate: “\(lowRate)” is not a rate (90% or 0.9).")
            }
            settings.lowerExecutionRate = rate
        }
        if let highRate {
            guard let rate = Rate(parsing: highRate) else {
                throw PipelineError(.usage, zh: "--high-rate：“\(highRate)”不是比率（如 110% 或 1.1）。", en: "--high-rate: “\(highRate)” is not a rate (110% or 1.1).")
            }
            settings.upperExecutionRate = rate
        }
        return settings
    }

    /// `--scope department|unit|部门|单位`.
    public static func scope(_ text: String) -> TableScope? {
        switch text.lowercased() {
        case "department", "部门", "dept": .department
        case "unit", "单位": .unit
        default: nil
        }
    }

    /// The scoring profile `--profile` names: a built-in name (`default`, `2018-sheet`) or a JSON file;
    /// the shipped default when nil.
    public static func profile(_ argument: String?) throws(PipelineError) -> ScoringProfile {
        do {
            return try ScoringProfile.resolve(argument)
        } catch {
            // The profile's own message names the file and says what to do.
            throw PipelineError(.input, zh: "--profile：" + error.message.zh, en: "--profile: " + error.message.en)
        }
    }

    /// `--profile list`: the built-in profiles, one per line.
    public static func profileList(_ language: Language) -> CommandOutcome {
        CommandOutcome(stdout: ScoringProfile.builtInList(english: language == .en))
    }

    // MARK: check

    /// `budgeteval check FILE...`: every input finding of every group.
    public static func check(_ paths: [String], options: InputOptions, view: ViewOptions, strict: Bool) -> CommandOutcome {
        let inputs: LoadedInputs
        do {
            inputs = try Pipeline.load(paths, options: options)
        } catch {
            return CommandOutcome(error, view.language)
        }
        let (groups, findings) = Pipeline.checkAll(inputs)
        if groups.isEmpty, !inputs.files.isEmpty, findings.allSatisfy({ $0.severity != .error }),
           inputs.files.allSatisfy({ $0.tables.isEmpty }) {
            var outcome = CommandOutcome(
                PipelineError(
                    .input, zh: "所给文件中没有识别出任何预算或决算表；请用 budgeteval inspect 查看文件内容是否为预算、决算表。",
                    en: "No finance table was recognised in the given files; check that they are budget or final-accounts tables (see `budgeteval inspect`)."),
                view.language)
            outcome.stderr.insert(contentsOf: findings.map { FindingPrinter(language: view.language).text($0) }, at: 0)
            return outcome
        }
        let stdout = view.json
            ? FindingsView.jsonDocument(findings, groups: groups, english: view.english)
            : FindingPrinter(language: view.language, colour: view.colour).text(findings)
        return CommandOutcome(stdout: stdout, exitCode: exitCode(findings, strict: strict))
    }

    // MARK: reconcile

    /// Where `reconcile` writes its table.
    public struct ReconcileOutput: Sendable {
        /// A path ending in .xlsx or .csv, or `-` for CSV on standard output.
        public var path: String
        public var encoding: String?
        public var guardFormulas: Bool

        public init(path: String, encoding: String?, guardFormulas: Bool) {
            self.path = path
            self.encoding = encoding
            self.guardFormulas = guardFormulas
        }
    }

    /// `budgeteval reconcile FILE... [-o 对照表.xlsx|.csv|-]`.
    public static func reconcile(
        _ paths: [String], options: InputOptions, output: ReconcileOutput?, view: ViewOptions
    ) -> CommandOutcome {
        outcome(view.language) {
            if let output, output.path != "-" {
                try OutputGuard.requireExtension(output.path, ["xlsx", "csv"], option: "-o")
            }
            if output?.path == "-", view.json {
                throw PipelineError(.usage, zh: "-o - 把对照表 CSV 写到标准输出，不能与 --json 同用。", en: "-o - writes the CSV to standard output; it cannot be combined with --json.")
            }
            let inputs = try Pipeline.load(paths, options: options)
            if let output, output.path != "-" { try OutputGuard(inputs: inputs.paths).check(output.path) }
            let checked = try Pipeline.reconcile(inputs)
            var comparison = checked.comparison
            comparison.findings = checked.findings
            var outcome = CommandOutcome(exitCode: exitCode(checked.findings, strict: false))
            let table = ComparisonText(language: view.language).text(comparison) + "\n"
                + FindingPrinter(language: view.language, colour: view.colour).text(checked.findings)
            if let output {
                let toStdout = output.path == "-"
                let encoding = try csvEncoding(output.encoding, default: toStdout ? .utf8 : .utf8BOM)
                try ComparisonOutput.write(
                    comparison, to: output.path, year: checked.group.department.year, language: view.language,
                    guardFormulas: output.guardFormulas, encoding: encoding)
                if toStdout {
                    outcome.stderr.append(table)
                    return outcome
                }
                outcome.stderr.append(view.english ? "Wrote \(output.path)" : "已写出 \(output.path)")
            }
            outcome.stdout = view.json
                ? FindingsView.comparisonDocument(comparison, group: checked.group.key, english: view.english)
                : table
            return outcome
        }
    }

    // MARK: forms

    /// What `forms` writes besides the workbook.
    public struct FormsOutputs: Sendable {
        public var workbook: String
        public var splitDirectory: String?
        public var csvDirectory: String?
        public var csvEncoding: String?
        public var guardFormulas: Bool

        public init(workbook: String, splitDirectory: String?, csvDirectory: String?, csvEncoding: String?, guardFormulas: Bool) {
            self.workbook = workbook
            self.splitDirectory = splitDirectory
            self.csvDirectory = csvDirectory
            self.csvEncoding = csvEncoding
            self.guardFormulas = guardFormulas
        }
    }

    /// `budgeteval forms FILE... -o 自评表.xlsx`.
    public static func forms(
        _ paths: [String], options: InputOptions, outputs: FormsOutputs, profile: String?, unit: MoneyUnit,
        view: ViewOptions
    ) -> CommandOutcome {
        outcome(view.language) {
            if outputs.workbook == "-" {
                throw PipelineError(.usage, zh: "forms 写的是工作簿，不能写到标准输出：请用 -o 自评表.xlsx。", en: "forms writes a workbook, not standard output: use -o forms.xlsx.")
            }
            try OutputGuard.requireExtension(outputs.workbook, ["xlsx"], option: "-o")
            let encoding = try csvEncoding(outputs.csvEncoding, default: .utf8BOM)
            let scoring = try self.profile(profile)
            let inputs = try Pipeline.load(paths, options: options, skipOwnOutputs: true)
            let guardOutputs = OutputGuard(inputs: inputs.paths)
            try guardOutputs.check(outputs.workbook)
            let result = try Pipeline.forms(inputs, profile: scoring, unit: unit)
            let written = try FormsOutput.write(
                result.workbook, splits: FormsWorkbook.split(result.report), to: outputs.workbook,
                splitDirectory: outputs.splitDirectory, csvDirectory: outputs.csvDirectory,
                guardFormulas: outputs.guardFormulas, encoding: encoding, outputGuard: guardOutputs)
            let stdout = view.json
                ? FindingsView.formsDocument(result.report, group: result.checked.group.key, english: view.english)
                : FormsText.summary(result.report, written: written, view: view)
            return CommandOutcome(stdout: stdout, exitCode: result.report.hasErrors ? 3 : 0)
        }
    }

    // MARK: helpers

    /// Runs a command body; an error becomes its message and exit code (64 usage, 1 input).
    static func outcome(_ language: Language, _ body: () throws -> CommandOutcome) -> CommandOutcome {
        do {
            return try body()
        } catch let error as PipelineError {
            return CommandOutcome(error, language)
        } catch let error as SpreadsheetError {
            return CommandOutcome(.reading(error), language)
        } catch {
            return CommandOutcome(PipelineError(.input, zh: "\(error)", en: "\(error)"), language)
        }
    }

    /// 3 when there is an 错误 (with `strict`, a 警告 too), else 0.
    public static func exitCode(_ findings: [Finding], strict: Bool) -> Int32 {
        findings.contains { $0.severity == .error || (strict && $0.severity == .warning) } ? 3 : 0
    }

    /// `--encoding utf-8|utf-8-bom|gb18030` for a CSV output.
    static func csvEncoding(_ name: String?, default fallback: TextEncoding) throws(PipelineError) -> TextEncoding {
        guard let name else { return fallback }
        guard let parsed = TextEncoding(name: name), [.utf8, .utf8BOM, .gb18030].contains(parsed) else {
            throw PipelineError(
                .usage, zh: "--encoding：CSV 输出编码只能是 utf-8、utf-8-bom 或 gb18030，而不是“\(name)”。",
                en: "--encoding: the CSV output encoding must be utf-8, utf-8-bom or gb18030, not “\(name)”.")
        }
        return parsed
    }
}

/// The plain-text summary `forms` prints: scores, findings (compiler-style), files written.
enum FormsText {
    static func summary(_ report: FormsReport, written: [String], view: ViewOptions) -> String {
        var out = report.scoreSummary(english: view.english)
        let english = view.english
        out += FindingPrinter(language: view.language, colour: view.colour).text(report.findings)
        for path in written { out += (english ? "written: " : "已写入：") + path + "\n" }
        return out
    }
}
