/// Reconciliation — aligns budget and final-accounts rows, rolls codes up and runs the check rules.
///
/// It works on typed `FinanceModel` tables only: Reconciliation never sees a cell, a sheet or a file.
/// Every figure it reports keeps the `SourceLocation` it came from.
///
/// Entry point: `Reconciler.reconcile(_:settings:)` gives the 预算执行情况对照表 (`ExecutionComparison`):
/// the aligned rows (`Alignment`) and the findings of every rule (`Reconciler.tableRules`,
/// `Reconciler.executionRules`); `ExecutionComparison.jsonDocument(english:)` is its `--json` form.
import FinanceModel

/// Runs the alignment and the check rules over a department's tables.
public enum Reconciler {
    /// Rules inside one table or between tables: 总计平衡, 合计=基本+项目, 类=Σ款 (款=Σ项, 合计=Σ类),
    /// 人员经费=301+303, 公用经费=302+310, 基本支出=人员+公用, 三公合计, 车辆小计, 单位疑误, 表间一致.
    public static let tableRules: [any CheckRule] = [
        GrandTotalBalanceRule(), TotalEqualsBasicPlusProjectRule(), SummaryExpenditureSplitRule(), SubjectSumRule(), PersonnelCostRule(),
        OfficeCostRule(), BasicExpenditureSplitRule(), ThreePublicTotalRule(), OfficialCarsSubtotalRule(),
        UnitMismatchRule(), CrossTableRule(), TotalsBetweenTablesRule(), ReadingHintRule(),
    ]

    /// Budget-vs-final rules: 执行率偏离, 决算无预算, 项目金额矛盾.
    public static let executionRules: [any CheckRule] = [
        ExecutionRateRule(), FinalWithoutBudgetRule(), ProjectAmountConflictRule(),
    ]

    /// Every rule, table rules first.
    public static var allRules: [any CheckRule] { tableRules + executionRules }

    /// Aligns `tables` (any mix of budget, final-accounts and 'both' tables, in any units) and runs
    /// `rules` over them.
    public static func reconcile(
        _ tables: [AnyFinanceTable], settings: ReconciliationSettings = .standard, rules: [any CheckRule] = allRules
    ) -> ExecutionComparison {
        let rows = Alignment.rows(of: tables, unit: settings.unit)
        let context = CheckContext(tables: tables, rows: rows, settings: settings)
        let findings = check(context, rules: rules)
        return ExecutionComparison(unit: settings.unit, rows: rows, findings: findings)
    }

    /// A department's tables, reconciled.
    public static func reconcile(
        _ department: Department, settings: ReconciliationSettings = .standard, rules: [any CheckRule] = allRules
    ) -> ExecutionComparison {
        reconcile(department.tables, settings: settings, rules: rules)
    }

    /// The findings of `rules`, without duplicates, most severe first, then in rule order.
    public static func check(_ context: CheckContext, rules: [any CheckRule]) -> [Finding] {
        var seen: Set<Finding> = []
        var ordered: [Finding] = []
        for rule in rules {
            for finding in rule.findings(in: context) where seen.insert(finding).inserted {
                ordered.append(finding)
            }
        }
        return ordered.enumerated().sorted { a, b in
            a.element.severity != b.element.severity ? a.element.severity > b.element.severity : a.offset < b.offset
        }.map(\.element)
    }
}
