import FinanceModel

/// 读取提示: the 提示 recognition gave while reading a table (a split code printed without its leading
/// zero, read as 30102 from `301 | 2`), one per table, at its cell.
public struct ReadingHintRule: CheckRule {
    public let name = "编码补零"

    public init() {}

    public func findings(in context: CheckContext) -> [Finding] {
        context.tables.flatMap { $0.info.readingHints ?? [] }
    }
}
