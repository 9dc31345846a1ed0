import Foundation

/// Inflates a zip entry on a background thread (解压预读), one chunk ahead of the scanner, so zlib and the
/// byte scanner use both cores. At most `depth` chunks are held; errors are rethrown by `read`.
///
/// Only this thread touches the entry (and so libzip) until `finish()` has joined it.
final class ChunkPrefetcher: @unchecked Sendable {
    private let stream: ZipEntryStream
    private let chunkSize: Int
    private let depth: Int
    private let condition = NSCondition()
    private var ready: [[UInt8]] = []
    private var failure: (any Error)?
    private var atEnd = false
    private var stopped = false
    private var running = false
    private var current: [UInt8] = []
    private var currentOffset = 0

    init(stream: ZipEntryStream, chunkSize: Int = 1 << 20, depth: Int = 3) {
        self.stream = stream
        self.chunkSize = chunkSize
        self.depth = depth
    }

    func start() {
        running = true
        let thread = Thread { [self] in produce() }
        thread.stackSize = 1 << 20
        thread.start()
    }

    private func produce() {
        while true {
            condition.lock()
            while ready.count >= depth && !stopped { condition.wait() }
            if stopped {
                running = false
                condition.broadcast()
                condition.unlock()
                return
            }
            condition.unlock()

            var chunk: [UInt8] = []
            var n = 0
            var caught: (any Error)?
            do {
                chunk = try [UInt8](unsafeUninitializedCapacity: chunkSize) { buffer, count in
                    count = 0
                    n = try stream.read(into: UnsafeMutableRawBufferPointer(buffer))
                    count = n
                }
            } catch {
                caught = error
                n = 0
            }

            condition.lock()
            if let caught { failure = caught }
            if n == 0 { atEnd = true } else { ready.insert(chunk, at: 0) }
            let done = n == 0
            if done { running = false }
            condition.broadcast()
            condition.unlock()
            if done { return }
        }
    }

    /// Copies up to `buffer.count` bytes; 0 at the end of the entry.
    func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        if currentOffset == current.count {
            condition.lock()
            while ready.isEmpty && !atEnd && failure == nil { condition.wait() }
            if let failure {
                condition.unlock()
                throw failure
            }
            if ready.isEmpty {
                condition.unlock()
                return 0
            }
            current = ready.removeLast()
            currentOffset = 0
            condition.broadcast()
            condition.unlock()
        }
        let n = min(buffer.count, current.count - currentOffset)
        current.withUnsafeBytes { src in
            buffer.baseAddress!.copyMemory(from: src.baseAddress! + currentOffset, byteCount: n)
        }
        currentOffset += n
        return n
    }

    /// Stops the thread and waits for it, so the entry can be closed safely.
    func finish() {
        condition.lock()
        stopped = true
        condition.broadcast()
        while running { condition.wait() }
        condition.unlock()
    }
}
