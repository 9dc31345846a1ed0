#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Temporary files left by writers that were killed mid-write (`.out.csv.tmp-<pid>-XXXXXX`,
/// `.自评表.xlsx.tmp-<pid>-XXXXXX`): the CSV and XLSX writers name theirs so.
///
/// A killed process cannot remove its own temporary file; the next writer for the same target
/// removes those whose process `<pid>` no longer exists, so a concurrent writer's file is never touched.
/// The corresponding C functions are `opendir`, `readdir`, `kill(pid, 0)` and `unlink`.
package enum StaleTemporaryFiles {
    /// Removes `folder/.<target>.tmp-<pid>-*` for every dead `<pid>`; `folder` ends without `/` or is `.`.
    package static func remove(in folder: String, target: String) {
        let dir = folder.hasSuffix("/") && folder.count > 1 ? String(folder.dropLast()) : folder
        guard let stream = opendir(dir) else { return }
        defer { closedir(stream) }
        let prefix = ".\(target).tmp-"
        while let entry = readdir(stream) {
            // Read d_name in place: glibc's records are only d_reclen long, so copying the whole
            // 256-byte array reads past the last one (found by FuzzCSV under AddressSanitizer).
            let name = String(cString: (UnsafeRawPointer(entry) + MemoryLayout<dirent>.offset(of: \dirent.d_name)!)
                .assumingMemoryBound(to: CChar.self))
            guard name.hasPrefix(prefix) else { continue }
            let rest = name.dropFirst(prefix.count)
            guard let dash = rest.firstIndex(of: "-"), let pid = Int32(rest[..<dash]), pid > 0 else { continue }
            if kill(pid, 0) != 0 && errno == ESRCH { unlink("\(dir)/\(name)") }
        }
    }
}
