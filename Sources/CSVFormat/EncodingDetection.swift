/// Encoding detection and decoding to UTF-8, on bytes.
///
/// Order: a byte-order mark (UTF-8, UTF-16LE, UTF-16BE); valid UTF-8; GB18030 (which covers GBK and
/// GB2312) when the bytes decode cleanly and the double-byte characters are mostly common 汉字 and CJK
/// punctuation; otherwise Windows-1252. Every conversion runs through glibc's iconv.
enum EncodingDetection {
    /// The iconv name of an encoding.
    static func iconvName(_ encoding: TextEncoding) -> String {
        switch encoding {
        case .utf8, .utf8BOM: return "UTF-8"
        case .utf16LE: return "UTF-16LE"
        case .utf16BE: return "UTF-16BE"
        case .gb18030: return "GB18030"
        case .windows1252: return "WINDOWS-1252"
        }
    }

    /// The length of the byte-order mark `encoding` would start `bytes` with, or 0.
    static func bomLength(_ bytes: UnsafeBufferPointer<UInt8>, for encoding: TextEncoding) -> Int {
        switch encoding {
        case .utf8, .utf8BOM:
            return bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0
        case .utf16LE:
            return bytes.count >= 2 && bytes[0] == 0xFF && bytes[1] == 0xFE ? 2 : 0
        case .utf16BE:
            return bytes.count >= 2 && bytes[0] == 0xFE && bytes[1] == 0xFF ? 2 : 0
        case .gb18030, .windows1252:
            return 0
        }
    }

    /// The encoding a byte-order mark announces, if the bytes start with one.
    static func encodingFromBOM(_ bytes: UnsafeBufferPointer<UInt8>) -> TextEncoding? {
        if bomLength(bytes, for: .utf8BOM) > 0 { return .utf8BOM }
        if bomLength(bytes, for: .utf16LE) > 0 { return .utf16LE }
        if bomLength(bytes, for: .utf16BE) > 0 { return .utf16BE }
        return nil
    }

    /// UTF-16 without a BOM: many NUL bytes in alternate positions and none elsewhere (rare, but Excel's
    /// "Unicode Text" pasted through other tools loses its BOM).
    static func guessUTF16WithoutBOM(_ bytes: UnsafeBufferPointer<UInt8>) -> TextEncoding? {
        let n = min(bytes.count, 4096) & ~1
        guard n >= 8 else { return nil }
        var evenZeros = 0, oddZeros = 0
        for i in stride(from: 0, to: n, by: 2) {
            if bytes[i] == 0 { evenZeros += 1 }
            if bytes[i + 1] == 0 { oddZeros += 1 }
        }
        let pairs = n / 2
        if oddZeros * 10 >= pairs * 7 && evenZeros == 0 { return .utf16LE }
        if evenZeros * 10 >= pairs * 7 && oddZeros == 0 { return .utf16BE }
        return nil
    }

    /// Whether bytes that decoded cleanly as GB18030 look like Chinese text: at least four in five of
    /// the multi-byte characters lie in the GB2312 zone (common 汉字 rows B0–F7, CJK punctuation and
    /// full-width forms rows A1–A9), and there is at least one. Latin-1 text misread as GBK gives
    /// GBK-extension pairs (an accented letter followed by an ASCII letter) and fails this.
    static func looksLikeChinese(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var common = 0, other = 0
        var i = 0
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            if b < 0x80 { i += 1; continue }
            guard i + 1 < n else { other += 1; break }
            let t = bytes[i + 1]
            if t >= 0x30 && t <= 0x39 {
                // A four-byte GB18030 sequence: neither common nor suspicious.
                i += 4
                continue
            }
            let gb2312Lead = (0xA1...0xA9).contains(b) || (0xB0...0xF7).contains(b)
            if gb2312Lead && t >= 0xA1 && t <= 0xFE { common += 1 } else { other += 1 }
            i += 2
        }
        return common > 0 && common >= 4 * other
    }

    /// Picks the encoding of `bytes` (a whole file, or its first part when streaming).
    ///
    /// With `complete` false the sample may end inside a character; that does not count against it.
    static func detect(_ bytes: UnsafeBufferPointer<UInt8>, complete: Bool = true) -> TextEncoding {
        if let bom = encodingFromBOM(bytes) { return bom }
        if let utf16 = guessUTF16WithoutBOM(bytes) { return utf16 }
        if let bad = firstInvalidUTF8(bytes) {
            // A sample cut from a longer file may end inside a character.
            if !complete && bad >= bytes.count - 3 { return .utf8 }
        } else {
            return .utf8
        }
        if looksLikeChinese(bytes) && decodes(bytes, as: "GB18030", complete: complete) { return .gb18030 }
        return .windows1252
    }

    /// Detects the encoding of a whole input and decodes it to UTF-8 (BOM skipped), decoding once.
    ///
    /// - Throws: only when a byte-order mark announces an encoding the rest does not follow.
    static func detectAndDecode(_ bytes: UnsafeBufferPointer<UInt8>) throws(IconvConverter.Failure)
        -> (encoding: TextEncoding, utf8: [UInt8]) {
        if let announced = encodingFromBOM(bytes) ?? guessUTF16WithoutBOM(bytes) {
            return (announced, try decodeToUTF8(bytes, as: announced))
        }
        if firstInvalidUTF8(bytes) == nil { return (.utf8, Array(bytes)) }
        if looksLikeChinese(bytes), let text = try? IconvConverter.convertAll(bytes, from: "GB18030") {
            return (.gb18030, text)
        }
        return (.windows1252, try decodeToUTF8(bytes, as: .windows1252))
    }

    private static func decodes(_ bytes: UnsafeBufferPointer<UInt8>, as name: String, complete: Bool) -> Bool {
        guard let c = try? IconvConverter(from: name, to: "UTF-8") else { return false }
        var out: [UInt8] = []
        do {
            try c.convert(bytes, into: &out, final: complete)
            return true
        } catch {
            return false
        }
    }

    /// Decodes a whole input to UTF-8, skipping its byte-order mark.
    ///
    /// - Throws: `IconvConverter.Failure` with offsets counted in `bytes` (BOM included).
    static func decodeToUTF8(_ bytes: UnsafeBufferPointer<UInt8>, as encoding: TextEncoding) throws(IconvConverter.Failure)
        -> [UInt8] {
        let bom = bomLength(bytes, for: encoding)
        let body = UnsafeBufferPointer(rebasing: bytes[bom...])
        if encoding == .utf8 || encoding == .utf8BOM {
            // Validate only; the bytes are already UTF-8.
            if let bad = firstInvalidUTF8(body) { throw .invalidSequence(offset: bom + bad) }
            return Array(body)
        }
        do {
            return try IconvConverter.convertAll(body, from: iconvName(encoding),
                                                 latin1Fallback: encoding == .windows1252)
        } catch {
            switch error {
            case .invalidSequence(let o): throw .invalidSequence(offset: o + bom)
            case .truncatedSequence(let o): throw .truncatedSequence(offset: o + bom)
            case .unsupported: throw error
            }
        }
    }

    /// The offset of the first byte that is not part of well-formed UTF-8, or nil.
    static func firstInvalidUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var i = 0
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            if b < 0x80 { i += 1; continue }
            let need: Int
            var lo: UInt8 = 0x80, hi: UInt8 = 0xBF
            switch b {
            case 0xC2...0xDF: need = 1
            case 0xE0: need = 2; lo = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: need = 2
            case 0xED: need = 2; hi = 0x9F
            case 0xF0: need = 3; lo = 0x90
            case 0xF1...0xF3: need = 3
            case 0xF4: need = 3; hi = 0x8F
            default: return i
            }
            guard i + need < n else { return i }
            let b1 = bytes[i + 1]
            guard b1 >= lo && b1 <= hi else { return i }
            for k in 2..<(need + 1) where bytes[i + k] & 0xC0 != 0x80 { return i }
            i += need + 1
        }
        return nil
    }
}
