import FinanceModel
import Spreadsheet

/// A sheet that could not be read as a finance table: where, what was found, what is missing, and
/// which rows were searched. Messages in Chinese first, English via `Language.en`.
public struct RecognitionError: Error, Hashable, Sendable, CustomStringConvertible {
    /// File, sheet (nil for a CSV) and the cell the problem is at, when there is one.
    public var location: SourceLocation
    public var reason: Reason

    public init(_ reason: Reason, at location: SourceLocation) {
        self.reason = reason
        self.location = location
    }

    public enum Reason: Hashable, Sendable {
        /// No row in the searched range looks like a header.
        case noHeader(searchedRows: ClosedRange<Int>, firstTexts: [String])
        /// A header was found, but neither the title nor the headers say which table this is.
        case unknownKind(title: String, headers: [String], headerRows: ClosedRange<Int>)
        /// The kind is known but columns it needs are missing.
        case missingColumns(kind: TableKind, missing: [String], found: [String], headerRows: ClosedRange<Int>)
        /// An amount cell holds text that is not a number.
        case badAmount(text: String, detail: NumberParseError)
        /// A mapping file names something the sheet does not have, or cannot be read.
        case badMapping(detail: String)
        /// The sheet is empty.
        case emptySheet
    }

    /// What is wrong and what to do.
    public func message(_ lang: Language) -> String {
        let place = location.description
        switch reason {
        case .noHeader(let rows, let texts):
            let found = texts.isEmpty
                ? (lang == .zh ? "（无文字）" : "(no text)")
                : texts.prefix(6).joined(separator: lang == .zh ? "、" : ", ")
            return lang == .zh
                ? "\(place)：在第 \(rows.lowerBound)–\(rows.upperBound) 行中没有找到表头（找到：\(found)）；缺少“科目编码/项目/预算数/决算数”等列名。请检查是否为财务报表，或用 --mapping 指定表头行和列。"
                : "\(place): no header row in rows \(rows.lowerBound)–\(rows.upperBound) (found: \(found)); missing column names such as 科目编码/项目/预算数/决算数. Check that this is a finance table, or name the header rows and columns with --mapping."
        case .unknownKind(let title, let headers, let rows):
            let h = headers.prefix(8).joined(separator: lang == .zh ? "、" : ", ")
            return lang == .zh
                ? "\(place)：无法判断表的种类（标题“\(title)”，第 \(rows.lowerBound)–\(rows.upperBound) 行表头：\(h)）；标题或表头中缺少“收支总表/支出/基本支出/三公/项目/指标/基本情况”等词。请在 --mapping 中写明 kind。"
                : "\(place): cannot tell which table this is (title “\(title)”, header in rows \(rows.lowerBound)–\(rows.upperBound): \(h)); the title or headers lack words such as 收支总表/支出/基本支出/三公/项目/指标/基本情况. Name the kind in --mapping."
        case .missingColumns(let kind, let missing, let found, let rows):
            return lang == .zh
                ? "\(place)：识别为\(kind.title.zh)，但第 \(rows.lowerBound)–\(rows.upperBound) 行的表头中缺少：\(missing.joined(separator: "、"))（找到：\(found.prefix(10).joined(separator: "、"))）。请补全列名，或用 --mapping 指定各列的含义。"
                : "\(place): read as \(kind.title.en) (kind \(kind.rawValue)), but the header in rows \(rows.lowerBound)–\(rows.upperBound) lacks: \(missing.joined(separator: ", ")) (found: \(found.prefix(10).joined(separator: ", "))). Add the column names, or give column roles with --mapping."
        case .badAmount(_, let detail):
            return lang == .zh ? "\(place)：\(detail.message.zh)" : "\(place): \(detail.message.en)"
        case .badMapping(let detail):
            return lang == .zh ? "\(place)：映射文件有误：\(detail)" : "\(place): mapping file problem: \(detail)"
        case .emptySheet:
            return lang == .zh ? "\(place)：工作表为空，没有可识别的表格。" : "\(place): the sheet is empty; there is no table to recognise."
        }
    }

    public var description: String { message(.zh) }
}
