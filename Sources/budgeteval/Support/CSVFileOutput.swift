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
    private var storage: UnsafeMutablePointer<UInt8>
    private var capacity = 1 << 20
    private var count = 0
    private let flushThreshold = 1 << 20
    private let displayName: String

    init(path: String) throws {
        storage = UnsafeMutablePointer<UInt8>.allocate(capacity: 1 << 20)
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
            var template = Array("\(dir)/.\(base).tmp-XXXXXX".utf8CString)
            let fd = mkstemp(&template)
            guard fd >= 0 else { throw Self.ioError(path: path, errno) }
            fchmod(fd, 0o644)
            temporary = String(cString: template)
            file = fdopen(fd, "wb")
        }
    }

    deinit {
        cancel()
        storage.deallocate()
    }

    /// Appends one record, quoting fields that hold a comma, quote, CR or LF.
    func write(row: [String]) throws {
        for (i, field) in row.enumerated() {
            if i > 0 { put(UInt8(ascii: ",")) }
            putField(field)
        }
        try endRecord()
    }

    /// Appends one sheet row from column A: cells by column, empty fields for the gaps.
    func write(cells: [Cell]) throws {
        var column = 0
        for cell in cells {
            while column < cell.column {
                if column > 0 { put(UInt8(ascii: ",")) }
                column += 1
            }
            if column > 0 { put(UInt8(ascii: ",")) }
            column += 1
            switch cell.value {
            case .number(let text): putField(text)
            case .text(let text): putField(text)
            case .empty: break
            default: putField(cell.value.csvText)
            }
        }
        try endRecord()
    }

    private func endRecord() throws {
        put(0x0D)
        put(0x0A)
        if count >= flushThreshold { try flush() }
    }

    @inline(__always) private func put(_ byte: UInt8) {
        if count == capacity { grow(1) }
        storage[count] = byte
        count += 1
    }

    private func grow(_ extra: Int) {
        var newCapacity = capacity * 2
        while newCapacity < count + extra { newCapacity *= 2 }
        let bigger = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        bigger.update(from: storage, count: count)
        storage.deallocate()
        storage = bigger
        capacity = newCapacity
    }

    private func putField(_ field: String) {
        var f = field
        f.withUTF8 { bytes in
            var needsQuotes = false
            for b in bytes where b == 0x2C || b == 0x22 || b == 0x0A || b == 0x0D {
                needsQuotes = true
                break
            }
            if count + 2 * bytes.count + 2 > capacity { grow(2 * bytes.count + 2) }
            if !needsQuotes {
                if let base = bytes.baseAddress { (storage + count).update(from: base, count: bytes.count) }
                count += bytes.count
                return
            }
            storage[count] = 0x22
            count += 1
            for b in bytes {
                if b == 0x22 { storage[count] = 0x22; count += 1 }
                storage[count] = b
                count += 1
            }
            storage[count] = 0x22
            count += 1
        }
    }

    private func flush() throws {
        guard let file, count > 0 else { return }
        let n = fwrite(storage, 1, count, file)
        guard n == count else { throw Self.ioError(path: displayName, errno) }
        count = 0
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
