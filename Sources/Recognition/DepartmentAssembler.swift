import FinanceModel

/// Puts every recognised table of a department together (部门汇总): its name and year, its projects
/// merged by name from funds lists, indicator lists and forms, and its facts.
public enum DepartmentAssembler {
    /// One department from its tables, in input order.
    ///
    /// - Name: 部门名称 of the facts sheet, else the most frequent 编制单位. Year: the facts sheet's, else
    ///   the most frequent title-block year.
    /// - Projects: one per name (compared without spaces), in order of first appearance. For each
    ///   amount, a form wins over a funds list that has 全年执行数, which wins over a budget list; so
    ///   the budget's 年初预算数 is kept only where the performance input gives none. Indicators come from
    ///   indicator lists and forms; goals and scores from forms. Every amount is converted to the unit of
    ///   the first source that gives the project any funds.
    public static func assemble(tables: [AnyFinanceTable]) -> Department {
        var factsList: [DepartmentFactsTable] = []
        var candidates: [(priority: Int, project: Project)] = []
        var indicators: [Indicator] = []
        for table in tables {
            switch table {
            case .departmentFacts(let t): factsList.append(t)
            case .projectFunds(let t):
                let hasActual = t.projects.contains { $0.funds.total.actual != nil }
                for p in t.projects { candidates.append((hasActual ? 2 : 1, p)) }
            case .projectIndicators(let t): indicators.append(contentsOf: t.indicators)
            case .projectForm(let t): candidates.append((3, t.project))
            default: break
            }
        }
        let facts = mergedFacts(factsList)
        var order: [String] = []
        var merged: [String: Project] = [:]
        let ranked = candidates.enumerated().sorted { a, b in
            a.element.priority != b.element.priority ? a.element.priority > b.element.priority : a.offset < b.offset
        }
        for project in ranked.map(\.element.project) {
            let key = normalisedName(project.name)
            if var existing = merged[key] {
                fill(&existing, from: project)
                merged[key] = existing
            } else {
                merged[key] = project
            }
        }
        for (_, project) in candidates {
            let key = normalisedName(project.name)
            if !order.contains(key) { order.append(key) }
        }
        for indicator in indicators {
            // Rows naming no project are the department's own (部门整体绩效指标): they stay in their table
            // for the department form (EvaluationForms.DepartmentIndicators) and make no nameless project.
            guard let name = indicator.projectName, !name.allSatisfy(\.isWhitespace) else { continue }
            let key = normalisedName(name)
            if merged[key] == nil {
                merged[key] = Project(name: name, source: indicator.source, unit: .yuan)
                order.append(key)
            }
            merged[key]?.indicators.append(indicator)
        }
        let name = facts?.departmentName?.value ?? mostFrequent(tables.compactMap { $0.info.preparedBy }) ?? ""
        let factsYear = factsList.compactMap { $0.info.year }.first
        let year = factsYear ?? mostFrequent(tables.compactMap { $0.info.year })
        return Department(
            name: name, year: year, tables: tables, projects: order.compactMap { merged[$0] }, facts: facts)
    }

    static func normalisedName(_ name: String) -> String {
        String(name.filter { !$0.isWhitespace })
    }

    /// Fills what `project` lacks from a lower-priority `other`.
    static func fill(_ project: inout Project, from other: Project) {
        let o = other.funds.converted(from: other.unit, to: project.unit)
        func fillAmounts(_ a: inout Amounts, _ b: Amounts) {
            for column in AmountColumn.allCases where a[column] == nil { a[column] = b[column] }
        }
        fillAmounts(&project.funds.total, o.total)
        fillAmounts(&project.funds.fiscalAppropriation, o.fiscalAppropriation)
        fillAmounts(&project.funds.carryover, o.carryover)
        fillAmounts(&project.funds.other, o.other)
        if project.annualGoal == nil { project.annualGoal = other.annualGoal }
        if project.indicators.isEmpty { project.indicators = other.indicators }
        project.competentDepartment = project.competentDepartment ?? other.competentDepartment
        project.implementingUnit = project.implementingUnit ?? other.implementingUnit
        project.fundsWeight = project.fundsWeight ?? other.fundsWeight
        project.fundsScore = project.fundsScore ?? other.fundsScore
        project.totalScore = project.totalScore ?? other.totalScore
    }

    /// The first facts table, with fields it lacks filled from later ones.
    static func mergedFacts(_ tables: [DepartmentFactsTable]) -> DepartmentFacts? {
        guard var facts = tables.first?.facts else { return nil }
        for other in tables.dropFirst() {
            let o = other.facts.normalised(to: facts.unit)
            facts.departmentName = facts.departmentName ?? o.departmentName
            facts.authorizedStaff = facts.authorizedStaff ?? o.authorizedStaff
            facts.staffInPost = facts.staffInPost ?? o.staffInPost
            facts.fixedAssetsInUse = facts.fixedAssetsInUse ?? o.fixedAssetsInUse
            facts.fixedAssetsTotal = facts.fixedAssetsTotal ?? o.fixedAssetsTotal
            facts.priorYearThreePublic = facts.priorYearThreePublic ?? o.priorYearThreePublic
            facts.priorYearCarryover = facts.priorYearCarryover ?? o.priorYearCarryover
            facts.annualGoal = facts.annualGoal ?? o.annualGoal
            facts.otherEntries += o.otherEntries
        }
        return facts
    }

    /// The most frequent value; ties go to the one seen first.
    static func mostFrequent<T: Hashable>(_ values: [T]) -> T? {
        var counts: [T: Int] = [:]
        for v in values { counts[v, default: 0] += 1 }
        return values.max { counts[$0, default: 0] < counts[$1, default: 0] }
            .flatMap { best in values.first { counts[$0] == counts[best] } }
    }
}
