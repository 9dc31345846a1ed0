/// FuzzSupport — what every libFuzzer target shares: a per-process scratch file and the rule that a
/// reader may only fail with its own error type.
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

public enum FuzzScratch {
    /// A path in the temporary folder unique to this process, with the given extension.
    public static func path(_ ext: String) -> String {
        let dir = getenv("TMPDIR").map { String(cString: $0) } ?? "/tmp"
        return "\(dir)/budgeteval-fuzz-\(getpid()).\(ext)"
    }

    /// Writes `bytes` to `path` (replacing it); traps if the file system refuses, since then the
    /// fuzzer measures nothing.
    public static func write(_ data: UnsafeRawBufferPointer, to path: String) {
        guard let f = fopen(path, "wb") else { fatalError("cannot write \(path)") }
        if data.count > 0, fwrite(data.baseAddress, 1, data.count, f) != data.count { fatalError("short write \(path)") }
        fclose(f)
    }
}

/// Stops the fuzzer with a message: a broken invariant is a finding, like a crash.
public func fuzzFinding(_ message: String) -> Never {
    let line = Array("FUZZ FINDING: \(message)\n".utf8)
    _ = line.withUnsafeBytes { write(2, $0.baseAddress, $0.count) }
    abort()
}

/// libFuzzer's `LLVMFuzzerRunDriver` (libFuzzer ≥ 11): runs the fuzzing loop with a test callback.
@_silgen_name("LLVMFuzzerRunDriver")
private func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<Int32>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ test: @convention(c) (UnsafePointer<UInt8>, Int) -> Int32) -> Int32

/// The process entry for a fuzz target built as a SwiftPM executable.
///
/// In debug builds on Linux SwiftPM links executables with `--defsym main=<Target>_main` (so tests can
/// import them), which hides libFuzzer's own `main`; each target therefore defines `<Target>_main`
/// with `@_cdecl` and calls this, which hands control to libFuzzer's driver.
public func runFuzzer(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?,
                      _ test: @convention(c) (UnsafePointer<UInt8>, Int) -> Int32) -> Int32 {
    var count = argc
    var vector = argv
    return LLVMFuzzerRunDriver(&count, &vector, test)
}
