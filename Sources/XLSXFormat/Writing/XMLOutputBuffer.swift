#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A growable byte buffer that XML is generated into, optionally drained to a file descriptor.
///
/// Hot paths append ASCII literals, integers and escaped UTF-8 straight into raw memory: no `String`
/// is built per cell. When attached to a file, `flushIfFull()` writes the bytes out once about
/// 1 MiB has gathered, so a worksheet of any length needs only this much memory.
final class XMLOutputBuffer {
    private(set) var base: UnsafeMutablePointer<UInt8>
    private(set) var count = 0
    private(set) var capacity: Int
    /// The file the buffer drains into, or -1 for an in-memory part.
    private(set) var descriptor: Int32 = -1
    /// Bytes already written to the file.
    private(set) var flushedBytes = 0
    /// The compressor the buffer drains into instead of a file, when attached.
    private var pipeline: DeflatePipeline?

    /// How full the buffer gets before `flushIfFull()` writes it out.
    static let flushThreshold = 1 << 20

    init(capacity: Int = (1 << 20) + (64 << 10)) {
        self.capacity = capacity
        base = .allocate(capacity: capacity)
    }

    deinit { base.deallocate() }

    /// Bytes written so far, in the file and in memory.
    var totalBytes: Int { flushedBytes + count }

    /// Starts draining into `descriptor` (an empty file); resets the counters.
    func attach(descriptor: Int32) {
        self.descriptor = descriptor
        count = 0
        flushedBytes = 0
    }

    /// Stops draining (after a final `flush()`), leaving the descriptor open for its owner.
    func detach() {
        descriptor = -1
        count = 0
        flushedBytes = 0
    }

    /// Starts draining into a deflate pipeline (full buffers are swapped for empty ones, not copied).
    func attach(pipeline: DeflatePipeline) {
        self.pipeline = pipeline
        descriptor = -1
        count = 0
        flushedBytes = 0
    }

    /// Hands the last bytes to the pipeline, waits for the compressed stream to end, and detaches.
    func finishPipeline() throws(WriterIOFailure) -> DeflatePipeline.Summary {
        guard let pipeline else { throw WriterIOFailure(code: EINVAL) }
        let (buffer, result) = pipeline.finish(.init(base: base, capacity: capacity), count: count)
        base = buffer.base
        capacity = buffer.capacity
        self.pipeline = nil
        count = 0
        flushedBytes = 0
        return try result.get()
    }

    /// Stops the pipeline without ending its stream (cancel or failure).
    func abandonPipeline() {
        pipeline?.cancel()
        pipeline = nil
        count = 0
        flushedBytes = 0
    }

    /// The in-memory bytes as an array, emptying the buffer.
    func takeBytes() -> [UInt8] {
        let bytes = Array(UnsafeBufferPointer(start: base, count: count))
        count = 0
        return bytes
    }

    /// Writes the buffer to the file once it holds about 1 MiB.
    @inline(__always)
    func flushIfFull() throws(WriterIOFailure) {
        if count >= Self.flushThreshold { try flush() }
    }

    /// Writes every buffered byte to the file.
    func flush() throws(WriterIOFailure) {
        if let pipeline {
            let next = try pipeline.exchange(.init(base: base, capacity: capacity), count: count)
            base = next.base
            capacity = next.capacity
            flushedBytes += count
            count = 0
            return
        }
        guard descriptor >= 0 else { return }
        var offset = 0
        while offset < count {
            let n = write(descriptor, base + offset, count - offset)
            if n < 0 {
                if errno == EINTR { continue }
                throw WriterIOFailure(code: errno)
            }
            offset += n
        }
        flushedBytes += count
        count = 0
    }

    // MARK: appending

    @inline(__always)
    func reserve(_ n: Int) {
        if count + n > capacity { grow(to: count + n) }
    }

    private func grow(to needed: Int) {
        var newCapacity = capacity * 2
        while newCapacity < needed { newCapacity *= 2 }
        let newBase = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        newBase.update(from: base, count: count)
        base.deallocate()
        base = newBase
        capacity = newCapacity
    }

    @inline(__always)
    func byte(_ b: UInt8) {
        reserve(1)
        base[count] = b
        count += 1
    }

    /// Appends an ASCII literal verbatim.
    @inline(__always)
    func ascii(_ s: StaticString) {
        let n = s.utf8CodeUnitCount
        reserve(n)
        (base + count).update(from: s.utf8Start, count: n)
        count += n
    }

    /// Appends raw bytes verbatim.
    @inline(__always)
    func bytes(_ p: UnsafeBufferPointer<UInt8>) {
        guard let source = p.baseAddress, p.count > 0 else { return }
        reserve(p.count)
        (base + count).update(from: source, count: p.count)
        count += p.count
    }

    /// Appends a string's UTF-8 verbatim (for text already known to need no escaping).
    func raw(_ s: String) {
        Self.withUTF8(s) { bytes($0) }
    }

    /// Appends a non-negative or negative integer in decimal.
    @inline(__always)
    func int(_ value: Int) {
        reserve(20)
        var v = value
        if v < 0 {
            base[count] = UInt8(ascii: "-")
            count += 1
            v = 0 - v
        }
        var digits = 1
        var probe = v
        while probe >= 10 { probe /= 10; digits += 1 }
        var i = count + digits - 1
        repeat {
            base[i] = UInt8(truncatingIfNeeded: 48 + v % 10)
            v /= 10
            i -= 1
        } while v > 0
        count += digits
    }

    /// Appends an A1 reference such as `AB12` for zero-based `row` and `column`.
    @inline(__always)
    func cellReference(row: Int, column: Int) {
        columnName(column)
        int(row + 1)
    }

    /// Appends the letters of a zero-based column (`0` → `A`, `26` → `AA`).
    @inline(__always)
    func columnName(_ column: Int) {
        reserve(3)
        let n = column + 1
        if n <= 26 {
            base[count] = 64 + UInt8(truncatingIfNeeded: n)
            count += 1
        } else if n <= 702 {
            base[count] = 64 + UInt8(truncatingIfNeeded: (n - 1) / 26)
            base[count + 1] = 65 + UInt8(truncatingIfNeeded: (n - 1) % 26)
            count += 2
        } else {
            let m = n - 1
            base[count] = 64 + UInt8(truncatingIfNeeded: (m / 26 - 1) / 26)
            base[count + 1] = 65 + UInt8(truncatingIfNeeded: (m / 26 - 1) % 26)
            base[count + 2] = 65 + UInt8(truncatingIfNeeded: m % 26)
            count += 3
        }
    }

    /// Appends a Double the way Excel writes it: shortest round-trip digits, integral values without `.0`.
    func number(_ value: Double) {
        if value == value.rounded(.towardZero), abs(value) < 1e15 {
            int(Int(value))
        } else {
            raw(value.description)
        }
    }

    /// Calls `body` with the contiguous UTF-8 of `s` (native strings need no copy).
    @inline(__always)
    static func withUTF8<R, E: Error>(_ s: String, _ body: (UnsafeBufferPointer<UInt8>) throws(E) -> R) throws(E) -> R {
        func run(_ bytes: UnsafeBufferPointer<UInt8>) -> Result<R, E> {
            do throws(E) { return .success(try body(bytes)) } catch { return .failure(error) }
        }
        if let result = s.utf8.withContiguousStorageIfAvailable(run) { return try result.get() }
        return try Array(s.utf8).withUnsafeBufferPointer(run).get()
    }
}

/// An `errno` from a failed C-library call, with its text.
struct WriterIOFailure: Error {
    var code: Int32
    var detail: String { String(cString: strerror(code)) }
}
