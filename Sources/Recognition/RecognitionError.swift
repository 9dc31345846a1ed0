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
        /// A table the project has no kind for (机关运行经费, 政府采购, 国有资产占用): listed by its title as
        /// `other`, not an error in the file.
        case otherTable(title: String)
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
                ? "\(place)：在\(Self.rowsZh(rows))中没有找到表头（找到：\(found)）；缺少“科目编码/项目/预算数/决算数”等列名。请检查是否为财务报表，或用 --mapping 指定表头行和列。"
                : "\(place): no header row in \(Self.rowsEn(rows)) (found: \(found)); missing column names such as 科目编码/项目/预算数/决算数. Check that this is a finance table, or name the header rows and columns with --mapping."
        case .unknownKind(let title, let headers, let rows):
            let h = headers.prefix(8).joined(separator: lang == .zh ? "、" : ", ")
            return lang == .zh
                ? "\(place)：无法判断表的种类（标题“\(title)”，\(Self.rowsZh(rows))表头：\(h)）；标题或表头中缺少“收支总表/支出/基本支出/三公/项目/指标/基本情况”等词。请在 --mapping 中写明 kind。"
                : "\(place): cannot tell which table this is (title “\(title)”, header in \(Self.rowsEn(rows)): \(h)); the title or headers lack words such as 收支总表/支出/基本支出/三公/项目/指标/基本情况. Name the kind in --mapping."
        case .missingColumns(let kind, let missing, let found, let rows):
            let (absent, unread) = Self.split(missing, found: found)
            var zh = "\(place)：识别为\(kind.title.zh)，但\(Self.rowsZh(rows))的表头中"
            var en = "\(place): read as \(kind.title.en), but the header in \(Self.rowsEn(rows))"
            if !absent.isEmpty {
                zh += "缺少：\(absent.joined(separator: "、"))"
                en += " lacks: \(absent.joined(separator: ", "))"
            }
            if !unread.isEmpty {
                zh += (absent.isEmpty ? "" : "；") + "“\(unread.joined(separator: "、"))”所在的列未能按所需含义读取"
                en += (absent.isEmpty ? "" : ";") + " the columns headed \(unread.joined(separator: ", ")) could not be read as needed"
            }
            return lang == .zh
                ? zh + "（找到：\(found.prefix(10).joined(separator: "、"))）。请补全列名，或用 --mapping 指定各列的含义。"
                : en + " (found: \(found.prefix(10).joined(separator: ", "))). Add the column names, or give column roles with --mapping."
        case .badAmount(_, let detail):
            return lang == .zh ? "\(place)：\(detail.message.zh)" : "\(place): \(detail.message.en)"
        case .badMapping(let detail):
            return lang == .zh ? "\(place)：映射文件有误：\(detail)" : "\(place): mapping file problem: \(detail)"
        case .otherTable(let title):
            return lang == .zh
                ? "\(place)：“\(title)”不是本工具核对的表（机关运行经费、政府采购、国有资产等），已列出但未读取。"
                : "\(place): “\(title)” is not a table this tool checks (running costs, government procurement, state assets …); listed, not read."
        case .emptySheet:
            return lang == .zh ? "\(place)：工作表为空，没有可识别的表格。" : "\(place): the sheet is empty; there is no table to recognise."
        }
    }

    public var description: String { message(.zh) }

    /// `第 4 行` or `第 4–6 行`.
    static func rowsZh(_ rows: ClosedRange<Int>) -> String {
        rows.count == 1 ? "第 \(rows.lowerBound) 行" : "第 \(rows.lowerBound)–\(rows.upperBound) 行"
    }

    static func rowsEn(_ rows: ClosedRange<Int>) -> String {
        rows.count == 1 ? "row \(rows.lowerBound)" : "rows \(rows.lowerBound)–\(rows.upperBound)"
    }

    /// The missing column descriptions (`经济分类科目编码/科目名称 列`) split into the words no header shows
    /// and the words a header shows but could not be read as needed: a complaint never calls a column
    /// missing that it found.
    static func split(_ missing: [String], found: [String]) -> (absent: [String], unread: [String]) {
        let segments = Set(found.flatMap { $0.split(separator: "/").map { Vocabulary.normalise(String($0)) } })
        var absent: [String] = []
        var unread: [String] = []
        for item in missing {
            let trimmed = item.hasSuffix(" 列") ? String(item.dropLast(2)) : item
            let words = trimmed.split(separator: "/").map(String.init)
            let seen = words.filter { segments.contains(Vocabulary.normalise($0)) }
            if seen.isEmpty {
                absent.append(item)
            } else {
                unread += seen
            }
        }
        return (absent, unread)
    }
}
