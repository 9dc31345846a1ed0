/// The amount columns of one line: 年初预算数 (`initialBudget`), 全年预算数 (`adjustedBudget`) and
/// 决算数 (`actual`). A table fills the columns it has; the rest stay nil (absent, not zero).
///
/// A budget table's single amount column is `initialBudget`; a final-accounts table's is `actual`; a
/// 预算数 column inside a 决算 table that says neither 年初 nor 全年 is `adjustedBudget`.
public struct Amounts: Sendable, Hashable, Codable {
    /// 年初预算数 — the budget approved at the start of the year.
    public var initialBudget: Figure?
    /// 全年预算数 / 调整后预算数 — the budget after the year's adjustments.
    public var adjustedBudget: Figure?
    /// 决算数 / 全年执行数 / 实际支出 — what was actually received or spent.
    public var actual: Figure?

    public init(initialBudget: Figure? = nil, adjustedBudget: Figure? = nil, actual: Figure? = nil) {
        self.initialBudget = initialBudget
        self.adjustedBudget = adjustedBudget
        self.actual = actual
    }

    /// No column filled.
    public static let empty = Amounts()

    public var isEmpty: Bool { initialBudget == nil && adjustedBudget == nil && actual == nil }

    /// The budget an execution rate divides by: `adjustedBudget`, else `initialBudget`.
    public var effectiveBudget: Figure? { adjustedBudget ?? initialBudget }

    /// Which column `effectiveBudget` is, so output can say whether 差额 and 执行率 used 全年 or 年初.
    public var effectiveBudgetColumn: AmountColumn? {
        adjustedBudget != nil ? .adjustedBudget : initialBudget != nil ? .initialBudget : nil
    }

    /// 执行率 = 决算数 ÷ 全年预算数 (or ÷ 年初预算数 when no adjusted figure exists); nil when either is
    /// missing or the budget is zero.
    public var executionRate: Rate? {
        guard let actual, let budget = effectiveBudget else { return nil }
        return actual.value.ratio(to: budget.value)
    }

    /// 差额 = actual − effectiveBudget; nil when either is missing.
    public var difference: Money? {
        guard let actual, let budget = effectiveBudget else { return nil }
        return actual.value - budget.value
    }

    /// The amount for a column.
    public subscript(column: AmountColumn) -> Figure? {
        get {
            switch column {
            case .initialBudget: initialBudget
            case .adjustedBudget: adjustedBudget
            case .actual: actual
            }
        }
        set {
            switch column {
            case .initialBudget: initialBudget = newValue
            case .adjustedBudget: adjustedBudget = newValue
            case .actual: actual = newValue
            }
        }
    }

    /// Every filled column converted to another unit.
    public func converted(from source: Unit, to target: Unit) -> Amounts {
        Amounts(
            initialBudget: initialBudget?.converted(from: source, to: target),
            adjustedBudget: adjustedBudget?.converted(from: source, to: target),
            actual: actual?.converted(from: source, to: target))
    }
}

/// One of the three amount columns.
public enum AmountColumn: String, Sendable, Hashable, Codable, CaseIterable {
    /// 年初预算数.
    case initialBudget
    /// 全年预算数.
    case adjustedBudget
    /// 决算数.
    case actual
}
