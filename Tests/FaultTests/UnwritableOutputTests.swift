import CSVFormat
import Foundation
import Glibc
import Spreadsheet
import TestSupport
import Testing
import XLSXFormat

/// Output into a folder that cannot be written: a clear error, nothing created, a previous file kept.
///
/// Tests run as root in CI, where `chmod` does not stop root; so the read-only case uses a read-only
/// tmpfs when root can mount, `chmod 0555` when not root, and is skipped (with the reason) otherwise. The
/// "folder" that is a regular file (ENOTDIR) works for everyone.
@Suite struct UnwritableOutputTests {
    @Test func folderThatIsARegularFile() throws {
        let dir = try Fixtures.temporaryDirectory("budgeteval-fault")
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("plain.txt")
        try Data("not a folder".utf8).write(to: file)
        try expectRefused(folder: file.path, previous: nil)
        #expect(Fault.contents(dir) == ["plain.txt"])
    }

    @Test(.enabled(if: !Fault.isRoot || TmpfsMount.isAvailable,
                   "running as root (chmod does not stop root) and mount -t tmpfs is not permitted"))
    func readOnlyFolder() throws {
        if Fault.isRoot {
            let mount = try #require(TmpfsMount.make(sizeBytes: 1 << 20), "mount -t tmpfs failed")
            let previous = mount.url.appendingPathComponent("out")
            try Data("previous\r\n".utf8).write(to: previous.appendingPathExtension("csv"))
            try Data("previous xlsx".utf8).write(to: previous.appendingPathExtension("xlsx"))
            #expect(mount.remount(readOnly: true))
            try expectRefused(folder: mount.url.path, previous: previous)
            #expect(Fault.contents(mount.url) == ["out.csv", "out.xlsx"])
        } else {
            let dir = try Fixtures.temporaryDirectory("budgeteval-fault")
            defer {
                chmod(dir.path, 0o755)
                try? FileManager.default.removeItem(at: dir)
            }
            let previous = dir.appendingPathComponent("out")
            try Data("previous\r\n".utf8).write(to: previous.appendingPathExtension("csv"))
            try Data("previous xlsx".utf8).write(to: previous.appendingPathExtension("xlsx"))
            #expect(chmod(dir.path, 0o555) == 0)
            try expectRefused(folder: dir.path, previous: previous)
            #expect(Fault.contents(dir) == ["out.csv", "out.xlsx"])
        }
    }

    /// CSVWriter, XLSXWriter and `convert` all refuse `folder/out.*` with an error naming the file.
    private func expectRefused(folder: String, previous: URL?) throws {
        let csv = "\(folder)/out.csv", xlsx = "\(folder)/out.xlsx"
        do {
            let writer = try CSVWriter(path: csv)
            try writer.write(row: ["a"])
            try writer.finish()
            Issue.record("CSVWriter wrote into \(folder)")
        } catch {
            guard case .cannotOpen = error.reason else { Issue.record("CSVWriter: \(error)"); return }
            #expect(error.location.file == csv)
        }
        do {
            let writer = try XLSXWriter(path: xlsx)
            try writer.beginSheet(name: "表")
            try writer.write(row: Row(index: 0, cells: [Cell(column: 0, value: .text("a"))]))
            try writer.close()
            Issue.record("XLSXWriter wrote into \(folder)")
        } catch let error as SpreadsheetError {
            guard case .ioFailure = error.reason else { Issue.record("XLSXWriter: \(error)"); return }
            #expect(error.location.file == xlsx)
        }
        let bin = try #require(Fault.binary, "budgeteval is not built beside the tests")
        let input = try Fixtures.temporaryDirectory("budgeteval-fault-in")
        defer { try? FileManager.default.removeItem(at: input) }
        let book = try MinimalWorkbook.rows(10).write(to: input, name: "in.xlsx")
        let result = try Fault.run(bin, ["convert", book, csv])
        #expect(result.status == 1)
        #expect(Fault.hasChinese(result.stderr), "stderr: \(result.stderr)")
        if let previous {
            #expect(try String(contentsOf: previous.appendingPathExtension("csv"), encoding: .utf8) == "previous\r\n")
            #expect(try String(contentsOf: previous.appendingPathExtension("xlsx"), encoding: .utf8) == "previous xlsx")
        }
    }
}
