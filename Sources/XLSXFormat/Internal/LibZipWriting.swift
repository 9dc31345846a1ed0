// Every libzip call the writer makes lives in this file; no C type leaves it.
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CLibZip
import Spreadsheet

/// A failure inside libzip or the C library while packaging, in libzip's own words.
struct ZipWriteFailure: Error {
    var detail: String
}

/// Builds a zip package with plain (non-Zip64) deflated entries and fixed timestamps.
///
/// Nothing is written to `path` until `commit()`: libzip packages into a hidden temporary file beside
/// the target (`.<name>.tmp-<pid>@<host>-XXXXXX`, and its own `….XXXXXX` while closing), which `commit()`
/// renames into place; a failure or `discard()` removes it and leaves any old file untouched. A
/// process killed meanwhile leaves only such hidden files, never a visible `name.xlsx.XXXXXX`, and
/// the next writer for the same target removes them (`TemporaryFile`).
final class ZipPackageWriter {
    private var archive: OpaquePointer?
    private let level: UInt32
    private let modificationTime: time_t
    private let path: String
    /// The hidden file libzip writes; renamed to `path` by `commit()`.
    private let temporaryPath: String

    /// Opens a new, empty package for `path` (replacing the file only on `commit()`).
    ///
    /// The corresponding C functions are `open` (`TemporaryFile`, reserving the hidden name) and `zip_open` with
    /// `ZIP_CREATE | ZIP_TRUNCATE`.
    init(path: String, compressionLevel: Int) throws(ZipWriteFailure) {
        self.path = path
        // The placeholder gets the umask's permissions (or the previous file's); libzip gives its own
        // temporary file the placeholder's, so the finished package keeps them.
        switch TemporaryFile.create(for: path) {
        case .success(let file):
            close(file.descriptor)
            temporaryPath = file.path
        case .failure(let error):
            throw ZipWriteFailure(detail: String(cString: strerror(error.code)))
        }
        var code: Int32 = 0
        guard let za = zip_open(temporaryPath, ZIP_CREATE | ZIP_TRUNCATE, &code) else {
            unlink(temporaryPath)
            var error = zip_error_t()
            zip_error_init_with_code(&error, code)
            defer { zip_error_fini(&error) }
            throw ZipWriteFailure(detail: String(cString: zip_error_strerror(&error)))
        }
        archive = za
        level = UInt32(clamping: compressionLevel)
        modificationTime = Self.fixedModificationTime()
    }

    deinit { discard() }

    /// 2020-01-01 00:00:00 in the machine's local time.
    ///
    /// Zip stores DOS local time and libzip converts with `localtime`, so going through `mktime`
    /// makes the stored fields identical whatever the time zone: outputs stay byte-identical.
    static func fixedModificationTime() -> time_t {
        var parts = tm()
        parts.tm_year = 2020 - 1900
        parts.tm_mon = 0
        parts.tm_mday = 1
        parts.tm_isdst = -1
        return mktime(&parts)
    }

    /// Adds an entry holding a copy of `bytes`.
    ///
    /// The corresponding C functions are `zip_source_buffer` (libzip frees the copy) and `zip_file_add`.
    func add(name: String, bytes: [UInt8]) throws(ZipWriteFailure) {
        guard let za = archive else { throw ZipWriteFailure(detail: "archive already closed") }
        let count = bytes.count
        guard let copy = malloc(max(count, 1)) else { throw ZipWriteFailure(detail: "out of memory") }
        bytes.withUnsafeBytes { raw in
            if let base = raw.baseAddress { memcpy(copy, base, count) }
        }
        guard let source = zip_source_buffer(za, copy, zip_uint64_t(count), 1) else {
            free(copy)
            throw failure()
        }
        try add(name: name, source: source)
    }

    /// Adds an entry whose content is the whole of the open file `descriptor`, read at `commit()`.
    ///
    /// Takes ownership of the descriptor (libzip closes it). The size is known from `fstat`, so the
    /// entry gets plain headers, not Zip64 ones. The corresponding C function is `zip_source_filep`.
    func add(name: String, descriptor: Int32) throws(ZipWriteFailure) {
        guard let za = archive else {
            close(descriptor)
            throw ZipWriteFailure(detail: "archive already closed")
        }
        guard lseek(descriptor, 0, SEEK_SET) == 0, let file = fdopen(descriptor, "rb") else {
            let detail = String(cString: strerror(errno))
            close(descriptor)
            throw ZipWriteFailure(detail: detail)
        }
        guard let source = zip_source_filep(za, file, 0, -1) else {
            fclose(file)
            throw failure()
        }
        try add(name: name, source: source)
    }

    /// Adds an entry whose deflated bytes are ready: `prefix` (a deflate stream ended with a sync
    /// flush) followed by the whole of file `descriptor` (the rest, ending the stream).
    ///
    /// The source reports the sizes, the CRC and the deflate method, so libzip copies the bytes as
    /// they are (no second compression) and writes plain, non-Zip64 headers. Takes ownership of the
    /// descriptor. The corresponding C function is `zip_source_function`.
    func add(name: String, precompressed entry: PrecompressedEntry) throws(ZipWriteFailure) {
        guard let za = archive else {
            close(entry.descriptor)
            throw ZipWriteFailure(detail: "archive already closed")
        }
        let context = Unmanaged.passRetained(entry).toOpaque()
        guard let source = zip_source_function(za, precompressedCallback, context) else {
            Unmanaged<PrecompressedEntry>.fromOpaque(context).release()
            throw failure()
        }
        let index = zip_file_add(za, name, source, zip_flags_t(ZIP_FL_OVERWRITE))
        guard index >= 0 else {
            zip_source_free(source)
            throw failure()
        }
        guard zip_file_set_mtime(za, zip_uint64_t(index), modificationTime, 0) == 0 else { throw failure() }
    }

    private func add(name: String, source: OpaquePointer) throws(ZipWriteFailure) {
        guard let za = archive else { throw ZipWriteFailure(detail: "archive already closed") }
        let index = zip_file_add(za, name, source, zip_flags_t(ZIP_FL_OVERWRITE))
        guard index >= 0 else {
            zip_source_free(source)
            throw failure()
        }
        let entry = zip_uint64_t(index)
        guard zip_set_file_compression(za, entry, ZIP_CM_DEFLATE, level) == 0,
              zip_file_set_mtime(za, entry, modificationTime, 0) == 0 else { throw failure() }
    }

    /// Compresses every entry and renames the finished file into place.
    ///
    /// The corresponding C function is `zip_close`; on failure the archive is discarded.
    func commit() throws(ZipWriteFailure) {
        guard let za = archive else { throw ZipWriteFailure(detail: "archive already closed") }
        if zip_close(za) != 0 {
            let error = failure()
            zip_discard(za)
            archive = nil
            unlink(temporaryPath)
            throw error
        }
        archive = nil
        if rename(temporaryPath, path) != 0 {
            let detail = String(cString: strerror(errno))
            unlink(temporaryPath)
            throw ZipWriteFailure(detail: detail)
        }
    }

    /// Drops the package without touching the target file. The corresponding C functions are
    /// `zip_discard` and `unlink`.
    func discard() {
        if let za = archive {
            zip_discard(za)
            archive = nil
            unlink(temporaryPath)
        }
    }

    private func failure() -> ZipWriteFailure {
        guard let za = archive else { return ZipWriteFailure(detail: "archive already closed") }
        return ZipWriteFailure(detail: String(cString: zip_strerror(za)))
    }
}

/// Deflated bytes ready for a zip entry: an in-memory prefix, then a file (see `add(name:precompressed:)`).
final class PrecompressedEntry {
    let prefix: [UInt8]
    let descriptor: Int32
    let fileLength: Int
    let uncompressedSize: Int
    let crc: UInt32
    fileprivate var position = 0

    init(prefix: [UInt8], descriptor: Int32, fileLength: Int, uncompressedSize: Int, crc: UInt32) {
        self.prefix = prefix
        self.descriptor = descriptor
        self.fileLength = fileLength
        self.uncompressedSize = uncompressedSize
        self.crc = crc
    }

    deinit { close(descriptor) }

    fileprivate func read(into data: UnsafeMutableRawPointer, _ length: Int) -> Int {
        var copied = 0
        if position < prefix.count {
            let n = min(length, prefix.count - position)
            prefix.withUnsafeBytes { data.copyMemory(from: $0.baseAddress! + position, byteCount: n) }
            position += n
            copied = n
        }
        while copied < length, position < prefix.count + fileLength {
            let n = readBytes(descriptor, data + copied, length - copied)
            if n < 0 {
                if errno == EINTR { continue }
                return -1
            }
            if n == 0 { break }
            position += n
            copied += n
        }
        return copied
    }
}

private let precompressedCallback: zip_source_callback = { context, data, length, command in
    let entry = Unmanaged<PrecompressedEntry>.fromOpaque(context!).takeUnretainedValue()
    switch command {
    case ZIP_SOURCE_OPEN:
        entry.position = 0
        return lseek(entry.descriptor, 0, SEEK_SET) == 0 ? 0 : -1
    case ZIP_SOURCE_READ:
        return zip_int64_t(entry.read(into: data!, Int(length)))
    case ZIP_SOURCE_CLOSE:
        return 0
    case ZIP_SOURCE_STAT:
        let stat = data!.assumingMemoryBound(to: zip_stat_t.self)
        zip_stat_init(stat)
        stat.pointee.size = zip_uint64_t(entry.uncompressedSize)
        stat.pointee.comp_size = zip_uint64_t(entry.prefix.count + entry.fileLength)
        stat.pointee.crc = entry.crc
        stat.pointee.comp_method = zip_uint16_t(ZIP_CM_DEFLATE)
        stat.pointee.encryption_method = zip_uint16_t(ZIP_EM_NONE)
        stat.pointee.valid = zip_uint64_t(ZIP_STAT_SIZE | ZIP_STAT_COMP_SIZE | ZIP_STAT_CRC | ZIP_STAT_COMP_METHOD
            | ZIP_STAT_ENCRYPTION_METHOD)
        return zip_int64_t(MemoryLayout<zip_stat_t>.size)
    case ZIP_SOURCE_ERROR:
        let codes = data!.assumingMemoryBound(to: Int32.self)
        codes[0] = ZIP_ER_READ
        codes[1] = errno
        return zip_int64_t(2 * MemoryLayout<Int32>.size)
    case ZIP_SOURCE_FREE:
        Unmanaged<PrecompressedEntry>.fromOpaque(context!).release()
        return 0
    case ZIP_SOURCE_SUPPORTS:
        return clibzip_supports_readable()
    default:
        return -1
    }
}

/// `read(2)` (a free function: inside `PrecompressedEntry`, `read` names the method).
private func readBytes(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
    read(descriptor, buffer, count)
}
