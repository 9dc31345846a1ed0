import FinanceModel

/// The settings of a reconciliation run: the unit the comparison is shown in, the rounding tolerance
/// and the execution-rate thresholds (执行率偏离). Values, passed in explicitly — no ambient state.
public struct ReconciliationSettings: Sendable, Hashable, Codable {
    /// The unit of the 预算执行情况对照表 (万元 by default); every table is converted to it exactly.
    public var unit: MoneyUnit
    /// Overrides the rounding tolerance (容差): the largest difference, in `unit`, still reported as a
    /// rounding difference (提示). Nil uses the per-term rule: 0.01 of the table's unit per non-zero
    /// summed term (between tables in different units, the coarser unit's).
    public var tolerance: Money?
    /// 执行率 below this gets a 提示 (90 % by default).
    public var lowerExecutionRate: Rate
    /// 执行率 above this gets a 提示 (110 % by default).
    public var upperExecutionRate: Rate

    public init(
        unit: MoneyUnit = .tenThousandYuan, tolerance: Money? = nil,
        lowerExecutionRate: Rate = Rate(9, over: 10) ?? .one, upperExecutionRate: Rate = Rate(11, over: 10) ?? .one
    ) {
        self.unit = unit
        self.tolerance = tolerance
        self.lowerExecutionRate = lowerExecutionRate
        self.upperExecutionRate = upperExecutionRate
    }

    /// The defaults: 万元, per-term tolerance, 90 % / 110 %.
    public static let standard = ReconciliationSettings()
}
