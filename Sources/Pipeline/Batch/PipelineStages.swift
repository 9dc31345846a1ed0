public import EvaluationForms
public import FinanceModel
import Foundation
import Recognition
import Reconciliation
import ReportCheck
import Spreadsheet
public import XLSXFormat

/// The real batch stages: the same Pipeline calls the single-department commands make.
///
/// - load: `FormsPipeline.run` — the `forms` command's own pipeline (readers by content, recognition,
///   reconciliation, scoring, the 自评表 workbook) — in one pass; each file's tables give its roles. An
///   unreadable file is a problem that fails the department; a sheet that is not recognised is a 警告.
/// - evaluate: hands on what `load` computed: the findings of reconciliation and scoring, 预算完成率 (the
///   department form's 年度资金总额 执行率, else the reconciled expenditure total's), 总分, 等级 and the
///   workbook `forms` writes.
/// - crosscheck: `ReportCrosscheck.check` against the department's tables, as `crosscheck` does.
public struct PipelineStages: BatchStages {
    public var profile: ScoringProfile
    /// The `--profile` file, so a child process loads the same one.
    public var profilePath: String?
    public var limits: ReadLimits
    /// The input options every department is read with (mapping, limits, tolerance …).
    public var options: InputOptions

    /// Uses the scoring profile at `profilePath`, or the shipped default.
    public init(profilePath: String?, options: InputOptions = InputOptions()) throws(BatchError) {
        self.options = options
        self.profilePath = profilePath
        let limits = options.limits
        if let profilePath {
            do {
                profile = try ScoringProfile.resolve(profilePath)
            } catch {
                throw BatchError(.badProfile(path: profilePath, detail: error.message.zh))
            }
        } else {
            profile = .shipped
        }
        self.limits = limits
    }

    /// Uses the scoring profile at `profilePath` and the default options with `limits`.
    public init(profilePath: String?, limits: ReadLimits) throws(BatchError) {
        try self.init(profilePath: profilePath, options: InputOptions(limits: limits))
    }

    public func identify(file: BatchInput) -> FileIdentity {
        let loaded = DepartmentLoader.loadFile(file.url.path, limits: limits)
        if loaded.input == nil, let error = loaded.errors.first {
            return FileIdentity(preparedBy: nil, year: nil, problem: Self.problem(error, file: file.name))
        }
        let infos = loaded.tables.map(\.info)
        return FileIdentity(
            preparedBy: infos.lazy.compactMap(\.preparedBy).first, year: infos.lazy.compactMap(\.year).first)
    }

    public func load(files: [BatchInput], department: String) -> DepartmentLoad {
        let names = Dictionary(files.map { ($0.url.path, $0.name) }, uniquingKeysWith: { a, _ in a })
        let inputs: LoadedInputs
        do {
            inputs = try Pipeline.load(files.map(\.url.path), options: options, skipOwnOutputs: true)
        } catch {
            let broken = Set(error.readingErrors.map(\.location.file))
            let problems = error.readingErrors.isEmpty
                ? [FileProblem(file: department, detail: error.text)]
                : error.readingErrors.map { FileProblem(file: $0.location.file, $0) }
            return DepartmentLoad(
                department: nil,
                files: files.map { DepartmentFile(name: $0.name, roles: broken.contains($0.url.lastPathComponent) ? [.unreadable] : []) },
                problems: problems, entries: [], prepared: nil)
        }
        let described = inputs.files.map { loaded -> DepartmentFile in
            let infos = loaded.tables.map(\.info)
            return DepartmentFile(
                name: names[loaded.path] ?? loaded.file, roles: loaded.tables.isEmpty ? [.unrecognised] : FileRole.roles(of: infos),
                preparedBy: infos.lazy.compactMap(\.preparedBy).first,
                years: Array(Set(infos.compactMap(\.year))).sorted(),
                tables: infos.map { $0.title.isEmpty ? ($0.source.sheet ?? $0.kind.rawValue) : $0.title })
        }
        let selected: (group: InputGroup, note: Finding?)
        do {
            selected = try Pipeline.selectGroup(inputs)
        } catch {
            let entries = FindingOrder.sorted(inputs.loadFindings).map(BatchReportEntry.init)
            return DepartmentLoad(
                department: nil, files: described, problems: [FileProblem(file: department, detail: error.text)],
                entries: entries, prepared: nil)
        }
        let run = Pipeline.forms(selected.group, in: inputs, note: selected.note, profile: profile)
        let score = run.report.department
        let prepared = DepartmentEvaluation(
            findings: run.findings,
            budgetExecutionRate: score.execution.rate ?? run.checked.comparison.totalRow?.executionRate,
            totalScore: score.totalScore, grade: score.grade?.chinese ?? "不评级", forms: run.workbook)
        return DepartmentLoad(
            department: selected.group.department, files: described, problems: [], entries: [], prepared: prepared,
            scored: selected.group.hasBudget && selected.group.hasFinalAccounts)
    }

    public func evaluate(_ department: Department, loaded: DepartmentLoad) throws(FileProblem) -> DepartmentEvaluation {
        if let prepared = loaded.prepared { return prepared }
        // A department assembled elsewhere: the tail of `FormsPipeline.run`, from reconciliation on.
        let comparison = Reconciler.reconcile(department)
        let report = FormsEvaluator.evaluate(department, profile: profile, findings: comparison.findings)
        let workbook = FormsWorkbook.build(
            report, extraSheets: [ExecutionComparisonLayout.sheet(comparison, year: department.year)])
        return DepartmentEvaluation(
            findings: report.findings,
            budgetExecutionRate: report.department.execution.rate ?? comparison.totalRow?.executionRate,
            totalScore: report.department.totalScore, grade: report.department.grade?.chinese ?? "不评级", forms: workbook)
    }

    public func crosscheck(narrative: BatchInput, department: Department) -> Result<[BatchReportEntry], FileProblem>? {
        do {
            let result = try ReportCrosscheck.check(
                reportPath: narrative.url.path, displayName: narrative.name, department: department, limits: limits)
            return .success(result.findings.map(Self.entry))
        } catch let error as SpreadsheetError {
            return .failure(FileProblem(file: narrative.name, error))
        } catch {
            return .failure(FileProblem(file: narrative.name, detail: LocalizedText(zh: "\(error)", en: "\(error)")))
        }
    }

    /// A report finding located at its sentence (`报告.txt:43（第 31 段）`), the sentence quoted.
    static func entry(_ finding: ReportFinding) -> BatchReportEntry {
        let f = finding.finding
        var zh = f.message.zh, en = f.message.en
        if let expected = f.expected, let found = f.found {
            zh += "（应为 \(expected)，实为 \(found)）"
            en += " (expected \(expected), found \(found))"
        }
        zh += "——「\(finding.location.sentence)」"
        en += " — “\(finding.location.sentence)”"
        return BatchReportEntry(
            severity: f.severity,
            location: LocalizedText(zh: finding.location.description, en: finding.location.englishDescription),
            message: LocalizedText(zh: zh, en: en), rule: f.rule, notes: f.cells.map(\.description))
    }

    static func problem(_ error: LoadError, file: String) -> FileProblem {
        switch error {
        case .reading(let e):
            return FileProblem(file: file, e)
        case .recognising(let e):
            let place = LocalizedText(zh: e.location.description, en: e.location.description)
            return FileProblem(
                file: file, location: place, messages: LocalizedText(zh: e.message(.zh), en: e.message(.en)))
        case .mapping:
            return FileProblem(file: file, detail: LocalizedText(zh: error.message(.zh), en: error.message(.en)))
        }
    }
}
