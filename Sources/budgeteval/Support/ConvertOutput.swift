import ArgumentParser
import CSVFormat
import Foundation

/// What `convert` writes, decided by the OUTPUT name: `.xlsx` a workbook; `.csv`, `-` or no OUTPUT a CSV.
enum ConvertOutputKind: Equatable {
    case csv, workbook

    /// The kind for `output` (nil is standard output); throws a `ValidationError` for other names.
    static func of(_ output: String?) throws -> ConvertOutputKind {
        guard let output, output != "-" else { return .csv }
        switch (output as NSString).pathExtension.lowercased() {
        case "csv": return .csv
        case "xlsx": return .workbook
        default:
            throw ValidationError(
                "输出文件须以 .xlsx 或 .csv 结尾（- 表示标准输出 CSV）/ the output must end in .xlsx or .csv (- for CSV on stdout).")
        }
    }
}

/// `--encoding` and `--formula-guard`/`--no-formula-guard`: how `convert` writes CSV.
struct CSVOutputOptions: ParsableArguments {
    @Option(name: .customLong("encoding"),
            help: "CSV 输出编码 / CSV output encoding: utf-8 (default), utf-8-bom (Excel on Chinese Windows), gb18030.")
    var encoding: String = "utf-8"

    @Flag(name: .customLong("formula-guard"), inversion: .prefixedNo,
          help: "给以 = + @ - 等开头的文本加前导 ' 以防公式注入（convert 默认关闭）/ prefix ' to text a spreadsheet would run as a formula (off by default for convert).")
    var formulaGuard: Bool = false

    /// The writer options; throws a `ValidationError` for an encoding the writer does not produce.
    func writeOptions() throws -> CSVWriteOptions {
        guard let parsed = TextEncoding(name: encoding), [.utf8, .utf8BOM, .gb18030].contains(parsed) else {
            throw ValidationError("CSV 输出编码只能是 utf-8、utf-8-bom 或 gb18030，而不是“\(encoding)” / "
                + "the CSV output encoding must be utf-8, utf-8-bom or gb18030, not \"\(encoding)\".")
        }
        return CSVWriteOptions(encoding: parsed, guardFormulas: formulaGuard)
    }
}
