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
    ///
    /// A project without self-evaluation data gets no form (status `missingSelfEvaluation`, one 警告 naming
    /// them all); when the inputs have no final-accounts side at all (`hasFinalAccounts`), no project gets a
    /// form and the department form is not graded — without an 错误 for the missing figures (Pipeline reports
    /// the missing final accounts once).
    public static func evaluate(
        _ department: Department, profile: ScoringProfile, unit: Unit = .tenThousandYuan, findings: [Finding] = []
    ) -> FormsReport {
        let normalised = department.normalised(to: unit)
        let budgetOnly = !hasFinalAccounts(normalised)
        let departmentScore = DepartmentScorer(profile: profile).score(normalised, budgetOnly: budgetOnly)
        let projectScorer = ProjectScorer(profile: profile)
        let projects = normalised.projects.filter { !DepartmentIndicators.isDepartmentHolder($0, department: normalised) }
            .map { project -> ProjectScore in
                if budgetOnly { return projectScorer.unscored(project, status: .missingFinalAccounts) }
                if !ProjectScorer.hasSelfEvaluation(project) {
                    return projectScorer.unscored(project, status: .missingSelfEvaluation)
                }
                return projectScorer.score(project)
            }
        let checks = projects.filter { $0.hasForm && FilledFormCheck.carriesScores($0.project) }.flatMap {
            FilledFormCheck.check($0, profile: profile)
        }
        var own: [Finding] = []
        let missing = projects.filter { $0.status == .missingSelfEvaluation }
        if !missing.isEmpty {
            let names = missing.map { "“\($0.project.name)”" }.joined(separator: "、")
            own.append(Finding(
                severity: .warning, rule: "缺自评资料",
                message: LocalizedText(
                    zh: "\(missing.count) 个项目没有自评资料（绩效指标、年度总体目标或得分），未生成项目支出绩效自评表：\(names)。"
                        + "请在项目绩效工作簿的“绩效指标”表中补充这些项目的指标和实际完成值。",
                    en: "\(missing.count) project(s) have no self-evaluation data (indicators, annual goal or scores) and "
                        + "get no form: \(missing.map(\.project.name).joined(separator: ", ")). Add their indicators and "
                        + "results to the project performance workbook."),
                cells: missing.compactMap { p in p.project.source.map { CitedCell($0, value: p.project.name) } }))
        }
        let all = findings + departmentScore.findings + own + projects.flatMap(\.findings) + checks
        var report = FormsReport(
            profile: profile, unit: unit, department: departmentScore, projects: projects, findings: all)
        RequiredCells.apply(to: &report)
        return report
    }

    /// Whether any table other than the project and facts inputs shows final accounts (决算数).
    public static func hasFinalAccounts(_ department: Department) -> Bool {
        department.tables.contains { table in
            ![.projectFunds, .projectIndicators, .projectForm, .departmentFacts].contains(table.info.kind)
                && table.info.side != .budget
        }
    }
}
