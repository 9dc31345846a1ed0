/// A message in Chinese (shown by default) and English (`--lang en`).
///
/// FinanceModel knows no `Language` enum (that lives in `Spreadsheet`, which this module must not see);
/// callers pick `zh` or `en`.
public struct LocalizedText: Hashable, Sendable, Codable, CustomStringConvertible {
    /// 中文.
    public var zh: String
    /// English.
    public var en: String

    public init(zh: String, en: String) {
        self.zh = zh
        self.en = en
    }

    /// The text in English when `english` is true, else in Chinese.
    public func text(english: Bool) -> String { english ? en : zh }

    public var description: String { zh }
}
