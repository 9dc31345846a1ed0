public import EvaluationForms
public import FinanceModel
import Foundation
import Recognition
public import Reconciliation
public import Spreadsheet
public import XLSXFormat

/// What `forms` (and `batch`) produce for one department: the loaded inputs, the 对照表, the scored
/// forms and the workbook, before anything is written.
public struct FormsRun: Sendable {
    public var loaded: LoadedDepartment
    public var comparison: ExecutionComparison
    public var report: FormsReport
    public var workbook: Workbook
    /// Files given with `--projects` that held no project table.
    public var projectFilesWithoutProjects: [String]
}

/// The `forms` pipeline: files → readers → recognition → reconciliation → scoring → workbook.
public enum FormsPipeline {
    /// - Parameters:
    ///   - files: the department's inputs, recognised by content.
    ///   - projectFiles: `--projects FILE`: inputs used only for their project tables (funds, indicators,
    ///     forms); other tables in them are ignored.
    ///   - year: `--year`, overriding the year the title blocks give.
    public static func run(
        files: [String], projectFiles: [String] = [], year: Int? = nil, profile: ScoringProfile = .shipped,
        unit: MoneyUnit = .tenThousandYuan, limits: ReadLimits = ReadLimits()
    ) -> FormsRun {
        var loadedFiles = files.map { DepartmentLoader.loadFile($0, limits: limits) }
        var withoutProjects: [String] = []
        for path in projectFiles {
            var file = DepartmentLoader.loadFile(path, forcedSide: .both, limits: limits)
            file.tables = file.tables.filter { [.projectFunds, .projectIndicators, .projectForm].contains($0.kind) }
            if file.tables.isEmpty && file.input != nil { withoutProjects.append(file.file) }
            loadedFiles.append(file)
        }
        var department = DepartmentAssembler.assemble(tables: loadedFiles.flatMap { $0.tables.map(\.table) })
        if let year { department.year = year }
        let loaded = LoadedDepartment(department: department, files: loadedFiles)
        let extra = withoutProjects.map { name in
            Finding(
                severity: .warning, rule: "forms.projectsFileWithoutProjects",
                message: LocalizedText(
                    zh: "--projects 指定的 \(name) 中没有识别到项目资金、绩效指标或项目自评表：请检查文件。",
                    en: "\(name), given with --projects, holds no project funds, indicators or project form: check it."))
        }
        let forms = evaluate(department, findings: extra, profile: profile, unit: unit)
        return FormsRun(
            loaded: loaded, comparison: forms.comparison, report: forms.report, workbook: forms.workbook,
            projectFilesWithoutProjects: withoutProjects)
    }

    /// The forms of an already assembled department (what `batch` calls after loading): reconciles it,
    /// scores it with `profile` and lays out the workbook. `findings` (e.g. from loading) come first.
    public static func evaluate(
        _ department: Department, findings: [Finding] = [], profile: ScoringProfile = .shipped,
        unit: MoneyUnit = .tenThousandYuan
    ) -> (comparison: ExecutionComparison, report: FormsReport, workbook: Workbook) {
        var settings = ReconciliationSettings.standard
        settings.unit = unit
        let comparison = Reconciler.reconcile(department, settings: settings)
        let report = FormsEvaluator.evaluate(
            department, profile: profile, unit: unit, findings: comparison.findings + findings)
        let workbook = FormsWorkbook.build(
            report, extraSheets: [ExecutionComparisonLayout.sheet(comparison, year: department.year)])
        return (comparison, report, workbook)
    }
}
