import Foundation
import Pipeline
import Testing
import TestSupport

/// `inspect --json` on every sample file, compared byte for byte with Snapshots/<department>__<file>.json.
///
/// `RECORD_SNAPSHOTS=1 swift test --filter InspectSnapshotTests` rewrites them; a recording run always
/// fails, so a new baseline can never pass unseen: read the diff, then run again without the variable.
@Suite struct InspectSnapshotTests {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Snapshots")

    @Test(arguments: try Samples.allFiles())
    func inspectJSON(_ relative: String) throws {
        let report = try InspectReport(path: Samples.root.appendingPathComponent(relative).path)
        let actual = report.json
        let name = relative.replacingOccurrences(of: "/", with: "__") + ".json"
        let url = Self.directory.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] != nil {
            try FileManager.default.createDirectory(at: Self.directory, withIntermediateDirectories: true)
            try Data(actual.utf8).write(to: url)
            Issue.record("recorded \(name); check the diff and run again without RECORD_SNAPSHOTS")
            return
        }
        guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
            Issue.record("no snapshot \(name); run with RECORD_SNAPSHOTS=1 to record it")
            return
        }
        #expect(actual == expected, "inspect --json of \(relative) differs from Snapshots/\(name)")
    }

    /// The same JSON the command prints is valid JSON with the documented keys in order.
    @Test func jsonParsesWithDocumentedKeys() throws {
        let report = try InspectReport(path: Samples.path(Samples.seed, "2020年三公经费.csv"))
        let object = try JSONSerialization.jsonObject(with: Data(report.json.utf8)) as? [String: Any]
        let table = (object?["tables"] as? [[String: Any]])?.first
        #expect(object?["sheets"] != nil)
        #expect(table?["sheet"] is NSNull)
        #expect(table?["range"] as? String == "A1:L6")
        #expect(table?["headerRows"] as? [Int] == [3, 4, 5])
        #expect(table?["unit"] as? String == "万元")
        let keys = ["kind", "side", "title", "preparedBy", "year", "sheet", "range", "unit", "headerRows", "columns",
                    "dataRows", "totalRows"]
        let positions = keys.map { report.json.range(of: "\"\($0)\":")?.lowerBound }
        #expect(!positions.contains(nil))
        #expect(positions.compactMap { $0 } == positions.compactMap { $0 }.sorted())
    }
}
