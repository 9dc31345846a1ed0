import FinanceModel

/// 项目金额矛盾: a project whose figure for the same column differs between two tables (the budget's
/// project list and the project-performance workbook, a list and a form). Both cells are cited. The
/// 年度资金总额 comes from the aligned rows; the sources (当年财政拨款, 上年结转资金, 其他资金) are compared
/// table by table as well.
public struct ProjectAmountConflictRule: CheckRule {
    public let name = "项目金额矛盾"

    public init() {}

    public func findings(in context: CheckContext) -> [Finding] {
        totals(context) + sources(context)
    }

    private func totals(_ context: CheckContext) -> [Finding] {
        context.rows.filter { $0.section == .projects }.flatMap { row in
            CrossTableRule.disagreements(in: row, rule: name, context: context).map { finding in
                var finding = finding
                guard finding.severity == .error else { return finding }
                finding.message = LocalizedText(
                    zh: "两张表对同一项目的金额互相矛盾：" + finding.message.zh
                        + "请确认哪一个数正确，并统一项目清单与绩效自评材料。",
                    en: "Two tables contradict each other on one project: " + finding.message.en
                        + " Decide which figure is right and make the project list and the evaluation inputs agree.")
                return finding
            }
        }
    }

    /// Each funding source of a project, table against table.
    private func sources(_ context: CheckContext) -> [Finding] {
        var byName: [String: [(TableInfo, Project)]] = [:]
        var order: [String] = []
        for table in context.tables {
            let projects: [Project]
            switch table {
            case .projectFunds(let t): projects = t.projects
            case .projectForm(let t): projects = [t.project]
            default: continue
            }
            for project in projects {
                let key = NameNormalisation.key(project.name)
                if byName[key] == nil { order.append(key) }
                byName[key, default: []].append((table.info, project))
            }
        }
        let lines: [(LocalizedText, KeyPath<ProjectFunds, Amounts>)] = [
            (LocalizedText(zh: "当年财政拨款", en: "fiscal appropriation"), \.fiscalAppropriation),
            (LocalizedText(zh: "上年结转资金", en: "carry-over"), \.carryover),
            (LocalizedText(zh: "其他资金", en: "other funds"), \.other),
        ]
        var result: [Finding] = []
        for key in order {
            guard let entries = byName[key], entries.count > 1, let (firstInfo, firstProject) = entries.first else { continue }
            for (otherInfo, otherProject) in entries.dropFirst() where otherInfo.source != firstInfo.source {
                for (label, path) in lines {
                    for column in AmountColumn.allCases {
                        guard let a = firstProject.funds[keyPath: path][column],
                            let b = otherProject.funds[keyPath: path][column]
                        else { continue }
                        let unit = context.unit
                        let step = max(self.step(of: firstInfo, context), self.step(of: otherInfo, context))
                        let equation = Equation(
                            rule: name,
                            subject: LocalizedText(
                                zh: "项目“\(firstProject.name)”的\(label.zh)（\(column.title.zh)）在「\(firstInfo.place)」与「\(otherInfo.place)」中应一致",
                                en: "Project “\(firstProject.name)” \(label.en) (\(column.title.en)) should agree between "
                                    + "\(firstInfo.place) and \(otherInfo.place)"),
                            found: term(a, firstProject.unit, unit), terms: [term(b, otherProject.unit, unit)], unit: unit,
                            step: step)
                        let advice = LocalizedText(
                            zh: "两张表对同一项目的资金来源互相矛盾；请确认哪一个数正确，并统一项目清单与绩效自评材料。",
                            en: "Two tables contradict each other on the project's funding; decide which is right and make them agree.")
                        if let finding = equation.finding(context.settings, advice: advice) { result.append(finding) }
                    }
                }
            }
        }
        return result
    }

    /// The rounding step of the table at `info`, in the comparison unit.
    private func step(of info: TableInfo, _ context: CheckContext) -> Money {
        let own = context.tables.first { $0.info.source == info.source }.map(RoundingStep.step(of:))
        return (own ?? Money(units: 0, hundredths: 1)).converted(from: info.unit, to: context.unit)
    }

    private func term(_ figure: Figure, _ from: MoneyUnit, _ unit: MoneyUnit) -> Term {
        let text = from == unit ? figure.value.description : "\(figure.value) \(from.rawValue)"
        return Term(figure.value.converted(from: from, to: unit), figure.source.map { CitedCell($0, value: text) })
    }
}

