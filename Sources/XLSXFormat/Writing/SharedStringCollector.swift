#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The shared-string table (共享字符串表) a writer fills while streaming cells.
///
/// Strings are kept as UTF-8 bytes in 4 MiB chunks and deduplicated by exact bytes, not by Swift's
/// `String` equality: Swift treats canonically equivalent strings (`é` precomposed or not) as equal,
/// and merging those would alter cell text. An open-addressing table of indices finds repeats.
/// Memory is the text itself plus about 22 bytes per distinct string; chunks never move, so growth
/// never copies the text.
final class SharedStringCollector {
    private static let chunkSize = 1 << 22
    private var chunks: [UnsafeMutablePointer<UInt8>] = []
    /// Bytes used in the last chunk.
    private var chunkUsed = SharedStringCollector.chunkSize
    /// String `i` starts at `chunks[starts[i] >> 32] + (starts[i] & 0xFFFF_FFFF)`.
    private var starts: [UInt64] = []
    private var lengths: [UInt32] = []
    private var hashes: [UInt32] = []
    /// Slot → string index + 1 (0 is an empty slot); the capacity is a power of two.
    private var slots: [Int32]
    private var mask: Int
    /// How many cells referred to a shared string (the `count` attribute).
    private(set) var referenceCount = 0

    init() {
        slots = [Int32](repeating: 0, count: 1024)
        mask = 1023
    }

    deinit {
        for chunk in chunks { chunk.deallocate() }
    }

    /// Number of distinct strings.
    var uniqueCount: Int { hashes.count }

    /// The index of `text` in the table, adding it when new.
    func index(of text: UnsafeBufferPointer<UInt8>) -> Int {
        referenceCount += 1
        let full = Self.hash(text)
        let hash = UInt32(truncatingIfNeeded: full >> 32)
        var slot = Int(truncatingIfNeeded: full) & mask
        while true {
            let entry = Int(slots[slot])
            if entry == 0 { break }
            let i = entry - 1
            if hashes[i] == hash && equals(i, text) { return i }
            slot = (slot + 1) & mask
        }
        let i = hashes.count
        hashes.append(hash)
        starts.append(store(text))
        lengths.append(UInt32(text.count))
        slots[slot] = Int32(truncatingIfNeeded: i + 1)
        if hashes.count * 4 > slots.count * 3 { rehash() }
        return i
    }

    /// Copies `text` into the current chunk (a new one when it is full) and returns its location.
    private func store(_ text: UnsafeBufferPointer<UInt8>) -> UInt64 {
        if chunkUsed + text.count > Self.chunkSize {
            chunks.append(.allocate(capacity: max(Self.chunkSize, text.count)))
            chunkUsed = 0
        }
        let chunk = chunks.count - 1
        if let source = text.baseAddress, text.count > 0 {
            (chunks[chunk] + chunkUsed).update(from: source, count: text.count)
        }
        let location = UInt64(chunk) << 32 | UInt64(chunkUsed)
        chunkUsed += text.count
        if text.count > Self.chunkSize { chunkUsed = Self.chunkSize }
        return location
    }

    private func bytes(_ i: Int) -> UnsafeBufferPointer<UInt8> {
        let location = starts[i]
        let base = chunks[Int(location >> 32)] + Int(location & 0xFFFF_FFFF)
        return UnsafeBufferPointer(start: base, count: Int(lengths[i]))
    }

    /// Calls `body` with each distinct string's bytes, in index order.
    func forEach(_ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        for i in 0..<hashes.count { body(bytes(i)) }
    }

    private func equals(_ i: Int, _ text: UnsafeBufferPointer<UInt8>) -> Bool {
        guard Int(lengths[i]) == text.count else { return false }
        guard let a = bytes(i).baseAddress, let b = text.baseAddress else { return true }
        return memcmp(a, b, text.count) == 0
    }

    private func rehash() {
        let capacity = slots.count * 2
        slots = []
        slots = [Int32](repeating: 0, count: capacity)
        mask = capacity - 1
        for i in 0..<hashes.count {
            var slot = Int(truncatingIfNeeded: Self.hash(bytes(i))) & mask
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(truncatingIfNeeded: i + 1)
        }
    }

    /// A fast 64-bit hash of bytes, eight at a time (deterministic; order of the table never depends on it).
    static func hash(_ text: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var h: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(text.count)
        guard let p = text.baseAddress else { return h }
        let raw = UnsafeRawPointer(p)
        var i = 0
        while i + 8 <= text.count {
            let word = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
            h = (h ^ word) &* 0xBF58_476D_1CE4_E5B9
            h ^= h >> 31
            i += 8
        }
        var tail: UInt64 = 0
        var shift: UInt64 = 0
        while i < text.count {
            tail |= UInt64(p[i]) << shift
            shift += 8
            i += 1
        }
        h = (h ^ tail) &* 0x94D0_49BB_1331_11EB
        h ^= h >> 29
        return h
    }
}
