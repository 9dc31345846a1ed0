public import FinanceModel

/// One department's outcome: the row of 汇总.xlsx / 汇总.json and what its 检查报告.txt says.
public struct DepartmentResult: Sendable, Hashable, Codable {
    /// `ok` when the forms were produced, `failed` when the department could not be evaluated.
    public enum Status: String, Sendable, Hashable, Codable {
        /// Evaluated: forms written.
        case ok
        /// Half a department (budget only or final accounts only): every rule that applies ran, the
        /// 对照表 and 检查结果 were written, but nothing was scored (已检查).
        case checked
        case failed

        public var label: LocalizedText {
            switch self {
            case .ok: LocalizedText(zh: "成功", en: "ok")
            case .checked: LocalizedText(zh: "已检查", en: "checked")
            case .failed: LocalizedText(zh: "失败", en: "failed")
            }
        }
    }

    /// The output folder name.
    public var department: String
    public var grouping: DepartmentGrouping
    /// 编制单位 as the title blocks name it (the most frequent one).
    public var preparedBy: String?
    public var year: Int?
    /// Data files with their roles, then narrative reports, then files not used.
    public var files: [DepartmentFile]
    public var status: Status
    /// Why the department failed (nil when it succeeded).
    public var reason: LocalizedText?
    /// 预算完成率.
    public var budgetExecutionRate: Rate?
    /// 总分.
    public var totalScore: Quantity?
    /// 等级.
    public var grade: String?
    /// Counts of 错误 / 警告 / 提示 in 检查报告.txt (a failure's problems count as 错误).
    public var errors: Int
    public var warnings: Int
    public var hints: Int
    /// Whether 自评表.xlsx was written.
    public var wroteForms: Bool

    public init(
        department: String, grouping: DepartmentGrouping, preparedBy: String?, year: Int?, files: [DepartmentFile],
        status: Status, reason: LocalizedText?, budgetExecutionRate: Rate?, totalScore: Quantity?, grade: String?,
        errors: Int, warnings: Int, hints: Int, wroteForms: Bool
    ) {
        self.department = department
        self.grouping = grouping
        self.preparedBy = preparedBy
        self.year = year
        self.files = files
        self.status = status
        self.reason = reason
        self.budgetExecutionRate = budgetExecutionRate
        self.totalScore = totalScore
        self.grade = grade
        self.errors = errors
        self.warnings = warnings
        self.hints = hints
        self.wroteForms = wroteForms
    }

    /// `2020年部门预算.xlsx（预算）` for each file, joined by `；`.
    public func filesText(_ english: Bool) -> String {
        files.map { file in
            let roles = file.roles.map { $0.label.text(english: english) }.joined(separator: english ? ", " : "、")
            return english ? "\(file.name) (\(roles))" : "\(file.name)（\(roles)）"
        }.joined(separator: english ? "; " : "；")
    }
}

/// Everything a batch run produced.
public struct BatchSummary: Sendable, Hashable {
    /// One per department, sorted by department name.
    public var departments: [DepartmentResult]
    /// Loose files not assigned to any department.
    public var ungrouped: [UngroupedFile]

    public init(departments: [DepartmentResult], ungrouped: [UngroupedFile]) {
        self.departments = departments
        self.ungrouped = ungrouped
    }

    /// 0 when every department succeeded without 错误; 3 when any failed or has 错误 findings.
    public var exitCode: Int32 {
        departments.contains { $0.status == .failed || $0.errors > 0 } ? 3 : 0
    }
}
