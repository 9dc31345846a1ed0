/// Reads the decimal text of a spreadsheet cell into a `FixedDecimal`, the way accountants write it.
///
/// Accepted: `1234.56`, `1,234.56` (commas only in groups of three), `（1,234.56）` and `(1,234.56)` as
/// negative, a leading `+` or `-` (also `－`, `−`), full-width digits, comma, period and brackets,
/// surrounding spaces (also the ideographic space), `1234.5600`, `.5`, `5.`, a currency sign after the
/// sign (`¥1,234.56`, `￥5`), and the exponent form a
/// reader may pass on (`1.5E-3`). A blank cell or one holding only dashes (`-`, `—`, `－`, `--`) is zero.
/// Everything else is rejected with a reason — never read as zero.
enum DecimalParser {
    /// Longest text looked at after trimming; anything longer is not a figure.
    static let maxLength = 64
    /// Most integer digits accepted (10^18 units, far beyond any department's figures).
    static let maxIntegerDigits = 18

    enum Failure: Error, Hashable, Sendable {
        case notANumber
        case tooLong
        case outOfRange
        case tooPrecise(decimals: Int)
    }

    /// What to do with non-zero digits beyond `maxDecimals`.
    enum Excess { case reject, roundHalfUp }

    static func parse(_ text: String, maxDecimals: Int, excess: Excess) -> Result<FixedDecimal, Failure> {
        // Bound the work before looking at the characters: a cell of kilobytes is not a figure.
        guard text.utf8.count <= maxLength * 8 else { return .failure(.tooLong) }
        guard let bytes = asciiBytes(text) else { return .failure(.notANumber) }
        var start = 0
        var end = bytes.count
        while start < end && bytes[start] == space { start += 1 }
        while end > start && bytes[end - 1] == space { end -= 1 }
        if start == end || bytes[start..<end].allSatisfy({ $0 == minus }) { return .success(.zero) }
        guard end - start <= maxLength else { return .failure(.tooLong) }
        guard let number = scan(bytes[start..<end]) else { return .failure(.notANumber) }
        return number.value(maxDecimals: min(maxDecimals, FixedDecimal.scale), excess: excess)
    }

    private static let space = UInt8(ascii: " ")
    private static let minus = UInt8(ascii: "-")
    /// Stands for ¥ / ￥ in the byte buffer (a control byte, so input cannot forge it).
    private static let yen: UInt8 = 0x01

    /// The text as ASCII bytes with full-width and typographic forms mapped (every dash to `-`, every
    /// space to ` `, ¥/￥ to `yen`); nil when any other character appears, since no figure has one.
    private static func asciiBytes(_ text: String) -> [UInt8]? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            let value = scalar.value
            switch value {
            case 0x21...0x7E: bytes.append(UInt8(value))
            case 0x20, 0x09, 0x0A, 0x0D, 0xA0, 0x3000, 0x2002...0x200B, 0xFEFF: bytes.append(space)
            case 0xFF10...0xFF19: bytes.append(UInt8(value - 0xFF10 + 0x30))
            case 0xFF0C: bytes.append(UInt8(ascii: ","))  // ，
            case 0xFF0E: bytes.append(UInt8(ascii: "."))  // ．
            case 0xFF08: bytes.append(UInt8(ascii: "("))  // （
            case 0xFF09: bytes.append(UInt8(ascii: ")"))  // ）
            case 0xFF0B: bytes.append(UInt8(ascii: "+"))  // ＋
            case 0xFF05: bytes.append(UInt8(ascii: "%"))  // ％
            case 0xA5, 0xFFE5: bytes.append(yen)  // ¥ ￥
            case 0xFF0D, 0x2212, 0x2010...0x2015, 0xFE63: bytes.append(minus)  // － − ‐ ‑ ‒ – — ― ﹣
            default: return nil
            }
        }
        return bytes
    }

    /// The digits of a number and where its decimal point sits.
    private struct Scanned {
        var negative: Bool
        /// Every mantissa digit (0...9), integer part then fraction.
        var digits: [UInt8]
        /// Index in `digits` before which the decimal point sits, after applying the exponent; may be
        /// negative or past the end (implied zeros).
        var point: Int

        func digit(at index: Int) -> UInt64 {
            index >= 0 && index < digits.count ? UInt64(digits[index]) : 0
        }

        func value(maxDecimals places: Int, excess: Excess) -> Result<FixedDecimal, Failure> {
            guard let firstNonZero = digits.firstIndex(where: { $0 != 0 }),
                let lastNonZero = digits.lastIndex(where: { $0 != 0 })
            else { return .success(.zero) }
            let integerDigits = max(0, point - firstNonZero)
            guard integerDigits <= DecimalParser.maxIntegerDigits else { return .failure(.outOfRange) }
            let fractionDigits = max(0, lastNonZero + 1 - point)
            var kept = fractionDigits
            var roundUp = false
            if fractionDigits > places {
                guard excess == .roundHalfUp else { return .failure(.tooPrecise(decimals: fractionDigits)) }
                kept = places
                roundUp = digit(at: point + places) >= 5
                // 999…9.995 rounding up would carry into a 19th integer digit (found by FuzzFinanceParsers).
                if roundUp, integerDigits == DecimalParser.maxIntegerDigits,
                   (firstNonZero..<(point + kept)).allSatisfy({ digit(at: $0) == 9 }) {
                    return .failure(.outOfRange)
                }
            }
            // At most 18 + 10 digits: the first 19 in one word, the rest through the wide multiply.
            var word: UInt64 = 0
            var wide: Magnitude?
            for index in min(firstNonZero, point)..<(point + kept) {
                if let current = wide {
                    guard let next = current.multiplied(by: 10)?.adding(Magnitude(digit(at: index))) else {
                        return .failure(.outOfRange)
                    }
                    wide = next
                } else if word < 1_000_000_000_000_000_000 {
                    word = word * 10 + digit(at: index)
                } else {
                    wide = Magnitude(word).multiplied(by: 10)?.adding(Magnitude(digit(at: index)))
                }
            }
            if roundUp {
                if let current = wide { wide = current.addingOne() } else { word += 1 }
            }
            let unscaled = wide ?? Magnitude(word)
            guard let magnitude = unscaled.multiplied(by: FixedDecimal.powerOfTen(FixedDecimal.scale - kept)),
                let raw = WideInt(negative: negative && !magnitude.isZero, magnitude: magnitude)
            else { return .failure(.outOfRange) }
            return .success(FixedDecimal(raw: raw))
        }
    }

    /// Reads sign, brackets, currency sign, grouped digits, point and exponent; nil for anything else.
    private static func scan(_ text: ArraySlice<UInt8>) -> Scanned? {
        var start = text.startIndex
        var end = text.endIndex
        var negative = false
        if text[start] == UInt8(ascii: "(") {
            guard end - start > 2, text[end - 1] == UInt8(ascii: ")") else { return nil }
            start += 1
            end -= 1
            negative = true
        }
        if text[start] == UInt8(ascii: "+") || text[start] == minus {
            // `(-5)` is a double negative nobody means.
            guard !negative else { return nil }
            negative = text[start] == minus
            start += 1
        }
        if start < end && text[start] == yen { start += 1 }

        var digits: [UInt8] = []
        digits.reserveCapacity(end - start)
        var integerCount = 0
        var sawPoint = false
        var sawComma = false
        var groupLength = 0
        var index = start
        scanning: while index < end {
            let byte = text[index]
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                digits.append(byte - UInt8(ascii: "0"))
                if !sawPoint {
                    integerCount += 1
                    groupLength += 1
                }
            case UInt8(ascii: ","):
                // Commas only between groups of three in the integer part: 1,234,567.
                guard !sawPoint, sawComma ? groupLength == 3 : (1...3).contains(groupLength) else { return nil }
                sawComma = true
                groupLength = 0
            case UInt8(ascii: "."):
                guard !sawPoint, !sawComma || groupLength == 3 else { return nil }
                sawPoint = true
            case UInt8(ascii: "e"), UInt8(ascii: "E"):
                break scanning
            default:
                return nil
            }
            index += 1
        }
        guard !digits.isEmpty, !sawComma || sawPoint || groupLength == 3 else { return nil }

        var exponent = 0
        if index < end {
            index += 1  // past e/E
            var exponentNegative = false
            if index < end && (text[index] == UInt8(ascii: "+") || text[index] == minus) {
                exponentNegative = text[index] == minus
                index += 1
            }
            let exponentDigits = text[index..<end]
            guard (1...3).contains(exponentDigits.count),
                exponentDigits.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) })
            else { return nil }
            exponent = exponentDigits.reduce(0) { $0 * 10 + Int($1 - UInt8(ascii: "0")) }
            if exponentNegative { exponent = -exponent }
        }
        return Scanned(negative: negative, digits: digits, point: integerCount + exponent)
    }

    /// Trims surrounding spaces and maps full-width and typographic characters to their ASCII forms;
    /// every dash becomes `-` and every inner space a plain space (which no figure accepts).
    static func normalised(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0xFF10...0xFF19: result.unicodeScalars.append(Unicode.Scalar(UInt8(scalar.value - 0xFF10 + 0x30)))
            case 0xFF0C: result.append(",")  // ，
            case 0xFF0E: result.append(".")  // ．
            case 0xFF08: result.append("(")  // （
            case 0xFF09: result.append(")")  // ）
            case 0xFF0B: result.append("+")  // ＋
            case 0xFF05: result.append("%")  // ％
            case 0xFFE5: result.append("¥")  // ￥
            case 0x2D, 0xFF0D, 0x2212, 0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0xFE63:
                result.append("-")  // - － − ‐ ‑ ‒ – — ― ﹣
            case 0x20, 0x09, 0x0A, 0x0D, 0xA0, 0x3000, 0x2002...0x200B, 0xFEFF:
                result.append(" ")
            default: result.unicodeScalars.append(scalar)
            }
        }
        return String(result.drop(while: { $0 == " " }).reversed().drop(while: { $0 == " " }).reversed())
    }
}

extension Character {
    var isASCIIDigit: Bool { asciiValue.map { (48...57).contains($0) } ?? false }
}
