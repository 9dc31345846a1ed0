/// FinanceFuzzing — drives generated departments through the finance layers, for the libFuzzer target
/// `FuzzFinanceLayers` (Fuzz/) and the seeded property test (Tests/FinanceLayersTests).
///
/// From any bytes it builds a department's files (`SheetGenerator`) and runs them through
/// recognition → assembly → reconciliation → forms → the XLSX writer, plus the report check, calling
/// the library layers directly (never Pipeline). It must never trap; it reports a broken invariant as
/// a `Violation`, which the fuzz target turns into a finding.
import EvaluationForms
import FinanceModel
import Foundation
import Recognition
import Reconciliation
import ReportCheck
import Spreadsheet
import XLSXFormat

public enum FinanceFuzzing {
    /// One generated input file: its sheets, and the side the user forced on it (`--budget`/`--final`).
    public struct File: Sendable {
        public var name: String
        public var isCSV: Bool
        public var side: TableSide?
        public var sheets: [Sheet]
        /// A `--mapping` the user wrote for odd layouts.
        public var mapping: Mapping?

        public init(name: String, isCSV: Bool, side: TableSide? = nil, sheets: [Sheet], mapping: Mapping? = nil) {
            self.name = name
            self.isCSV = isCSV
            self.side = side
            self.sheets = sheets
            self.mapping = mapping
        }
    }

    /// A generated department: files and the text of a narrative report.
    public struct Input: Sendable {
        public var files: [File]
        public var report: String
        public var unit: MoneyUnit

        public init(files: [File], report: String = "", unit: MoneyUnit = .tenThousandYuan) {
            self.files = files
            self.report = report
            self.unit = unit
        }
    }

    /// What a run produced, for tests that want to see that the layers were reached.
    public struct Outcome: Sendable {
        public var tables: [AnyFinanceTable] = []
        public var recognitionErrors = 0
        public var findings: [Finding] = []
        public var formSheets = 0
    }

    /// An invariant the layers broke (not a trap: those end the process).
    public struct Violation: Error, CustomStringConvertible {
        public var description: String
    }

    /// The department `bytes` describe; every byte string gives one.
    public static func input(from bytes: [UInt8]) -> Input {
        var generator = SheetGenerator(bytes)
        let unit = generator.stream.pick(MoneyUnit.allCases) ?? .tenThousandYuan
        let files = generator.files()
        let report = generator.report()
        return Input(files: files, report: report, unit: unit)
    }

    /// Runs `input` through every finance layer. With `scratch`, the forms are written there as XLSX
    /// (and removed again).
    public static func run(_ input: Input, scratch: String? = nil) throws(Violation) -> Outcome {
        var outcome = Outcome()
        for file in input.files {
            for sheet in file.sheets {
                do {
                    let found = try TableRecognizer.recognize(
                        sheet: sheet, file: file.name, isCSV: file.isCSV, mapping: file.mapping, forcedSide: file.side)
                    outcome.tables += found.map(\.table)
                } catch {
                    outcome.recognitionErrors += 1
                    let zh = error.message(.zh)
                    _ = error.message(.en)
                    if let key = internalKeys.first(where: { zh.contains($0) }) {
                        throw Violation(description: "a Chinese recognition message shows the identifier “\(key)”: \(zh)")
                    }
                }
            }
        }
        let department = DepartmentAssembler.assemble(tables: outcome.tables)
        var settings = ReconciliationSettings.standard
        settings.unit = input.unit
        let comparison = Reconciler.reconcile(department, settings: settings)
        _ = comparison.jsonDocument(english: false).rendered()
        let report = FormsEvaluator.evaluate(
            department, profile: .shipped, unit: input.unit, findings: comparison.findings)
        let workbook = FormsWorkbook.build(
            report, extraSheets: [ExecutionComparisonLayout.sheet(comparison, year: department.year)])
        let parts = FormsWorkbook.split(report)
        outcome.formSheets = workbook.sheets.count
        outcome.findings = report.findings
        let checked = ReportCheck.check(ReportDocument(file: "自评报告.docx", text: input.report), department: department)
        try checkMessages(report.findings + checked.findings.map(\.finding))
        for finding in checked.findings {
            _ = finding.text(english: false)
            _ = finding.text(english: true)
        }
        if let scratch {
            let path = scratch + "/forms-\(getpid()).xlsx"
            defer { try? FileManager.default.removeItem(atPath: path) }
            do {
                try XLSXWriter.write(workbook, to: path)
                for part in parts { try XLSXWriter.write(part.workbook, to: path) }
            } catch {
                throw Violation(description: "XLSXWriter refused the forms: \(error)")
            }
        }
        return outcome
    }

    /// The model's and the vocabulary's English keys (`otherIncome`, `basicExpenditure` …): none may
    /// appear in a Chinese message. The generator writes only Chinese words, digits and raw bytes, and
    /// raw bytes cannot spell these (checked whole-word and camel-case, so random ASCII will not match).
    static let internalKeys: [String] =
        IncomeSource.allCases.map(\.rawValue) + AmountColumn.allCases.map(\.rawValue)
        + ["basicExpenditure", "projectExpenditure", "personnelCost", "officeCost", "generalBudget", "governmentFund",
           "stateCapital", "carryoverStart", "carryoverEnd", "finalAccounts"]
        + TableKind.allCases.map(\.rawValue)

    static func checkMessages(_ findings: [Finding]) throws(Violation) {
        for finding in findings {
            let zh = finding.text(english: false)
            _ = finding.text(english: true)
            if let key = internalKeys.first(where: { zh.contains($0) }) {
                throw Violation(description: "a Chinese message shows the identifier “\(key)”: \(zh)")
            }
        }
    }
}
