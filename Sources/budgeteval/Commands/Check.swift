import ArgumentParser
import Foundation
import Pipeline
import Reconciliation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension BudgetEval {
    /// `budgeteval check FILE... [--json] [--strict]`: every applicable rule, one compiler-style line per finding.
    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "核对表内、表间勾稽关系与预算执行 / run every check rule on the given files.",
            discussion: """
            Runs the table rules, the budget-vs-final rules and the filled-form checks (given 得分 / 总分 of a \
            项目支出绩效自评表 recomputed). Prints one line per finding: `决算.xlsx › 收入支出决算总表 › C32: 提示 [总计平衡] …`, then the cells \
            read with their values. --json prints {"findings": [...]}. Exit codes: 0 no 错误; 3 错误 found \
            (with --strict, 警告 too); 1 unreadable input; 64 usage.
            """
        )

        @OptionGroup var inputs: ReconcileOptions

        @Flag(name: .long, help: "输出 JSON / print JSON.")
        var json = false

        @Flag(name: .long, help: "有警告也以退出码 3 结束 / exit 3 on warnings too.")
        var strict = false

        @OptionGroup var language: LanguageOptions
        @OptionGroup var readLimits: ReadLimitOptions

        func run() throws {
            let lang = language.lang
            let result = ReconcilePipeline.run(try inputs.request(limits: readLimits.limits))
            try reportLoadErrors(result, lang)
            let findings = ReconcilePipeline.checkFindings(result)
            if json {
                print(ExecutionComparison.findingsDocument(findings, english: lang == .en).rendered(), terminator: "")
            } else {
                let printer = FindingPrinter(language: lang, colour: isatty(STDOUT_FILENO) == 1)
                print(printer.text(findings), terminator: "")
            }
            try exitForFindings(findings, strict: strict)
        }
    }
}
