/// 部门基本情况: what the tables do not hold — staff, fixed assets, last year's figures, the annual goal.
///
/// Read from a small list-style sheet (项目 | 数值) or the header fields of the forms. Amounts are in
/// `unit`; counts are `Quantity`.
public struct DepartmentFacts: Sendable, Hashable, Codable {
    /// The unit of the amounts below.
    public var unit: Unit
    /// 部门名称.
    public var departmentName: Sourced<String>?
    /// 编制数.
    public var authorizedStaff: Sourced<Quantity>?
    /// 实有在职人数.
    public var staffInPost: Sourced<Quantity>?
    /// 在用固定资产 (for 固定资产利用率).
    public var fixedAssetsInUse: Figure?
    /// 固定资产总额.
    public var fixedAssetsTotal: Figure?
    /// 上年"三公"经费决算数 (for "三公经费"变动率).
    public var priorYearThreePublic: Figure?
    /// 上年末结转和结余 (年初结转结余, for 结转结余变动率) when the summary table does not give it.
    public var priorYearCarryover: Figure?
    /// 年度总体目标.
    public var annualGoal: AnnualGoal?
    /// Every other labelled line, kept as written, in input order.
    public var otherEntries: [FactEntry]

    public init(
        unit: Unit, departmentName: Sourced<String>? = nil, authorizedStaff: Sourced<Quantity>? = nil,
        staffInPost: Sourced<Quantity>? = nil, fixedAssetsInUse: Figure? = nil, fixedAssetsTotal: Figure? = nil,
        priorYearThreePublic: Figure? = nil, priorYearCarryover: Figure? = nil, annualGoal: AnnualGoal? = nil,
        otherEntries: [FactEntry] = []
    ) {
        self.unit = unit
        self.departmentName = departmentName
        self.authorizedStaff = authorizedStaff
        self.staffInPost = staffInPost
        self.fixedAssetsInUse = fixedAssetsInUse
        self.fixedAssetsTotal = fixedAssetsTotal
        self.priorYearThreePublic = priorYearThreePublic
        self.priorYearCarryover = priorYearCarryover
        self.annualGoal = annualGoal
        self.otherEntries = otherEntries
    }

    /// The same facts with every amount converted exactly to `unit`.
    public func normalised(to unit: Unit) -> DepartmentFacts {
        var copy = self
        copy.unit = unit
        copy.fixedAssetsInUse = fixedAssetsInUse?.converted(from: self.unit, to: unit)
        copy.fixedAssetsTotal = fixedAssetsTotal?.converted(from: self.unit, to: unit)
        copy.priorYearThreePublic = priorYearThreePublic?.converted(from: self.unit, to: unit)
        copy.priorYearCarryover = priorYearCarryover?.converted(from: self.unit, to: unit)
        return copy
    }
}

/// A labelled fact the model has no field for ("离退休人数 | 12").
public struct FactEntry: Sendable, Hashable, Codable {
    public var label: String
    public var text: String
    public var source: SourceLocation?

    public init(label: String, text: String, source: SourceLocation?) {
        self.label = label
        self.text = text
        self.source = source
    }
}

/// The department-facts input recognised as a table.
public struct DepartmentFactsTable: FinanceTable {
    public var info: TableInfo
    public var facts: DepartmentFacts

    public init(info: TableInfo, facts: DepartmentFacts) {
        self.info = info
        self.facts = facts
    }

    public func normalised(to unit: Unit) -> DepartmentFactsTable {
        var copy = self
        copy.info.unit = unit
        copy.facts = facts.normalised(to: unit)
        return copy
    }
}
