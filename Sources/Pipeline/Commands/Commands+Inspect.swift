import CSVFormat
import Foundation
import Recognition
import Spreadsheet
import FinanceModel
import ReportCheck

extension Commands {
    /// `budgeteval inspect FILE|FOLDER [--json]`: each file's sheets and the tables recognised in it (a
    /// folder: each of its spreadsheets, one report after another; with --json one document per line).
    public static func inspect(
        _ path: String, mappingPath: String?, limits: ReadLimits, inputEncoding: String?, view: ViewOptions
    ) -> CommandOutcome {
        do {
            if let name = inputEncoding, TextEncoding(name: name) == nil {
                throw PipelineError(.usage, zh: "--input-encoding：不认识的编码“\(name)”。可用 utf-8、gb18030、utf-16、windows-1252。", en: "--input-encoding: unknown encoding “\(name)”. Use utf-8, gb18030, utf-16 or windows-1252.")
            }
            let mapping = try Pipeline.readMapping(mappingPath)
            let files = try InputPaths.resolve([path])
            var out = ""
            for file in files {
                let report: InspectReport
                do {
                    report = try InspectReport(
                        path: file.path, limits: limits, mapping: mapping,
                        csvOptions: CSVReadOptions(encoding: inputEncoding.flatMap { TextEncoding(name: $0) }))
                } catch let error as SpreadsheetError {
                    throw PipelineError.reading(error)
                }
                out += view.json ? report.json : report.text(view.language)
            }
            return CommandOutcome(stdout: out)
        } catch let error as PipelineError {
            return CommandOutcome(error, view.language)
        } catch {
            return CommandOutcome(PipelineError(.input, zh: "\(path)：\(error)", en: "\(path): \(error)"), view.language)
        }
    }

    /// `budgeteval crosscheck REPORT [FILE...]`: every figure of a narrative report against itself and the
    /// tables of the one group the files give.
    public static func crosscheck(
        report: String, _ paths: [String], options: InputOptions, verbose: Bool, view: ViewOptions
    ) -> CommandOutcome {
        do {
            _ = try InputPaths.resolve([report], keepNarratives: true)
            var outcome = CommandOutcome()
            var department: Department?
            if !paths.isEmpty {
                let inputs = try Pipeline.load(paths, options: options)
                let (group, note) = try Pipeline.selectGroup(inputs)
                // Sheets that were not recognised: their figures are not compared; say which.
                for finding in inputs.loadFindings(for: group) + (note.map { [$0] } ?? []) where finding.severity != .hint {
                    outcome.stderr.append((view.english ? "note: " : "注意：") + finding.message.text(english: view.english))
                }
                department = group.department
            }
            let result: ReportCheckResult
            do {
                result = try ReportCrosscheck.check(
                    reportPath: report, displayName: (report as NSString).lastPathComponent, department: department,
                    limits: options.limits)
            } catch let error as SpreadsheetError {
                throw PipelineError.reading(error)
            }
            outcome.stdout = view.json
                ? ReportCrosscheck.json(result, english: view.english)
                : ReportCrosscheck.text(result, english: view.english, verbose: verbose)
            outcome.exitCode = result.worstSeverity == .error ? 3 : 0
            return outcome
        } catch let error as PipelineError {
            return CommandOutcome(error, view.language)
        } catch {
            return CommandOutcome(PipelineError(.input, zh: "\(report)：\(error)", en: "\(report): \(error)"), view.language)
        }
    }
}
