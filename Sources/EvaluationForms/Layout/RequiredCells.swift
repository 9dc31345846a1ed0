public import FinanceModel
import Spreadsheet

/// Cells of the written forms a person must fill (FORMS.md §4a): 年度总体目标 预期目标 / 实际完成情况, 主管部门,
/// 实施单位 and 偏差原因分析及改进措施 where an indicator's 得分 is below its 分值. Empty ones are filled yellow by
/// the layouts and reported here, citing the cell of the written workbook (file `RequiredCells.outputFile`).
public enum RequiredCells {
    /// How findings name the written workbook, whose path only the caller knows.
    public static let outputFile = "输出的自评表"

    /// One 警告 per form listing its empty required cells; a 偏差原因 the scorer already reported (rule
    /// 未达标无偏差原因) gets the written cell added to that finding instead of a second 警告.
    public static func apply(to report: inout FormsReport) {
        var added: [Finding] = []
        if let finding = departmentFinding(report) { added.append(finding) }
        let d = report.department
        let specificFirst = DepartmentFormLayout.goalTextRow(d) + 2 + d.commonIndicators.count
        for (offset, scored) in d.specificIndicators.enumerated() where needsReason(scored) {
            guard let known = scored.findings.first(where: { $0.rule == "未达标无偏差原因" }) else { continue }
            let cell = address(specificFirst + offset, 8)
            replace(known, in: &report, adding: CitedCell(
                SourceLocation(file: outputFile, sheet: DepartmentFormLayout.sheetName, cell: cell.description), value: ""))
        }
        let names = FormsWorkbook.projectSheetNames(report)
        var nameIndex = 0
        for index in report.projects.indices where report.projects[index].hasForm {
            let sheet = nameIndex < names.count ? names[nameIndex] : report.projects[index].project.name
            nameIndex += 1
            let project = report.projects[index]
            var empty: [(String, CellAddress)] = []
            let department = report.department.name
            if (project.project.competentDepartment ?? department).isBlankText { empty.append(("主管部门", address(3, 1))) }
            if (project.project.implementingUnit ?? department).isBlankText { empty.append(("实施单位", address(3, 6))) }
            if (project.project.annualGoal?.expected.value ?? "").isBlankText { empty.append(("年度总体目标 预期目标", address(10, 1))) }
            if (project.project.annualGoal?.achieved?.value ?? "").isBlankText {
                empty.append(("年度总体目标 实际完成情况", address(10, 5)))
            }
            for (offset, scored) in project.indicators.enumerated() {
                let cell = address(ProjectFormLayout.firstIndicatorRow + offset, 8)
                guard needsReason(scored) else { continue }
                let located = CitedCell(SourceLocation(file: outputFile, sheet: sheet, cell: cell.description), value: "")
                if let known = scored.findings.first(where: { $0.rule == "未达标无偏差原因" }) {
                    replace(known, in: &report, adding: located)
                } else {
                    empty.append(("“\(scored.indicator.name)”的偏差原因分析及改进措施", cell))
                }
            }
            if let finding = finding(owner: project.project.name, form: "项目支出绩效自评表", sheet: sheet, empty: empty) {
                added.append(finding)
            }
        }
        report.findings += added
    }

    static func departmentFinding(_ report: FormsReport) -> Finding? {
        let d = report.department
        let goalRow = DepartmentFormLayout.goalTextRow(d)
        var empty: [(String, CellAddress)] = []
        if (d.annualGoal?.expected.value ?? "").isBlankText { empty.append(("年度总体目标 预期目标", address(goalRow, 1))) }
        if (d.annualGoal?.achieved?.value ?? "").isBlankText { empty.append(("年度总体目标 实际完成情况", address(goalRow, 5))) }
        return finding(owner: d.name, form: "部门整体支出绩效自评表", sheet: DepartmentFormLayout.sheetName, empty: empty)
    }

    static func needsReason(_ scored: IndicatorScore) -> Bool {
        guard let weight = scored.weight, let score = scored.score else { return false }
        return score < weight && scored.indicator.deviationReason.isBlankText
    }

    static func replace(_ finding: Finding, in report: inout FormsReport, adding cell: CitedCell) {
        guard let index = report.findings.firstIndex(of: finding) else { return }
        report.findings[index].cells.append(cell)
    }

    static func finding(owner: String, form: String, sheet: String, empty: [(String, CellAddress)]) -> Finding? {
        guard !empty.isEmpty else { return nil }
        return Finding(
            severity: .warning, rule: "必填栏为空",
            message: LocalizedText(
                zh: "“\(owner)”的\(form)有必填栏为空（已用黄色标出）：\(empty.map(\.0).joined(separator: "、"))。请在输出的自评表中填写。",
                en: "The \(form) of “\(owner)” has empty required cells (filled yellow): "
                    + "\(empty.map(\.1.description).joined(separator: ", ")). Fill them in the written workbook."),
            cells: empty.map { CitedCell(SourceLocation(file: outputFile, sheet: sheet, cell: $0.1.description), value: "") })
    }

    static func address(_ row: Int, _ column: Int) -> CellAddress { CellAddress(row: row, column: column) }
}

extension String {
    fileprivate var isBlankText: Bool { allSatisfy(\.isWhitespace) }
}
