import Foundation
import TestSupport
import Testing

/// End-to-end `budgeteval batch`: exit codes (0, 1, 3, 64), stdout text and --json, plain progress lines
/// on stderr when it is not a terminal, --quiet.
@Suite struct BatchCommandTests {
    static let root = Fixtures.repositoryRoot()

    func run(_ arguments: [String]) throws -> Run { try Run.budgeteval(arguments) }

    /// IN_DIR holding one copy of a Samples department.
    func input(_ dir: URL, department: String = "某县农业农村局") throws -> URL {
        let input = dir.appendingPathComponent("in")
        try FileManager.default.createDirectory(at: input, withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            at: Self.root.appendingPathComponent("Samples/\(department)"), to: input.appendingPathComponent(department))
        return input
    }

    @Test func cleanDepartmentExitsZeroWithPlainProgress() throws {
        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("out").path
        let r = try run(["batch", try input(dir).path, "-o", out, "--jobs", "2"])
        #expect(r.status == 0, "\(r.stdout)\(r.stderr)")
        #expect(r.stdout.hasPrefix("某县农业农村局：成功，预算完成率 "))
        #expect(r.stderr.contains("[1/1] 某县农业农村局：成功"))
        #expect(FileManager.default.fileExists(atPath: out + "/某县农业农村局/检查报告.txt"))
        #expect(FileManager.default.fileExists(atPath: out + "/汇总.xlsx"))
    }

    @Test func formsAreExactlyWhatTheFormsCommandWrites() throws {
        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let department = "益阳市资阳区商务局"
        let input = try input(dir, department: department)
        let out = dir.appendingPathComponent("out").path
        _ = try run(["batch", input.path, "-o", out, "--quiet"])
        let folder = input.appendingPathComponent(department)
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
            .map { folder.appendingPathComponent($0).path }
        let single = dir.appendingPathComponent("forms.xlsx").path
        _ = try run(["forms"] + files + ["--output", single])
        let batchBytes = try Data(contentsOf: URL(fileURLWithPath: out + "/\(department)/自评表.xlsx"))
        #expect(batchBytes == (try Data(contentsOf: URL(fileURLWithPath: single))))
    }

    @Test func errorFindingsExitThreeAndJSONGoesToStdout() throws {
        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("out").path
        let r = try run(["batch", try input(dir, department: "益阳市资阳区商务局").path, "-o", out, "--json", "--quiet"])
        #expect(r.status == 3)
        #expect(r.stderr.isEmpty)
        let written = try String(contentsOfFile: out + "/汇总.json", encoding: .utf8)
        #expect(r.stdout == written)
        #expect(r.stdout.hasPrefix("{\"departments\": [\n  {\"department\": \"益阳市资阳区商务局\""))
    }

    /// The read caps apply in batch as in the other commands: a department whose tables pass
    /// --max-cells fails with the cap named, and the default lets it through.
    @Test func readLimitFlagsApply() throws {
        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let input = try input(dir)
        let cappedOut = dir.appendingPathComponent("capped").path
        let capped = try run(["batch", input.path, "-o", cappedOut, "--quiet", "--max-cells", "10"])
        #expect(capped.status == 3, "\(capped.stdout)\(capped.stderr)")
        #expect(capped.stdout.hasPrefix("某县农业农村局：失败"), "\(capped.stdout)")
        let report = try String(contentsOfFile: cappedOut + "/某县农业农村局/检查报告.txt", encoding: .utf8)
        #expect(report.contains("2020年预算.xlsx › 表1 收支总表: 错误: 单元格数量超过上限 10"), "\(report)")
        #expect(report.contains("2020年基本支出预算表.csv › 第 3 行: 错误: 单元格数量超过上限 10"), "\(report)")
        let plain = try run(["batch", input.path, "-o", dir.appendingPathComponent("plain").path, "--quiet"])
        #expect(plain.status == 0, "\(plain.stdout)\(plain.stderr)")
    }

    @Test func unreadableInputExitsOneAndUsageSixtyFour() throws {
        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let missing = try run(["batch", dir.appendingPathComponent("nowhere").path, "-o", dir.appendingPathComponent("o").path])
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("无法读取输入文件夹"))
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("o").path))

        let input = try input(dir)
        let inside = try run(["batch", input.path, "-o", input.appendingPathComponent("out").path])
        #expect(inside.status == 64)
        #expect(inside.stderr.contains("位于输入文件夹"))
        #expect(try run(["batch", input.path]).status == 64)
        #expect(try run(["batch", input.path, "-o", dir.appendingPathComponent("o").path, "--jobs", "0"]).status == 64)

        let out = dir.appendingPathComponent("o").path
        #expect(try run(["batch", input.path, "-o", out, "--quiet"]).status == 0)
        let again = try run(["batch", input.path, "-o", out, "--quiet"])
        #expect(again.status == 64)
        #expect(again.stderr.contains("--force"))
        #expect(try run(["batch", input.path, "-o", out, "--quiet", "--force"]).status == 0)
    }
}
