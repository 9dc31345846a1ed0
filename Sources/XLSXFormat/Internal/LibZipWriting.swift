// Every libzip call the writer makes lives in this file; no C type leaves it.
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CLibZip

/// A failure inside libzip or the C library while packaging, in libzip's own words.
struct ZipWriteFailure: Error {
    var detail: String
}

/// Builds a zip package with plain (non-Zip64) deflated entries and fixed timestamps.
///
/// Nothing is written to `path` until `commit()`: libzip writes a temporary file beside the target
/// and renames it into place in `zip_close`, so a failure or `discard()` leaves any old file untouched.
final class ZipPackageWriter {
    private var archive: OpaquePointer?
    private let level: UInt32
    private let modificationTime: time_t

    /// Opens a new, empty package for `path` (replacing the file only on `commit()`).
    ///
    /// The corresponding C function is `zip_open` with `ZIP_CREATE | ZIP_TRUNCATE`.
    init(path: String, compressionLevel: Int) throws(ZipWriteFailure) {
        var code: Int32 = 0
        guard let za = zip_open(path, ZIP_CREATE | ZIP_TRUNCATE, &code) else {
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
            throw error
        }
        archive = nil
    }

    /// Drops the package without touching the target file. The corresponding C function is `zip_discard`.
    func discard() {
        if let za = archive {
            zip_discard(za)
            archive = nil
        }
    }

    private func failure() -> ZipWriteFailure {
        guard let za = archive else { return ZipWriteFailure(detail: "archive already closed") }
        return ZipWriteFailure(detail: String(cString: zip_strerror(za)))
    }
}
