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
        let names = [".out.csv.tmp-\(dead)-AbC123", ".out.csv.tmp-\(getpid())-XyZ789", ".other.csv.tmp-\(dead)-Q",
                     ".out.csv.tmp-Legacy", "out.csv"]
        for name in names { try Data("x".utf8).write(to: dir.appendingPathComponent(name)) }
        StaleTemporaryFiles.remove(in: dir.path, target: "out.csv")
        #expect(Fault.contents(dir) == names.dropFirst().sorted())
        let writer = try CSVWriter(path: dir.appendingPathComponent("other.csv").path)
        try writer.write(row: ["a"])
        try writer.finish()
        #expect(!Fault.contents(dir).contains(".other.csv.tmp-\(dead)-Q"))
    }
}
