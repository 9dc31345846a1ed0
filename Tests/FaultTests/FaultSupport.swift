import Foundation
import Glibc
import TestSupport
import Testing

/// What the fault tests need around them: scratch folders, small tmpfs mounts, the built binary.
enum Fault {
    /// The `budgeteval` executable built beside the test bundle (`swift build --build-tests` builds both).
    static var binary: String? {
        guard let exe = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") else { return nil }
        var dir = URL(fileURLWithPath: exe).deletingLastPathComponent()
        if dir.path.hasSuffix(".xctest/Contents/MacOS") { dir = dir.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent() }
        let path = dir.appendingPathComponent("budgeteval").path
        return FileManager.default.isExecutableFile(atPath: path) ? path : nil
    }

    static var isRoot: Bool { geteuid() == 0 }

    /// Names in `folder`, sorted (hidden ones included).
    static func contents(_ folder: URL) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted()
    }

    /// Runs `executable` with `arguments`; returns exit status (or 128 + signal), stdout and stderr.
    @discardableResult
    static func run(_ executable: String, _ arguments: [String]) throws -> (status: Int32, stdout: String, stderr: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let status = process.terminationReason == .uncaughtSignal ? 128 + process.terminationStatus : process.terminationStatus
        return (status, String(decoding: stdout, as: UTF8.self), String(decoding: stderr, as: UTF8.self))
    }

    /// True when `text` holds a CJK ideograph (the Chinese message).
    static func hasChinese(_ text: String) -> Bool {
        text.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) }
    }
}

/// A tmpfs mounted on a fresh folder (root only): `size` bytes, optionally read-only. Nil when this
/// machine cannot mount (not root, no CAP_SYS_ADMIN); tests that need one are enabled by `isAvailable`.
final class TmpfsMount {
    let url: URL

    /// Whether this process may mount a tmpfs (tried once, with a 4 KiB mount that is removed at once).
    static let isAvailable: Bool = make(sizeBytes: 4096) != nil

    /// The reason printed for a test skipped because `isAvailable` is false.
    static let unavailableReason: Comment = "needs root and mount -t tmpfs (CAP_SYS_ADMIN)"

    private init(url: URL) { self.url = url }

    static func make(sizeBytes: Int, readOnly: Bool = false) -> TmpfsMount? {
        guard Fault.isRoot, let dir = try? Fixtures.temporaryDirectory("budgeteval-tmpfs") else { return nil }
        let options = "size=\(sizeBytes)" + (readOnly ? ",ro" : "")
        guard let result = try? Fault.run("/bin/mount", ["-t", "tmpfs", "-o", options, "tmpfs", dir.path]),
              result.status == 0 else {
            try? FileManager.default.removeItem(at: dir)
            return nil
        }
        return TmpfsMount(url: dir)
    }

    /// Remounts read-write or read-only (to put a previous file in place first).
    func remount(readOnly: Bool) -> Bool {
        (try? Fault.run("/bin/mount", ["-o", "remount,\(readOnly ? "ro" : "rw")", url.path]))?.status == 0
    }

    deinit {
        _ = try? Fault.run("/bin/umount", ["-l", url.path])
        try? FileManager.default.removeItem(at: url)
    }
}
