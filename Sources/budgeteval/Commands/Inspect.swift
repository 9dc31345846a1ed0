import ArgumentParser
import Pipeline

extension BudgetEval {
    /// `budgeteval inspect FILE [--json]`: sheets, merges, encoding and the tables recognised.
    struct Inspect: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: Help.text("查看表格结构与识别出的表。", "show a spreadsheet's sheets and the finance tables recognised in it."),
            discussion: Help.text(
                """
                列出工作表、使用区域、合并区域、CSV 编码与分隔符，以及识别出的每张财务表（种类、预算/决算、编制单位、\
                年度、部门/单位范围、表头行、各列含义）。给出文件夹时逐个文件列出（--json 时每个文件一行）。\
                JSON 格式：{"file", "format", "encoding", "delimiter", "sheets": [...], "tables": [{"kind", "side", \
                "title", "preparedBy", "year", "scope", …}], "errors": [...]}；表的种类与列含义见 docs/TABLE-KINDS.md。
                """,
                """
                Lists the sheets, used areas, merged ranges, CSV encoding and delimiter, and every finance table \
                recognised (kind, side, 编制单位, year, scope, header rows, column roles). A folder lists each of its \
                files (with --json one document per line). JSON shape: {"file", "format", "encoding", "delimiter", \
                "sheets": [...], "tables": [{"kind", "side", "title", "preparedBy", "year", "scope", …}], \
                "errors": [...]}. Table kinds and column roles: docs/TABLE-KINDS.md.
                """)
        )

        @Argument(help: ArgumentHelp(Help.text("输入文件或文件夹。", "input file or folder.")))
        var file: String

        @Flag(name: .long, help: ArgumentHelp(Help.text("输出 JSON。", "print JSON.")))
        var json = false

        @Option(name: .long, help: ArgumentHelp(Help.text("映射文件（JSON），为特殊版式指定工作表、表头行和列含义。", "mapping file (JSON) for odd layouts.")))
        var mapping: String?

        @Option(name: .customLong("input-encoding"),
                help: ArgumentHelp(Help.text("CSV 输入编码（默认自动识别）：utf-8、gbk/gb18030、utf-16、windows-1252。", "CSV input encoding: utf-8, gbk/gb18030, utf-16, windows-1252.")))
        var inputEncoding: String?

        @OptionGroup var language: LanguageOptions
        @OptionGroup var readLimits: ReadLimitOptions

        func run() throws {
            try finish(Commands.inspect(
                file, mappingPath: mapping, limits: readLimits.limits, inputEncoding: inputEncoding,
                view: ViewOptions(language: language.lang, json: json)))
        }
    }
}
