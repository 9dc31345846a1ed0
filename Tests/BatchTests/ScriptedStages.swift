import FinanceModel
import Foundation
import Pipeline
import Spreadsheet
import TestSupport

/// Batch stages driven by tiny `key=value` files, so the batch machinery (grouping, failure isolation,
/// ordering, outputs) is tested apart from recognition and scoring.
///
/// Keys: `unit=` (编制单位), `year=`, `role=budget|finalAccounts|projects|facts`, `broken=DETAIL` (the file
/// cannot be read; the problem names sheet 表1 and cell C7), `finding=error|warning|hint:RULE:MESSAGE`.
/// A narrative holding `broken` cannot be read; any other narrative gives one 提示.
struct ScriptedStages: BatchStages {
    struct Script {
        var unit: String?
        var year: Int?
        var roles: [FileRole] = []
        var broken: String?
        var findings: [Finding] = []
    }

    static func script(_ url: URL) -> Script {
        var script = Script()
        let text = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
        for line in text.split(separator: "\n") {
            let parts = line.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2 else { continue }
            switch parts[0] {
            case "unit": script.unit = parts[1]
            case "year": script.year = Int(parts[1])
            case "role": script.roles.append(FileRole(rawValue: parts[1]) ?? .unrecognised)
            case "broken": script.broken = parts[1]
            case "finding":
                let f = parts[1].split(separator: ":", maxSplits: 2).map(String.init)
                let severity = Severity(rawValue: f[0]) ?? .hint
                script.findings.append(Finding(
                    severity: severity, rule: f[1], message: LocalizedText(zh: f[2], en: f[2]),
                    cells: [CitedCell(SourceLocation(file: url.lastPathComponent, sheet: "表1", cell: "D12"), value: "1")]))
            default: break
            }
        }
        return script
    }

    static func problem(_ file: BatchInput, _ detail: String) -> FileProblem {
        FileProblem(
            file: file.name, location: LocalizedText(zh: "\(file.name) › 表1 › C7", en: "\(file.name) › 表1 › C7"),
            detail: LocalizedText(zh: detail, en: detail))
    }

    func identify(file: BatchInput) -> FileIdentity {
        let script = Self.script(file.url)
        if let broken = script.broken { return FileIdentity(preparedBy: nil, year: nil, problem: Self.problem(file, broken)) }
        return FileIdentity(preparedBy: script.unit, year: script.year)
    }

    func load(files: [BatchInput], department: String) -> DepartmentLoad {
        var loaded: [DepartmentFile] = []
        var problems: [FileProblem] = []
        var findings: [Finding] = []
        var years: [Int] = []
        for file in files {
            let script = Self.script(file.url)
            if let broken = script.broken {
                problems.append(Self.problem(file, broken))
                loaded.append(DepartmentFile(name: file.name, roles: [.unreadable]))
                continue
            }
            loaded.append(DepartmentFile(
                name: file.name, roles: script.roles.isEmpty ? [.unrecognised] : script.roles.sorted(),
                preparedBy: script.unit, years: script.year.map { [$0] } ?? [], tables: ["表1"]))
            findings += script.findings
            years += script.year.map { [$0] } ?? []
        }
        // As the real stages do: files of different years are different groups, which one department
        // folder may not mix; half a department is checked but not scored.
        let distinctYears = Set(years).sorted()
        if distinctYears.count > 1 {
            let list = loaded.filter { !$0.years.isEmpty }.map { "\($0.name)=\($0.years.map(String.init).joined(separator: "/"))" }
            problems.append(FileProblem(
                file: department, detail: LocalizedText(
                    zh: "输入中有 \(distinctYears.count) 组不能相互比较的表格（\(list.joined(separator: "，"))）",
                    en: "the inputs hold \(distinctYears.count) groups (\(list.joined(separator: ", ")))")))
        }
        let roles = Set(loaded.flatMap(\.roles))
        if !roles.contains(.finalAccounts) || !roles.contains(.budget) {
            findings.append(Finding(
                severity: .hint, rule: roles.contains(.budget) ? "缺少决算表" : "缺少预算表",
                message: LocalizedText(zh: roles.contains(.budget) ? "只有预算表，没有决算表" : "只有决算表，没有预算表", en: "half a department")))
        }
        let department = loaded.isEmpty ? nil : Department(name: department, year: years.first)
        return DepartmentLoad(
            department: department, files: loaded, problems: problems, entries: findings.map(BatchReportEntry.init),
            scored: roles.contains(.budget) && roles.contains(.finalAccounts))
    }

    func evaluate(_ department: Department, loaded: DepartmentLoad) throws(FileProblem) -> DepartmentEvaluation {
        var sheet = Sheet(name: "部门整体支出绩效自评表")
        sheet.set(CellAddress(row: 0, column: 0), .text(department.name))
        sheet.set(CellAddress(row: 1, column: 0), .number("92.5"))
        return DepartmentEvaluation(
            findings: [], budgetExecutionRate: Rate(parsing: "0.98514"), totalScore: Quantity(parsing: "92.5"),
            grade: "优", forms: Workbook(sheets: [sheet]))
    }

    func crosscheck(narrative: BatchInput, department: Department) -> Result<[BatchReportEntry], FileProblem>? {
        let text = (try? String(contentsOf: narrative.url, encoding: .utf8)) ?? ""
        if text.contains("broken") { return .failure(Self.problem(narrative, "报告损坏")) }
        return .success([BatchReportEntry(Finding(
            severity: .hint, rule: "report.checked", message: LocalizedText(zh: "已核对 \(narrative.name)", en: "checked")))])
    }
}

/// A temporary IN_DIR built file by file; removed by `remove()`.
struct InputTree {
    let root: URL

    init() throws {
        root = try TestFolder.make()
    }

    /// Writes `text` at `path` (folders created).
    func write(_ path: String, _ text: String) throws {
        let url = root.appendingPathComponent("in").appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    var input: URL { root.appendingPathComponent("in") }
    func output(_ name: String = "out") -> URL { root.appendingPathComponent(name) }

    func remove() { try? FileManager.default.removeItem(at: root) }
}
