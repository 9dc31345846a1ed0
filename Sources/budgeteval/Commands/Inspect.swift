import ArgumentParser
import CSVFormat
import Foundation
import Pipeline
import Recognition
import Spreadsheet
import XLSXFormat

extension BudgetEval {
    /// `budgeteval inspect FILE [--json] [--mapping FILE]`: sheets, dimensions, merges, hidden state and
    /// the finance tables recognised in the file.
    struct Inspect: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "查看表格结构与识别出的表 / show a spreadsheet's sheets and the finance tables recognised in it.",
            discussion: """
            JSON shape: {"file", "format": "xlsx"|"csv", "encoding", "delimiter", \
            "sheets": [{"index", "name", "state", "dimension", "merged"}], \
            "tables": [{"kind", "side", "title", "preparedBy", "year", "sheet", "range", "unit", "headerRows", \
            "columns": [{"role", "header", "column"}], "dataRows", "totalRows", "tableCode", "notes"}], \
            "errors": [{"sheet", "message"}]}. Table kinds and column roles: docs/TABLE-KINDS.md.
            """
        )

        @Argument(help: "输入文件 / input file.")
        var file: String

        @Flag(name: .long, help: "输出 JSON / print JSON.")
        var json = false

        @Option(name: .long, help: "映射文件（JSON），为特殊版式指定工作表、表头行和列含义 / mapping file (JSON) for odd layouts.")
        var mapping: String?

        @Option(name: .customLong("input-encoding"),
                help: "CSV 输入编码（默认自动识别）/ CSV input encoding: utf-8, gbk/gb18030, utf-16, windows-1252.")
        var inputEncoding: String?

        @OptionGroup var language: LanguageOptions
        @OptionGroup var readLimits: ReadLimitOptions

        func validate() throws {
            if let name = inputEncoding, TextEncoding(name: name) == nil {
                throw ValidationError("不认识的编码“\(name)” / unknown encoding \"\(name)\".")
            }
        }

        func run() throws {
            let mappingValue: Mapping?
            do {
                mappingValue = try DepartmentLoader.readMapping(path: mapping)
            } catch {
                printError(LoadError.mapping(path: mapping ?? "", detail: "\(error)").message(language.lang))
                throw ExitCode(1)
            }
            let report = try reportingErrors(language.lang) {
                try InspectReport(
                    path: file, limits: readLimits.limits, mapping: mappingValue,
                    csvOptions: CSVReadOptions(encoding: inputEncoding.flatMap { TextEncoding(name: $0) }))
            }
            print(json ? report.json : report.text(language.lang), terminator: "")
        }
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
