public import FinanceModel

/// The department's own 产出 / 效益 / 满意度 indicators (FORMS.md §4): the rows of a 部门整体绩效指标 table.
///
/// Recognition reads that table like a project's indicator list (一级 | 二级 | 三级指标 | 指标性质 | 年度指标值 |
/// 实际完成值 | 分值 | 偏差原因分析及改进措施, see docs/FORMS-OUTPUT.md); its rows name no project, or name the
/// department itself. This is the one place that tells them apart from project indicators, so a reader that
/// later tags the table explicitly changes only this file.
public enum DepartmentIndicators {
    /// The indicators of `department` that belong to the department form, in input order.
    public static func of(_ department: Department) -> [Indicator] {
        department.tables.flatMap { table -> [Indicator] in
            guard case .projectIndicators(let t) = table else { return [] }
            let wholeTable = isDepartmentTable(title: t.info.title)
            return t.indicators.filter { wholeTable || belongsToDepartment($0.projectName, department: department.name) }
        }
    }

    /// A table titled 部门整体绩效指标 / 部门整体绩效目标 (any spacing) holds only department indicators.
    public static func isDepartmentTable(title: String) -> Bool {
        let t = title.filter { !$0.isWhitespace }
        return t.contains("部门整体") && (t.contains("指标") || t.contains("目标"))
    }

    /// An indicator row without a project, or naming the department (or 部门整体), is the department's.
    public static func belongsToDepartment(_ projectName: String?, department: String) -> Bool {
        guard let name = projectName?.filter({ !$0.isWhitespace }), !name.isEmpty else { return true }
        return name == department.filter { !$0.isWhitespace } || name.hasPrefix("部门整体")
    }

    /// Whether a project of the assembled department is only the holder of department indicators (the
    /// assembler groups rows without a project name under a nameless project): it gets no project form.
    public static func isDepartmentHolder(_ project: Project, department: Department) -> Bool {
        guard belongsToDepartment(project.name, department: department.name) else { return false }
        return project.funds == ProjectFunds() || project.name.allSatisfy(\.isWhitespace)
    }
}
