import Foundation
import Glibc
import TestSupport
import Testing

/// `convert` killed with SIGKILL in the middle of writing: the previous output is intact, no partial
/// `out.csv` ever appears. The killed process cannot remove its temporary file: it stays as the hidden
/// `.out.csv.tmp-<pid>@<host>-XXXXXX` beside the target (never mistaken for output), and the next write to
/// the same target removes it once its process is gone.
@Suite struct KilledWriteTests {
    @Test func killedConvertLeavesThePreviousFile() throws {
        let bin = try #require(Fault.binary, "budgeteval is not built beside the tests")
        let dir = try Fixtures.temporaryDirectory("budgeteval-fault")
        defer { try? FileManager.default.removeItem(at: dir) }
        let book = try MinimalWorkbook.rows(150_000).write(to: dir, name: "in.xlsx")
        let outDir = dir.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: outDir, withIntermediateDirectories: true)
        let out = outDir.appendingPathComponent("out.csv")
        try Data("previous\r\n".utf8).write(to: out)

        let process = Process()
        process.executableURL = URL(fileURLWithPath: bin)
        process.arguments = ["convert", book, out.path]
        process.standardError = FileHandle.nullDevice
        try process.run()
        // Wait until the temporary file has received data, then kill.
        var temporary: String?
        while process.isRunning, temporary == nil {
            temporary = Fault.contents(outDir).first { name in
                guard name.hasPrefix(".out.csv.tmp-") else { return false }
                let size = (try? FileManager.default.attributesOfItem(atPath: outDir.appendingPathComponent(name).path)[.size]) as? Int
                return (size ?? 0) > 0
            }
            if temporary == nil { usleep(1_000) }
        }
        let killedMidWrite = process.isRunning && temporary != nil
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        try #require(killedMidWrite, "convert finished before it could be killed; make the input bigger")
        #expect(process.terminationReason == .uncaughtSignal)

        #expect(try String(contentsOf: out, encoding: .utf8) == "previous\r\n")
        let left = Fault.contents(outDir)
        #expect(left.filter { !$0.hasPrefix(".") } == ["out.csv"])
        #expect(left.filter { $0.hasPrefix(".") }.allSatisfy { $0.hasPrefix(".out.csv.tmp-") })

        // The next successful write replaces the file and clears the dead process's temporary file.
        let small = try MinimalWorkbook.rows(3).write(to: dir, name: "small.xlsx")
        let again = try Fault.run(bin, ["convert", small, out.path])
        #expect(again.status == 0, "stderr: \(again.stderr)")
        #expect(try String(contentsOf: out, encoding: .utf8) == String(repeating: "行 row text,1.25\r\n", count: 3))
        #expect(Fault.contents(outDir) == ["out.csv"])
    }
}

/// The same for a workbook: `convert` to XLSX killed while libzip writes the package. libzip's own
/// temporary file (`<target>.XXXXXX`) used to stay visible beside the target; now the package is built
/// under the hidden `.out.xlsx.tmp-<pid>@<host>-XXXXXX` and renamed by us, so only hidden files can be left,
/// and the next write clears them.
@Suite struct KilledWorkbookWriteTests {
    @Test func killedWorkbookConvertLeavesOnlyHiddenFiles() throws {
        let bin = try #require(Fault.binary, "budgeteval is not built beside the tests")
        let dir = try Fixtures.temporaryDirectory("budgeteval-fault")
        defer { try? FileManager.default.removeItem(at: dir) }
        let csv = dir.appendingPathComponent("in.csv")
        var text = "编码,名称,金额\r\n"
        for i in 0..<300_000 { text += "\(200_000 + i),科目 \(i % 977),\(i).25\r\n" }
        try Data(text.utf8).write(to: csv)
        let outDir = dir.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: outDir, withIntermediateDirectories: true)
        let out = outDir.appendingPathComponent("out.xlsx")
        try Data("previous".utf8).write(to: out)

        let process = Process()
        process.executableURL = URL(fileURLWithPath: bin)
        process.arguments = ["convert", csv.path, out.path]
        process.standardError = FileHandle.nullDevice
        try process.run()
        // Wait for the package itself to receive bytes (zip_close is running), then kill.
        var writing = false
        while process.isRunning, !writing {
            writing = Fault.contents(outDir).contains { name in
                guard name.hasPrefix(".out.xlsx.tmp-") else { return false }
                let size = (try? FileManager.default.attributesOfItem(atPath: outDir.appendingPathComponent(name).path)[.size]) as? Int
                return (size ?? 0) > 0
            }
            if !writing { usleep(500) }
        }
        let killedMidWrite = process.isRunning && writing
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        try #require(killedMidWrite, "convert finished before it could be killed; make the input bigger")

        #expect(try String(contentsOf: out, encoding: .utf8) == "previous")
        let left = Fault.contents(outDir)
        #expect(left.filter { !$0.hasPrefix(".") } == ["out.xlsx"], "\(left)")
        #expect(left.filter { $0.hasPrefix(".") }.allSatisfy { $0.hasPrefix(".out.xlsx.tmp-") }, "\(left)")
        #expect(left.count > 1)

        let small = dir.appendingPathComponent("small.csv")
        try Data("a,1\r\n".utf8).write(to: small)
        let again = try Fault.run(bin, ["convert", small.path, out.path])
        #expect(again.status == 0, "stderr: \(again.stderr)")
        #expect(Fault.contents(outDir) == ["out.xlsx"])
        let mode = try FileManager.default.attributesOfItem(atPath: out.path)[.posixPermissions] as? Int
        #expect(mode == 0o644)
    }
}

/// New outputs get the permissions the user's umask gives any new file (finance data stays private
/// under `umask 077`); a replaced output keeps the permissions it had.
@Suite struct OutputPermissionTests {
    func mode(_ url: URL) throws -> Int {
        try #require(try FileManager.default.attributesOfItem(atPath: url.path)[.posixPermissions] as? Int)
    }

    @Test func umaskDecidesNewFilesAndReplacedFilesKeepTheirs() throws {
        let bin = try #require(Fault.binary, "budgeteval is not built beside the tests")
        let dir = try Fixtures.temporaryDirectory("budgeteval-mode")
        defer { try? FileManager.default.removeItem(at: dir) }
        let csv = dir.appendingPathComponent("in.csv")
        try Data("编码,金额\r\n201,1.5\r\n".utf8).write(to: csv)
        for name in ["out.csv", "out.xlsx"] {
            let out = dir.appendingPathComponent(name)
            let run = try Fault.run("/bin/sh", ["-c", "umask 077 && exec \"$0\" convert \"$1\" \"$2\"", bin, csv.path, out.path])
            #expect(run.status == 0, "\(run.stderr)")
            #expect(try mode(out) == 0o600, "\(name)")
            try FileManager.default.setAttributes([.posixPermissions: 0o640], ofItemAtPath: out.path)
            let again = try Fault.run("/bin/sh", ["-c", "umask 022 && exec \"$0\" convert \"$1\" \"$2\"", bin, csv.path, out.path])
            #expect(again.status == 0, "\(again.stderr)")
            #expect(try mode(out) == 0o640, "\(name)")
        }
        #expect(Fault.contents(dir) == ["in.csv", "out.csv", "out.xlsx"])
    }
}
