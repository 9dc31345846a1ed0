import FinanceModel
public import Reconciliation

/// The `forms --json` document: every score with its inputs so a reviewer can recompute it. Amounts are
/// exact decimal strings, rates half-up to 4 decimals, scores to 2; null for what cannot be computed;
/// findings as `reconcile --json` writes them.
extension FormsReport {
    public func jsonDocument(english: Bool = false) -> OrderedJSON {
        .object([
            ("profile", .string(profile.id)),
            ("unit", .string(unit.rawValue)),
            ("department", departmentJSON),
            ("projects", .array(projects.map(Self.projectJSON))),
            ("findings", .array(findings.map { $0.json(english: english) })),
        ])
    }

    private var departmentJSON: OrderedJSON {
        let d = department
        var indicators: [OrderedJSON] = [Self.executionIndicator(d.execution)]
        indicators += d.commonIndicators.map { indicator in
            var members: [(String, OrderedJSON)] = [
                ("name", .string(indicator.name)),
                ("formula", .string(indicator.formula)),
                ("inputs", .array(indicator.inputs.map { input in
                    .object([
                        ("name", .string(input.name)), ("value", .string(input.value)),
                        ("source", .string(input.source?.description)),
                    ])
                })),
                ("value", .string(indicator.value?.formatted(decimals: 4))),
                ("weight", .string(indicator.weight.formatted(decimals: 2))),
                ("score", .string(indicator.score?.formatted(decimals: 2))),
                ("scoring", .string(indicator.scoring)),
            ]
            if let reason = indicator.reason { members.append(("reason", .string(reason.zh))) }
            return .object(members)
        }
        indicators += d.specificIndicators.map { scored in
            .object([
                ("name", .string(scored.indicator.name)),
                ("formula", .string(scored.basis)),
                ("inputs", .array([
                    Self.valueInput("年度指标值", scored.indicator.target),
                    scored.indicator.actual.map { Self.valueInput("实际完成值", $0) } ?? .null,
                ])),
                ("value", .string(scored.indicator.actual?.text)),
                ("weight", .string(scored.weight?.formatted(decimals: 2))),
                ("score", .string(scored.score?.formatted(decimals: 2))),
                ("warnings", .array(scored.warnings.map { .string($0.zh) })),
            ])
        }
        return .object([
            ("name", .string(d.name)),
            ("year", d.year.map { .number($0) } ?? .null),
            ("indicators", .array(indicators)),
            ("scoredWeight", .string(d.scoredWeight.formatted(decimals: 2))),
            ("rawScore", .string(d.rawScore.formatted(decimals: 2))),
            ("totalScore", .string(d.totalScore.formatted(decimals: 2))),
            ("grade", .string(d.grade.rawValue)),
        ])
    }

    private static func executionIndicator(_ execution: ExecutionScore) -> OrderedJSON {
        var members: [(String, OrderedJSON)] = [
            ("name", .string("预算执行率")),
            ("formula", .string("全年执行数 ÷ 全年预算数；得分 = min(执行率, 100%) × 分值")),
            ("inputs", .array([
                figureInput("全年预算数", execution.adjustedBudget), figureInput("全年执行数", execution.actual),
            ])),
            ("value", .string(execution.rate?.formatted(decimals: 4))),
            ("weight", .string(execution.weight.formatted(decimals: 2))),
            ("score", .string(execution.score.formatted(decimals: 2))),
        ]
        if let reason = execution.reason { members.append(("reason", .string(reason.zh))) }
        return .object(members)
    }

    private static func figureInput(_ name: String, _ figure: Figure?) -> OrderedJSON {
        .object([
            ("name", .string(name)), ("value", .string(figure?.value.description)),
            ("source", .string(figure?.source?.description)),
        ])
    }

    private static func valueInput(_ name: String, _ value: IndicatorValue) -> OrderedJSON {
        .object([("name", .string(name)), ("value", .string(value.text)), ("source", .string(value.source?.description))])
    }

    private static func projectJSON(_ p: ProjectScore) -> OrderedJSON {
        var members: [(String, OrderedJSON)] = [
            ("name", .string(p.project.name)),
            ("initialBudget", .string(p.fundsTotal.initialBudget?.value.description)),
            ("adjustedBudget", .string(p.fundsTotal.adjustedBudget?.value.description)),
            ("actual", .string(p.fundsTotal.actual?.value.description)),
            ("executionRate", .string(p.execution.rate?.formatted(decimals: 4))),
            ("executionWeight", .string(p.execution.weight.formatted(decimals: 2))),
            ("executionScore", .string(p.execution.score.formatted(decimals: 2))),
        ]
        if let reason = p.execution.reason { members.append(("reason", .string(reason.zh))) }
        members += [
            ("indicators", .array(p.indicators.map { s in
                var fields: [(String, OrderedJSON)] = [
                    ("level1", .string(s.indicator.level1)),
                    ("level2", .string(s.indicator.level2)),
                    ("name", .string(s.indicator.name)),
                    ("direction", .string(s.indicator.direction.rawValue)),
                    ("target", .string(s.indicator.target.text)),
                    ("actual", .string(s.indicator.actual?.text)),
                    ("weight", .string(s.weight?.formatted(decimals: 2))),
                    ("score", .string(s.score?.formatted(decimals: 2))),
                    ("basis", .string(s.basis)),
                    ("warnings", .array(s.warnings.map { .string($0.zh) })),
                ]
                if !s.indicator.applicable { fields.append(("applicable", .bool(false))) }
                return .object(fields)
            })),
            ("weightsRescaled", .bool(p.weightsRescaled)),
            ("totalScore", .string(p.totalScore.formatted(decimals: 2))),
            ("grade", .string(p.grade.rawValue)),
        ]
        return .object(members)
    }
}
