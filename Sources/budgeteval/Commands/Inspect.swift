import ArgumentParser
import CSVFormat
import Foundation
import Spreadsheet
import XLSXFormat

extension BudgetEval {
    /// `budgeteval inspect FILE [--json]`: sheets, dimensions, merged ranges and hidden state.
    struct Inspect: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "查看表格结构 / show a spreadsheet's sheets, dimensions, merges and hidden state.",
            discussion: """
            JSON shape: {"file", "format": "xlsx"|"csv", "encoding", "delimiter", \
            "sheets": [{"index", "name", "state", "dimension", "merged"}], "tables": []}.
            """
        )

        @Argument(help: "输入文件 / input file.")
        var file: String

        @Flag(name: .long, help: "输出 JSON / print JSON.")
        var json = false

        @Option(name: .customLong("input-encoding"), help: "CSV 输入编码（默认自动识别）/ CSV input encoding.")
        var inputEncoding: String?

        @OptionGroup var language: LanguageOptions
        @OptionGroup var readLimits: ReadLimitOptions

        func run() throws {
            var options = CSVReadOptions()
            if let name = inputEncoding {
                guard let encoding = TextEncoding(name: name) else {
                    throw ValidationError("不认识的编码“\(name)” / unknown encoding \"\(name)\".")
                }
                options.encoding = encoding
            }
            let report = try reportingErrors(language.lang) {
                switch InputFormat.detect(path: file) {
                case .xlsx: return try InspectReport(xlsx: file, limits: readLimits.limits)
                case .csv: return try InspectReport(csv: file, options: options)
                }
            }
            print(json ? report.json : report.text(language.lang), terminator: "")
        }
    }
}

/// What `inspect` found, printable as text or JSON.
struct InspectReport {
    struct SheetSummary {
        var index: Int
        var name: String
        var state: Sheet.State
        var kind: Sheet.Kind
        var dimension: CellRange?
        var merged: [CellRange]
    }

    var file: String
    var format: InputFormat
    var encoding: String?
    var delimiter: String?
    var sheets: [SheetSummary]

    init(xlsx path: String, limits: ReadLimits) throws {
        file = displayName(of: path)
        format = .xlsx
        let reader = try XLSXReader(path: path, displayName: file, limits: limits)
        sheets = try reader.sheets.map { info in
            var maxRow = -1, maxColumn = -1
            var merges: [CellRange] = []
            if info.kind == .worksheet {
                merges = try reader.mergedRanges(sheet: info.index)
                try reader.forEachRow(sheet: info.index) { row in
                    guard let last = row.cells.last(where: { !$0.value.isBlank || $0.formula != nil }) else { return }
                    maxRow = max(maxRow, row.index)
                    maxColumn = max(maxColumn, last.column)
                }
            }
            let dimension = maxRow < 0 ? nil
                : CellRange(CellAddress(row: 0, column: 0), CellAddress(row: maxRow, column: maxColumn))
            return SheetSummary(index: info.index, name: info.name, state: info.state, kind: info.kind,
                                dimension: dimension, merged: merges)
        }
    }

    /// A CSV is one sheet named after the file, with its detected encoding and delimiter.
    init(csv path: String, options: CSVReadOptions) throws {
        file = displayName(of: path)
        format = .csv
        let result = try CSVReader.read(path: path, displayName: file, options: options)
        encoding = result.encoding.rawValue
        delimiter = result.delimiter
        sheets = [SheetSummary(index: 1, name: file, state: .visible, kind: .worksheet,
                               dimension: result.sheet.dimension, merged: [])]
    }

    func text(_ lang: Language) -> String {
        var out = "\(file) (\(format.rawValue))\n"
        if let encoding { out += (lang == .zh ? "编码" : "encoding") + ": \(encoding)\n" }
        if let delimiter { out += (lang == .zh ? "分隔符" : "delimiter") + ": \(delimiter)\n" }
        for s in sheets {
            let state = s.state == .visible ? "" : " [\(s.state.rawValue)]"
            let kind = s.kind == .chartsheet ? (lang == .zh ? " [图表]" : " [chart]") : ""
            let dim = s.dimension.map { "\($0)" } ?? (lang == .zh ? "空" : "empty")
            out += "\(s.index). \(s.name)\(state)\(kind): \(dim)"
            if !s.merged.isEmpty {
                out += (lang == .zh ? "，合并区域 " : ", merged ") + s.merged.map(\.description).joined(separator: " ")
            }
            out += "\n"
        }
        return out
    }

    var json: String {
        func str(_ s: String?) -> String { s.map(JSONText.quote) ?? "null" }
        let sheetItems = sheets.map { s in
            "{\"index\": \(s.index), \"name\": \(str(s.name)), \"state\": \(str(s.state.rawValue)), "
                + "\"dimension\": \(str(s.dimension?.description)), "
                + "\"merged\": [\(s.merged.map { str($0.description) }.joined(separator: ", "))]}"
        }
        return "{\"file\": \(str(file)), \"format\": \(str(format.rawValue)), \"encoding\": \(str(encoding)), "
            + "\"delimiter\": \(str(delimiter)), \"sheets\": [\(sheetItems.joined(separator: ", "))], \"tables\": []}\n"
    }
}

/// JSON string literals, escaped by hand so key order stays as documented.
enum JSONText {
    static func quote(_ s: String) -> String {
        var out = "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where u.value < 0x20:
                let hex = String(u.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(u)
            }
        }
        return out + "\""
    }
}
