/// Normalised names (名称归一化): the key rows and projects are aligned by when codes do not decide.
///
/// Full-width letters, digits and punctuation become half-width; every kind of space goes; brackets
/// （）【】〔〕[] become (); a leading `其中：` / `其中:` and list markers (`一、`, `1.`, `（一）`) are dropped;
/// quotes (“”"") go, so `"三公"经费` and `三公经费` meet.
public enum NameNormalisation {
    /// The alignment key of a name: `（一）其中：一般公共服务支出 ` → `一般公共服务支出`.
    public static func key(_ name: String) -> String {
        var text = String(name.unicodeScalars.compactMap(halfWidth).map(Character.init))
        text.removeAll { $0.isWhitespace || quoteCharacters.contains($0) }
        var changed = true
        while changed {
            changed = false
            for prefix in ["其中:", "其中"] where text.hasPrefix(prefix) && text.count > prefix.count {
                text.removeFirst(prefix.count)
                changed = true
            }
            if let stripped = strippingListMarker(text), stripped != text {
                text = stripped
                changed = true
            }
        }
        return text
    }

    private static let quoteCharacters: Set<Character> = ["\"", "'", "“", "”", "‘", "’", "「", "」", "『", "』"]

    /// Full-width ASCII (U+FF01…U+FF5E) to ASCII, the ideographic space to a space, CJK brackets to ().
    private static func halfWidth(_ scalar: Unicode.Scalar) -> Unicode.Scalar? {
        switch scalar.value {
        case 0xFF01...0xFF5E: return Unicode.Scalar(scalar.value - 0xFEE0)
        case 0x3000: return " "
        case 0x3010, 0x3014, 0x3016, 0x5B: return "("  // 【 〔 〖 [
        case 0x3011, 0x3015, 0x3017, 0x5D: return ")"  // 】 〕 〗 ]
        case 0x3001: return "、"
        default: return scalar
        }
    }

    /// Drops `一、` / `1.` / `1、` / `(一)` / `(1)` at the start; nil when there is none.
    private static func strippingListMarker(_ text: String) -> String? {
        let numerals: Set<Character> = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"]
        if text.hasPrefix("(") , let close = text.firstIndex(of: ")") {
            let inner = text[text.index(after: text.startIndex)..<close]
            if !inner.isEmpty, inner.allSatisfy({ numerals.contains($0) || $0.isASCII && $0.isNumber }) {
                let rest = String(text[text.index(after: close)...])
                return rest.isEmpty ? nil : rest
            }
        }
        let head = text.prefix { numerals.contains($0) || ($0.isASCII && $0.isNumber) }
        guard !head.isEmpty else { return nil }
        let rest = text.dropFirst(head.count)
        guard let marker = rest.first, marker == "、" || marker == "." else { return nil }
        let remainder = String(rest.dropFirst())
        return remainder.isEmpty ? nil : remainder
    }
}
