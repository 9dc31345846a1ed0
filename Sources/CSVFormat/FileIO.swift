import Glibc
import Spreadsheet

/// Plain POSIX file reading for the CSV reader, with errors already in `SpreadsheetError` form.
///
/// The corresponding C functions are `open`, `read` and `close`.
final class InputFile {
    private let fd: Int32
    let displayName: String
    /// Bytes handed out so far.
    private(set) var offset = 0

    init(path: String, displayName: String) throws(SpreadsheetError) {
        self.displayName = displayName
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else {
            throw SpreadsheetError(.cannotOpen(detail: systemErrorText(errno)), at: InputLocation(file: displayName))
        }
        var st = stat()
        if fstat(fd, &st) == 0 && (st.st_mode & S_IFMT) == S_IFDIR {
            close(fd)
            throw SpreadsheetError(.cannotOpen(detail: systemErrorText(EISDIR)), at: InputLocation(file: displayName))
        }
        self.fd = fd
    }

    deinit { close(fd) }

    /// Reads up to `count` bytes (fewer only at the end of the file) and appends them to `buffer`.
    /// Returns the number of bytes read; 0 means end of file.
    @discardableResult
    func read(upTo count: Int, into buffer: inout [UInt8]) throws(SpreadsheetError) -> Int {
        var got = 0
        var failure: Int32 = 0
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: count) { scratch in
            let base = scratch.baseAddress!
            while got < count {
                let r = Glibc.read(fd, base + got, count - got)
                if r < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    break
                }
                if r == 0 { break }
                got += r
            }
            buffer.append(contentsOf: UnsafeBufferPointer(rebasing: scratch[0..<got]))
        }
        if failure != 0 {
            throw SpreadsheetError(.ioFailure(detail: systemErrorText(failure)),
                                   at: InputLocation(file: displayName, position: .byte(offset + got)))
        }
        offset += got
        return got
    }

    /// The whole rest of the file.
    func readAll() throws(SpreadsheetError) -> [UInt8] {
        var buffer: [UInt8] = []
        var st = stat()
        if fstat(fd, &st) == 0, st.st_size > 0 { buffer.reserveCapacity(Int(st.st_size) + 1) }
        while try read(upTo: 1 << 20, into: &buffer) > 0 {}
        return buffer
    }
}

/// The C library's text for an `errno` value (`strerror`).
func systemErrorText(_ code: Int32) -> String {
    guard let s = strerror(code) else { return "errno \(code)" }
    return String(cString: s)
}

/// The last path component, as the name a sheet read from `path` gets.
func fileName(of path: String) -> String {
    let trimmed = path.hasSuffix("/") ? String(path.dropLast()) : path
    guard let slash = trimmed.lastIndex(of: "/") else { return trimmed }
    return String(trimmed[trimmed.index(after: slash)...])
}
