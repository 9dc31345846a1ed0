/// Character data as an XML parser delivers it, decoded by hand for the worksheet scanner: the five
/// predefined entities and character references resolved, line ends normalised (CR LF and lone CR
/// become LF, as XML 1.0 §2.11 says), and UTF-8 checked.
enum XMLText {
    /// Appends the decoded text; false when libxml2 should judge it instead (an unknown entity,
    /// invalid UTF-8, a control character, or text over `limit` bytes).
    static func append(_ p: UnsafePointer<UInt8>, _ n: Int, to out: inout [UInt8], limit: Int) -> Bool {
        guard out.count + n <= limit else { return false }
        // Fast path: plain ASCII text without '&', CR or control characters.
        var plain = true
        for k in 0..<n {
            let c = p[k]
            if c < 0x20 || c >= 0x80 || c == UInt8(ascii: "&") || c == UInt8(ascii: ">") {
                plain = false
                break
            }
        }
        if plain {
            out.append(contentsOf: UnsafeBufferPointer(start: p, count: n))
            return true
        }
        var i = 0
        while i < n {
            let c = p[i]
            if c < 0x80 {
                switch c {
                case UInt8(ascii: "&"):
                    guard let (scalar, length) = entity(p + i, n - i) else { return false }
                    appendScalar(scalar, to: &out)
                    i += length
                    continue
                case 0x0D:
                    out.append(0x0A)
                    if i + 1 < n, p[i + 1] == 0x0A { i += 1 }
                case 0x09, 0x0A:
                    out.append(c)
                case _ where c < 0x20:
                    return false
                case UInt8(ascii: ">") where endsCDATAClose(p, i):
                    return false  // `]]>` is not allowed in character data
                default:
                    out.append(c)
                }
                i += 1
                continue
            }
            guard let length = utf8Length(p + i, n - i) else { return false }
            out.append(contentsOf: UnsafeBufferPointer(start: p + i, count: length))
            i += length
        }
        return true
    }

    /// Whether text libxml2 would accept as character data: known entities only, XML characters in
    /// valid UTF-8, no `]]>` (allowed in an attribute value). For text the scanner skips (outside
    /// `sheetData`) and attribute values.
    static func isValid(_ p: UnsafePointer<UInt8>, _ n: Int, attribute: Bool = false) -> Bool {
        var i = 0
        while i < n {
            let c = p[i]
            if c < 0x80 {
                if c == UInt8(ascii: "&") {
                    guard let (_, length) = entity(p + i, n - i) else { return false }
                    i += length
                    continue
                }
                if c < 0x20 && c != 0x09 && c != 0x0A && c != 0x0D { return false }
                if c == UInt8(ascii: ">"), !attribute, endsCDATAClose(p, i) { return false }
                i += 1
                continue
            }
            guard let length = utf8Length(p + i, n - i) else { return false }
            i += length
        }
        return true
    }

    /// Whether the `>` at `i` ends `]]>`. (A text handed over in pieces is split only after a `>`,
    /// so both `]` are in the same piece.)
    @inline(__always)
    private static func endsCDATAClose(_ p: UnsafePointer<UInt8>, _ i: Int) -> Bool {
        i >= 2 && p[i - 1] == UInt8(ascii: "]") && p[i - 2] == UInt8(ascii: "]")
    }

    /// `&amp;` `&lt;` `&gt;` `&quot;` `&apos;` `&#NN;` `&#xHH;` → (scalar, bytes consumed).
    private static func entity(_ p: UnsafePointer<UInt8>, _ n: Int) -> (UInt32, Int)? {
        var end = 1
        // Character references may carry leading zeros (`&#x0000000041;`); longer runs go to libxml2.
        while end < n, end < 64, p[end] != UInt8(ascii: ";") { end += 1 }
        guard end < n, p[end] == UInt8(ascii: ";") else { return nil }
        let body = UnsafeBufferPointer(start: p + 1, count: end - 1)
        let length = end + 1
        if body.first == UInt8(ascii: "#") {
            var v: UInt32 = 0
            let hex = body.count > 1 && (body[1] == UInt8(ascii: "x"))
            let digits = body.dropFirst(hex ? 2 : 1)
            guard !digits.isEmpty else { return nil }
            for d in digits {
                let x: UInt32
                switch d {
                case UInt8(ascii: "0")...UInt8(ascii: "9"): x = UInt32(d - 48)
                case UInt8(ascii: "a")...UInt8(ascii: "f") where hex: x = UInt32(d - 87)
                case UInt8(ascii: "A")...UInt8(ascii: "F") where hex: x = UInt32(d - 55)
                default: return nil
                }
                v = v * (hex ? 16 : 10) + x
                if v > 0x10FFFF { return nil }
            }
            guard isXMLChar(v) else { return nil }
            return (v, length)
        }
        switch String(decoding: body, as: UTF8.self) {
        case "amp": return (0x26, length)
        case "lt": return (0x3C, length)
        case "gt": return (0x3E, length)
        case "quot": return (0x22, length)
        case "apos": return (0x27, length)
        default: return nil
        }
    }

    private static func isXMLChar(_ v: UInt32) -> Bool {
        v == 0x9 || v == 0xA || v == 0xD || (v >= 0x20 && v <= 0xD7FF) || (v >= 0xE000 && v <= 0xFFFD)
            || (v >= 0x10000 && v <= 0x10FFFF)
    }

    private static func appendScalar(_ v: UInt32, to out: inout [UInt8]) {
        guard let s = Unicode.Scalar(v) else { return }
        out.append(contentsOf: String(Character(s)).utf8)
    }

    /// The length of one well-formed UTF-8 sequence that is an XML Char, or nil.
    private static func utf8Length(_ p: UnsafePointer<UInt8>, _ n: Int) -> Int? {
        let c0 = p[0]
        let length: Int
        var v: UInt32
        switch c0 {
        case 0xC2...0xDF: length = 2; v = UInt32(c0 & 0x1F)
        case 0xE0...0xEF: length = 3; v = UInt32(c0 & 0x0F)
        case 0xF0...0xF4: length = 4; v = UInt32(c0 & 0x07)
        default: return nil
        }
        guard n >= length else { return nil }
        for k in 1..<length {
            let c = p[k]
            guard c & 0xC0 == 0x80 else { return nil }
            v = v << 6 | UInt32(c & 0x3F)
        }
        switch length {
        case 3 where v < 0x800: return nil
        case 4 where v < 0x10000 || v > 0x10FFFF: return nil
        default: break
        }
        return isXMLChar(v) ? length : nil
    }
}
