#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Turns the number text Excel stores (`<v>1234.5599999999999</v>`, `1E-3`, `5.0`) into plain decimal
/// text (数值文本) with the float noise removed: the shortest decimal that reads back as the same binary64
/// value, with no exponent and no trailing zeros.
enum NumberText {
    /// Returns nil when the bytes are not a number.
    static func normalize(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        if bytes.count <= maxFastLength {
            let fast: String?? = withUnsafeTemporaryAllocation(of: UInt8.self, capacity: maxFastLength + 2) { out in
                guard let n = fastPath(bytes, into: out.baseAddress!) else { return .none }
                return .some(String(decoding: UnsafeBufferPointer(start: out.baseAddress!, count: n), as: UTF8.self))
            }
            if let fast { return fast }
        }
        guard let value = parseDouble(bytes) else { return nil }
        return plain(value)
    }

    /// The longest text the fast path takes; it writes at most `count + 2` bytes.
    static let maxFastLength = 40

    /// Plain decimals with at most 15 significant digits are already the shortest round-trip form once
    /// leading and trailing zeros are gone (binary64 keeps any 15 digits apart), so no Double is needed.
    /// Writes the plain text to `out` (room for `b.count + 2` bytes) and returns its length; nil when the
    /// bytes need the general path (or are not a number).
    @inline(__always)
    static func fastPath(_ b: UnsafeBufferPointer<UInt8>, into out: UnsafeMutablePointer<UInt8>) -> Int? {
        var i = 0
        let n = b.count
        guard n > 0, n <= maxFastLength else { return nil }
        var negative = false
        if b[0] == UInt8(ascii: "-") { negative = true; i = 1 } else if b[0] == UInt8(ascii: "+") { i = 1 }
        var intStart = i
        while i < n, b[i] == UInt8(ascii: "0") { i &+= 1 }
        let leadingZerosEnd = i
        while i < n, b[i] >= 48, b[i] <= 57 { i &+= 1 }
        let intEnd = i
        var fracStart = i, fracEnd = i
        if i < n, b[i] == UInt8(ascii: ".") {
            i &+= 1
            fracStart = i
            while i < n, b[i] >= 48, b[i] <= 57 { i &+= 1 }
            fracEnd = i
        }
        guard i == n, intEnd > intStart || fracEnd > fracStart else { return nil }
        intStart = leadingZerosEnd
        while fracEnd > fracStart, b[fracEnd - 1] == UInt8(ascii: "0") { fracEnd &-= 1 }
        // Significant digits: from the first non-zero digit to the last kept one.
        var significant = 0
        if intEnd > intStart {
            significant = (intEnd - intStart) + (fracEnd - fracStart)
        } else {
            var k = fracStart
            while k < fracEnd, b[k] == UInt8(ascii: "0") { k &+= 1 }
            significant = fracEnd - k
        }
        guard significant <= 15 else { return nil }
        let isZero = intEnd == intStart && fracEnd == fracStart
        let base = b.baseAddress!
        var k = 0
        if negative, !isZero { out[k] = UInt8(ascii: "-"); k &+= 1 }
        if intEnd > intStart {
            (out + k).update(from: base + intStart, count: intEnd - intStart)
            k &+= intEnd - intStart
        } else {
            out[k] = UInt8(ascii: "0"); k &+= 1
        }
        if fracEnd > fracStart {
            out[k] = UInt8(ascii: "."); k &+= 1
            (out + k).update(from: base + fracStart, count: fracEnd - fracStart)
            k &+= fracEnd - fracStart
        }
        return k
    }

    /// strtod on a NUL-terminated copy (C locale: the process never calls setlocale).
    static func parseDouble(_ b: UnsafeBufferPointer<UInt8>) -> Double? {
        guard b.count > 0, b.count < 400 else { return nil }
        for c in b {
            switch c {
            case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "."), UInt8(ascii: "-"), UInt8(ascii: "+"),
                 UInt8(ascii: "e"), UInt8(ascii: "E"): continue
            default: return nil
            }
        }
        return withUnsafeTemporaryAllocation(of: CChar.self, capacity: b.count + 1) { buf in
            for k in 0..<b.count { buf[k] = CChar(bitPattern: b[k]) }
            buf[b.count] = 0
            var end: UnsafeMutablePointer<CChar>?
            let v = strtod(buf.baseAddress!, &end)
            guard let end, end == buf.baseAddress! + b.count, v.isFinite else { return nil }
            return v
        }
    }

    /// The shortest round-trip digits of `value` (Swift's `description`), rewritten without an exponent.
    static func plain(_ value: Double) -> String {
        if value == 0 { return "0" }
        var text = value.description  // shortest round-trip, e.g. "1234.56", "1e-05", "1.2345e+20"
        var negative = false
        if text.hasPrefix("-") { negative = true; text.removeFirst() }
        var mantissa = Substring(text)
        var exponent = 0
        if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            mantissa = text[..<e]
            exponent = Int(text[text.index(after: e)...]) ?? 0
        }
        var digits = ""
        var pointPosition = 0
        if let dot = mantissa.firstIndex(of: ".") {
            digits = String(mantissa[..<dot]) + String(mantissa[mantissa.index(after: dot)...])
            pointPosition = mantissa.distance(from: mantissa.startIndex, to: dot)
        } else {
            digits = String(mantissa)
            pointPosition = digits.count
        }
        pointPosition += exponent
        // Strip leading zeros (adjusting the point) and trailing zeros.
        while digits.hasPrefix("0"), digits.count > 1 { digits.removeFirst(); pointPosition -= 1 }
        while digits.hasSuffix("0"), digits.count > 1 { digits.removeLast() }
        var out: String
        if pointPosition <= 0 {
            out = "0." + String(repeating: "0", count: -pointPosition) + digits
        } else if pointPosition >= digits.count {
            out = digits + String(repeating: "0", count: pointPosition - digits.count)
        } else {
            let i = digits.index(digits.startIndex, offsetBy: pointPosition)
            out = digits[..<i] + "." + digits[i...]
        }
        if out.hasSuffix(".") { out.removeLast() }
        return negative ? "-" + out : out
    }
}
