import FinanceModel
import Foundation
import Spreadsheet
import XLSXFormat

/// Processes one department: load, check it can be evaluated, evaluate, cross-check its reports, then
/// write `<department>/自评表.xlsx` (only on success) and `<department>/检查报告.txt` (always).
///
/// Nothing here throws for the department's own trouble: a file that cannot be read, a missing table or
/// a year conflict makes the department `failed`, with the reason in its report. Only being unable to
/// write the report itself is a `BatchError`.
struct DepartmentJob {
    static let formsName = "自评表.xlsx"
    static let reportName = "检查报告.txt"

    var plan: PlannedDepartment
    var stages: any BatchStages
    var outputDirectory: URL
    var english: Bool

    func run() throws(BatchError) -> DepartmentResult {
        let folder = outputDirectory.appendingPathComponent(plan.name, isDirectory: true)
        try OutputFiles.makeFolder(folder)
        var (result, entries, forms) = evaluate()
        let formsURL = folder.appendingPathComponent(Self.formsName)
        if let forms {
            do {
                try XLSXWriter.write(forms, to: formsURL.path, options: .report)
                result.wroteForms = true
            } catch {
                let problem = FileProblem(
                    file: Self.formsName, location: LocalizedText(zh: formsURL.path, en: formsURL.path),
                    detail: LocalizedText(zh: "写出自评表失败：\(error)", en: "writing the forms failed: \(error)"))
                result.status = .failed
                result.reason = LocalizedText(zh: "自评表无法写出", en: "the forms could not be written")
                entries.append(BatchReportEntry(problem))
            }
        }
        if !result.wroteForms { try OutputFiles.remove(formsURL) }
        result.errors = entries.filter { $0.severity == .error }.count
        result.warnings = entries.filter { $0.severity == .warning }.count
        result.hints = entries.filter { $0.severity == .hint }.count
        let text = InspectionReport.text(result: result, entries: entries, english: english)
        try OutputFiles.write(text, to: folder.appendingPathComponent(Self.reportName))
        return result
    }

    /// The result (counts not yet filled), the report entries and the forms to write, if any.
    private func evaluate() -> (DepartmentResult, [BatchReportEntry], Workbook?) {
        var result = DepartmentResult(
            department: plan.name, grouping: plan.grouping, preparedBy: plan.grouping.preparedBy, year: nil,
            files: [], status: .ok, reason: nil, budgetExecutionRate: nil, totalScore: nil, grade: nil,
            errors: 0, warnings: 0, hints: 0, wroteForms: false)
        let loaded = stages.load(files: plan.dataFiles, department: plan.name)
        result.files = loaded.files
            + plan.narratives.map { DepartmentFile(name: $0.name, roles: [.narrative]) }
            + plan.ignored.map { DepartmentFile(name: $0.name, roles: [.ignored]) }
        result.preparedBy = Self.mostFrequent(loaded.files.compactMap(\.preparedBy)) ?? result.preparedBy
        let years = Set(loaded.files.flatMap(\.years)).sorted()
        result.year = loaded.department?.year ?? years.first
        var entries = loaded.entries

        func fail(_ reason: LocalizedText, _ extra: [BatchReportEntry] = []) -> (DepartmentResult, [BatchReportEntry], Workbook?) {
            result.status = .failed
            result.reason = reason
            return (result, extra + entries, nil)
        }
        if plan.dataFiles.isEmpty {
            return fail(LocalizedText(zh: "没有表格文件（.xlsx/.csv）", en: "no spreadsheet files (.xlsx/.csv)"))
        }
        if !loaded.problems.isEmpty {
            // A problem of one file names the file; a problem of the whole department (its inputs are
            // several groups, or none could be read) is its own reason.
            let names = loaded.problems.map(\.file).filter { $0 != plan.name }
            let reason = names.isEmpty
                ? LocalizedText(
                    zh: loaded.problems.map(\.detail.zh).joined(separator: "；"),
                    en: loaded.problems.map(\.detail.en).joined(separator: "; "))
                : LocalizedText(
                    zh: "文件无法读取或识别：\(names.joined(separator: "、"))",
                    en: "files could not be read or recognised: \(names.joined(separator: ", "))")
            return fail(reason, loaded.problems.map(BatchReportEntry.init))
        }
        guard let department = loaded.department else {
            return fail(LocalizedText(zh: "没有识别出任何表格", en: "no table was recognised"))
        }
        if !loaded.scored { result.status = .checked }
        let evaluation: DepartmentEvaluation
        do {
            evaluation = try stages.evaluate(department, loaded: loaded)
        } catch {
            return fail(LocalizedText(zh: "无法评分：\(error.detail.zh)", en: "cannot score: \(error.detail.en)"),
                        [BatchReportEntry(error)])
        }
        entries += evaluation.findings.map(BatchReportEntry.init)
        result.budgetExecutionRate = evaluation.budgetExecutionRate
        result.totalScore = evaluation.totalScore
        result.grade = evaluation.grade
        for narrative in plan.narratives {
            switch stages.crosscheck(narrative: narrative, department: department) {
            case .success(let found)?: entries += found
            case .failure(let problem)?:
                return fail(LocalizedText(
                    zh: "自评报告无法读取：\(narrative.name)", en: "the narrative report cannot be read: \(narrative.name)"),
                    [BatchReportEntry(problem)])
            case nil: break
            }
        }
        if evaluation.forms == nil {
            entries.append(BatchReportEntry(
                severity: .warning, location: nil,
                message: LocalizedText(
                    zh: "本版本尚不能生成自评表（forms 功能未接入），未写出 自评表.xlsx",
                    en: "this build cannot lay out the forms yet (forms not wired in); 自评表.xlsx not written"),
                rule: "自评表未生成", notes: []))
        }
        return (result, entries, evaluation.forms)
    }

    /// The value named most often; ties go to the first in sorted order.
    static func mostFrequent(_ values: [String]) -> String? {
        let counts = Dictionary(values.map { ($0, 1) }, uniquingKeysWith: +)
        return counts.keys.sorted().max { counts[$0, default: 0] < counts[$1, default: 0] }
    }
}
