import FinanceModel
import Pipeline
import Reconciliation
import Spreadsheet
import TestSupport
import Testing

@Suite("reconcile / check on the seed department (Samples/益阳市资阳区商务局)")
struct SeedReconcileTests {
    static func run(_ department: String = SeedDepartment.seed) throws -> SeedDepartment.Reconciled {
        try SeedDepartment.result(department)
    }

    @Test("the report's real problems: the 0.01 rounding gap (提示) and 28.71 vs 28.87 (错误), nothing else wrong")
    func doneMeans() throws {
        let result = try Self.run()
        #expect(result.comparison.findings.allSatisfy { $0.rule != "工作表未识别" })
        let findings = result.comparison.findings
        let errors = findings.filter { $0.severity == .error }
        #expect(errors.count == 1)
        #expect(errors.first?.rule == "项目金额矛盾")
        #expect(
            errors.first?.cells.map(\.description) == [
                "2020年部门预算.xlsx › 项目支出表 › E12 = 28.71", "2020年项目绩效.xlsx › 项目资金 › C11 = 28.87",
            ])
        let balance = findings.filter { $0.rule == "总计平衡" }
        #expect(balance.allSatisfy { $0.severity == .hint })
        #expect(
            balance.map { $0.cells.first?.location.description ?? "" } == [
                "2020年部门决算.xlsx › Z01 收入支出决算总表(财决01表) › E32",
                "2020年部门决算.xlsx › 收入支出决算总表 › C32", "2020年部门决算.xlsx › 财政拨款收入支出决算总表 › C34",
            ])
        // Execution-rate hints only on rows with a 全年预算数.
        let rates = findings.filter { $0.rule == "执行率偏离" }
        #expect(!rates.isEmpty)
        for finding in rates {
            let row = result.comparison.rows.first { row in
                row.sources(of: .adjustedBudget).first == finding.cells.first?.location
            }
            #expect(row?.adjustedBudget != nil)
        }
        #expect(Set(findings.map(\.severity)) == [.error, .warning, .hint])
        // The one 警告: the final accounts' 310 资本性支出 (5.00) has no budget line in the budget workbook.
        let warnings = findings.filter { $0.severity == .warning }
        #expect(warnings.map(\.rule) == ["决算无预算"])
        #expect(warnings.first?.cells.first?.location.description == "2020年部门决算.xlsx › 一般公共预算财政拨款基本支出决算表 › F22")
    }

    @Test("the second sample department has no 错误 and no 警告")
    func secondDepartment() throws {
        let result = try Self.run(SeedDepartment.second)
        #expect(result.comparison.findings.allSatisfy { $0.rule != "工作表未识别" })
        #expect(result.comparison.findings.allSatisfy { $0.severity == .hint })
    }

    @Test("terminal output and JSON snapshots")
    func snapshots() throws {
        let comparison = try Self.run().comparison
        let text = ComparisonText(language: .zh).text(comparison) + "\n" + FindingPrinter(language: .zh).text(comparison.findings)
        SnapshotCheck.assert(text, named: "seed-reconcile.txt")
        SnapshotCheck.assert(FindingPrinter(language: .en).text(comparison.findings), named: "seed-check.en.txt")
        // The JSON views are the commands' own (findings carry their group).
        let files = try SeedDepartment.files(SeedDepartment.seed)
        let json = ViewOptions(json: true)
        SnapshotCheck.assert(
            Commands.reconcile(files, options: InputOptions(), output: nil, view: json).stdout, named: "seed-reconcile.json")
        SnapshotCheck.assert(
            Commands.check(files, options: InputOptions(), view: json, strict: false).stdout, named: "seed-check.json")
        let second = try Self.run(SeedDepartment.second).comparison
        SnapshotCheck.assert(FindingPrinter(language: .zh).text(second.findings), named: "second-check.txt")
    }

    @Test("the XLSX and CSV 对照表 round-trip the exact amounts")
    func outputs() throws {
        let comparison = try Self.run().comparison
        let workbook = ComparisonSheet.workbook(comparison, year: 2020)
        #expect(workbook.sheets.map(\.name) == ["预算执行情况对照表", "检查结果"], "the sheets forms writes, one layout each")
        let sheet = workbook.sheets[0]
        let values = sheet.rows.flatMap { $0.cells.map(\.value) }
        #expect(values.contains(.number("1297.24")))
        #expect(sheet.rows.count == comparison.rows.count + 3 + Set(comparison.rows.map(\.section)).count)
        let csv = ComparisonSheet.csvRows(comparison)
        #expect(csv.count == comparison.rows.count + 1)
        #expect(csv.contains { $0[2] == "离退休人员经费" && $0[3] == "28.71" && $0[4] == "28.87" && $0[7] == "0.7510" })
    }
}
