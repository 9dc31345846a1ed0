#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The hidden temporary file a writer fills before renaming it onto its target (临时文件):
/// `.<target>.tmp-<pid>@<host>-XXXXXX` beside the target. The CSV and XLSX writers use it.
///
/// - It is created with `O_CREAT | O_EXCL | O_NOFOLLOW` and mode 0666, so the user's umask decides
///   its permissions as for any new file; when the target exists, the target's permissions are
///   copied onto the open descriptor (never through a path another user could swap for a symlink).
/// - A killed writer cannot remove its file. The next writer for the same target removes those of
///   dead writers (`removeStale`): files named with this host whose process no longer exists. A
///   file from another host or container (a shared or network folder, where the process cannot be
///   seen) is left alone, so a live writer elsewhere never loses its file.
package enum TemporaryFile {
    /// Creates the temporary file for `target` (a path; its folder must exist), after removing stale
    /// ones. Returns the open descriptor and the path, or the `errno` of the failure.
    package static func create(for target: String) -> Result<(descriptor: Int32, path: String), Errno> {
        let (folder, name) = split(target)
        removeStale(in: folder.isEmpty ? "." : folder, target: name)
        var existing = stat()
        let mode: mode_t? = stat(target, &existing) == 0 ? existing.st_mode & 0o7777 : nil
        let prefix = "\(folder).\(name).tmp-\(getpid())@\(hostName)-"
        let letters = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
        for _ in 0..<100 {
            let suffix = String((0..<6).map { _ in letters[Int.random(in: 0..<letters.count)] })
            let path = prefix + suffix
            let descriptor = open(path, O_RDWR | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o666)
            if descriptor >= 0 {
                if let mode { fchmod(descriptor, mode) }
                return .success((descriptor, path))
            }
            if errno != EEXIST { return .failure(Errno(code: errno)) }
        }
        return .failure(Errno(code: EEXIST))
    }

    /// An `errno` value.
    package struct Errno: Error, Equatable {
        package var code: Int32
    }

    /// Removes `folder/.<target>.tmp-<pid>@<this host>-*` whose process is gone (and the
    /// `.<target>.tmp-<pid>-*` files of earlier versions, which named no host); `folder` ends without
    /// `/` or is `.`. The corresponding C functions are `opendir`, `readdir`, `kill(pid, 0)` and `unlink`.
    package static func removeStale(in folder: String, target: String) {
        let dir = folder.hasSuffix("/") && folder.count > 1 ? String(folder.dropLast()) : folder
        guard let stream = opendir(dir) else { return }
        defer { closedir(stream) }
        let prefix = ".\(target).tmp-"
        let host = hostName
        while let entry = readdir(stream) {
            // Read d_name in place: glibc's records are only d_reclen long, so copying the whole
            // 256-byte array reads past the last one (found by FuzzCSV under AddressSanitizer).
            let name = String(cString: (UnsafeRawPointer(entry) + MemoryLayout<dirent>.offset(of: \dirent.d_name)!)
                .assumingMemoryBound(to: CChar.self))
            guard name.hasPrefix(prefix) else { continue }
            let rest = name.dropFirst(prefix.count)
            guard let dash = rest.lastIndex(of: "-") else { continue }
            let owner = rest[..<dash]  // "<pid>@<host>", or "<pid>" from earlier versions
            let pidText: Substring
            if let at = owner.firstIndex(of: "@") {
                guard owner[owner.index(after: at)...] == host else { continue }
                pidText = owner[..<at]
            } else {
                pidText = owner
            }
            guard let pid = Int32(pidText), pid > 0 else { continue }
            if kill(pid, 0) != 0 && errno == ESRCH { unlink("\(dir)/\(name)") }
        }
    }

    /// Writes `bytes` to `target` all at once (写入并原子替换): into the temporary file, flushed to disk,
    /// then renamed onto the target; on failure the temporary file is removed and the target untouched.
    package static func write(_ bytes: [UInt8], to target: String) -> Result<Void, Errno> {
        let descriptor: Int32, path: String
        switch create(for: target) {
        case .success(let created): (descriptor, path) = created
        case .failure(let error): return .failure(error)
        }
        var written = 0
        var failure: Int32?
        bytes.withUnsafeBytes { buffer in
            while written < buffer.count {
                guard let base = buffer.baseAddress else { break }
                let n = Glibc.write(descriptor, base + written, buffer.count - written)
                if n < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    return
                }
                written += n
            }
        }
        if failure == nil, fsync(descriptor) != 0 { failure = errno }
        if close(descriptor) != 0, failure == nil { failure = errno }
        if failure == nil, rename(path, target) != 0 { failure = errno }
        if let failure {
            unlink(path)
            return .failure(Errno(code: failure))
        }
        return .success(())
    }

    /// This machine's (or container's) host name, with `/` and `-` made safe for the file name.
    package static let hostName: String = {
        var buffer = [CChar](repeating: 0, count: 256)
        guard gethostname(&buffer, buffer.count - 1) == 0 else { return "host" }
        let name = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        let safe = String(name.map { $0 == "/" || $0 == "-" || $0 == "@" ? "_" : $0 })
        return safe.isEmpty ? "host" : safe
    }()

    /// (folder with its trailing `/`, or empty; file name).
    private static func split(_ path: String) -> (String, String) {
        guard let slash = path.lastIndex(of: "/") else { return ("", path) }
        return (String(path[...slash]), String(path[path.index(after: slash)...]))
    }
}
