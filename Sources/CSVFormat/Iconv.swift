import Glibc

/// A thin wrapper over glibc's `iconv`: converts bytes between encodings, chunk by chunk.
///
/// The C type never leaves this file. The corresponding C functions are `iconv_open`, `iconv` and
/// `iconv_close`.
final class IconvConverter {
    /// Why a conversion stopped.
    enum Failure: Error, Equatable {
        /// `iconv_open` refused the pair of encodings.
        case unsupported(from: String, to: String)
        /// An invalid (or unencodable) sequence starts at this byte offset of the whole input.
        case invalidSequence(offset: Int)
        /// The input ends in the middle of a multi-byte sequence starting at this offset.
        case truncatedSequence(offset: Int)
    }

    private let handle: iconv_t
    /// When true, a byte the source encoding does not define becomes the Unicode scalar of the same
    /// number (U+0080…U+00FF), as Windows does for the five holes of code page 1252.
    private let latin1Fallback: Bool
    /// Bytes of an incomplete sequence held back from the previous chunk.
    private var carry: [UInt8] = []
    /// Offset in the whole input of the first byte not yet consumed (the start of `carry`).
    private(set) var consumed = 0
    private let from: String

    init(from: String, to: String, latin1Fallback: Bool = false) throws(Failure) {
        let h = iconv_open(to, from)
        // iconv_open reports failure as (iconv_t)-1.
        guard let h, Int(bitPattern: h) != -1 else { throw .unsupported(from: from, to: to) }
        handle = h
        self.latin1Fallback = latin1Fallback
        self.from = from
    }

    deinit { iconv_close(handle) }

    /// Converts `input`, appending to `output`. With `final` false, an incomplete sequence at the end
    /// is kept for the next call; with `final` true it is an error.
    func convert(_ input: UnsafeBufferPointer<UInt8>, into output: inout [UInt8], final: Bool) throws(Failure) {
        var pending: [UInt8]
        if carry.isEmpty {
            try convertBuffer(input, into: &output, final: final)
            return
        }
        pending = carry
        pending.append(contentsOf: input)
        carry = []
        try pending.withUnsafeBufferPointer { (p) throws(Failure) in
            try convertBuffer(p, into: &output, final: final)
        }
    }

    private func convertBuffer(_ input: UnsafeBufferPointer<UInt8>, into output: inout [UInt8],
                               final: Bool) throws(Failure) {
        guard let base = input.baseAddress, input.count > 0 else {
            if final && !carry.isEmpty { throw .truncatedSequence(offset: consumed) }
            return
        }
        var inLeft = input.count
        var inPtr: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(mutating: base)
            .assumingMemoryBound(to: CChar.self)
        let start = consumed
        while inLeft > 0 {
            let room = min(max(inLeft * 4 + 16, 4096), 1 << 22)
            var failure: Int32 = 0
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: room) { scratch in
                var outPtr: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(scratch.baseAddress!)
                    .assumingMemoryBound(to: CChar.self)
                var outLeft = room
                let r = iconv(handle, &inPtr, &inLeft, &outPtr, &outLeft)
                if r == -1 { failure = errno }
                output.append(contentsOf: UnsafeBufferPointer(rebasing: scratch[0..<(room - outLeft)]))
            }
            let offset = start + (input.count - inLeft)
            switch failure {
            case 0, E2BIG:
                continue
            case EINVAL:
                // An incomplete sequence at the end of this chunk.
                if final { consumed = offset; throw .truncatedSequence(offset: offset) }
                carry = Array(UnsafeBufferPointer(start: UnsafeRawPointer(inPtr!)
                    .assumingMemoryBound(to: UInt8.self), count: inLeft))
                consumed = offset
                return
            default:
                // EILSEQ: an invalid sequence.
                guard latin1Fallback else { consumed = offset; throw .invalidSequence(offset: offset) }
                let byte = UnsafeRawPointer(inPtr!).load(as: UInt8.self)
                output.append(0xC0 | (byte >> 6))
                output.append(0x80 | (byte & 0x3F))
                inPtr = inPtr! + 1
                inLeft -= 1
            }
        }
        consumed = start + input.count
    }

    /// Converts a whole buffer in one go.
    static func convertAll(_ input: UnsafeBufferPointer<UInt8>, from: String, to: String = "UTF-8",
                           latin1Fallback: Bool = false) throws(Failure) -> [UInt8] {
        let c = try IconvConverter(from: from, to: to, latin1Fallback: latin1Fallback)
        var out: [UInt8] = []
        out.reserveCapacity(input.count + input.count / 2)
        try c.convert(input, into: &out, final: true)
        return out
    }
}
