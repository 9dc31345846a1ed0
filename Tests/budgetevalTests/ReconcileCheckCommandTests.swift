import Foundation
import TestSupport
import Testing

/// End-to-end: the built `budgeteval reconcile` / `check` on the samples. The terminal output must equal
/// the snapshots the pipeline tests record (Tests/ReconcilePipelineTests/Snapshots), so the command
/// prints exactly what the library renders; exit codes 0 / 3 / 1 / 64.
@Suite struct ReconcileCheckCommandTests {
    static let root = Fixtures.repositoryRoot()
    static let snapshots = root.appendingPathComponent("Tests/ReconcilePipelineTests/Snapshots")

    static func samples(_ department: String) throws -> [String] {
        let folder = root.appendingPathComponent("Samples").appendingPathComponent(department)
        return try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
            .map { folder.appendingPathComponent($0).path }
    }

    func run(_ arguments: [String]) throws -> Run { try Run.budgeteval(arguments) }

    func snapshot(_ name: String) throws -> String {
        try String(contentsOf: Self.snapshots.appendingPathComponent(name), encoding: .utf8)
    }

    @Test func reconcilePrintsTheTableAndFindingsAndExits3() throws {
        let r = try run(["reconcile"] + Self.samples("益阳市资阳区商务局"))
        #expect(r.status == 3)
        #expect(r.stderr.isEmpty)
        #expect(r.stdout == (try snapshot("seed-reconcile.txt")))
    }

    @Test func checkPrintsCompilerStyleLinesInEnglish() throws {
        let r = try run(["check", "--lang", "en"] + Self.samples("益阳市资阳区商务局"))
        #expect(r.status == 3)
        #expect(r.stdout == (try snapshot("seed-check.en.txt")))
        #expect(!r.stdout.contains("\u{1B}["))
    }

    @Test func jsonDocumentsMatchTheSnapshots() throws {
        let files = try Self.samples("益阳市资阳区商务局")
        #expect(try run(["reconcile", "--json"] + files).stdout == (try snapshot("seed-reconcile.json")))
        #expect(try run(["check", "--json"] + files).stdout == (try snapshot("seed-check.json")))
    }

    @Test func secondDepartmentExits0AndStrictToo() throws {
        let files = try Self.samples("某县农业农村局")
        let r = try run(["check"] + files)
        #expect(r.status == 0)
        #expect(r.stdout == (try snapshot("second-check.txt")))
        #expect(try run(["check", "--strict"] + files).status == 0)
    }

    @Test func usageAndUnreadableInput() throws {
        #expect(try run(["check"]).status == 64)
        #expect(try run(["reconcile", "--low-rate", "abc", "x.xlsx"]).status == 64)
        let missing = try run(["check", "/nonexistent/预算.xlsx"])
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("预算.xlsx"))
    }
}
