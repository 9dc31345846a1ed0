import FinanceModel
import Foundation
import Pipeline
import TestSupport
import Testing

/// Batch over copies of the Samples departments through the real pipeline, plus broken departments: a
/// truncated xlsx, a department without final accounts, a department with files of two years, loose
/// files grouped by 编制单位 and a CSV with no title block.
@Suite struct SampleBatchTests {
    static let samples = Fixtures.repositoryRoot().appendingPathComponent("Samples")
    static let seed = "益阳市资阳区商务局"
    static let county = "某县农业农村局"

    /// IN_DIR under `root/in`.
    static func build(_ root: URL) throws -> URL {
        let input = root.appendingPathComponent("in")
        let fm = FileManager.default
        try fm.createDirectory(at: input, withIntermediateDirectories: true)
        func copy(_ department: String, _ file: String, to path: String) throws {
            let target = input.appendingPathComponent(path)
            try fm.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            try fm.copyItem(at: samples.appendingPathComponent("\(department)/\(file)"), to: target)
        }
        // The seed department as its own folder.
        for file in try fm.contentsOfDirectory(atPath: samples.appendingPathComponent(seed).path) {
            try copy(seed, file, to: "\(seed)/\(file)")
        }
        // The seed's narrative report, cross-checked against its tables.
        let reports = Fixtures.repositoryRoot().appendingPathComponent("Tests/ReportCheckTests/Fixtures")
        try fm.copyItem(
            at: reports.appendingPathComponent("seed-report.txt"),
            to: input.appendingPathComponent("\(seed)/自评报告.txt"))
        // The county's tables with a narrative report cut off mid-zip.
        for file in try fm.contentsOfDirectory(atPath: samples.appendingPathComponent(county).path) {
            try copy(county, file, to: "报告损坏部门/\(file)")
        }
        let docx = try Data(contentsOf: reports.appendingPathComponent("seed-report.docx"))
        try docx.prefix(docx.count / 2).write(to: input.appendingPathComponent("报告损坏部门/自评报告.docx"))
        // A broken one: budget fine, final accounts truncated mid-zip, the GBK 三公 CSV beside them.
        try copy(seed, "2020年部门预算.xlsx", to: "损坏部门/2020年部门预算.xlsx")
        try copy(seed, "2020年三公经费.csv", to: "损坏部门/2020年三公经费.csv")
        let final = try Data(contentsOf: samples.appendingPathComponent("\(seed)/2020年部门决算.xlsx"))
        try final.prefix(final.count / 2).write(to: input.appendingPathComponent("损坏部门/2020年部门决算.xlsx"))
        // No final accounts at all.
        try copy(county, "2020年预算.xlsx", to: "缺决算部门/2020年预算.xlsx")
        try copy(county, "2020年基本支出预算表.csv", to: "缺决算部门/2020年基本支出预算表.csv")
        // A 2021 budget table beside 2020 final accounts.
        try copy(county, "2020年预算.xlsx", to: "跨年部门/2020年预算.xlsx")
        try copy(county, "2020年决算.xlsx", to: "跨年部门/2020年决算.xlsx")
        let csv = try String(contentsOf: samples.appendingPathComponent("\(county)/2020年基本支出预算表.csv"), encoding: .utf8)
        try Data(csv.replacingOccurrences(of: "2020年", with: "2021年").utf8)
            .write(to: input.appendingPathComponent("跨年部门/2021年基本支出预算表.csv"))
        // The county's files loose in IN_DIR, and a CSV whose unit cannot be told.
        for file in try fm.contentsOfDirectory(atPath: samples.appendingPathComponent(county).path) {
            try copy(county, file, to: file)
        }
        try Data("经济分类科目编码,科目名称,合计\n301,工资福利支出,100.00\n302,商品和服务支出,50.00\n".utf8)
            .write(to: input.appendingPathComponent("无标题.csv"))
        return input
    }

    static func run(_ input: URL, _ output: URL, jobs: Int) throws -> BatchSummary {
        try BatchRunner.run(
            BatchOptions(input: input, output: output, jobs: jobs), stages: PipelineStages(profilePath: nil))
    }

    @Test func groupsDepartmentsAndIsolatesFailures() throws {
        let root = try Fixtures.temporaryDirectory("batch-samples")
        defer { try? FileManager.default.removeItem(at: root) }
        let input = try Self.build(root)
        let output = root.appendingPathComponent("out")
        let summary = try Self.run(input, output, jobs: 2)
        let byName = Dictionary(uniqueKeysWithValues: summary.departments.map { ($0.department, $0) })

        #expect(summary.departments.map(\.department) == ["报告损坏部门", "损坏部门", Self.county, Self.seed, "缺决算部门", "跨年部门"])
        let seed = try #require(byName[Self.seed])
        #expect(seed.status == .ok)
        #expect(seed.preparedBy == Self.seed && seed.year == 2020)
        #expect(seed.budgetExecutionRate != nil)
        #expect(seed.errors > 0, "the seed keeps its deliberate 28.71 / 28.87 project conflict")
        let roles = Dictionary(uniqueKeysWithValues: seed.files.map { ($0.name, $0.roles) })
        #expect(roles["2020年部门预算.xlsx"]?.contains(.budget) == true)
        #expect(roles["2020年部门决算.xlsx"] == [.finalAccounts])
        #expect(roles["2020年三公经费.csv"] == [.finalAccounts])
        // It also holds the 部门整体绩效指标 sheet, read as an indicator table.
        #expect(roles["部门基本情况.xlsx"]?.contains(.facts) == true)
        #expect(roles["自评报告.txt"] == [.narrative])

        let county = try #require(byName[Self.county])
        #expect(county.status == .ok)
        #expect(county.grouping.folder == nil)
        #expect(county.grouping.preparedBy == Self.county)
        #expect(county.grouping.looseFiles.contains("2020年决算.xlsx"))
        #expect(county.grouping.looseFiles.contains("2020年基本支出预算表.csv"))
        #expect(summary.ungrouped.map(\.name).contains("无标题.csv"))
        #expect(!summary.ungrouped.map(\.name).contains("2020年决算.xlsx"))

        let broken = try #require(byName["损坏部门"])
        #expect(broken.status == .failed)
        #expect(broken.reason?.zh.contains("2020年部门决算.xlsx") == true)
        #expect(broken.files.first { $0.name == "2020年部门决算.xlsx" }?.roles == [.unreadable])
        let brokenReport = try String(
            contentsOf: output.appendingPathComponent("损坏部门/检查报告.txt"), encoding: .utf8)
        #expect(brokenReport.contains("\n2020年部门决算.xlsx"))
        #expect(brokenReport.contains(": 错误: "))
        #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent("损坏部门/自评表.xlsx").path))

        #expect(byName["缺决算部门"]?.status == .checked)
        let halfReport = try String(contentsOf: output.appendingPathComponent("缺决算部门/检查报告.txt"), encoding: .utf8)
        #expect(halfReport.contains("[缺少决算表]") || halfReport.contains("缺少决算表"), "\(halfReport)")
        #expect(byName["跨年部门"]?.status == .failed)
        #expect(byName["跨年部门"]?.reason?.zh.contains("2021 年") == true)
        #expect(byName["跨年部门"]?.reason?.zh.contains("2021年基本支出预算表.csv") == true)
        #expect(summary.exitCode == 3)

        let seedReport = try String(contentsOf: output.appendingPathComponent("\(Self.seed)/检查报告.txt"), encoding: .utf8)
        #expect(seedReport.contains("分组：文件夹“\(Self.seed)”"))
        #expect(seedReport.contains("  2020年部门决算.xlsx: 决算"))
        #expect(seedReport.contains("\n自评报告.txt:"))
        #expect(seedReport.contains("[报告与表格]"))

        let badReport = try #require(byName["报告损坏部门"])
        #expect(badReport.status == .failed)
        #expect(badReport.reason?.zh == "自评报告无法读取：自评报告.docx")
        let badText = try String(contentsOf: output.appendingPathComponent("报告损坏部门/检查报告.txt"), encoding: .utf8)
        #expect(badText.contains("\n自评报告.docx"))
        #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent("报告损坏部门/自评表.xlsx").path))
    }

    @Test func jobsDoNotChangeABit() throws {
        let root = try Fixtures.temporaryDirectory("batch-samples")
        defer { try? FileManager.default.removeItem(at: root) }
        let input = try Self.build(root)
        _ = try Self.run(input, root.appendingPathComponent("one"), jobs: 1)
        _ = try Self.run(input, root.appendingPathComponent("four"), jobs: 4)
        let one = try TestFolder.contents(root.appendingPathComponent("one"))
        let four = try TestFolder.contents(root.appendingPathComponent("four"))
        #expect(one.keys.sorted() == four.keys.sorted())
        #expect(one.keys.contains("汇总.xlsx") && one.keys.contains("汇总.json"))
        #expect(one.keys.filter { $0.hasSuffix("/检查报告.txt") }.count == 6)
        #expect(one.keys.filter { $0.hasSuffix("/自评表.xlsx") }.count == 3)
        for (name, bytes) in one { #expect(four[name] == bytes, "\(name) differs between --jobs 1 and --jobs 4") }
    }
}
