import CSVFormat
import FinanceModel
import Foundation
import Recognition
import Reconciliation
import Spreadsheet
import XLSXFormat

/// What `budgeteval inspect` reports about one file (查看文件): its sheets (dimension, merged areas,
/// hidden state), the CSV dialect, every recognised table, and the sheets that were not recognised.
///
/// JSON shape (keys in this order): `{"file", "format", "encoding", "delimiter", "sheets": [{"index",
/// "name", "state", "dimension", "merged"}], "tables": [{"kind", "side", "title", "preparedBy", "year",
/// "scope", "sheet", "range", "unit", "headerRows", "columns": [{"role", "header", "column"}], "dataRows",
/// "totalRows", "tableCode", "notes"}], "errors": [{"sheet", "message"}]}`.
public struct InspectReport: Sendable {
    public struct SheetSummary: Sendable, Hashable {
        public var index: Int
        public var name: String
        public var state: Sheet.State
        public var kind: Sheet.Kind
        public var dimension: CellRange?
        public var merged: [CellRange]
    }

    public var file: String
    public var format: LoadedInput.Format
    public var encoding: String?
    public var delimiter: String?
    public var sheets: [SheetSummary]
    public var tables: [RecognizedTable]
    /// Sheets that hold something but could not be recognised.
    public var errors: [LoadError]

    /// Reads the file (by content: zip/OLE2 → workbook, else CSV) and recognises its tables.
    ///
    /// - Throws: `SpreadsheetError` when the file cannot be read at all; recognition problems are
    ///   listed in `errors` instead.
    public init(
        path: String, limits: ReadLimits = ReadLimits(), mapping: Mapping? = nil,
        csvOptions: CSVReadOptions = CSVReadOptions()
    ) throws {
        file = (path as NSString).lastPathComponent
        format = InputLoader.sniff(path: path) == .workbook ? .xlsx : .csv
        // One read: the sheets loaded for recognition also give the used areas and merged ranges.
        let loaded = DepartmentLoader.loadFile(path, mapping: mapping, limits: limits, csvOptions: csvOptions)
        if case .reading(let error)? = loaded.errors.first, loaded.input == nil { throw error }
        sheets = []
        if let input = loaded.input {
            if input.isCSV {
                encoding = input.encoding
                delimiter = input.delimiter
                sheets = input.sheets.enumerated().map { index, sheet in
                    SheetSummary(index: index + 1, name: sheet.name, state: sheet.state, kind: sheet.kind,
                                 dimension: sheet.dimension, merged: sheet.merges)
                }
            } else {
                sheets = try Self.summarise(path: path, file: file, limits: limits, worksheets: input.sheets)
            }
        }
        tables = loaded.tables
        errors = loaded.errors
    }

    /// Every sheet of the workbook in order (chart sheets too, from the workbook part alone), with the
    /// used area and merged ranges of the worksheets already read.
    static func summarise(path: String, file: String, limits: ReadLimits, worksheets: [Sheet]) throws -> [SheetSummary] {
        let reader = try XLSXReader(path: path, displayName: file, limits: limits)
        var read = worksheets.makeIterator()
        return reader.sheets.map { info in
            let sheet = info.kind == .worksheet ? read.next() : nil
            return SheetSummary(index: info.index, name: info.name, state: info.state, kind: info.kind,
                                dimension: sheet?.dimension, merged: sheet?.merges ?? [])
        }
    }

    /// The human-readable listing: sheets, then one block per table, then problems.
    public func text(_ lang: Language) -> String {
        let zh = lang == .zh
        var out = "\(file) (\(format.rawValue))\n"
        if let encoding { out += (zh ? "编码" : "encoding") + ": \(encoding)\n" }
        if let delimiter { out += (zh ? "分隔符" : "delimiter") + ": \(delimiter)\n" }
        for s in sheets {
            let state = s.state == .visible ? "" : " [\(s.state.rawValue)]"
            let kind = s.kind == .chartsheet ? (zh ? " [图表]" : " [chart]") : ""
            let dim = s.dimension.map { "\($0)" } ?? (zh ? "空" : "empty")
            out += "\(s.index). \(s.name)\(state)\(kind): \(dim)"
            if !s.merged.isEmpty {
                out += (zh ? "，合并区域 " : ", merged ") + s.merged.map(\.description).joined(separator: " ")
            }
            out += "\n"
        }
        out += TableListing.text(tables, lang)
        let others = errors.filter(Self.isOtherTable)
        let problems = errors.filter { !Self.isOtherTable($0) }
        if !others.isEmpty {
            out += zh ? "\n其他表格（本工具无此表种，未读取）：\n" : "\nOther tables (no kind in this tool; not read):\n"
            for error in others { out += "  " + error.message(lang) + "\n" }
        }
        if !problems.isEmpty {
            out += zh ? "\n未识别：\n" : "\nNot recognised:\n"
            for error in problems { out += "  " + error.message(lang) + "\n" }
        }
        return out
    }

    /// A table the project has no kind for (机关运行经费, 政府采购 …): listed, not a problem.
    static func isOtherTable(_ error: LoadError) -> Bool {
        guard case .recognising(let e) = error, case .otherTable = e.reason else { return false }
        return true
    }

    /// The JSON document, one line, keys in the documented order.
    public var json: String {
        let q = JSONString.quote
        func str(_ s: String?) -> String { s.map(q) ?? "null" }
        let sheetItems = sheets.map { s in
            "{\"index\": \(s.index), \"name\": \(str(s.name)), \"state\": \(str(s.state.rawValue)), "
                + "\"dimension\": \(str(s.dimension?.description)), "
                + "\"merged\": [\(s.merged.map { str($0.description) }.joined(separator: ", "))]}"
        }
        var otherItems: [String] = []
        var errorItems: [String] = []
        for error in errors {
            var sheet: String?
            if case .recognising(let e) = error {
                sheet = e.location.sheet
                if case .otherTable(let title) = e.reason {
                    // A table the project has no kind for: listed among the tables, not as a problem.
                    otherItems.append(
                        "{\"kind\": \"other\", \"title\": \(q(title)), \"sheet\": \(str(sheet)), "
                            + "\"message\": \(q(error.message(.zh)))}")
                    continue
                }
            }
            errorItems.append("{\"sheet\": \(str(sheet)), \"message\": \(q(error.message(.zh)))}")
        }
        return "{\"file\": \(str(file)), \"format\": \(str(format.rawValue)), \"encoding\": \(str(encoding)), "
            + "\"delimiter\": \(str(delimiter)), \"sheets\": [\(sheetItems.joined(separator: ", "))], "
            + "\"tables\": [\((tables.map(TableListing.json) + otherItems).joined(separator: ", "))], "
            + "\"errors\": [\(errorItems.joined(separator: ", "))]}\n"
    }
}

/// Rendering recognised tables for `inspect`.
public enum TableListing {
    /// One table as a JSON object.
    public static func json(_ t: RecognizedTable) -> String {
        let q = JSONString.quote
        func str(_ s: String?) -> String { s.map(q) ?? "null" }
        let info = t.info
        let headerRows = t.headerRows.map { "[" + $0.map(String.init).joined(separator: ", ") + "]" } ?? "null"
        let columns = t.columns.map {
            "{\"role\": \(q($0.role.rawValue)), \"header\": \(q($0.header)), \"column\": \(q($0.column))}"
        }
        return "{\"kind\": \(q(info.kind.rawValue)), \"side\": \(q(info.side.rawValue)), \"title\": \(q(info.title)), "
            + "\"preparedBy\": \(str(info.preparedBy)), \"year\": \(info.year.map(String.init) ?? "null"), "
            + "\"scope\": \(q(info.scope.rawValue)), \"sheet\": \(str(info.source.sheet)), \"range\": \(str(info.source.range)), "
            + "\"unit\": \(q(info.unit.rawValue)), \"headerRows\": \(headerRows), "
            + "\"columns\": [\(columns.joined(separator: ", "))], \"dataRows\": \(t.dataRows), "
            + "\"totalRows\": [\(t.totalRows.map(String.init).joined(separator: ", "))], "
            + "\"tableCode\": \(str(info.tableCode)), \"notes\": [\(notes(t).map(q).joined(separator: ", "))]}"
    }

    /// The tables as an indented text listing.
    public static func text(_ tables: [RecognizedTable], _ lang: Language) -> String {
        let zh = lang == .zh
        guard !tables.isEmpty else { return zh ? "\n未识别出表格。\n" : "\nNo tables recognised.\n" }
        var out = zh ? "\n识别出的表格：\n" : "\nRecognised tables:\n"
        for (i, t) in tables.enumerated() {
            let info = t.info
            let place = [info.source.sheet, info.source.range].compactMap { $0 }.joined(separator: " › ")
            out += "\(i + 1). \(info.kind.rawValue) [\(info.side.rawValue)] \(info.title)"
            out += " (\(place)\(zh ? "，单位：" : ", unit: ")\(info.unit.rawValue))\n"
            var facts: [String] = []
            if let by = info.preparedBy { facts.append((zh ? "编制单位 " : "prepared by ") + by) }
            if let year = info.year { facts.append((zh ? "年度 " : "year ") + String(year)) }
            if info.scope == .unit { facts.append(zh ? "单位预算/决算" : "unit scope") }
            if let code = info.tableCode { facts.append((zh ? "表号 " : "table code ") + code) }
            if let rows = t.headerRows {
                facts.append(
                    rows.count == 1
                        ? (zh ? "表头行 " : "header row ") + "\(rows.lowerBound)"
                        : (zh ? "表头行 " : "header rows ") + "\(rows.lowerBound)–\(rows.upperBound)")
            }
            facts.append((zh ? "数据行 " : "data rows ") + String(t.dataRows))
            if !t.totalRows.isEmpty {
                facts.append((zh ? "合计行 " : "total rows ") + t.totalRows.map(String.init).joined(separator: ","))
            }
            out += "   " + facts.joined(separator: zh ? "；" : "; ") + "\n"
            for c in t.columns {
                out += "   \(c.column.padding(toLength: 3, withPad: " ", startingAt: 0)) \(c.role.rawValue) ← \(c.header)\n"
            }
            for note in notes(t) { out += (zh ? "   说明：" : "   note: ") + note + "\n" }
        }
        return out
    }
}

/// JSON string literals for the hand-ordered inspect document (shared with the reconciler's JSON).
enum JSONString {
    static func quote(_ s: String) -> String { OrderedJSON.quoted(s) }
}

extension TableListing {
    /// What recognition wants the reader to know about a table: its notes, then the reading hints the
    /// checks report as 提示 (a code read with its leading zero restored …).
    static func notes(_ t: RecognizedTable) -> [String] {
        t.notes + (t.info.readingHints ?? []).map { $0.message.zh }
    }
}
