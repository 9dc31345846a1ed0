/// What 功能分类 (`FunctionCode`) and 经济分类 (`EconomicCode`) subject codes share: digits grouped into
/// levels (类 class, 款 section, 项 item), parsing from the forms accountants type, and roll-up.
public protocol SubjectCode: Hashable, Sendable, Comparable, CustomStringConvertible, Codable {
    /// Digit counts of the levels, coarsest first: [3, 5, 7] for 功能分类, [3, 5] for 经济分类.
    static var levelLengths: [Int] { get }
    /// The joined digits, e.g. "2011308".
    var digits: String { get }
    /// Creates a code from joined digits whose count is one of `levelLengths`; callers use `init?(_:)`.
    init(validatedDigits: String)
}

/// 类 / 款 / 项: the level of a subject code.
public enum CodeLevel: Int, Sendable, Hashable, Comparable, CaseIterable, Codable {
    /// 类 — 3 digits.
    case `class` = 1
    /// 款 — 5 digits.
    case section = 2
    /// 项 — 7 digits (功能分类 only).
    case item = 3

    public static func < (a: CodeLevel, b: CodeLevel) -> Bool { a.rawValue < b.rawValue }

    /// 类, 款, 项.
    public var chineseName: String {
        switch self {
        case .class: "类"
        case .section: "款"
        case .item: "项"
        }
    }
}

extension SubjectCode {
    /// Parses the forms codes come in: joined "2011308", spaced "201 13 08" (also full-width digits and
    /// spaces), numeric "2011308.0" (a number cell's text), or with a name after it ("2011308 招商引资" is
    /// not accepted: split the name off first). Nil when the digits fit no level.
    public init?(_ text: String) {
        guard let digits = Self.digitsOf(text) else { return nil }
        self.init(joinedDigits: digits)
    }

    /// From split columns: ["201", "13", "08"], ["201", "13"], ["201"]; each part may be spaced, numeric
    /// ("13.0") or, for 款 and 项, one digit short of its leading zero (["201", "13", "8"] is 2011308).
    /// Trailing empty parts are ignored.
    public init?(parts: [String]) {
        var pieces = parts.map { $0.trimmingSpaces }
        while pieces.last?.isEmpty == true { pieces.removeLast() }
        guard !pieces.isEmpty, pieces.count <= Self.levelLengths.count else { return nil }
        var joined = ""
        for (index, piece) in pieces.enumerated() {
            guard let numeric = Self.digitsOf(piece), !numeric.isEmpty else { return nil }
            let width = index == 0 ? Self.levelLengths[0] : Self.levelLengths[index] - Self.levelLengths[index - 1]
            guard numeric.count <= width else { return nil }
            joined += String(repeating: "0", count: width - numeric.count) + numeric
        }
        self.init(joinedDigits: joined)
    }

    /// Joined ASCII digits of a valid length; nil otherwise.
    public init?(joinedDigits digits: String) {
        guard Self.levelLengths.contains(digits.count), digits.allSatisfy(\.isASCIIDigit) else { return nil }
        self.init(validatedDigits: digits)
    }

    /// The ASCII digits of a code or a code part as typed: spaces and dashes between groups dropped,
    /// full-width digits mapped, a zero fraction ("2011308.0", "13.0") dropped; nil for anything else.
    static func digitsOf(_ text: String) -> String? {
        guard text.utf8.count <= 64 else { return nil }
        var digits = ""
        var sawPoint = false
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if sawPoint {
                guard value == 0x30 || value == 0xFF10 else { return nil }
                continue
            }
            switch value {
            case 0x30...0x39: digits.unicodeScalars.append(scalar)
            case 0xFF10...0xFF19: digits.unicodeScalars.append(Unicode.Scalar(UInt8(value - 0xFF10 + 0x30)))
            case 0x2E, 0xFF0E: sawPoint = true
            case 0x20, 0x09, 0xA0, 0x3000, 0x2D: continue
            default: return nil
            }
        }
        return digits
    }

    /// 类, 款 or 项.
    public var level: CodeLevel {
        CodeLevel(rawValue: (Self.levelLengths.firstIndex(of: digits.count) ?? 0) + 1) ?? .class
    }

    /// The code one level up (款 → 类, 项 → 款); nil for a 类.
    public var parent: Self? {
        guard let index = Self.levelLengths.firstIndex(of: digits.count), index > 0 else { return nil }
        return Self(validatedDigits: String(digits.prefix(Self.levelLengths[index - 1])))
    }

    /// This code or its ancestor at `level`; nil when `level` is finer than this code.
    public func rolledUp(to level: CodeLevel) -> Self? {
        guard level <= self.level, level.rawValue <= Self.levelLengths.count else { return nil }
        return Self(validatedDigits: String(digits.prefix(Self.levelLengths[level.rawValue - 1])))
    }

    /// Parent, grandparent …, nearest first.
    public var ancestors: [Self] {
        var result: [Self] = []
        var current = parent
        while let code = current {
            result.append(code)
            current = code.parent
        }
        return result
    }

    /// True when `other` is strictly below this code (201 is an ancestor of 20113 and 2011308).
    public func isAncestor(of other: Self) -> Bool {
        other.digits.count > digits.count && other.digits.hasPrefix(digits)
    }

    /// The digits split by level: ["201", "13", "08"].
    public var parts: [String] {
        var result: [String] = []
        var start = digits.startIndex
        for length in Self.levelLengths where length <= digits.count {
            let end = digits.index(digits.startIndex, offsetBy: length)
            result.append(String(digits[start..<end]))
            start = end
        }
        return result
    }

    public var description: String { digits }

    public static func < (a: Self, b: Self) -> Bool { a.digits < b.digits }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(digits)
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let code = Self(text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "not a subject code: \(text)")
        }
        self = code
    }

    /// Sums amounts by the code at `level`: every code at `level` or finer adds to its ancestor at
    /// `level`; coarser codes are left out (they are totals of their own, not parts). Use it to compare a
    /// 项-level table with a 款- or 类-level one.
    public static func rollUp(_ amounts: some Sequence<(code: Self, amount: Money)>, to level: CodeLevel)
        -> [Self: Money]
    {
        var totals: [Self: Money] = [:]
        for (code, amount) in amounts {
            guard let target = code.rolledUp(to: level) else { continue }
            totals[target, default: .zero] += amount
        }
        return totals
    }
}

extension String {
    /// Without leading and trailing whitespace (also the ideographic space).
    var trimmingSpaces: String {
        String(drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
    }
}
