import Foundation
import Testing

/// Snapshot comparison for text outputs: `<folder>/<name>` beside the calling test file (`Snapshots/`
/// by default, `Golden/` for the forms) holds the expected text. `RECORD_SNAPSHOTS=1 swift test`
/// rewrites the files — and fails, so a recording run is never green.
public enum SnapshotCheck {
    public static func assert(
        _ actual: String, named name: String, folder: String = "Snapshots", file: StaticString = #filePath,
        sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) {
        let url = URL(fileURLWithPath: "\(file)").deletingLastPathComponent()
            .appendingPathComponent(folder).appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1" {
            do {
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(actual.utf8).write(to: url, options: .atomic)
                Issue.record("Recorded snapshot \(name); run again without RECORD_SNAPSHOTS", sourceLocation: sourceLocation)
            } catch {
                Issue.record("Cannot write snapshot \(url.path): \(error)", sourceLocation: sourceLocation)
            }
            return
        }
        guard let data = try? Data(contentsOf: url), let expected = String(data: data, encoding: .utf8) else {
            Issue.record("Missing snapshot \(url.path); record it with RECORD_SNAPSHOTS=1", sourceLocation: sourceLocation)
            return
        }
        if expected != actual {
            let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
            let actualLines = actual.split(separator: "\n", omittingEmptySubsequences: false)
            let first = Array(zip(expectedLines, actualLines)).firstIndex { $0.0 != $0.1 } ?? min(expectedLines.count, actualLines.count)
            let want = first < expectedLines.count ? String(expectedLines[first]) : "<end>"
            let got = first < actualLines.count ? String(actualLines[first]) : "<end>"
            Issue.record(
                "Snapshot \(name) differs at line \(first + 1):\n  expected: \(want)\n  actual:   \(got)",
                sourceLocation: sourceLocation)
        }
    }
}
