public import FinanceModel
public import Spreadsheet

/// Why a command cannot run at all: bad usage (exit 64) or an input that cannot be read (exit 1).
/// The message names the file and says what to do, in Chinese and English.
public struct PipelineError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Kind: Sendable, Hashable {
        /// The arguments ask for something impossible: an output that is an input, a wrong extension,
        /// several groups where one is needed. Exit 64.
        case usage
        /// An input or output file cannot be read, found or written. Exit 1.
        case input
    }

    public var kind: Kind
    public var text: LocalizedText
    /// The reading errors behind an `.input` error, one per file that could not be read.
    public var readingErrors: [SpreadsheetError] = []

    public init(_ kind: Kind, zh: String, en: String) {
        self.kind = kind
        self.text = LocalizedText(zh: zh, en: en)
    }

    /// 64 for usage, 1 for input.
    public var exitCode: Int32 { kind == .usage ? 64 : 1 }

    public func message(_ lang: Language) -> String { text.text(english: lang == .en) }

    public var description: String { text.zh }

    /// A reading error, as it was reported (it already names file, sheet and cell).
    public static func reading(_ error: SpreadsheetError) -> PipelineError {
        reading([error])
    }

    /// Several files that could not be read, one message each.
    public static func reading(_ errors: [SpreadsheetError]) -> PipelineError {
        var error = PipelineError(
            .input, zh: errors.map { $0.message(.zh) }.joined(separator: "\n"),
            en: errors.map { $0.message(.en) }.joined(separator: "\n"))
        error.readingErrors = errors
        return error
    }
}
