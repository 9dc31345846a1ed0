import Foundation
import Testing

/// One run of the built `.build/debug/budgeteval`: its exit status and what it printed.
public struct Run {
    public var status: Int32
    public var stdout: String
    public var stderr: String

    /// Runs the binary with `arguments`; records an issue (status -1) when it has not been built.
    /// Standard error is drained on its own thread so a chatty command cannot fill the pipe and stall.
    /// `environment` overrides the inherited variables; a nil value removes one. `directory` is the working
    /// directory (the caller's when nil).
    public static func budgeteval(
        _ arguments: [String], environment: [String: String?] = [:], in directory: URL? = nil
    ) throws -> Run {
        let binary = Fixtures.repositoryRoot().appendingPathComponent(".build/debug/budgeteval")
        guard FileManager.default.isExecutableFile(atPath: binary.path) else {
            Issue.record("build the binary first: swift build")
            return Run(status: -1, stdout: "", stderr: "")
        }
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        if !environment.isEmpty {
            var merged = ProcessInfo.processInfo.environment
            for (name, value) in environment { merged[name] = value }
            process.environment = merged
        }
        process.currentDirectoryURL = directory
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        nonisolated(unsafe) var stderr = Data()
        let drained = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            stderr = err.fileHandleForReading.readDataToEndOfFile()
            drained.signal()
        }
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        drained.wait()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                   stderr: String(decoding: stderr, as: UTF8.self))
    }
}
