import CSVFormat
import Foundation
import Glibc
import Spreadsheet
import TestSupport
import Testing
import XLSXFormat

/// Writing onto a full disk: an I/O error, the previous file intact, no partial or temporary file.
///
/// The disk is a 64 KiB tmpfs when the tests run as root and may mount (CI); the `convert` case also
/// runs everywhere under a file-size limit (`ulimit -f`, SIGXFSZ ignored, so writes fail with EFBIG).
@Suite struct DiskFullTests {
    static let rows = 20_000

    @Test(.enabled(if: TmpfsMount.isAvailable, TmpfsMount.unavailableReason))
    func csvWriterOnAFullDisk() throws {
        let disk = try #require(TmpfsMount.make(sizeBytes: 64 << 10), "mount -t tmpfs failed")
        let path = disk.url.appendingPathComponent("out.csv").path
        try Data("previous\r\n".utf8).write(to: URL(fileURLWithPath: path))
        var failure: SpreadsheetError?
        do {
            let writer = try CSVWriter(path: path)
            for i in 0..<Self.rows { try writer.write(row: ["第 \(i) 行", "\(i).25", String(repeating: "x", count: 40)]) }
            try writer.finish()
        } catch {
            failure = error
        }
        guard case .ioFailure(let detail)? = failure?.reason else {
            Issue.record("expected ioFailure, got \(String(describing: failure))")
            return
        }
        #expect(detail.contains("space"))
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "previous\r\n")
        #expect(Fault.contents(disk.url) == ["out.csv"])
    }

    @Test(.enabled(if: TmpfsMount.isAvailable, TmpfsMount.unavailableReason))
    func xlsxWriterOnAFullDisk() throws {
        let disk = try #require(TmpfsMount.make(sizeBytes: 64 << 10), "mount -t tmpfs failed")
        let path = disk.url.appendingPathComponent("book.xlsx").path
        try Data("previous".utf8).write(to: URL(fileURLWithPath: path))
        var failure: SpreadsheetError?
        do {
            let writer = try XLSXWriter(path: path)
            try writer.beginSheet(name: "支出表")
            for i in 0..<Self.rows {
                try writer.write(row: Row(index: i, cells: [Cell(column: 0, value: .text("第 \(i) 行 \(i * 7919)")),
                                                            Cell(column: 1, value: .number("\(i).25"))]))
            }
            try writer.close()
        } catch let error as SpreadsheetError {
            failure = error
        }
        guard case .ioFailure? = failure?.reason else {
            Issue.record("expected ioFailure, got \(String(describing: failure))")
            return
        }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "previous")
        #expect(Fault.contents(disk.url) == ["book.xlsx"])
    }

    @Test(.enabled(if: TmpfsMount.isAvailable, TmpfsMount.unavailableReason))
    func convertOnAFullDisk() throws {
        let disk = try #require(TmpfsMount.make(sizeBytes: 64 << 10), "mount -t tmpfs failed")
        try expectConvertFails(outputFolder: disk.url, wrapper: [])
    }

    /// No mount needed: the child runs under `ulimit -f 16` (16 KiB) with SIGXFSZ ignored.
    @Test func convertUnderAFileSizeLimit() throws {
        let dir = try Fixtures.temporaryDirectory("budgeteval-fault")
        defer { try? FileManager.default.removeItem(at: dir) }
        try expectConvertFails(outputFolder: dir, wrapper: ["/bin/bash", "-c", "trap '' XFSZ; ulimit -f 16; exec \"$@\"", "bash"])
    }

    private func expectConvertFails(outputFolder: URL, wrapper: [String]) throws {
        let bin = try #require(Fault.binary, "budgeteval is not built beside the tests")
        let input = try Fixtures.temporaryDirectory("budgeteval-fault-in")
        defer { try? FileManager.default.removeItem(at: input) }
        let book = try MinimalWorkbook.rows(Self.rows).write(to: input, name: "in.xlsx")
        let out = outputFolder.appendingPathComponent("out.csv")
        try Data("previous\r\n".utf8).write(to: out)
        let command = wrapper + [bin, "convert", book, out.path]
        let result = try Fault.run(command[0], Array(command.dropFirst()))
        #expect(result.status == 1, "stderr: \(result.stderr)")
        #expect(Fault.hasChinese(result.stderr), "stderr: \(result.stderr)")
        #expect(result.stderr.contains("out.csv"))
        #expect(try String(contentsOf: out, encoding: .utf8) == "previous\r\n")
        #expect(Fault.contents(outputFolder) == ["out.csv"])
    }
}
