public import FinanceModel
public import Spreadsheet

/// What batch needs from the pipeline, one department at a time.
///
/// `PipelineStages` is the real implementation: it calls the same Pipeline functions as the `forms`,
/// `reconcile` and `crosscheck` commands, so a department's outputs in batch are exactly what those
/// commands write. Tests may supply their own to exercise grouping, failure isolation and ordering.
/// Every method is called from several threads at once; implementations hold only immutable values.
public protocol BatchStages: Sendable {
    /// 编制单位 and year of one loose file, from its title block (nil fields when it names none).
    func identify(file: BatchInput) -> FileIdentity

    /// Reads and recognises a department's data files; per-file errors are collected, not thrown.
    func load(files: [BatchInput], department: String) -> DepartmentLoad

    /// Reconciles and scores a loaded department and lays out its 自评表. Called only once the department
    /// passed batch's checks (readable files, one year, budget and final accounts present).
    func evaluate(_ department: Department, loaded: DepartmentLoad) throws(FileProblem) -> DepartmentEvaluation

    /// Checks a narrative report (.docx/.txt/.md) against the department; nil when the pipeline has no
    /// crosscheck.
    func crosscheck(narrative: BatchInput, department: Department) -> Result<[BatchReportEntry], FileProblem>?
}

/// What a loose file's title block says about it.
public struct FileIdentity: Sendable, Hashable {
    /// 编制单位, when a title block names it.
    public var preparedBy: String?
    /// The year named in the title block.
    public var year: Int?
    /// Why the file could not be read (then `preparedBy` is nil).
    public var problem: FileProblem?

    public init(preparedBy: String?, year: Int?, problem: FileProblem? = nil) {
        self.preparedBy = preparedBy
        self.year = year
        self.problem = problem
    }
}

/// A file that could not be read or recognised: where and why, in Chinese and English.
///
/// The text is the reader's or recognizer's own (`SpreadsheetError`, `RecognitionError`), which names
/// file, sheet and cell; `location` and `detail` are kept apart so reports can print compiler-style lines.
public struct FileProblem: Error, Sendable, Hashable {
    /// The file's name as shown to the user (relative to its department folder).
    public var file: String
    /// `预算.xlsx › 支出表 › D12`, or just the file name.
    public var location: LocalizedText
    /// What is wrong and what to do.
    public var detail: LocalizedText

    public init(file: String, location: LocalizedText? = nil, detail: LocalizedText) {
        self.file = file
        self.location = location ?? LocalizedText(zh: file, en: file)
        self.detail = detail
    }

    /// A reader error, in both languages.
    public init(file: String, _ error: SpreadsheetError) {
        self.init(
            file: file,
            location: LocalizedText(zh: error.location.text(.zh), en: error.location.text(.en)),
            detail: LocalizedText(
                zh: Self.strip(error.location.text(.zh), from: error.message(.zh)),
                en: Self.strip(error.location.text(.en), from: error.message(.en))))
    }

    /// Any error whose message begins with its location (`location: text` or `location：text`).
    public init(file: String, location: LocalizedText, messages: LocalizedText) {
        self.init(
            file: file, location: location,
            detail: LocalizedText(
                zh: Self.strip(location.zh, from: messages.zh), en: Self.strip(location.en, from: messages.en)))
    }

    /// `location: detail`.
    public var message: LocalizedText {
        LocalizedText(zh: "\(location.zh)：\(detail.zh)", en: "\(location.en): \(detail.en)")
    }

    private static func strip(_ prefix: String, from message: String) -> String {
        guard message.hasPrefix(prefix) else { return message }
        var rest = message.dropFirst(prefix.count)
        if rest.first == ":" || rest.first == "：" { rest = rest.dropFirst() }
        return String(rest.drop(while: { $0 == " " }))
    }
}

/// The role a file played in its department (文件角色).
public enum FileRole: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    /// 预算 — budget tables.
    case budget
    /// 决算 — final-accounts tables (also those showing budget beside 决算数).
    case finalAccounts
    /// 项目绩效 — project funds, indicators or forms.
    case projects
    /// 部门基本情况 — department facts.
    case facts
    /// 自评报告 — a narrative report, cross-checked when the pipeline can.
    case narrative
    /// 未识别 — read, but no table was recognised in it.
    case unrecognised
    /// 无法读取 — the file could not be read.
    case unreadable
    /// 未使用 — not a spreadsheet or report (a PDF, an image).
    case ignored

    public var label: LocalizedText {
        switch self {
        case .budget: LocalizedText(zh: "预算", en: "budget")
        case .finalAccounts: LocalizedText(zh: "决算", en: "final accounts")
        case .projects: LocalizedText(zh: "项目绩效", en: "projects")
        case .facts: LocalizedText(zh: "部门基本情况", en: "department facts")
        case .narrative: LocalizedText(zh: "自评报告", en: "narrative report")
        case .unrecognised: LocalizedText(zh: "未识别", en: "unrecognised")
        case .unreadable: LocalizedText(zh: "无法读取", en: "unreadable")
        case .ignored: LocalizedText(zh: "未使用", en: "not used")
        }
    }

    public static func < (a: FileRole, b: FileRole) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }

    /// The roles the recognised tables of one file give it, in a fixed order.
    public static func roles(of tables: [TableInfo]) -> [FileRole] {
        var roles: Set<FileRole> = []
        for info in tables {
            switch info.kind {
            case .projectFunds where info.side == .budget: roles.insert(.budget)
            case .projectFunds, .projectIndicators, .projectForm: roles.insert(.projects)
            case .departmentFacts: roles.insert(.facts)
            default: roles.insert(info.side == .budget ? .budget : .finalAccounts)
            }
        }
        return roles.isEmpty ? [.unrecognised] : roles.sorted()
    }
}

/// One input file of a department and what it turned out to be.
public struct DepartmentFile: Sendable, Hashable, Codable {
    /// The name shown to the user: relative to the department folder (or to IN_DIR for loose files).
    public var name: String
    public var roles: [FileRole]
    /// 编制单位 named in the file's title blocks (the first one found).
    public var preparedBy: String?
    /// The years named in the file's title blocks.
    public var years: [Int]
    /// The recognised tables, by title, for the report (`部门支出总表`).
    public var tables: [String]

    public init(name: String, roles: [FileRole], preparedBy: String? = nil, years: [Int] = [], tables: [String] = []) {
        self.name = name
        self.roles = roles
        self.preparedBy = preparedBy
        self.years = years
        self.tables = tables
    }
}

/// A department's files after reading and recognition.
public struct DepartmentLoad: Sendable {
    /// The assembled department; nil when no table could be read at all.
    public var department: Department?
    /// Every data file, in the order given.
    public var files: [DepartmentFile]
    /// Files that could not be read or recognised.
    public var problems: [FileProblem]
    /// What reading and recognition want the user to know: a sheet not recognised (警告), a bare 预算数
    /// read as 全年预算数 (提示).
    public var entries: [BatchReportEntry]
    /// The evaluation, when the pipeline computes it in the same pass as loading (as `forms` does), so
    /// `evaluate` need not read the files again.
    public var prepared: DepartmentEvaluation?
    /// Whether the department has both sides to score; false for half a department (budget or final
    /// accounts only), which batch reports as `checked`.
    public var scored: Bool

    public init(
        department: Department?, files: [DepartmentFile], problems: [FileProblem], entries: [BatchReportEntry] = [],
        prepared: DepartmentEvaluation? = nil, scored: Bool = true
    ) {
        self.department = department
        self.files = files
        self.problems = problems
        self.entries = entries
        self.prepared = prepared
        self.scored = scored
    }
}

/// A scored department: its findings, headline figures and the 自评表 workbook.
public struct DepartmentEvaluation: Sendable {
    /// Reconciliation and scoring findings, in the pipeline's order.
    public var findings: [Finding]
    /// 预算完成率 (决算数 ÷ 全年预算数), when it can be computed.
    public var budgetExecutionRate: Rate?
    /// 总分 on a 100-point scale.
    public var totalScore: Quantity?
    /// 优 / 良 / 中 / 差.
    public var grade: String?
    /// The 自评表 exactly as `forms` writes it; nil when the forms stage does not exist.
    public var forms: Workbook?

    public init(findings: [Finding], budgetExecutionRate: Rate?, totalScore: Quantity?, grade: String?, forms: Workbook?) {
        self.findings = findings
        self.budgetExecutionRate = budgetExecutionRate
        self.totalScore = totalScore
        self.grade = grade
        self.forms = forms
    }
}
