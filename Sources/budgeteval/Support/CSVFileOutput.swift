#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Spreadsheet

/// A UTF-8, RFC 4180 CSV output written to a temporary file beside the target and renamed into place
/// by `finish()` (so no partial file is ever left); `-` means stdout, copied out on `finish()`.
///
/// Interim until CSVFormat's `CSVWriter` is merged; it has the same shape (`write(row:)`, `finish()`,
/// `cancel()`) so the switch is a rename.
final class CSVFileOutput {
    private let target: String
    private let temporary: String
    private var file: UnsafeMutablePointer<FILE>?
    private var buffer: [UInt8] = []
    private let displayName: String

    init(path: String) throws {
        target = path
        displayName = path == "-" ? "stdout" : path
        if path == "-" {
            var template = Array("/tmp/budgeteval-stdout-XXXXXX".utf8CString)
            let fd = mkstemp(&template)
            guard fd >= 0 else { throw Self.ioError(path: "stdout", errno) }
            temporary = String(cString: template)
            file = fdopen(fd, "wb")
        } else {
            let slash = path.lastIndex(of: "/")
            let dir = slash.map { String(path[..<$0]) } ?? "."
            let base = slash.map { String(path[path.index(after: $0)...]) } ?? path
            StaleTemporaryFiles.remove(in: dir, target: base)
            var template = Array("\(dir)/.\(base).tmp-\(getpid())-XXXXXX".utf8CString)
            let fd = mkstemp(&template)
            guard fd >= 0 else { throw Self.ioError(path: path, errno) }
            fchmod(fd, 0o644)
            temporary = String(cString: template)
            file = fdopen(fd, "wb")
        }
        buffer.reserveCapacity(1 << 20)
    }

    deinit { cancel() }

    /// Appends one record, quoting fields that hold a comma, quote, CR or LF.
    func write(row: [String]) throws {
        var first = true
        for field in row {
            if !first { buffer.append(UInt8(ascii: ",")) }
            first = false
            var f = field
            f.withUTF8 { bytes in
                var needsQuotes = false
                for b in bytes where b == 0x2C || b == 0x22 || b == 0x0A || b == 0x0D {
                    needsQuotes = true
                    break
                }
                if !needsQuotes {
                    buffer.append(contentsOf: bytes)
                    return
                }
                buffer.append(0x22)
                for b in bytes {
                    if b == 0x22 { buffer.append(0x22) }
                    buffer.append(b)
                }
                buffer.append(0x22)
            }
        }
        buffer.append(0x0D)
        buffer.append(0x0A)
        if buffer.count >= 1 << 20 { try flush() }
    }

    private func flush() throws {
        guard let file, !buffer.isEmpty else { return }
        let n = buffer.withUnsafeBytes { fwrite($0.baseAddress, 1, $0.count, file) }
        guard n == buffer.count else { throw Self.ioError(path: displayName, errno) }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Flushes, then renames the temporary file onto the target (or copies it to stdout).
    func finish() throws {
        try flush()
        guard let f = file else { return }
        file = nil
        guard fflush(f) == 0, fclose(f) == 0 else {
            unlink(temporary)
            throw Self.ioError(path: displayName, errno)
        }
        if target == "-" {
            defer { unlink(temporary) }
            guard let input = fopen(temporary, "rb") else { throw Self.ioError(path: "stdout", errno) }
            defer { fclose(input) }
            var chunk = [UInt8](repeating: 0, count: 1 << 16)
            while true {
                let n = fread(&chunk, 1, chunk.count, input)
                if n == 0 { break }
                var written = 0
                while written < n {
                    let w = chunk.withUnsafeBytes { Glibc.write(1, $0.baseAddress! + written, n - written) }
                    guard w > 0 else { throw Self.ioError(path: "stdout", errno) }
                    written += w
                }
            }
        } else if rename(temporary, target) != 0 {
            let e = errno
            unlink(temporary)
            throw Self.ioError(path: target, e)
        }
    }

    /// Drops everything written so far; the target is left as it was.
    func cancel() {
        if let f = file {
            fclose(f)
            file = nil
            unlink(temporary)
        }
    }

    private static func ioError(path: String, _ code: Int32) -> SpreadsheetError {
        SpreadsheetError(.ioFailure(detail: String(cString: strerror(code))), at: InputLocation(file: path))
    }
}

/// Temporary files left by writers that were killed (`.out.csv.tmp-<pid>-XXXXXX`): removed before the
/// next write to the same target, but only when process `<pid>` no longer exists, so a concurrent
/// writer's file is never touched.
enum StaleTemporaryFiles {
    static func remove(in dir: String, target base: String) {
        guard let folder = opendir(dir) else { return }
        defer { closedir(folder) }
        let prefix = ".\(base).tmp-"
        while let entry = readdir(folder) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            guard name.hasPrefix(prefix) else { continue }
            let rest = name.dropFirst(prefix.count)
            guard let dash = rest.firstIndex(of: "-"), let pid = Int32(rest[..<dash]), pid > 0 else { continue }
            if kill(pid, 0) != 0 && errno == ESRCH { unlink("\(dir)/\(name)") }
        }
    }
}
