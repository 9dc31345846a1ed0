/// Project inputs in the two shapes accountants use: list style (a funds table and an indicator table)
/// and form style (one 项目支出绩效自评表 per project).

/// List-style project funds: 项目名称 | 年初预算数 | 全年预算数 | 全年执行数 | 其中：当年财政拨款 | 上年结转资金 | 其他资金.
public struct ProjectFundsTable: FinanceTable {
    public var info: TableInfo
    /// One project per row, in table order; `indicators` and `annualGoal` stay empty here.
    public var projects: [Project]
    /// The 合计 row the table states, if any.
    public var total: ProjectFunds?

    public init(info: TableInfo, projects: [Project], total: ProjectFunds? = nil) {
        self.info = info
        self.projects = projects
        self.total = total
    }

    public func normalised(to unit: Unit) -> ProjectFundsTable {
        var copy = self
        copy.info.unit = unit
        copy.projects = projects.map { $0.normalised(to: unit) }
        copy.total = total?.converted(from: info.unit, to: unit)
        return copy
    }
}

/// List-style indicators: one row per indicator, each naming its project.
public struct ProjectIndicatorsTable: FinanceTable {
    public var info: TableInfo
    public var indicators: [Indicator]

    public init(info: TableInfo, indicators: [Indicator]) {
        self.info = info
        self.indicators = indicators
    }

    /// Indicators are not amounts: only the recorded unit changes.
    public func normalised(to unit: Unit) -> ProjectIndicatorsTable {
        var copy = self
        copy.info.unit = unit
        return copy
    }
}

/// One filled or half-filled 项目支出绩效自评表 (national layout, FORMS.md §3).
public struct ProjectFormTable: FinanceTable {
    public var info: TableInfo
    /// The project with funds, goal, indicators and any scores the form gives.
    public var project: Project

    public init(info: TableInfo, project: Project) {
        self.info = info
        self.project = project
    }

    public func normalised(to unit: Unit) -> ProjectFormTable {
        var copy = self
        copy.info.unit = unit
        copy.project = project.normalised(to: unit)
        return copy
    }
}
