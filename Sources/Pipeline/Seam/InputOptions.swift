public import FinanceModel
public import Reconciliation
public import Spreadsheet
public import XLSXFormat

/// The one set of input options every command that reads tables takes (`--mapping`, the read limits,
/// `--year`, `--preparer`, `--scope`, `--projects`, `--budget`, `--final-accounts`, tolerance and rate
/// thresholds). The command line fills it from one `@OptionGroup`; the server fills it from a request.
public struct InputOptions: Sendable, Hashable, Codable {
    /// `--mapping FILE`: overrides for odd layouts.
    public var mappingPath: String?
    /// Caps against hostile files.
    public var limits: ReadLimits
    /// `--year`: the group of that year (and the year of a group whose tables name none).
    public var year: Int?
    /// `--preparer`: the group whose 编制单位 contains this text.
    public var preparer: String?
    /// `--scope`: 部门 or 单位 publication.
    public var scope: TableScope?
    /// `--projects FILE`: files read only for their project tables.
    public var projectFiles: [String]
    /// `--budget FILE`: files whose tables are all 预算.
    public var budgetFiles: [String]
    /// `--final-accounts FILE`: files whose tables are all 决算.
    public var finalAccountsFiles: [String]
    /// Tolerance, rate thresholds and the unit of the 对照表.
    public var settings: ReconciliationSettings

    public init(
        mappingPath: String? = nil, limits: ReadLimits = ReadLimits(), year: Int? = nil, preparer: String? = nil,
        scope: TableScope? = nil, projectFiles: [String] = [], budgetFiles: [String] = [],
        finalAccountsFiles: [String] = [], settings: ReconciliationSettings = .standard
    ) {
        self.mappingPath = mappingPath
        self.limits = limits
        self.year = year
        self.preparer = preparer
        self.scope = scope
        self.projectFiles = projectFiles
        self.budgetFiles = budgetFiles
        self.finalAccountsFiles = finalAccountsFiles
        self.settings = settings
    }

    /// Whether any option picks one group among several.
    public var selectsGroup: Bool { year != nil || preparer != nil || scope != nil }
}
