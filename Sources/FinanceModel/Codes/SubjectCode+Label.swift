/// Codes written in the same cell as their name, as 财决 exports and hand-made sheets do.
extension SubjectCode {
    /// Splits a leading code off a label: "2011308 招商引资", "2011308招商引资", "[2011308]招商引资",
    /// "【201】一般公共服务支出", "201 13 08 招商引资". Nil when the label does not start with a valid code
    /// (so "2020年预算" and "合计" give nil). The rest is trimmed and may be empty.
    public static func splitLeading(_ label: String) -> (code: Self, rest: String)? {
        var text = Substring(label.trimmingSpaces)
        var closing: Character?
        if let first = text.first, first == "[" || first == "【" || first == "(" || first == "（" {
            closing = ["[": "]", "【": "】", "(": ")", "（": "）"][first]
            text = text.dropFirst()
        }
        let codePart = text.prefix { $0.isASCIIDigit || $0 == " " || $0 == "\u{3000}" || ("０"..."９").contains($0) }
        var rest = text.dropFirst(codePart.count)
        if let closing {
            guard rest.first == closing else { return nil }
            rest = rest.dropFirst()
        }
        // "2020年" is a year, "12,345" an amount: a code must end at a space, a bracket, or a non-digit
        // that is not a unit of counting.
        if let next = rest.first, "年月日.,，．%％".contains(next) { return nil }
        guard let code = Self(String(codePart)) else { return nil }
        return (code, String(rest).trimmingSpaces)
    }
}
