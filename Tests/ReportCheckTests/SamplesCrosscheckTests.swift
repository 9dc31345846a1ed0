import Foundation
import Testing
import FinanceModel
import Pipeline
import ReportCheck
import TestSupport

/// The seed report against the seed department's sample tables (Samples/益阳市资阳区商务局), loaded
/// and recognised by Pipeline's `DepartmentLoader`.
@Suite struct SamplesCrosscheckTests {
    static func result() throws -> ReportCheckResult {
        let root = Fixtures.repositoryRoot().appendingPathComponent("Samples/益阳市资阳区商务局")
        let files = try FileManager.default.contentsOfDirectory(atPath: root.path).sorted()
            .map { root.appendingPathComponent($0).path }
        let department = try ReportCrosscheck.department(from: files)
        return try ReportCrosscheck.check(reportPath: Fixtures.url("seed-report.txt").path, department: department)
    }

    @Test func reportAgainstTheSampleTables() throws {
        let result = try Self.result()
        let table = result.findings.filter { $0.finding.rule == "report.table" }
        // The sample tables carry 28.87 for 离退休人员经费: section 二's 28.71 disagrees with the cell.
        let retirees = try #require(table.first { $0.severity == .error })
        #expect(table.filter { $0.severity == .error }.count == 1)
        #expect(retirees.location.line == 39)
        #expect(retirees.finding.cells.map(\.description) == ["2020年项目绩效.xlsx › 项目资金 › C11 = 28.87"])
        #expect(retirees.location.sentence.contains("离退休人员经费28.71万元"))
        // 本年支出合计 1297.24 is the table's 总计, not its 本年支出合计 1023.13: a wording hint.
        #expect(table.contains { $0.severity == .hint && $0.location.line == 43 })
        // The report-only findings stay.
        #expect(result.findings.contains { $0.finding.rule == "report.partsSum" && $0.severity == .hint })
        #expect(result.findings.contains { $0.finding.rule == "report.sameLabel" })
    }

    @Test func agreeingFiguresCiteTheirCells() throws {
        let confirmed = try Self.result().confirmed.filter { $0.rule == "report.table" }
        let cells = Set(confirmed.flatMap(\.cells).map(\.description))
        for expected in [
            "2020年部门预算.xlsx › 部门支出总表 › D6 = 698.88",
            "2020年部门决算.xlsx › 收入支出决算总表 › C29 = 955.77",
            "2020年部门预算.xlsx › “三公”经费支出表 › B6 = 158.08",
            "2020年项目绩效.xlsx › 项目资金 › C11 = 28.87",
        ] {
            #expect(cells.contains(expected), "not confirmed: \(expected)")
        }
        #expect(confirmed.count >= 25)
    }
}
