#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The shared-string table (共享字符串表) a writer fills while streaming cells.
///
/// Strings are kept as UTF-8 bytes in one arena and deduplicated by exact bytes, not by Swift's
/// `String` equality: Swift treats canonically equivalent strings (`é` precomposed or not) as equal,
/// and merging those would alter cell text. An open-addressing table of indices finds repeats.
/// Memory is the arena plus about 16 bytes per distinct string.
final class SharedStringCollector {
    /// Every distinct string's bytes, back to back.
    private var arena: [UInt8] = []
    /// `offsets[i]..<offsets[i + 1]` is string `i` in the arena.
    private var offsets: [Int] = [0]
    private var hashes: [UInt64] = []
    /// Slot → string index + 1 (0 is an empty slot); the capacity is a power of two.
    private var slots: [Int32]
    private var mask: Int
    /// How many cells referred to a shared string (the `count` attribute).
    private(set) var referenceCount = 0

    init() {
        slots = [Int32](repeating: 0, count: 1024)
        mask = 1023
    }

    /// Number of distinct strings.
    var uniqueCount: Int { hashes.count }

    /// The index of `text` in the table, adding it when new.
    func index(of text: UnsafeBufferPointer<UInt8>) -> Int {
        referenceCount += 1
        let hash = Self.hash(text)
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let entry = Int(slots[slot])
            if entry == 0 { break }
            let i = entry - 1
            if hashes[i] == hash && equals(i, text) { return i }
            slot = (slot + 1) & mask
        }
        let i = hashes.count
        hashes.append(hash)
        arena.append(contentsOf: text)
        offsets.append(arena.count)
        slots[slot] = Int32(truncatingIfNeeded: i + 1)
        if hashes.count * 4 > slots.count * 3 { rehash() }
        return i
    }

    /// Calls `body` with each distinct string's bytes, in index order.
    func forEach(_ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        arena.withUnsafeBufferPointer { all in
            for i in 0..<hashes.count {
                let start = offsets[i]
                body(UnsafeBufferPointer(rebasing: all[start..<offsets[i + 1]]))
            }
        }
    }

    private func equals(_ i: Int, _ text: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = offsets[i], end = offsets[i + 1]
        guard end - start == text.count else { return false }
        return arena.withUnsafeBufferPointer { all in
            guard let a = all.baseAddress, let b = text.baseAddress else { return true }
            return memcmp(a + start, b, text.count) == 0
        }
    }

    private func rehash() {
        let capacity = slots.count * 2
        slots = [Int32](repeating: 0, count: capacity)
        mask = capacity - 1
        for (i, hash) in hashes.enumerated() {
            var slot = Int(truncatingIfNeeded: hash) & mask
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
