import FinanceModel
import Foundation
import Spreadsheet
import Testing
@testable import EvaluationForms

@Suite("Qualitative phrases (FORMS.md §3): each family, 基本达成 at 80 %, 无法判定 left for the accountant")
struct QualitativePhraseTests {
    func score(_ actual: String, target: String = "达成年度指标") -> IndicatorScore {
        Make.score(Make.indicator(level1: "效益指标", direction: .qualitative, target: target, actual: actual, reason: "r"))
    }

    @Test("达成 family scores full", arguments: ["达成年度指标", "已完成", "全部完成", "全部建成", "已落实到位", "零事故"])
    func achieved(_ text: String) { #expect(score(text).score == Make.q("10")) }

    @Test("已彻底取缔 against 全面取缔 scores full")
    func banned() {
        #expect(score("已彻底取缔", target: "全面取缔").score == Make.q("10"))
        let asQuantitative = Make.score(Make.indicator(target: "全面取缔", actual: "已彻底取缔"))
        #expect(asQuantitative.score == Make.q("10"))
    }

    @Test("基本达成 family scores 80 % by default", arguments: ["基本达成", "基本完成", "基本达到预期目标"])
    func basically(_ text: String) { #expect(score(text).score == Make.q("8")) }

    @Test("部分达成 family 70 %, 未达成 family 50 %")
    func partialAndNot() {
        for text in ["部分达成", "部分完成"] { #expect(score(text).score == Make.q("7")) }
        for text in ["未达成", "未完成", "没有达到"] { #expect(score(text).score == Make.q("5")) }
    }

    @Test("the profile may move 基本达成")
    func basicallySetting() {
        var scheme = Make.scheme
        scheme.qualitative.basicallyAchievedScore = Make.rate("75%")
        let scored = Make.score(
            Make.indicator(level1: "效益指标", direction: .qualitative, target: "达成", actual: "基本完成", reason: "r"),
            scheme: scheme)
        #expect(scored.score == Make.q("7.5"))
    }

    @Test("an unknown phrase is 无法判定: no score (never 0), a warning, the project total scored/full and not graded")
    func unknown() {
        let result = score("还行")
        #expect(result.score == nil && result.undetermined)
        #expect(result.findings.map(\.severity) == [.warning])
        let project = Project(
            name: "项目", source: nil, unit: .tenThousandYuan,
            funds: ProjectFunds(total: Amounts(initialBudget: nil, adjustedBudget: Make.figure("10"), actual: Make.figure("10"))),
            indicators: [
                Make.indicator("甲", target: "1", actual: "1", weight: "80"),
                Make.indicator("乙", level1: "效益指标", direction: .qualitative, target: "好", actual: "还行", weight: "10"),
            ])
        let scored = ProjectScorer(profile: .shipped).score(project)
        #expect(scored.totalScore == Make.q("90"))
        #expect(scored.tally.scoredWeight == Make.q("90"))
        #expect(scored.tally.fullWeight == Make.q("100"))
        #expect(scored.grade == nil)
        #expect(scored.tally.totalText == "90.00（已评分值 90.00 / 满分 100.00，不评级）")
    }

    @Test("a given score for an unclassifiable result is taken as typed")
    func typedScore() {
        let result = Make.score(Make.indicator(direction: .qualitative, target: "好", actual: "还行", score: "6"))
        #expect(result.score == Make.q("6"))
        #expect(!result.undetermined)
    }
}

@Suite("Department and project totals never pretend (FORMS.md §4)")
struct NeverPretendTests {
    @Test("a project without self-evaluation data gets no form, is listed as 缺自评资料 with one warning")
    func missingSelfEvaluation() throws {
        var department = HandBuilt.department
        department.projects.append(Project(name: "空项目", source: Make.cell("B9", sheet: "项目支出表"), unit: .tenThousandYuan))
        department.projects.append(Project(name: "空项目二", source: nil, unit: .tenThousandYuan))
        let report = FormsEvaluator.evaluate(department, profile: .shipped)
        let missing = report.projects.filter { $0.status == .missingSelfEvaluation }
        #expect(missing.map(\.project.name) == ["空项目", "空项目二"])
        #expect(missing.allSatisfy { $0.totalScore == nil && $0.grade == nil })
        #expect(report.findings.filter { $0.rule == "缺自评资料" }.count == 1)
        let workbook = FormsWorkbook.build(report)
        #expect(!workbook.sheets.contains { $0.name.hasPrefix("空项目") })
        let summary = try #require(workbook.sheets.first { $0.name == ScoreSummaryLayout.sheetName })
        #expect(summary.rows.contains { $0.cells.contains { $0.value == .text("缺自评资料，未生成自评表") } })
        let json = report.jsonDocument().rendered()
        #expect(json.contains("\"status\": \"missingSelfEvaluation\"") || json.contains("\"status\":\"missingSelfEvaluation\""))
    }

    @Test("budget-only input: no project forms, department not graded, no invented 错误, never 0.00 差")
    func budgetOnly() throws {
        var department = HandBuilt.department
        department.tables.removeAll { $0.info.side != .budget && ![.projectIndicators, .departmentFacts].contains($0.info.kind) }
        let report = FormsEvaluator.evaluate(department, profile: .shipped)
        #expect(report.department.budgetOnly)
        #expect(report.department.grade == nil)
        #expect(report.projects.allSatisfy { $0.status == .missingFinalAccounts && !$0.hasForm })
        #expect(!report.findings.contains { $0.rule == "缺全年执行数" || $0.rule == "部门整体不评级" })
        let workbook = FormsWorkbook.build(report)
        #expect(workbook.sheets.map(\.name) == [DepartmentFormLayout.sheetName, ScoreSummaryLayout.sheetName, FindingsLayout.sheetName])
        let text = workbook.sheets[0].rows.flatMap(\.cells).map(\.value.csvText).joined(separator: "|")
        #expect(!text.contains("等级：差") && !text.contains("0.00 差"))
        #expect(text.contains("不评级"))
    }

    @Test("nothing scored: no total and no grade")
    func nothingScored() {
        let tally = ScoreTally(scores: [], fullWeight: Make.q("100"), grades: ScoringProfile.shipped.grades)
        #expect(tally.totalScore == nil && tally.grade == nil)
        #expect(tally.totalText == "未评分，不评级")
        #expect(FormFormulas.gradeText(tally) == "未评分，不评级")
    }

    @Test("graded only when every weight was scored")
    func graded() {
        let bands = ScoringProfile.shipped.grades
        let full = ScoreTally(scores: [(Make.q("10"), Make.q("9")), (Make.q("90"), Make.q("81"))], fullWeight: Make.q("100"), grades: bands)
        #expect(full.grade == .excellent && full.totalScore == Make.q("90"))
        let part = ScoreTally(scores: [(Make.q("10"), Make.q("9"))], fullWeight: Make.q("100"), grades: bands)
        #expect(part.grade == nil && part.totalScore == Make.q("9"))
    }

    @Test("the department form and project forms carry live formulas for 执行率, 得分, 总分 and 等级")
    func formulas() throws {
        let report = FormsEvaluator.evaluate(HandBuilt.department, profile: .shipped)
        let workbook = FormsWorkbook.build(report)
        for sheet in workbook.sheets.prefix(2) {
            let formulas = sheet.rows.flatMap(\.cells).compactMap(\.formula)
            #expect(formulas.contains { $0.hasPrefix("ROUND(G") && $0.contains("MIN(MAX(") })
            #expect(formulas.contains { $0.hasPrefix("IF(COUNT(") })
            #expect(formulas.contains { $0.hasPrefix("IF(ISNUMBER(") && $0.contains("不评级") })
        }
        let project = workbook.sheets[1]
        #expect(project.rows.flatMap(\.cells).contains { $0.formula?.contains("MAX(F") == true })
    }

    @Test("a long cell list is shortened and no row exceeds 409 points")
    func longFindings() throws {
        let cells = (5...32).map { CitedCell(SourceLocation(file: "a.xlsx", sheet: "表", cell: "F\($0)"), value: "1") }
        let finding = Finding(
            severity: .error, rule: "规则", message: LocalizedText(zh: String(repeating: "很长的说明", count: 400), en: "x"),
            cells: cells)
        let sheet = FindingsLayout.sheet(Array(repeating: finding, count: 3))
        #expect(sheet.rows.flatMap(\.cells).contains { $0.value == .text("a.xlsx › 表 › F5…F32，共 28 格") })
        #expect(sheet.layout.rowHeights.values.allSatisfy { $0 <= 409 })
    }
}

@Suite("Required cells (FORMS.md §4a)")
struct RequiredCellsTests {
    @Test("empty 年度总体目标 is one 警告 per form citing the written cells; a missing 偏差原因 stays one 警告")
    func required() throws {
        var department = HandBuilt.department
        for index in department.projects.indices { department.projects[index].annualGoal = nil }
        let report = FormsEvaluator.evaluate(department, profile: .shipped)
        let required = report.findings.filter { $0.rule == "必填栏为空" }
        #expect(required.count == report.projects.filter(\.hasForm).count)
        let first = try #require(required.first)
        #expect(first.cells.map(\.location.cell) == ["B11", "F11"])
        #expect(first.cells.allSatisfy { $0.location.file == RequiredCells.outputFile })
        // The scorer's 未达标无偏差原因 carries the written 偏差原因 cell too; no second warning for it.
        let reasons = report.findings.filter { $0.rule == "未达标无偏差原因" }
        #expect(reasons.allSatisfy { $0.cells.contains { $0.location.file == RequiredCells.outputFile } })
        #expect(!required.contains { $0.message.zh.contains("偏差原因") })
        let sheet = try #require(FormsWorkbook.build(report).sheets.dropFirst().first)
        #expect(sheet.row(at: 10)?.cell(at: 1)?.style?.fillColor == FormStyles.requiredFill)
    }

    @Test("a department indicator below target without 偏差原因 cites the written department form's cell too")
    func departmentReason() throws {
        var department = HandBuilt.department
        for index in department.tables.indices {
            guard case .projectIndicators(var t) = department.tables[index] else { continue }
            for i in t.indicators.indices where t.indicators[i].projectName == nil {
                t.indicators[i].actual = IndicatorValue(parsing: "50", source: Make.cell("F9"))
                t.indicators[i].deviationReason = ""
            }
            department.tables[index] = .projectIndicators(t)
        }
        let report = FormsEvaluator.evaluate(department, profile: .shipped)
        let warning = try #require(report.findings.first {
            $0.rule == "未达标无偏差原因" && $0.message.zh.contains(department.name)
        })
        let written = try #require(warning.cells.first { $0.location.file == RequiredCells.outputFile })
        #expect(written.location.sheet == DepartmentFormLayout.sheetName)
        let sheet = FormsWorkbook.build(report).sheets[0]
        let address = try #require(CellAddress(written.location.cell))
        #expect(sheet.row(at: address.row)?.cell(at: 8)?.style?.fillColor == FormStyles.requiredFill)
    }
}
