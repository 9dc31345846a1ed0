/// Excel's way of escaping text into XML.
///
/// Element text escapes `&`, `<` and `>`. Characters XML 1.0 cannot carry or would normalise away
/// (controls other than tab and line feed, including CR, and U+FFFE/U+FFFF) become `_xHHHH_`, and a
/// literal `_xHHHH_` in the text gets its underscore escaped as `_x005F_`, so a reader's unescaping
/// gives back exactly the original text. Attributes also escape `"` and whitespace controls.
extension XMLOutputBuffer {
    /// Appends `s` as element text, escaped as Excel does.
    func escapedText(_ s: String) {
        Self.withUTF8(s) { escapedText($0) }
    }

    /// Appends UTF-8 `text` as element text, escaped as Excel does.
    func escapedText(_ text: UnsafeBufferPointer<UInt8>) {
        guard let p = text.baseAddress else { return }
        let n = text.count
        reserve(n)
        var runStart = 0
        var i = 0
        while i < n {
            let b = p[i]
            // Bytes from `?` up (UTF-8 lead and continuation bytes included) are safe, except `_`
            // (a possible literal `_xHHHH_`) and 0xEF (a possible U+FFFE/U+FFFF).
            if b > 0x3E && b != UInt8(ascii: "_") && b != 0xEF { i += 1; continue }
            let replacement: StaticString
            var width = 1
            switch b {
            case UInt8(ascii: "&"): replacement = "&amp;"
            case UInt8(ascii: "<"): replacement = "&lt;"
            case UInt8(ascii: ">"): replacement = "&gt;"
            case UInt8(ascii: "_"):
                guard Self.isEscapePattern(p, i, n) else { i += 1; continue }
                replacement = "_x005F_"
            case 0xEF:
                guard i + 2 < n, p[i + 1] == 0xBF, p[i + 2] == 0xBE || p[i + 2] == 0xBF else { i += 1; continue }
                replacement = p[i + 2] == 0xBE ? "_xFFFE_" : "_xFFFF_"
                width = 3
            case 0x09, 0x0A:
                i += 1
                continue
            case 0..<0x20:
                bytes(UnsafeBufferPointer(start: p + runStart, count: i - runStart))
                controlEscape(b)
                i += 1
                runStart = i
                continue
            default:
                i += 1
                continue
            }
            bytes(UnsafeBufferPointer(start: p + runStart, count: i - runStart))
            ascii(replacement)
            i += width
            runStart = i
        }
        bytes(UnsafeBufferPointer(start: p + runStart, count: n - runStart))
    }

    /// Appends `s` as an attribute value (inside double quotes), escaped.
    func escapedAttribute(_ s: String) {
        Self.withUTF8(s) { text in
            guard let p = text.baseAddress else { return }
            var runStart = 0
            for i in 0..<text.count {
                let b = p[i]
                if b >= 0x3F || (b >= 0x20 && b != UInt8(ascii: "&") && b != UInt8(ascii: "<")
                    && b != UInt8(ascii: ">") && b != UInt8(ascii: "\"")) { continue }
                bytes(UnsafeBufferPointer(start: p + runStart, count: i - runStart))
                switch b {
                case UInt8(ascii: "&"): ascii("&amp;")
                case UInt8(ascii: "<"): ascii("&lt;")
                case UInt8(ascii: ">"): ascii("&gt;")
                case UInt8(ascii: "\""): ascii("&quot;")
                case 0x09: ascii("&#x9;")
                case 0x0A: ascii("&#xA;")
                case 0x0D: ascii("&#xD;")
                default: controlEscape(b)
                }
                runStart = i + 1
            }
            bytes(UnsafeBufferPointer(start: p + runStart, count: text.count - runStart))
        }
    }

    /// `_x001F_` for a control byte.
    private func controlEscape(_ b: UInt8) {
        func hex(_ nibble: UInt8) -> UInt8 { nibble < 10 ? 48 + nibble : 55 + nibble }
        ascii("_x00")
        byte(hex(b >> 4))
        byte(hex(b & 0xF))
        byte(UInt8(ascii: "_"))
    }

    /// Whether `p[i...]` reads `_xHHHH_` (so a reader would unescape it).
    @inline(__always)
    static func isEscapePattern(_ p: UnsafePointer<UInt8>, _ i: Int, _ n: Int) -> Bool {
        guard i + 6 < n, p[i + 1] == UInt8(ascii: "x"), p[i + 6] == UInt8(ascii: "_") else { return false }
        for k in 2...5 {
            let c = p[i + k]
            let isHex = (c >= 48 && c <= 57) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102)
            if !isHex { return false }
        }
        return true
    }

    /// Whether text needs `xml:space="preserve"`: it starts or ends with whitespace.
    static func needsSpacePreserve(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = text.first, let last = text.last else { return false }
        func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }
        return isSpace(first) || isSpace(last)
    }
}
