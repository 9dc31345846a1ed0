import ArgumentParser
import Spreadsheet
import XLSXFormat

extension Language: ExpressibleByArgument {}

/// `--lang zh|en`: the language of messages (Chinese by default).
struct LanguageOptions: ParsableArguments {
    @Option(name: .long, help: "消息语言 / message language: zh (default) or en.")
    var lang: Language = .zh
}

/// Caps against hostile workbooks (zip bombs, huge sheets), raised only for genuine large files.
struct ReadLimitOptions: ParsableArguments {
    @Option(name: .long, help: "解压总字节上限 / cap on inflated bytes (default 4 GiB).")
    var maxInflatedBytes: Int64?

    @Option(name: .long, help: "压缩比上限 / cap on an entry's compression ratio (default 200).")
    var maxCompressionRatio: Int64?

    @Option(name: .long, help: "单表单元格数上限 / cap on cells per sheet (default 100,000,000).")
    var maxCells: Int?

    @Option(name: .long, help: "压缩包条目数上限 / cap on zip entries (default 10,000).")
    var maxEntries: Int?

    @Option(name: .long, help: "单个文本字节数上限 / cap on one string's UTF-8 bytes (default 1 MiB).")
    var maxStringBytes: Int?

    var limits: ReadLimits {
        var l = ReadLimits()
        if let maxInflatedBytes { l.maxInflatedBytes = maxInflatedBytes }
        if let maxCompressionRatio { l.maxCompressionRatio = maxCompressionRatio }
        if let maxCells { l.maxCells = maxCells }
        if let maxEntries { l.maxEntries = maxEntries }
        if let maxStringBytes { l.maxStringBytes = maxStringBytes }
        return l
    }
}
