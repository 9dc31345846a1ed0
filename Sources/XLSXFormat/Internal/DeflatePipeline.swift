// zlib and pthread calls of the writer live here; no C type leaves this file.
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CZlib

/// Raw deflate (no zlib header), as zip entries store it. The corresponding C functions are
/// `deflateInit2`, `deflate` and `deflateEnd`.
final class RawDeflater {
    private let stream: UnsafeMutablePointer<z_stream>
    private let output: UnsafeMutablePointer<UInt8>
    private static let outputCapacity = 1 << 18

    init(level: Int) throws(WriterIOFailure) {
        stream = .allocate(capacity: 1)
        stream.initialize(to: z_stream())
        output = .allocate(capacity: Self.outputCapacity)
        guard czlib_deflate_init_raw(stream, Int32(level)) == Z_OK else {
            output.deallocate()
            stream.deallocate()
            throw WriterIOFailure(code: ENOMEM)
        }
    }

    deinit {
        deflateEnd(stream)
        stream.deallocate()
        output.deallocate()
    }

    /// Compresses `count` bytes at `input`; `finish` ends the stream, `sync` ends it on a byte
    /// boundary without a final block (so another raw deflate stream may follow it).
    func deflate(_ input: UnsafePointer<UInt8>?, count: Int, mode: Mode,
                 into sink: (UnsafePointer<UInt8>, Int) throws(WriterIOFailure) -> Void) throws(WriterIOFailure) {
        stream.pointee.next_in = input.map { UnsafeMutablePointer(mutating: $0) }
        stream.pointee.avail_in = UInt32(count)
        let flush: Int32 = switch mode {
        case .more: Z_NO_FLUSH
        case .sync: Z_SYNC_FLUSH
        case .finish: Z_FINISH
        }
        while true {
            stream.pointee.next_out = output
            stream.pointee.avail_out = UInt32(Self.outputCapacity)
            let rc = CZlib.deflate(stream, flush)
            guard rc == Z_OK || rc == Z_STREAM_END || rc == Z_BUF_ERROR else { throw WriterIOFailure(code: EIO) }
            let produced = Self.outputCapacity - Int(stream.pointee.avail_out)
            if produced > 0 { try sink(output, produced) }
            if mode == .finish ? rc == Z_STREAM_END : (stream.pointee.avail_in == 0 && stream.pointee.avail_out > 0) {
                return
            }
        }
    }

    enum Mode { case more, sync, finish }

    /// CRC-32 of bytes continuing `crc`. The corresponding C function is `crc32`.
    static func crc(_ crc: UInt32, _ bytes: UnsafePointer<UInt8>?, _ count: Int) -> UInt32 {
        UInt32(truncatingIfNeeded: crc32(UInt(crc), bytes, UInt32(count)))
    }

    /// CRC-32 of A followed by B from their CRCs. The corresponding C function is `crc32_combine`.
    static func combine(_ a: UInt32, _ b: UInt32, lengthOfB: Int) -> UInt32 {
        UInt32(truncatingIfNeeded: crc32_combine(UInt(a), UInt(b), off_t(lengthOfB)))
    }
}

/// Deflates a stream of XML buffers on a second thread while the caller keeps generating rows, and
/// writes the compressed bytes to a file. Buffers are swapped, never copied: the caller hands over a
/// full buffer and gets an empty one back, so filling one overlaps compressing the previous one.
///
/// `@unchecked Sendable`: the state both threads touch is guarded by `mutex`; the running CRC and
/// lengths are the worker's alone until it signals `done`.
final class DeflatePipeline: @unchecked Sendable {
    struct Buffer {
        var base: UnsafeMutablePointer<UInt8>
        var capacity: Int
    }

    /// What the finished stream holds.
    struct Summary {
        var crc: UInt32
        var rawLength: Int
        var compressedLength: Int
    }

    private let descriptor: Int32
    private let deflater: RawDeflater
    private var mutex = pthread_mutex_t()
    private var condition = pthread_cond_t()
    private var thread: pthread_t?
    // Guarded by `mutex`:
    private var job: (buffer: Buffer, count: Int, final: Bool)?
    private var spares: [Buffer] = []
    private var stopping = false
    private var done = false
    private var failure: WriterIOFailure?
    // Touched by the worker only (read after `done`):
    private var crc: UInt32 = 0
    private var rawLength = 0
    private var compressedLength = 0

    /// Starts the worker, compressing into the empty file `descriptor` (not closed here).
    init(descriptor: Int32, level: Int, bufferCapacity: Int) throws(WriterIOFailure) {
        self.descriptor = descriptor
        deflater = try RawDeflater(level: level)
        pthread_mutex_init(&mutex, nil)
        pthread_cond_init(&condition, nil)
        spares = (0..<2).map { _ in Buffer(base: .allocate(capacity: bufferCapacity), capacity: bufferCapacity) }
        let context = Unmanaged.passRetained(self).toOpaque()
        var handle = pthread_t()
        let rc = pthread_create(&handle, nil, { context in
            let pipeline = Unmanaged<DeflatePipeline>.fromOpaque(context!).takeRetainedValue()
            pipeline.run()
            return nil
        }, context)
        guard rc == 0 else {
            Unmanaged<DeflatePipeline>.fromOpaque(context).release()
            throw WriterIOFailure(code: rc)
        }
        thread = handle
    }

    deinit {
        for spare in spares { spare.base.deallocate() }
        if let job { job.buffer.base.deallocate() }
        pthread_cond_destroy(&condition)
        pthread_mutex_destroy(&mutex)
    }

    /// Hands over `count` bytes in `buffer` and returns an empty buffer to fill next.
    ///
    /// Throws (keeping `buffer` with the caller) only when an earlier buffer failed to compress or write.
    func exchange(_ buffer: Buffer, count: Int) throws(WriterIOFailure) -> Buffer {
        try submit(buffer, count: count, final: false)
        pthread_mutex_lock(&mutex)
        defer { pthread_mutex_unlock(&mutex) }
        // The worker returns every buffer it takes, even after a failure, so this always ends.
        while spares.isEmpty { pthread_cond_wait(&condition, &mutex) }
        return spares.removeLast()
    }

    /// Hands over the last bytes and waits for the worker to end the stream and exit.
    ///
    /// Always leaves the caller with a buffer: its own back when the hand-over fails, else a spare.
    func finish(_ buffer: Buffer, count: Int) -> (Buffer, Result<Summary, WriterIOFailure>) {
        do {
            try submit(buffer, count: count, final: true)
        } catch {
            cancel()
            return (buffer, .failure(error))
        }
        pthread_mutex_lock(&mutex)
        while !done { pthread_cond_wait(&condition, &mutex) }
        let failure = self.failure
        let spare = spares.removeLast()
        pthread_mutex_unlock(&mutex)
        join()
        if let failure { return (spare, .failure(failure)) }
        return (spare, .success(Summary(crc: crc, rawLength: rawLength, compressedLength: compressedLength)))
    }

    /// Stops the worker without finishing the stream.
    func cancel() {
        pthread_mutex_lock(&mutex)
        stopping = true
        pthread_cond_broadcast(&condition)
        pthread_mutex_unlock(&mutex)
        join()
    }

    private func join() {
        if let thread {
            pthread_join(thread, nil)
            self.thread = nil
        }
    }

    private func submit(_ buffer: Buffer, count: Int, final: Bool) throws(WriterIOFailure) {
        pthread_mutex_lock(&mutex)
        defer { pthread_mutex_unlock(&mutex) }
        while job != nil && failure == nil { pthread_cond_wait(&condition, &mutex) }
        if let failure { throw failure }
        job = (buffer, count, final)
        pthread_cond_broadcast(&condition)
    }

    private func run() {
        pthread_mutex_lock(&mutex)
        while true {
            while job == nil && !stopping { pthread_cond_wait(&condition, &mutex) }
            guard let current = job, !stopping else { break }
            let failed = failure != nil
            pthread_mutex_unlock(&mutex)
            var error: WriterIOFailure?
            if !failed {
                do { try compress(current.buffer.base, current.count, final: current.final) } catch let e { error = e }
            }
            pthread_mutex_lock(&mutex)
            if let error, failure == nil { failure = error }
            job = nil
            spares.append(current.buffer)
            if current.final { done = true }
            pthread_cond_broadcast(&condition)
            if current.final { break }
        }
        pthread_mutex_unlock(&mutex)
    }

    private func compress(_ base: UnsafeMutablePointer<UInt8>, _ count: Int, final: Bool) throws(WriterIOFailure) {
        crc = RawDeflater.crc(crc, base, count)
        rawLength += count
        try deflater.deflate(base, count: count, mode: final ? .finish : .more) { (bytes, n) throws(WriterIOFailure) in
            var offset = 0
            while offset < n {
                let written = write(descriptor, bytes + offset, n - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    throw WriterIOFailure(code: errno)
                }
                offset += written
            }
            compressedLength += n
        }
    }
}
