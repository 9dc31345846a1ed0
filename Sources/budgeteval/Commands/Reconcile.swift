import ArgumentParser
import CSVFormat
import Foundation
import Pipeline
import Reconciliation
import Spreadsheet
import XLSXFormat

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension BudgetEval {
    /// `budgeteval reconcile FILE... [-o 对照表.xlsx|.csv] [--json]`: the 预算执行情况对照表 and its findings.
    struct Reconcile: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "预算执行情况对照表：对齐预算与决算并核对 / align budget and final accounts and check them.",
            discussion: """
            Aligns rows by subject code, then by name (rolling 项 up to 款/类 where one side is coarser), and runs \
            the table rules and the budget-vs-final rules. Prints the table and the findings; -o writes it as a \
            styled XLSX (or CSV); --json prints {"unit", "rows", "findings", "totals"} with exact amounts. \
            Exit codes: 0 no 错误; 3 错误 found; 1 unreadable input; 64 usage.
            """
        )

        @OptionGroup var inputs: ReconcileOptions

        @Option(name: .shortAndLong, help: "写出对照表（.xlsx 或 .csv）/ write the table to an .xlsx or .csv file.")
        var output: String?

        @Flag(name: .long, help: "输出 JSON / print JSON.")
        var json = false

        @OptionGroup var language: LanguageOptions
        @OptionGroup var readLimits: ReadLimitOptions

        func validate() throws {
            if let output {
                let ext = (output as NSString).pathExtension.lowercased()
                guard ext == "xlsx" || ext == "csv" else {
                    throw ValidationError("-o：输出文件须以 .xlsx 或 .csv 结尾 / the output must end in .xlsx or .csv.")
                }
            }
        }

        func run() throws {
            let lang = language.lang
            let result = ReconcilePipeline.run(try inputs.request(limits: readLimits.limits))
            try reportLoadErrors(result, lang)
            let comparison = result.comparison
            if let output {
                try reportingErrors(lang) {
                    try ComparisonOutput.write(comparison, to: output, title: result.loaded.department.name, language: lang)
                }
                printError(lang == .en ? "Wrote \(output)" : "已写出 \(output)")
            }
            if json {
                print(comparison.jsonDocument(english: lang == .en).rendered(), terminator: "")
            } else {
                let printer = FindingPrinter(language: lang, colour: isatty(STDOUT_FILENO) == 1)
                print(ComparisonText(language: lang).text(comparison))
                print(printer.text(comparison.findings), terminator: "")
            }
            try exitForFindings(comparison.findings, strict: false)
        }
    }
}
