public import FinanceModel
public import Spreadsheet

/// 评分汇总: every form's 执行率, 得分, 总分 and grade, with the sheet that holds it.
public enum ScoreSummaryLayout {
    public static let sheetName = "评分汇总"

    public static func sheet(_ report: FormsReport, projectSheets: [String]) -> Sheet {
        var grid = FormGrid(name: sheetName)
        grid.widths([6, 24, 36, 14, 14, 10, 10, 10, 18, 32])
        grid.merge(0...0, 0...9, "绩效自评评分汇总", FormStyles.title)
        grid.merge(1...1, 0...9, "单位：\(report.unit.rawValue)　评分方案：\(report.profile.name)", FormStyles.subtitle)
        let headers = ["序号", "表", "名称", "全年预算数", "全年执行数", "执行率", "执行率得分", "总分", "等级", "工作表"]
        for (c, h) in headers.enumerated() { grid.put(2, c, h, FormStyles.header) }
        let d = report.department
        var rows: [(String, String, ExecutionScore, ScoreTally?, String)] = [
            ("部门整体支出绩效自评表", d.name, d.execution, d.tally, DepartmentFormLayout.sheetName),
        ]
        var names = projectSheets.makeIterator()
        for project in report.projects {
            switch project.status {
            case .scored:
                rows.append(("项目支出绩效自评表", project.project.name, project.execution, project.tally, names.next() ?? ""))
            case .missingSelfEvaluation:
                rows.append(("项目（缺自评资料）", project.project.name, project.execution, nil, "缺自评资料，未生成自评表"))
            case .missingFinalAccounts:
                rows.append(("项目（缺决算数据）", project.project.name, project.execution, nil, "缺决算数据，未生成自评表"))
            }
        }
        for (index, row) in rows.enumerated() {
            let r = 3 + index
            grid.put(r, 0, .number("\(index + 1)"), FormStyles.centered)
            grid.put(r, 1, row.0, FormStyles.text)
            grid.put(r, 2, row.1, FormStyles.text)
            grid.amount(r, 3, row.2.adjustedBudget)
            grid.amount(r, 4, row.2.actual)
            grid.put(r, 5, row.2.rate.map { FormValue.rate($0) } ?? .text("—"), row.2.rate == nil ? FormStyles.centered : FormStyles.rate)
            if let tally = row.3 {
                grid.put(r, 6, FormValue.score(row.2.score), row.2.score == nil ? FormStyles.centered : FormStyles.score)
                grid.put(r, 7, tally.totalScore.map { FormValue.score($0) } ?? .text("未评分"),
                         tally.totalScore == nil ? FormStyles.centered : FormStyles.score)
                grid.put(r, 8, tally.isGraded ? tally.gradeText
                         : "不评级（\(tally.scoredWeight.formatted(decimals: 2))/\(tally.fullWeight.formatted(decimals: 2))）",
                         FormStyles.centered)
            } else {
                grid.put(r, 6, "—", FormStyles.centered)
                grid.put(r, 7, "—", FormStyles.centered)
                grid.put(r, 8, "—", FormStyles.centered)
            }
            grid.put(r, 9, row.4, FormStyles.text)
        }
        grid.sheet.layout.frozenAt = CellAddress(row: 3, column: 0)
        grid.sheet.layout.print = FormStyles.print(landscape: true, repeatRows: 2...2)
        return grid.finished()
    }
}

/// 检查结果: every finding with its severity, rule, cells, message and expected/found values.
public enum FindingsLayout {
    public static let sheetName = "检查结果"

    public static func sheet(_ findings: [Finding]) -> Sheet {
        var grid = FormGrid(name: sheetName)
        grid.widths([6, 8, 30, 40, 60, 12, 12])
        grid.merge(0...0, 0...6, "检查结果", FormStyles.title)
        let counts = Severity.allCases.reversed().map { s in "\(s.label.zh) \(findings.filter { $0.severity == s }.count) 条" }
        grid.merge(1...1, 0...6, counts.joined(separator: "，"), FormStyles.subtitle)
        for (c, h) in ["序号", "严重程度", "规则", "单元格", "说明", "应为", "实为"].enumerated() {
            grid.put(2, c, h, FormStyles.header)
        }
        let ordered = findings.enumerated().sorted {
            $0.element.severity != $1.element.severity ? $0.element.severity > $1.element.severity : $0.offset < $1.offset
        }.map(\.element)
        for (index, finding) in ordered.enumerated() {
            let r = 3 + index
            grid.put(r, 0, .number("\(index + 1)"), FormStyles.centered)
            grid.put(r, 1, finding.severity.label.zh, FormStyles.centered)
            grid.put(r, 2, finding.rule, FormStyles.text)
            grid.put(r, 3, cellList(finding.cells), FormStyles.text)
            grid.put(r, 4, shortened(finding.message.zh, limit: 600), FormStyles.text)
            grid.put(r, 5, finding.expected ?? "", FormStyles.centered)
            grid.put(r, 6, finding.found ?? "", FormStyles.centered)
        }
        if findings.isEmpty { grid.merge(3...3, 0...6, "未发现问题。", FormStyles.centered) }
        grid.sheet.layout.frozenAt = CellAddress(row: 3, column: 0)
        grid.sheet.layout.print = FormStyles.print(landscape: true, repeatRows: 2...2)
        return grid.finished()
    }

    /// Excel's limit for a row, in points.
    static let maxRowHeight = 409
    /// Cells listed one per line before the list is shortened.
    static let maxListedCells = 8

    /// The cells of a finding, one per line; a long list of one sheet's cells becomes
    /// "sheet › F5…F32，共 28 格" with the first few values, so a row never outgrows Excel's 409 points.
    static func cellList(_ cells: [CitedCell]) -> String {
        guard cells.count > maxListedCells else { return cells.map(\.description).joined(separator: "\n") }
        var groups: [(key: String, cells: [CitedCell])] = []
        for cell in cells {
            let key = "\(cell.location.file) › \(cell.location.sheet ?? "")"
            if let index = groups.firstIndex(where: { $0.key == key }) {
                groups[index].cells.append(cell)
            } else {
                groups.append((key, [cell]))
            }
        }
        let lines = groups.map { group -> String in
            guard group.cells.count > 1, let first = group.cells.first, let last = group.cells.last else {
                return group.cells.map(\.description).joined(separator: "\n")
            }
            return "\(group.key) › \(first.location.cell)…\(last.location.cell)，共 \(group.cells.count) 格"
        }
        let shown = lines.prefix(maxListedCells)
        return shown.joined(separator: "\n") + (lines.count > shown.count ? "\n……另 \(lines.count - shown.count) 处" : "")
    }

    /// `text` cut to `limit` characters with "……（共 N 字）" so one message cannot blow a row up.
    static func shortened(_ text: String, limit: Int) -> String {
        guard text.count > limit else { return text }
        return String(text.prefix(limit)) + "……（共 \(text.count) 字，全文见 JSON 或文本输出）"
    }
}

/// The whole forms workbook and the one-project workbooks of `--split`.
public enum FormsWorkbook {
    /// `部门整体支出绩效自评表`, one `项目支出绩效自评表` per project (sheet named after the project),
    /// then `extraSheets` (e.g. 预算执行情况对照表), `评分汇总` and `检查结果`.
    public static func build(_ report: FormsReport, extraSheets: [Sheet] = []) -> Workbook {
        let names = projectSheetNames(report, reserved: extraSheets.map(\.name))
        var sheets = [DepartmentFormLayout.sheet(report)]
        for (project, name) in zip(report.projects.filter(\.hasForm), names) {
            sheets.append(ProjectFormLayout.sheet(
                project, name: name, year: report.department.year, unit: report.unit, profile: report.profile,
                department: report.department.name))
        }
        sheets += extraSheets
        sheets.append(ScoreSummaryLayout.sheet(report, projectSheets: names))
        sheets.append(FindingsLayout.sheet(report.findings))
        return Workbook(sheets: sheets)
    }

    /// The sheet name each project with a form gets: its name, shortened to 31 characters and made unique.
    public static func projectSheetNames(_ report: FormsReport, reserved: [String] = []) -> [String] {
        var names = SheetNames(
            reserved: [DepartmentFormLayout.sheetName, ScoreSummaryLayout.sheetName, FindingsLayout.sheetName,
                       ExecutionComparisonLayout.sheetName] + reserved)
        return report.projects.filter(\.hasForm).map { names.unique($0.project.name) }
    }

    /// One workbook per project for `--split`: (file base name, workbook).
    public static func split(_ report: FormsReport) -> [(name: String, workbook: Workbook)] {
        zip(report.projects.filter(\.hasForm), projectSheetNames(report)).map { project, name in
            let sheet = ProjectFormLayout.sheet(
                project, name: name, year: report.department.year, unit: report.unit, profile: report.profile,
                department: report.department.name)
            return (name, Workbook(sheets: [sheet]))
        }
    }
}
