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
        let cleaned = normalised(text)
        if cleaned.isEmpty || cleaned.allSatisfy({ $0 == "-" }) { return .success(.zero) }
        guard cleaned.count <= maxLength else { return .failure(.tooLong) }

        var body = Substring(cleaned)
        var negative = false
        if body.first == "(" {
            guard body.last == ")", body.count > 2 else { return .failure(.notANumber) }
            body = body.dropFirst().dropLast()
            negative = true
        }
        if let sign = body.first, sign == "+" || sign == "-" {
            // `(-5)` is a double negative nobody means: reject it.
            guard !negative else { return .failure(.notANumber) }
            negative = sign == "-"
            body = body.dropFirst()
        }
        // Accounting formats may keep the currency sign: "¥1,234.56", "-¥5", "(¥5)".
        if body.first == "¥" { body = body.dropFirst() }

        var exponent = 0
        if let e = body.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            var exponentText = body[body.index(after: e)...]
            body = body[..<e]
            var exponentNegative = false
            if let sign = exponentText.first, sign == "+" || sign == "-" {
                exponentNegative = sign == "-"
                exponentText = exponentText.dropFirst()
            }
            guard (1...3).contains(exponentText.count), exponentText.allSatisfy(\.isASCIIDigit),
                let value = Int(exponentText)
            else { return .failure(.notANumber) }
            exponent = exponentNegative ? -value : value
        }

        let parts = body.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2 else { return .failure(.notANumber) }
        let integerPart = parts[0]
        let fractionPart = parts.count == 2 ? parts[1] : Substring("")
        guard !(integerPart.isEmpty && fractionPart.isEmpty) else { return .failure(.notANumber) }
        guard fractionPart.allSatisfy(\.isASCIIDigit) else { return .failure(.notANumber) }
        guard let integerDigits = ungrouped(integerPart) else { return .failure(.notANumber) }

        // Shift the decimal point by the exponent, on the digit strings.
        var whole = integerDigits
        var fraction = String(fractionPart)
        if exponent > 0 {
            let moved = fraction.prefix(exponent)
            whole += moved + String(repeating: "0", count: exponent - moved.count)
            fraction = String(fraction.dropFirst(moved.count))
        } else if exponent < 0 {
            let count = -exponent
            let moved = whole.suffix(count)
            fraction = String(repeating: "0", count: count - moved.count) + moved + fraction
            whole = String(whole.dropLast(moved.count))
        }

        whole = String(whole.drop(while: { $0 == "0" }))
        guard whole.count <= maxIntegerDigits else { return .failure(.outOfRange) }
        while fraction.last == "0" { fraction.removeLast() }
        let places = min(maxDecimals, FixedDecimal.scale)
        var roundUp = false
        if fraction.count > places {
            guard excess == .roundHalfUp else { return .failure(.tooPrecise(decimals: fraction.count)) }
            let dropped = fraction.dropFirst(places)
            roundUp = (dropped.first ?? "0") >= "5"
            fraction = String(fraction.prefix(places))
        }

        // raw = whole × 10^10 + fraction × 10^(10 − count) (+ one unit of the last kept place).
        var magnitude = Magnitude.zero
        for digit in whole + fraction + String(repeating: "0", count: FixedDecimal.scale - fraction.count) {
            guard let shifted = magnitude.multiplied(by: 10),
                let next = shifted.adding(Magnitude(UInt64((digit.asciiValue ?? 48) - 48)))
            else { return .failure(.outOfRange) }
            magnitude = next
        }
        if roundUp {
            guard let next = magnitude.adding(Magnitude(FixedDecimal.powerOfTen(FixedDecimal.scale - places))) else {
                return .failure(.outOfRange)
            }
            magnitude = next
        }
        guard let raw = WideInt(negative: negative && !magnitude.isZero, magnitude: magnitude) else {
            return .failure(.outOfRange)
        }
        return .success(FixedDecimal(raw: raw))
    }

    /// Integer digits with grouping commas removed; nil unless every comma sits between groups of three.
    static func ungrouped(_ text: Substring) -> String? {
        guard text.contains(",") else { return text.allSatisfy(\.isASCIIDigit) ? String(text) : nil }
        let groups = text.split(separator: ",", omittingEmptySubsequences: false)
        guard let first = groups.first, (1...3).contains(first.count) else { return nil }
        guard groups.dropFirst().allSatisfy({ $0.count == 3 }) else { return nil }
        guard groups.allSatisfy({ $0.allSatisfy(\.isASCIIDigit) }) else { return nil }
        return groups.joined()
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
