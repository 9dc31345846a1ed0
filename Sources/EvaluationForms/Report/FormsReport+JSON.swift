import FinanceModel
public import Reconciliation

/// The `forms --json` document: every score with its inputs so a reviewer can recompute it. Amounts are
/// exact decimal strings, rates half-up to 4 decimals, scores to 2; null for what cannot be computed;
/// findings as `reconcile --json` writes them.
extension FormsReport {
    public func jsonDocument(english: Bool = false) -> OrderedJSON {
        .object([
            ("profile", .string(profile.id)),
            ("profileName", .string(profile.name)),
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
            ] + (scored.undetermined ? [("undetermined", .bool(true))] : []))
        }
        return .object([
            ("name", .string(d.name)),
            ("year", d.year.map { .number($0) } ?? .null),
            ("indicators", .array(indicators)),
            ("totalScore", .string(d.totalScore?.formatted(decimals: 2))),
            ("scoredWeight", .string(d.scoredWeight.formatted(decimals: 2))),
            ("fullWeight", .string(d.fullWeight.formatted(decimals: 2))),
            ("grade", .string(d.grade?.rawValue)),
            ("unscored", .array(d.unscored.map { item in
                .object([
                    ("name", .string(item.name)), ("weight", .string(item.weight.formatted(decimals: 2))),
                    ("supplier", .string(item.supplier)),
                ])
            })),
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
            ("score", .string(execution.score?.formatted(decimals: 2))),
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
            ("status", .string(p.status.rawValue)),
            ("initialBudget", .string(p.fundsTotal.initialBudget?.value.description)),
            ("adjustedBudget", .string(p.fundsTotal.adjustedBudget?.value.description)),
            ("actual", .string(p.fundsTotal.actual?.value.description)),
            ("executionRate", .string(p.execution.rate?.formatted(decimals: 4))),
            ("executionWeight", .string(p.execution.weight.formatted(decimals: 2))),
            ("executionScore", .string(p.execution.score?.formatted(decimals: 2))),
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
                if s.undetermined { fields.append(("undetermined", .bool(true))) }
                return .object(fields)
            })),
            ("weightsRescaled", .bool(p.weightsRescaled)),
            ("totalScore", .string(p.totalScore?.formatted(decimals: 2))),
            ("scoredWeight", .string(p.hasForm ? p.tally.scoredWeight.formatted(decimals: 2) : nil)),
            ("fullWeight", .string(p.hasForm ? p.tally.fullWeight.formatted(decimals: 2) : nil)),
            ("grade", .string(p.grade?.rawValue)),
        ]
        return .object(members)
    }
}

extension FormsReport {
    /// The score lines `forms` prints: the profile in words, the department's 总分 (with scored / full weight
    /// and 不评级 when not every point was scored) and one line per project.
    public func scoreSummary(english: Bool = false) -> String {
        var out = english ? "Profile: \(profile.name)\n" : "评分方案：\(profile.name)\n"
        let d = department.tally
        out += english
            ? "\(department.name) department total \(d.totalTextEnglish)\(d.grade.map { " \($0.rawValue)" } ?? "")\n"
            : "\(department.name) 部门整体总分 \(d.totalText)\(d.grade.map { " \($0.chinese)" } ?? "")\n"
        for p in projects {
            let rate = p.execution.rate.map { $0.percent(decimals: 2) } ?? (english ? "n/a" : "无法计算")
            switch p.status {
            case .scored:
                out += english
                    ? "  \(p.project.name): execution \(rate), total \(p.tally.totalTextEnglish)"
                        + "\(p.grade.map { " \($0.rawValue)" } ?? "")\n"
                    : "  \(p.project.name)：执行率 \(rate)，总分 \(p.tally.totalText)\(p.grade.map { " \($0.chinese)" } ?? "")\n"
            case .missingSelfEvaluation:
                out += english ? "  \(p.project.name): no self-evaluation data, no form\n" : "  \(p.project.name)：缺自评资料，未生成自评表\n"
            case .missingFinalAccounts:
                out += english ? "  \(p.project.name): no final accounts, no form\n" : "  \(p.project.name)：缺决算数据，未生成自评表\n"
            }
        }
        return out
    }
}
