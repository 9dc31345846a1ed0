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

/// The human-readable listing without --json.
@Suite struct InspectTextTests {
    @Test func textListsTablesColumnsAndNotes() throws {
        let report = try InspectReport(path: Samples.path(Samples.seed, "2020年三公经费.csv"))
        let zh = report.text(.zh)
        #expect(zh.hasPrefix("2020年三公经费.csv (csv)\n编码: gb18030\n分隔符: ,\n1. 2020年三公经费.csv: A1:L7\n"))
        #expect(zh.contains("1. threePublic [both] 财政拨款“三公”经费支出决算表 (A1:L6，单位：万元)\n"))
        #expect(zh.contains("   编制单位 益阳市资阳区商务局；年度 2020；表号 公开07表；表头行 3–5；数据行 1\n"))
        #expect(zh.contains("   L   reception.actual ← 决算数/公务接待费\n"))
        #expect(zh.contains("   说明：决算表中的“预算数”未注明年初或全年"))
        let en = report.text(.en)
        #expect(en.contains("prepared by 益阳市资阳区商务局; year 2020; table code 公开07表; header rows 3–5; data rows 1"))
    }
}

/// A table the project has no kind for is listed under `tables` as `other`, not under `errors`.
@Suite struct InspectOtherTableTests {
    @Test func otherTableListedUnderTables() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("recog-other-\(UUID().uuidString).csv")
        try Data("2019年政府采购预算表\n部门：某省某厅,,单位：万元\n采购品目大类,专项名称,金额\n货物,办公设备,10\n".utf8)
            .write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        let report = try InspectReport(path: url.path)
        let object = try JSONSerialization.jsonObject(with: Data(report.json.utf8)) as? [String: Any]
        let tables = object?["tables"] as? [[String: Any]]
        #expect(tables?.count == 1)
        #expect(tables?.first?["kind"] as? String == "other")
        #expect(tables?.first?["title"] as? String == "2019年政府采购预算表")
        #expect((object?["errors"] as? [Any])?.isEmpty == true)
    }
}
