/// Sheet names as Excel accepts them: at most 31 characters (UTF-16 units), none of `[]:*?/\` and no
/// control characters, not starting or ending with an apostrophe, not "History", unique ignoring case.
public struct SheetNames: Sendable {
    private var used: Set<String>

    /// `reserved` names are taken already (the fixed sheets of the workbook); Excel reserves "History".
    public init(reserved: [String] = []) { used = Set((reserved + ["History"]).map { $0.lowercased() }) }

    public static let maxLength = 31

    /// A cleaned, shortened name, made unique with a "(2)", "(3)" … suffix.
    public mutating func unique(_ wanted: String) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in wanted.trimmingCharacters(in: "' \n\t").unicodeScalars {
            let forbidden = "[]:*?/\\".unicodeScalars.contains(scalar) || scalar.value < 0x20
                || scalar.value == 0xFFFE || scalar.value == 0xFFFF
            scalars.append(forbidden ? "_" : scalar)
        }
        var base = String(scalars).trimmingCharacters(in: "' ")
        if base.isEmpty { base = "项目" }
        var candidate = Self.truncated(base, to: Self.maxLength)
        // One character longer than the limit (a long combining sequence) leaves nothing.
        if candidate.isEmpty { base = "项目"; candidate = base }
        var counter = 2
        while used.contains(candidate.lowercased()) {
            let suffix = "(\(counter))"
            candidate = Self.truncated(base, to: Self.maxLength - suffix.utf16.count) + suffix
            counter += 1
        }
        used.insert(candidate.lowercased())
        return candidate
    }

    static func truncated(_ text: String, to limit: Int) -> String {
        var result = ""
        for character in text {
            if result.utf16.count + String(character).utf16.count > limit { break }
            result.append(character)
        }
        return result.trimmingCharacters(in: "' ")
    }
}

extension String {
    fileprivate func trimmingCharacters(in set: String) -> String {
        var s = Substring(self)
        while let first = s.first, set.contains(first) { s = s.dropFirst() }
        while let last = s.last, set.contains(last) { s = s.dropLast() }
        return String(s)
    }
}
