import EvaluationForms
import FinanceModel
import Reconciliation
import XLSXFormat

/// What `reconcile` and `check` (and batch, per department) ask for.
public struct ReconcileRequest: Sendable {
    /// Input files; each table's side comes from its title and headers.
    public var files: [String]
    /// `--budget FILE`: files whose tables are all 预算.
    public var budgetFiles: [String]
    /// `--final-accounts FILE`: files whose tables are all 决算.
    public var finalAccountsFiles: [String]
    public var settings: ReconciliationSettings
    public var limits: ReadLimits

    public init(
        files: [String], budgetFiles: [String] = [], finalAccountsFiles: [String] = [],
        settings: ReconciliationSettings = .standard, limits: ReadLimits = ReadLimits()
    ) {
        self.files = files
        self.budgetFiles = budgetFiles
        self.finalAccountsFiles = finalAccountsFiles
        self.settings = settings
        self.limits = limits
    }

    /// Every file, the forced ones after the others, each once.
    public var allFiles: [String] {
        var seen: Set<String> = []
        return (files + budgetFiles + finalAccountsFiles).filter { seen.insert($0).inserted }
    }

    /// path → forced side.
    public var forcedSides: [String: TableSide] {
        var sides: [String: TableSide] = [:]
        for path in budgetFiles { sides[path] = .budget }
        for path in finalAccountsFiles { sides[path] = .finalAccounts }
        return sides
    }
}

/// A reconciled department: what was loaded and the 预算执行情况对照表 with its findings.
public struct ReconcileResult: Sendable {
    public var loaded: LoadedDepartment
    public var comparison: ExecutionComparison

    /// Files that could not be read or sheets that could not be recognised.
    public var loadErrors: [LoadError] { loaded.errors }
}

/// The orchestration of `reconcile` / `check`: load every file, recognise its tables, reconcile.
public enum ReconcilePipeline {
    /// Loads and reconciles with `rules` (all of Reconciliation's by default).
    public static func run(_ request: ReconcileRequest, rules: [any CheckRule] = Reconciler.allRules) -> ReconcileResult {
        let loaded = DepartmentLoader.load(
            files: request.allFiles, forcedSides: request.forcedSides, limits: request.limits)
        let comparison = Reconciler.reconcile(loaded.department.tables, settings: request.settings, rules: rules)
        return ReconcileResult(loaded: loaded, comparison: comparison)
    }

    /// Every finding `check` reports: the reconciliation's (table and budget-vs-final rules) and those of
    /// the filled project forms (`FilledFormCheck`: given 得分 / 总分 recomputed), most severe first.
    public static func checkFindings(_ result: ReconcileResult, profile: ScoringProfile = .shipped) -> [Finding] {
        let forms = FilledFormCheck.findings(
            in: result.loaded.department, profile: profile, unit: result.comparison.unit)
        var seen: Set<Finding> = []
        let all = (result.comparison.findings + forms).filter { seen.insert($0).inserted }
        return all.enumerated().sorted { a, b in
            a.element.severity != b.element.severity ? a.element.severity > b.element.severity : a.offset < b.offset
        }.map(\.element)
    }
}
