import Foundation
import Testing
import FinanceModel
import Pipeline
import ReportCheck
import TestSupport

/// The seed report against the seed department's sample tables (Samples/益阳市资阳区商务局), loaded
/// and recognised by Pipeline's `DepartmentLoader`.
@Suite struct SamplesCrosscheckTests {
    static func result(replacing: (String, String)? = nil) throws -> ReportCheckResult {
        let root = Fixtures.repositoryRoot().appendingPathComponent("Samples/益阳市资阳区商务局")
        let files = try FileManager.default.contentsOfDirectory(atPath: root.path).sorted()
            .map { root.appendingPathComponent($0).path }
        let department = try #require(try Pipeline.load(files).groups.first).department
        var text = try String(contentsOf: Fixtures.url("seed-report.txt"), encoding: .utf8)
        if let (from, to) = replacing { text = text.replacingOccurrences(of: from, with: to) }
        return ReportCheck.check(ReportDocument(file: "seed-report.txt", text: text), department: department)
    }

    @Test func eachRetireeFigureAgreesWithTheCellOfItsOwnTable() throws {
        // 28.71 is the budget workbook's 项目支出表, 28.87 the project workbook's: the report agrees with
        // both; that the two tables disagree is the reconciler's 错误, not the report's.
        let result = try Self.result()
        let confirmed = result.confirmed.filter { $0.rule == "报告与表格" }
        #expect(confirmed.contains { $0.location.line == 39 && $0.cells.map(\.description) == ["2020年部门预算.xlsx › 项目支出表 › E12 = 28.71"] })
        #expect(confirmed.contains { $0.location.line == 71 && $0.cells.map(\.description) == ["2020年项目绩效.xlsx › 项目资金 › C11 = 28.87"] })
        #expect(!result.findings.contains { $0.finding.rule == "报告与表格" && $0.severity != .hint })
        // 本年支出合计 1297.24 is the table's 总计, not its 本年支出合计 1023.13: a wording hint.
        #expect(result.findings.contains { $0.finding.rule == "报告与表格" && $0.severity == .hint && $0.location.line == 43 })
        // The report-only findings stay.
        #expect(result.findings.contains { $0.finding.rule == "分项合计" && $0.severity == .hint })
        #expect(result.findings.contains { $0.finding.rule == "同名数字不一致" })
    }

    @Test func aFigureNoTableHasIsAnErrorCitingEveryCell() throws {
        let result = try Self.result(replacing: ("离退休人员经费28.71万元", "离退休人员经费28.17万元"))
        let error = try #require(result.findings.first { $0.finding.rule == "报告与表格" && $0.severity == .error })
        #expect(error.location.line == 39)
        #expect(error.finding.cells.map(\.description) == [
            "2020年部门预算.xlsx › 项目支出表 › E12 = 28.71", "2020年项目绩效.xlsx › 项目资金 › C11 = 28.87",
        ])
        #expect(error.finding.found == "28.17")
    }

    @Test func agreeingFiguresCiteTheirCells() throws {
        let confirmed = try Self.result().confirmed.filter { $0.rule == "报告与表格" }
        let cells = Set(confirmed.flatMap(\.cells).map(\.description))
        for expected in [
            "2020年部门预算.xlsx › 部门支出总表 › D6 = 698.88",
            "2020年部门决算.xlsx › 收入支出决算总表 › C29 = 955.77",
            "2020年部门预算.xlsx › “三公”经费支出表 › B6 = 158.08",
            "2020年部门预算.xlsx › 一般公共预算基本支出表 › C7 = 402.53",
        ] {
            #expect(cells.contains(expected), "not confirmed: \(expected)")
        }
        #expect(confirmed.count >= 25)
    }
}
