@testable import CSVFormat
import Spreadsheet
import Foundation
import TestSupport
import Testing

/// The next CSVWriter for a target removes temporary files of dead writers, and only those.
/// (FuzzCSV found the first version reading past the directory buffer under AddressSanitizer:
/// `Fixtures/fuzz/csv-readdir-overread.bin` in HostileTests is the input; any input did it.)
@Suite struct StaleTemporaryFileTests {
    @Test func onlyDeadWritersFilesForThisTargetGo() throws {
        let dir = try Fixtures.temporaryDirectory("budgeteval-stale")
        defer { try? FileManager.default.removeItem(at: dir) }
        let finished = Process()
        finished.executableURL = URL(fileURLWithPath: "/bin/true")
        try finished.run()
        finished.waitUntilExit()
        let dead = finished.processIdentifier
        let host = TemporaryFile.hostName
        // Dead here (both namings) go; alive here, another target, another host, unparsable stay.
        let stale = [".out.csv.tmp-\(dead)@\(host)-AbC123", ".out.csv.tmp-\(dead)-AbC124"]
        let kept = [".out.csv.tmp-\(getpid())@\(host)-XyZ789", ".other.csv.tmp-\(dead)@\(host)-Q",
                    ".out.csv.tmp-\(dead)@elsewhere-Rst456", ".out.csv.tmp-Legacy", "out.csv"]
        for name in stale + kept { try Data("x".utf8).write(to: dir.appendingPathComponent(name)) }
        TemporaryFile.removeStale(in: dir.path, target: "out.csv")
        #expect(Fault.contents(dir) == kept.sorted())
        let writer = try CSVWriter(path: dir.appendingPathComponent("other.csv").path)
        try writer.write(row: ["a"])
        try writer.finish()
        #expect(!Fault.contents(dir).contains(".other.csv.tmp-\(dead)@\(host)-Q"))
    }
}
