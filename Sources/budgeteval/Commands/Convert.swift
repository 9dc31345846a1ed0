import ArgumentParser
import Pipeline

extension BudgetEval {
    /// `budgeteval convert IN [OUT]`: XLSX → CSV, CSV → CSV, CSV → XLSX, XLSX → XLSX.
    struct Convert: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: Help.text("在 XLSX 与 CSV 之间转换。", "convert between XLSX and CSV."),
            discussion: Help.text(
                """
                默认写第一个工作表，--sheet 名称或序号（从 1 起）选其他表，--all-sheets 文件夹 把每个工作表写成 \
                文件夹/<输入文件名>__<序号>.csv。数字写成普通小数，日期写成 ISO 8601，公式写其缓存值，单元格文字不改动。\
                输出原子替换；输出不能是输入本身。CSV 输出默认 UTF-8，--encoding 可选 utf-8-bom 或 gb18030；\
                --formula-guard 给会被当作公式的文字加前导 '。输出以 .xlsx 结尾时写工作簿：从 CSV 来的每个字段保留文字，\
                普通小数成为数字，12.5% 成为百分比，--dates 时 ISO 日期成为日期单元格；从工作簿来的复制全部工作表的值、\
                公式、数字格式和合并区域。
                """,
                """
                Writes the first sheet by default, `--sheet NAME|N` (N one-based) for another, or every sheet \
                with `--all-sheets DIR` as DIR/<input file name>__<N>.csv. Numbers come out as plain decimals, dates \
                as ISO 8601, formulas as their cached values; cell text is never altered. Outputs are replaced \
                atomically and may never be the input. CSV output is UTF-8 unless --encoding says utf-8-bom or \
                gb18030; --formula-guard prefixes ' to text that would run as a formula. An OUTPUT ending in .xlsx \
                writes a workbook: from a CSV every field keeps its text, plain decimals become numbers, 12.5% a \
                percentage, and with --dates ISO dates become date cells; from a workbook every worksheet with its \
                values, formulas, number formats and merged ranges.
                """)
        )

        @Argument(help: ArgumentHelp(Help.text("输入文件（.xlsx、.xlsm、.csv、.tsv、.txt）。", "input file (.xlsx, .xlsm, .csv, .tsv, .txt).")))
        var input: String

        @Argument(help: ArgumentHelp(Help.text("输出文件（.csv 或 .xlsx）；- 或省略为标准输出 CSV。", "output .csv or .xlsx file; `-` or absent for CSV on stdout.")))
        var output: String?

        @Option(name: .long, help: ArgumentHelp(Help.text("工作表名称或序号（从 1 起）。", "sheet name or one-based number.")))
        var sheet: String?

        @Option(name: .customLong("all-sheets"), help: ArgumentHelp(Help.text("把每个工作表写入此文件夹。", "write every sheet into this folder.")))
        var allSheets: String?

        @Option(name: .customLong("input-encoding"),
                help: ArgumentHelp(Help.text("CSV 输入编码（默认自动识别）：utf-8、gbk/gb18030、utf-16、windows-1252。", "CSV input encoding: utf-8, gbk/gb18030, utf-16, windows-1252.")))
        var inputEncoding: String?

        @Option(name: .long, help: ArgumentHelp(Help.text("CSV 输出编码：utf-8（默认）、utf-8-bom 或 gb18030。", "CSV output encoding: utf-8 (default), utf-8-bom or gb18030.")))
        var encoding: String?

        @Flag(name: .customLong("formula-guard"), inversion: .prefixedNo,
              help: ArgumentHelp(Help.text("给以 = + @ - 等开头的文本加前导 '（convert 默认关闭）。", "prefix ' to text a spreadsheet would run as a formula (off by default for convert).")))
        var formulaGuard = false

        @Flag(name: .long, help: ArgumentHelp(Help.text("CSV 转 XLSX 时把 ISO 日期（2020-12-31）写成日期单元格。", "CSV to XLSX: ISO dates become date cells.")))
        var dates = false

        @OptionGroup var language: LanguageOptions
        @OptionGroup var readLimits: ReadLimitOptions

        private var request: ConvertRequest {
            ConvertRequest(
                input: input, output: output, sheet: sheet, allSheets: allSheets, inputEncoding: inputEncoding,
                encoding: encoding, guardFormulas: formulaGuard, dates: dates, limits: readLimits.limits)
        }

        func validate() throws {
            do {
                try Commands.validate(request)
            } catch {
                throw ValidationError(error.message(language.lang))
            }
        }

        func run() throws {
            try finish(Commands.convert(request, language: language.lang))
        }
    }
}
