public import FinanceModel

/// Everything the forms show: the profile used, the scored department and projects, and the findings.
public struct FormsReport: Sendable, Hashable {
    public var profile: ScoringProfile
    /// The unit the amounts are shown in (万元 by default).
    public var unit: Unit
    public var department: DepartmentScore
    public var projects: [ProjectScore]
    /// Findings passed in (recognition, reconciliation) followed by the scoring findings.
    public var findings: [Finding]

    public init(
        profile: ScoringProfile, unit: Unit, department: DepartmentScore, projects: [ProjectScore],
        findings: [Finding]
    ) {
        self.profile = profile
        self.unit = unit
        self.department = department
        self.projects = projects
        self.findings = findings
    }

    /// True when any finding is an 错误.
    public var hasErrors: Bool { findings.contains { $0.severity == .error } }
}

/// Scores a department and its projects: the pure entry point of the module.
public enum FormsEvaluator {
    /// Converts `department` to `unit`, scores its department form and each project, and appends the
    /// scoring findings to `findings` (which earlier layers produced).
    public static func evaluate(
        _ department: Department, profile: ScoringProfile, unit: Unit = .tenThousandYuan, findings: [Finding] = []
    ) -> FormsReport {
        let normalised = department.normalised(to: unit)
        let departmentScore = DepartmentScorer(profile: profile).score(normalised)
        let projectScorer = ProjectScorer(profile: profile)
        let projects = normalised.projects.map { projectScorer.score($0) }
        let checks = projects.filter { FilledFormCheck.carriesScores($0.project) }.flatMap {
            FilledFormCheck.check($0, profile: profile)
        }
        let all = findings + departmentScore.findings + projects.flatMap(\.findings) + checks
        return FormsReport(
            profile: profile, unit: unit, department: departmentScore, projects: projects, findings: all)
    }
}
