import FinanceModel
import Foundation
import Pipeline
import Spreadsheet
import TestSupport
import Testing
import XLSXFormat

/// The batch machinery over scripted departments: outputs, failures, summary, exit status, determinism.
@Suite struct BatchRunnerTests {
    /// Two good departments, one per kind of failure, loose files and an ungrouped one.
    static func build(_ tree: InputTree) throws {
        try tree.write("甲局/预算.csv", "unit=甲局\nyear=2020\nrole=budget")
        try tree.write("甲局/决算.csv", "unit=甲局\nyear=2020\nrole=finalAccounts\nfinding=warning:rate.low:执行率偏低")
        try tree.write("甲局/报告.md", "报告正文")
        try tree.write("乙局/预算.csv", "unit=乙局\nyear=2020\nrole=budget")
        try tree.write("乙局/决算.csv", "unit=乙局\nyear=2020\nrole=finalAccounts\nfinding=error:summary.balance:总计不平衡")
        try tree.write("坏局/预算.csv", "unit=坏局\nyear=2020\nrole=budget")
        try tree.write("坏局/决算.xlsx", "broken=文件已损坏（zip 目录缺失）。请重新导出。")
        try tree.write("缺决算局/预算.csv", "unit=缺决算局\nyear=2020\nrole=budget")
        try tree.write("跨年局/预算.csv", "unit=跨年局\nyear=2020\nrole=budget")
        try tree.write("跨年局/决算.csv", "unit=跨年局\nyear=2021\nrole=finalAccounts")
        try tree.write("空局/说明.pdf", "pdf")
        try tree.write("丙局预算.csv", "unit=丙局\nyear=2020\nrole=budget")
        try tree.write("丙局决算.csv", "unit=丙局\nyear=2020\nrole=finalAccounts")
        try tree.write("无标题.csv", "year=2020\nrole=budget")
    }

    static func run(_ tree: InputTree, jobs: Int, out: String = "out", force: Bool = false) throws -> BatchSummary {
        try BatchRunner.run(
            BatchOptions(input: tree.input, output: tree.output(out), jobs: jobs, force: force), stages: ScriptedStages())
    }

    static func report(_ tree: InputTree, _ department: String, out: String = "out") throws -> String {
        try String(contentsOf: tree.output(out).appendingPathComponent("\(department)/检查报告.txt"), encoding: .utf8)
    }

    @Test func eachDepartmentGetsItsOutputsAndFailuresStayLocal() throws {
        let tree = try InputTree()
        defer { tree.remove() }
        try Self.build(tree)
        let summary = try Self.run(tree, jobs: 3)

        let byName = Dictionary(uniqueKeysWithValues: summary.departments.map { ($0.department, $0) })
        #expect(summary.departments.map(\.department) == ["丙局", "乙局", "坏局", "甲局", "空局", "缺决算局", "跨年局"])
        #expect(byName["甲局"]?.status == .ok)
        #expect(byName["乙局"]?.status == .ok)
        #expect(byName["丙局"]?.status == .ok)
        #expect(byName["丙局"]?.grouping.folder == nil)
        #expect(byName["坏局"]?.status == .failed)
        #expect(byName["缺决算局"]?.status == .checked)
        #expect(byName["跨年局"]?.reason?.zh.contains("决算.csv=2021") == true)
        #expect(byName["空局"]?.reason?.zh.contains("没有表格文件") == true)
        #expect(summary.ungrouped.map(\.name) == ["无标题.csv"])

        let files = try TestFolder.contents(tree.output())
        for name in byName.keys { #expect(files["\(name)/检查报告.txt"] != nil) }
        let withForms = files.keys.filter { $0.hasSuffix("/自评表.xlsx") }.sorted()
        #expect(withForms == ["丙局/自评表.xlsx", "乙局/自评表.xlsx", "甲局/自评表.xlsx", "缺决算局/自评表.xlsx"])
        #expect(files["汇总.xlsx"] != nil && files["汇总.json"] != nil)

        let forms = try XLSXReader(path: tree.output().appendingPathComponent("甲局/自评表.xlsx").path).readWorkbook()
        #expect(forms.sheets.first?[CellAddress(row: 0, column: 0)] == .text("甲局"))
    }

    @Test func reportsNameFilesRolesAndCells() throws {
        let tree = try InputTree()
        defer { tree.remove() }
        try Self.build(tree)
        _ = try Self.run(tree, jobs: 2)

        let broken = try Self.report(tree, "坏局")
        #expect(broken.contains("状态：失败 — 文件无法读取或识别：决算.xlsx"))
        #expect(broken.contains("决算.xlsx › 表1 › C7: 错误: 文件已损坏（zip 目录缺失）。请重新导出。"))
        #expect(broken.contains("  决算.xlsx: 无法读取"))
        #expect(broken.contains("未生成 自评表.xlsx。"))

        let good = try Self.report(tree, "甲局")
        #expect(good.contains("分组：文件夹“甲局”"))
        #expect(good.contains("  预算.csv: 预算（表1）"))
        #expect(good.contains("  报告.md: 自评报告"))
        #expect(good.contains("预算完成率：98.51%"))
        #expect(good.contains("总分：92.50（优）"))
        #expect(good.contains("决算.csv › 表1 › D12: 警告: 执行率偏低 [rate.low]"))
        #expect(good.contains("甲局: 提示: 已核对 报告.md [report.checked]"))
        #expect(good.contains("错误 0 个，警告 1 个，提示 1 个"))

        let loose = try Self.report(tree, "丙局")
        #expect(loose.contains("分组：散放文件按编制单位“丙局”归组：丙局决算.csv、丙局预算.csv"))
    }

    @Test func summaryJSONHasTheDocumentedShape() throws {
        let tree = try InputTree()
        defer { tree.remove() }
        try Self.build(tree)
        _ = try Self.run(tree, jobs: 2)
        let data = try Data(contentsOf: tree.output().appendingPathComponent("汇总.json"))
        let root = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(Array(root.keys) == ["departments"])
        let departments = try #require(root["departments"] as? [[String: Any]])
        #expect(departments.count == 7)
        let keys = ["department", "preparedBy", "year", "files", "status", "reason", "budgetExecutionRate", "totalScore",
                    "grade", "errors", "warnings", "hints"]
        for d in departments { #expect(Set(d.keys) == Set(keys)) }
        let text = try #require(String(data: data, encoding: .utf8))
        let firstLine = try #require(text.split(separator: "\n").dropFirst().first)
        let positions = keys.compactMap { firstLine.range(of: "\"\($0)\"")?.lowerBound }
        #expect(positions == positions.sorted() && positions.count == keys.count)

        let yi = try #require(departments.first { $0["department"] as? String == "乙局" })
        #expect(yi["status"] as? String == "ok")
        #expect(yi["errors"] as? Int == 1)
        #expect(yi["year"] as? Int == 2020)
        #expect((yi["budgetExecutionRate"] as? NSNumber)?.stringValue == "0.9851")
        #expect((yi["totalScore"] as? NSNumber)?.doubleValue == 92.5)
        #expect(yi["reason"] is NSNull)
        let files = try #require(yi["files"] as? [[String: Any]])
        #expect(files.map { $0["file"] as? String } == ["决算.csv", "预算.csv"])
        #expect(files.map { $0["roles"] as? [String] } == [["finalAccounts"], ["budget"]])
        let bad = try #require(departments.first { $0["department"] as? String == "坏局" })
        #expect(bad["status"] as? String == "failed")
        #expect((bad["reason"] as? String)?.contains("决算.xlsx") == true)
        #expect(bad["totalScore"] is NSNull)
    }

    @Test func summaryWorkbookHasOneRowPerDepartment() throws {
        let tree = try InputTree()
        defer { tree.remove() }
        try Self.build(tree)
        _ = try Self.run(tree, jobs: 2)
        let book = try XLSXReader(path: tree.output().appendingPathComponent("汇总.xlsx").path).readWorkbook()
        #expect(book.sheets.map(\.name) == ["汇总", "未分组文件"])
        let sheet = book.sheets[0]
        #expect(sheet.rows.count == 8)
        #expect(sheet.rows[0].cells.map(\.value) == SummaryWorkbook.headers.map { .text($0) })
        let jia = try #require(sheet.rows.first { $0[0] == .text("甲局") })
        #expect(jia[1] == .text("甲局"))
        #expect(jia[4] == .text("决算.csv（决算）\n预算.csv（预算）\n报告.md（自评报告）"))
        #expect(jia[5] == .number("0.9851"))
        #expect(jia[6] == .number("92.5"))
        #expect(jia[11] == .text("成功"))
        #expect(book.sheets[1][CellAddress(row: 1, column: 0)] == .text("无标题.csv"))
    }

    @Test func outputsAreByteIdenticalWhateverTheJobs() throws {
        let tree = try InputTree()
        defer { tree.remove() }
        try Self.build(tree)
        _ = try Self.run(tree, jobs: 1, out: "one")
        _ = try Self.run(tree, jobs: 4, out: "four")
        let one = try TestFolder.contents(tree.output("one"))
        let four = try TestFolder.contents(tree.output("four"))
        #expect(one.keys.sorted() == four.keys.sorted())
        #expect(one.count == 7 + 4 + 2)
        for (name, bytes) in one { #expect(four[name] == bytes, "\(name) differs between --jobs 1 and --jobs 4") }
    }

    @Test func exitStatusFollowsFailuresAndErrors() throws {
        let tree = try InputTree()
        defer { tree.remove() }
        try Self.build(tree)
        #expect(try Self.run(tree, jobs: 2).exitCode == 3)

        let clean = try InputTree()
        defer { clean.remove() }
        try clean.write("甲局/预算.csv", "unit=甲局\nyear=2020\nrole=budget")
        try clean.write("甲局/决算.csv", "unit=甲局\nyear=2020\nrole=finalAccounts\nfinding=warning:w:只是警告")
        #expect(try Self.run(clean, jobs: 2).exitCode == 0)
        try clean.write("乙局/预算.csv", "unit=乙局\nyear=2020\nrole=budget")
        try clean.write("乙局/决算.csv", "unit=乙局\nyear=2020\nrole=finalAccounts\nfinding=error:e:错误")
        #expect(try Self.run(clean, jobs: 2, out: "again").exitCode == 3)
    }

    @Test func outputFolderRules() throws {
        let tree = try InputTree()
        defer { tree.remove() }
        try Self.build(tree)
        for inside in [tree.input, tree.input.appendingPathComponent("甲局/out")] {
            #expect {
                try BatchRunner.run(BatchOptions(input: tree.input, output: inside, jobs: 1), stages: ScriptedStages())
            } throws: { error in
                guard let error = error as? BatchError, case .outputInsideInput = error.reason else { return false }
                return error.isUsage
            }
        }
        _ = try Self.run(tree, jobs: 2)
        #expect {
            try Self.run(tree, jobs: 2)
        } throws: { error in
            guard let error = error as? BatchError, case .outputExists = error.reason else { return false }
            return error.isUsage
        }
        // With --force only this run's files are replaced; a failed department loses its old forms.
        let out = tree.output()
        try Data("keep".utf8).write(to: out.appendingPathComponent("备注.txt"))
        try Data("old".utf8).write(to: out.appendingPathComponent("坏局/自评表.xlsx"))
        _ = try Self.run(tree, jobs: 2, force: true)
        #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("备注.txt").path))
        #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("坏局/自评表.xlsx").path))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: out.appendingPathComponent("甲局").path)
        #expect(leftovers.sorted() == ["检查报告.txt", "自评表.xlsx"])
    }

    @Test func progressSeesEveryDepartment() throws {
        let tree = try InputTree()
        defer { tree.remove() }
        try Self.build(tree)
        let events = EventLog()
        _ = try BatchRunner.run(
            BatchOptions(input: tree.input, output: tree.output(), jobs: 3), stages: ScriptedStages(),
            progress: { events.append($0) })
        let all = events.all
        guard case .planned(let total, let ungrouped) = all.first else {
            Issue.record("first event is not .planned")
            return
        }
        #expect(total == 7 && ungrouped.count == 1)
        let started = all.compactMap { if case .started(let d) = $0 { d } else { nil } }
        let finished = all.compactMap { if case .finished(let r) = $0 { r.department } else { nil } }
        #expect(started.sorted() == finished.sorted())
        #expect(finished.count == 7)
    }
}

final class EventLog: @unchecked Sendable {
    private var events: [BatchEvent] = []
    private let lock = NSLock()
    func append(_ event: BatchEvent) { lock.withLock { events.append(event) } }
    var all: [BatchEvent] { lock.withLock { events } }
}
