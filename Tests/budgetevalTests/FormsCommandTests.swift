import Foundation
import TestSupport
import Testing

/// End-to-end: `budgeteval forms` on the sample departments — files written, exit codes (0, 1, 3),
/// `--unit 元`, `--profile`, `--split`, `--csv`.
@Suite struct FormsCommandTests {
    static let root = Fixtures.repositoryRoot()

    func sample(_ department: String) throws -> [String] {
        let folder = Self.root.appendingPathComponent("Samples").appendingPathComponent(department)
        return try FileManager.default.contentsOfDirectory(atPath: folder.path)
            .filter { $0.hasSuffix(".xlsx") || $0.hasSuffix(".csv") }.sorted()
            .map { folder.appendingPathComponent($0).path }
    }

    func run(_ arguments: [String]) throws -> Run { try Run.budgeteval(arguments) }

    @Test func seedDepartmentWritesEverythingAndExits3OnErrors() throws {
        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let output = dir.appendingPathComponent("自评表.xlsx").path
        let r = try run(["forms"] + (try sample("益阳市资阳区商务局")) + [
            "-o", output, "--split", dir.appendingPathComponent("split").path, "--csv", dir.appendingPathComponent("csv").path,
        ])
        #expect(r.status == 3)
        #expect(r.stdout.contains("评分方案："))
        #expect(r.stdout.contains("外商直接投资"))
        #expect(FileManager.default.fileExists(atPath: output))
        let split = try FileManager.default.contentsOfDirectory(atPath: dir.appendingPathComponent("split").path)
        #expect(split.count == 9)
        let csv = try FileManager.default.contentsOfDirectory(atPath: dir.appendingPathComponent("csv").path)
        #expect(csv.contains("部门整体支出绩效自评表.csv") && csv.contains("检查结果.csv") && csv.count == 13)
    }

    @Test func secondDepartmentExits0AndJSONHasTheIssueShape() throws {
        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try run(["forms"] + (try sample("某县农业农村局")) + ["-o", dir.appendingPathComponent("a.xlsx").path, "--json"])
        #expect(r.status == 0)
        let doc = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        #expect(doc["profile"] as? String == "default")
        let department = try #require(doc["department"] as? [String: Any])
        // Every point scored (执行率 + its complete 部门整体绩效目标 sheet): graded.
        #expect(department["grade"] as? String == "excellent")
        #expect(department["scoredWeight"] as? String == "100.00")
        #expect(department["fullWeight"] as? String == "100.00")
        let projects = try #require(doc["projects"] as? [[String: Any]])
        #expect(projects.count == 3)
        for key in ["name", "initialBudget", "adjustedBudget", "actual", "executionRate", "executionScore", "indicators", "totalScore", "grade"] {
            #expect(projects[0][key] != nil, "missing \(key)")
        }
    }

    @Test func unitYuanAndBadProfile() throws {
        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let files = ["forms"] + (try sample("某县农业农村局"))
        let yuan = try run(files + ["-o", dir.appendingPathComponent("y.xlsx").path, "--unit", "元", "--json"])
        #expect(yuan.status == 0)
        #expect(yuan.stdout.contains("\"unit\": \"元\""))
        let profile = dir.appendingPathComponent("bad.json")
        try Data(#"{"id": 1}"#.utf8).write(to: profile)
        let bad = try run(files + ["-o", dir.appendingPathComponent("b.xlsx").path, "--profile", profile.path])
        #expect(bad.status == 1)
        #expect(bad.stderr.contains("bad.json"))
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("b.xlsx").path))
    }
}
