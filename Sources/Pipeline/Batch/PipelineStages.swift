public import FinanceModel
public import Foundation
import Recognition
import Reconciliation
import Spreadsheet
import XLSXFormat

/// The real batch stages: the same Pipeline calls the single-department commands make.
///
/// - load: `DepartmentLoader.loadFile` per file (reader by content, then recognition of every sheet),
///   then `DepartmentAssembler`; an unreadable file is a problem, a sheet that is not recognised a 警告.
/// - evaluate: `Reconciler.reconcile`; 预算完成率 is the reconciled expenditure total's rate. Scoring and
///   the 自评表 wait for the forms pipeline (EvaluationForms is not merged yet): total score, grade and
///   forms are nil, and the department's report says the forms were not written.
/// - crosscheck: nil until the crosscheck pipeline is merged.
public struct PipelineStages: BatchStages {
    public var limits: ReadLimits

    /// `profilePath` must name a readable file; it is applied once the forms pipeline is merged.
    public init(profilePath: String?, limits: ReadLimits = ReadLimits()) throws(BatchError) {
        if let profilePath, !FileManager.default.isReadableFile(atPath: profilePath) {
            throw BatchError(.badProfile(path: profilePath, detail: "无法读取 / not readable"))
        }
        self.limits = limits
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
        var tables: [AnyFinanceTable] = []
        var described: [DepartmentFile] = []
        var problems: [FileProblem] = []
        var findings: [BatchReportEntry] = []
        for file in files {
            let loaded = DepartmentLoader.loadFile(file.url.path, limits: limits)
            let infos = loaded.tables.map(\.info)
            tables += loaded.tables.map(\.table)
            for table in loaded.tables {
                for note in table.notes {
                    let place = table.info.source.description
                    findings.append(BatchReportEntry(
                        severity: .hint, location: LocalizedText(zh: place, en: place),
                        message: LocalizedText(zh: note, en: note), rule: "recognition.note", notes: []))
                }
            }
            if loaded.input == nil {
                problems += loaded.errors.map { Self.problem($0, file: file.name) }
                described.append(DepartmentFile(name: file.name, roles: [.unreadable]))
                continue
            }
            for error in loaded.errors {
                let problem = Self.problem(error, file: file.name)
                if case .mapping = error { problems.append(problem) } else {
                    findings.append(BatchReportEntry(
                        severity: .warning, location: problem.location, message: problem.detail,
                        rule: "batch.sheetNotRecognised", notes: []))
                }
            }
            described.append(DepartmentFile(
                name: file.name, roles: FileRole.roles(of: infos),
                preparedBy: infos.lazy.compactMap(\.preparedBy).first,
                years: Array(Set(infos.compactMap(\.year))).sorted(),
                tables: infos.map { $0.title.isEmpty ? ($0.source.sheet ?? $0.kind.rawValue) : $0.title }))
        }
        let department = tables.isEmpty ? nil : DepartmentAssembler.assemble(tables: tables)
        return DepartmentLoad(department: department, files: described, problems: problems, entries: findings)
    }

    public func evaluate(_ department: Department) throws(FileProblem) -> DepartmentEvaluation {
        let comparison = Reconciler.reconcile(department)
        return DepartmentEvaluation(
            findings: comparison.findings, budgetExecutionRate: comparison.totalRow?.executionRate,
            totalScore: nil, grade: nil, forms: nil)
    }

    public func crosscheck(narrative: BatchInput, department: Department) -> Result<[BatchReportEntry], FileProblem>? {
        nil
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
