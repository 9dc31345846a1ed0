/// Reading amounts from cell text.
extension Money {
    /// Parses an amount as accountants write it in a cell.
    ///
    /// Accepted: `1234.56`, `1,234.56`, `（1,234.56）` / `(1,234.56)` (negative), leading `+`/`-`,
    /// full-width digits, comma, period and brackets, surrounding spaces, `1234.5600`, the exponent form
    /// (`1.5E-3`); blank or only dashes (`-`, `—`, `－`) is zero. At most 18 integer digits and
    /// `maxParsedDecimals` (6) decimals; extra non-zero decimals are rejected unless `excessDecimals`
    /// is `.roundHalfUp` (for computed cells such as `=B2/10000`). Anything else throws — never zero.
    public static func parse(
        _ text: String, excessDecimals: ExcessDecimals = .reject
    ) throws(NumberParseError) -> Money {
        switch DecimalParser.parse(text, maxDecimals: maxParsedDecimals, excess: excessDecimals.engine) {
        case .success(let value): return Money(value)
        case .failure(let failure): throw NumberParseError(text: text, failure: failure)
        }
    }

    /// `parse(_:)` that returns nil instead of throwing.
    public init?(parsing text: String) {
        guard let money = try? Money.parse(text) else { return nil }
        self = money
    }
}

/// What parsing does with non-zero decimals beyond the type's limit.
public enum ExcessDecimals: Sendable, Hashable {
    /// Throw `NumberParseError` (`.tooPrecise`): the default, so nothing is lost silently.
    case reject
    /// Round half-up (四舍五入) to the limit; for computed cells whose text carries division noise.
    case roundHalfUp

    var engine: DecimalParser.Excess { self == .reject ? .reject : .roundHalfUp }
}

/// Cell text that is not a number we accept, with the reason in Chinese and English.
///
/// It does not know the cell; the caller (Recognition) adds file, sheet and cell.
public struct NumberParseError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The text as found.
    public var text: String
    public var reason: Reason

    public enum Reason: Hashable, Sendable {
        /// Not a figure at all (letters, stray symbols, misplaced commas).
        case notANumber
        /// Longer than any figure can be.
        case tooLong
        /// More than 18 integer digits.
        case outOfRange
        /// More decimals than the type keeps exactly.
        case tooPrecise(decimals: Int)
    }

    init(text: String, failure: DecimalParser.Failure) {
        self.text = text
        switch failure {
        case .notANumber: reason = .notANumber
        case .tooLong: reason = .tooLong
        case .outOfRange: reason = .outOfRange
        case .tooPrecise(let decimals): reason = .tooPrecise(decimals: decimals)
        }
    }

    /// What is wrong and what to do.
    public var message: LocalizedText {
        let shown = text.count > 40 ? String(text.prefix(40)) + "…" : text
        switch reason {
        case .notANumber:
            return LocalizedText(
                zh: "“\(shown)”不是数字：请填写金额（如 1,234.56，负数可写作 (1,234.56)），无金额请留空或填“-”。",
                en: "“\(shown)” is not a number: enter an amount (e.g. 1,234.56, negative as (1,234.56)); "
                    + "leave it blank or write “-” for none.")
        case .tooLong:
            return LocalizedText(
                zh: "“\(shown)”太长，不是一个金额：请检查该单元格。",
                en: "“\(shown)” is too long to be an amount: check the cell.")
        case .outOfRange:
            return LocalizedText(
                zh: "“\(shown)”超过 18 位整数，超出可处理的范围：请检查单位或数值。",
                en: "“\(shown)” has more than 18 integer digits, beyond the supported range: check the unit or value.")
        case .tooPrecise(let decimals):
            return LocalizedText(
                zh: "“\(shown)”有 \(decimals) 位小数，超出可精确保存的位数：请先在表中四舍五入。",
                en: "“\(shown)” has \(decimals) decimals, more than can be kept exactly: round it in the sheet first.")
        }
    }

    public var description: String { message.zh }
}
