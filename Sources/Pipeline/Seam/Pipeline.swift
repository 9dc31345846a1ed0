public import EvaluationForms
public import FinanceModel
import Foundation
public import Recognition
public import Reconciliation
public import Spreadsheet
public import XLSXFormat

/// Everything read from a command's inputs, grouped, before any rule runs.
public struct LoadedInputs: Sendable {
    public var options: InputOptions
    /// Every spreadsheet read, in input order (`--projects` files last).
    public var files: [LoadedFile]
    /// Reports found in the folders given (kept only when asked for).
    public var narratives: [InputFile]
    /// The groups, sorted by key.
    public var groups: [InputGroup]
    /// Findings from loading: sheets not recognised, recognition notes, tables no group could take,
    /// `--projects` files without projects.
    public var loadFindings: [Finding]
    /// The grouping 警告 (`[输入分组]`) when there are several groups.
    public var groupingFinding: Finding?

    /// Every input path (for `OutputGuard`).
    public var paths: [String] { files.map(\.path) + narratives.map(\.path) }

    /// The group of each load finding's file, for a finding that belongs to one group.
    func loadFindings(for group: InputGroup) -> [Finding] {
        loadFindings.filter { finding in
            guard let file = finding.cells.first?.location.file else { return true }
            return group.files.contains(file) || !groups.contains { $0.files.contains(file) }
        }
    }
}

/// One group checked: its 对照表 and its input findings (loading, recognition, the table rules, the
/// budget-vs-final rules, the filled-form checks, and a missing side), in `FindingOrder`.
public struct CheckedGroup: Sendable {
    public var group: InputGroup
    public var comparison: ExecutionComparison
    public var findings: [Finding]
}

/// What `forms` (and each `batch` department) produces before anything is written.
public struct FormsResult: Sendable {
    public var checked: CheckedGroup
    public var report: FormsReport
    public var workbook: Workbook
    /// The input findings, then the form findings (`report.findings` in that order).
    public var findings: [Finding] { report.findings }
}

/// Pipeline — the one seam (唯一入口). Every command, `batch` and the server call these functions: one
/// way to load inputs (`load`), one option set (`InputOptions`), one list of findings in one order.
///
/// files → readers → recognition → grouping → reconciliation → forms → writers. It never prints and
/// never exits; errors are `PipelineError`s that name the file and say what to do.
public enum Pipeline {
    /// Reads every input (folders as a department's files), recognises every sheet and groups the tables.
    ///
    /// - Throws: `PipelineError` for a missing, empty or unreadable input, a document given as a table,
    ///   a bad `--mapping` file, or an input no reader can open (every such file is named).
    ///
    /// - Parameter skipOwnOutputs: `forms` and `batch` pass true: a workbook this tool wrote (last year's
    ///   自评表.xlsx, a "- 副本" copy of it), recognised by the marker the writer puts in its docProps, is
    ///   skipped with a 提示. `check` passes false: a filled 自评表 is what it checks.
    public static func load(
        _ paths: [String], options: InputOptions = InputOptions(), keepNarratives: Bool = false,
        skipOwnOutputs: Bool = false
    ) throws(PipelineError) -> LoadedInputs {
        let mapping = try readMapping(options.mappingPath)
        let forced = options.budgetFiles.map { ($0, TableSide.budget) } + options.finalAccountsFiles.map { ($0, .finalAccounts) }
        let resolved = try InputPaths.resolve(paths + forced.map(\.0), keepNarratives: keepNarratives)
        let projects = try InputPaths.resolve(options.projectFiles)
        var forcedSides: [DiskIdentity: TableSide] = [:]
        for (path, side) in forced { if let id = DiskIdentity(path: path) { forcedSides[id] = side } }
        var files: [LoadedFile] = []
        var findings: [Finding] = []
        var unreadable: [LoadError] = []
        for input in resolved where input.kind == .table {
            let ownOutput = XLSXToolMarker.isToolOutput(path: input.path, limits: options.limits)
            if skipOwnOutputs, ownOutput {
                findings.append(Finding(
                    severity: .hint, rule: "跳过本工具输出",
                    message: LocalizedText(
                        zh: "\(input.name) 是本工具生成的自评表，不作为输入读取（已跳过）。如需核对已填写的自评表，请用 budgeteval check。",
                        en: "\(input.name) is a forms workbook this tool wrote; it is not read as an input (skipped). To check a filled form, use `budgeteval check`."),
                    cells: [CitedCell(SourceLocation(file: input.name, sheet: nil, cell: "A1"), value: "")]))
                continue
            }
            let side = DiskIdentity(path: input.path).flatMap { forcedSides[$0] }
            var file = DepartmentLoader.loadFile(input.path, forcedSide: side, mapping: mapping, limits: options.limits)
            if file.input == nil { unreadable += file.errors }
            if ownOutput {
                // A forms workbook this tool wrote, being checked: its project forms are the input; its
                // 对照表, 评分汇总 and 检查结果 sheets are the tool's own views of other inputs.
                file.tables = file.tables.filter { $0.kind == .projectForm }
                file.errors = []
            }
            files.append(file)
        }
        let projectIDs = Set(resolved.compactMap { DiskIdentity(path: $0.path) })
        for input in projects where !(DiskIdentity(path: input.path).map(projectIDs.contains) ?? false) {
            var file = DepartmentLoader.loadFile(input.path, forcedSide: .both, mapping: mapping, limits: options.limits)
            if file.input == nil { unreadable += file.errors }
            file.tables = file.tables.filter { [.projectFunds, .projectIndicators, .projectForm].contains($0.kind) }
            file.errors = file.errors.filter { if case .reading = $0 { true } else { false } }
            if file.tables.isEmpty, file.input != nil {
                findings.append(Finding(
                    severity: .warning, rule: "项目文件无项目",
                    message: LocalizedText(
                        zh: "--projects 指定的 \(file.file) 中没有识别到项目资金、绩效指标或项目自评表：请检查文件。",
                        en: "\(file.file), given with --projects, holds no project funds, indicators or project form: check it."),
                    cells: [CitedCell(SourceLocation(file: file.file, sheet: nil, cell: "A1"), value: "")]))
            }
            files.append(file)
        }
        if !unreadable.isEmpty {
            let reading = unreadable.compactMap { error -> SpreadsheetError? in
                if case .reading(let e) = error { return e }
                return nil
            }
            if reading.count == unreadable.count { throw PipelineError.reading(reading) }
            throw PipelineError(
                .input, zh: unreadable.map { $0.message(.zh) }.joined(separator: "\n"),
                en: unreadable.map { $0.message(.en) }.joined(separator: "\n"))
        }
        findings += files.flatMap(recognitionFindings)
        var (groups, unassigned) = InputGrouping.group(files)
        if let year = options.year {
            for index in groups.indices where groups[index].key.year == nil || groups.count == 1 {
                groups[index].department.year = year
            }
        }
        for (table, candidates) in unassigned {
            let names = candidates.map { "「\($0.text(english: false))」" }.joined(separator: "、")
            let namesEn = candidates.map { "“\($0.text(english: true))”" }.joined(separator: ", ")
            findings.append(Finding(
                severity: .warning, rule: "输入分组",
                message: LocalizedText(
                    zh: "\(table.info.source)：表中没有年度或编制单位，可能属于 \(names)，未归入任何一组，未参与核对。请在表头写明年度和编制单位，或用 --year / --preparer / --scope 只选一组。",
                    en: "\(table.info.source): the table names no year or unit and could belong to \(namesEn); it joined no group and was not checked. Name the year and unit in its title block, or pick one group with --year / --preparer / --scope."),
                cells: [CitedCell(SourceLocation(file: table.info.source.file, sheet: table.info.source.sheet, cell: "A1"), value: "")]))
        }
        let visibleGroups = groups.filter { matches($0.key, options) }
        var grouping: Finding?
        if visibleGroups.count > 1 {
            grouping = groupingWarning(visibleGroups)
        }
        let narratives = resolved.filter { $0.kind == .narrative }
        return LoadedInputs(
            options: options, files: files, narratives: narratives, groups: visibleGroups,
            loadFindings: FindingOrder.unique(findings), groupingFinding: grouping)
    }

    /// Runs the table rules, the budget-vs-final rules and the filled-form checks on one group.
    public static func check(_ group: InputGroup, in inputs: LoadedInputs, profile: ScoringProfile = .shipped) -> CheckedGroup {
        let comparison = Reconciler.reconcile(group.department, settings: inputs.options.settings)
        var findings = inputs.loadFindings(for: group) + comparison.findings
        findings += FilledFormCheck.findings(in: group.department, profile: profile, unit: inputs.options.settings.unit)
        if let missing = missingSide(group) { findings.append(missing) }
        return CheckedGroup(group: group, comparison: comparison, findings: FindingOrder.sorted(FindingOrder.unique(findings)))
    }

    /// `check`: every group on its own; with several, the `[输入分组]` 警告 first.
    public static func checkAll(_ inputs: LoadedInputs, profile: ScoringProfile = .shipped) -> (groups: [CheckedGroup], findings: [Finding]) {
        let checked = inputs.groups.map { check($0, in: inputs, profile: profile) }
        var findings = FindingOrder.unique(checked.flatMap(\.findings))
        if inputs.groups.isEmpty { findings = FindingOrder.sorted(inputs.loadFindings) }
        if let grouping = inputs.groupingFinding { findings.insert(grouping, at: 0) }
        return (checked, findings)
    }

    /// The one group `reconcile` and `forms` work on.
    ///
    /// - Throws: `PipelineError` (exit 1) when no table was recognised; (exit 64) when several groups
    ///   remain, listing them with the options that pick one.
    public static func selectGroup(_ inputs: LoadedInputs) throws(PipelineError) -> (group: InputGroup, note: Finding?) {
        let groups = inputs.groups
        guard !groups.isEmpty else {
            if inputs.options.selectsGroup, !inputs.files.allSatisfy({ $0.tables.isEmpty }) {
                throw PipelineError(
                    .usage, zh: "没有符合 --year / --preparer / --scope 的表格。请检查所给的年度、编制单位或范围。",
                    en: "no table matches --year / --preparer / --scope. Check the year, unit or scope given.")
            }
            throw PipelineError(
                .input,
                zh: "所给文件中没有识别出任何预算或决算表；请用 budgeteval inspect 查看文件内容是否为预算、决算表。",
                en: "No finance table was recognised in the given files; check that they are budget or final-accounts tables (see `budgeteval inspect`).")
        }
        if groups.count == 1, let only = groups.first { return (only, nil) }
        let keys = Set(groups.map { GroupKey(preparedBy: $0.key.preparedBy, year: $0.key.year, scope: .department) })
        if keys.count == 1, inputs.options.scope == nil, let department = groups.first(where: { $0.key.scope == .department }) {
            let note = Finding(
                severity: .hint, rule: "输入分组",
                message: LocalizedText(
                    zh: "同时给出了「\(department.key.preparedBy ?? "")」的部门和单位两套公开表：两者范围不同（部门含所属各单位），不相互核对；本次使用部门公开表。要用单位公开表，请加 --scope unit。",
                    en: "both the department and the unit publication of “\(department.key.preparedBy ?? "")” were given: they differ in scope (the department covers all its units) and are not compared; the department one is used. Add --scope unit for the unit one."))
            return (department, note)
        }
        let list = groups.map { "  \($0.key.text(english: false))：\($0.files.joined(separator: "、"))" }.joined(separator: "\n")
        let listEn = groups.map { "  \($0.key.text(english: true)): \($0.files.joined(separator: ", "))" }.joined(separator: "\n")
        throw PipelineError(
            .usage,
            zh: "输入中有 \(groups.count) 组不能相互比较的表格（编制单位、年度或部门/单位范围不同）：\n\(list)\n请只给出一组的文件，或用 --year 年度、--preparer 编制单位、--scope department|unit 选择一组。",
            en: "the inputs hold \(groups.count) groups of tables that cannot be compared (different unit, year or scope):\n\(listEn)\nGive one group's files only, or pick one with --year YEAR, --preparer UNIT, --scope department|unit.")
    }

    /// `reconcile`: the 对照表 of the one group.
    public static func reconcile(_ inputs: LoadedInputs, profile: ScoringProfile = .shipped) throws(PipelineError) -> CheckedGroup {
        let (group, note) = try selectGroup(inputs)
        var checked = check(group, in: inputs, profile: profile)
        if let note { checked.findings.insert(note, at: 0) }
        return checked
    }

    /// `forms`: the scored forms of the one group, laid out as a workbook. The input findings come first,
    /// then the form findings.
    public static func forms(
        _ inputs: LoadedInputs, profile: ScoringProfile = .shipped, unit: MoneyUnit = .tenThousandYuan
    ) throws(PipelineError) -> FormsResult {
        let (group, note) = try selectGroup(inputs)
        return forms(group, in: inputs, note: note, profile: profile, unit: unit)
    }

    /// The forms of one given group (what `batch` calls for its department).
    public static func forms(
        _ group: InputGroup, in inputs: LoadedInputs, note: Finding? = nil, profile: ScoringProfile = .shipped,
        unit: MoneyUnit = .tenThousandYuan
    ) -> FormsResult {
        var settings = inputs.options.settings
        settings.unit = unit
        var options = inputs
        options.options.settings = settings
        var checked = check(group, in: options, profile: profile)
        if let note { checked.findings.insert(note, at: 0) }
        let evaluated = FormsEvaluator.evaluate(group.department, profile: profile, unit: unit, findings: [])
        let known = Set(checked.findings)
        let formFindings = FindingOrder.sorted(FindingOrder.unique(evaluated.findings.filter { !known.contains($0) }))
        var report = evaluated
        report.findings = checked.findings + formFindings
        let workbook = FormsWorkbook.build(
            report, extraSheets: [ExecutionComparisonLayout.sheet(checked.comparison, year: group.department.year)])
        return FormsResult(checked: checked, report: report, workbook: workbook)
    }

    // MARK: - pieces

    static func readMapping(_ path: String?) throws(PipelineError) -> Mapping? {
        guard let path else { return nil }
        try InputPaths.checkReadable(path)
        do {
            return try DepartmentLoader.readMapping(path: path)
        } catch {
            throw PipelineError(
                .input, zh: "\(path)：映射文件格式有误（\(error)）。请按 docs/TABLE-KINDS.md 中“Mapping file”一节改正该 JSON 文件。",
                en: "\(path): the mapping file is malformed (\(error)). Correct the JSON as docs/TABLE-KINDS.md, section “Mapping file”, describes.")
        }
    }

    /// Sheets that held no recognisable table (警告) and what recognition wants the user to know (提示).
    static func recognitionFindings(_ file: LoadedFile) -> [Finding] {
        var findings: [Finding] = []
        for error in file.errors {
            switch error {
            case .recognising(let e):
                // The finding names its cell; the message need not repeat it.
                func withoutPlace(_ text: String) -> String {
                    let place = e.location.description
                    guard text.hasPrefix(place) else { return text }
                    return String(text.dropFirst(place.count).drop { $0 == ":" || $0 == "：" || $0 == " " })
                }
                findings.append(Finding(
                    severity: .warning, rule: "工作表未识别",
                    message: LocalizedText(zh: withoutPlace(e.message(.zh)), en: withoutPlace(e.message(.en))),
                    cells: [CitedCell(e.location, value: "")]))
            case .mapping, .reading:
                findings.append(Finding(
                    severity: .warning, rule: "工作表未识别",
                    message: LocalizedText(zh: error.message(.zh), en: error.message(.en)),
                    cells: [CitedCell(SourceLocation(file: file.file, sheet: nil, cell: "A1"), value: "")]))
            }
        }
        for table in file.tables {
            let source = table.info.source
            let cell = source.range.flatMap { $0.split(separator: ":").first.map(String.init) } ?? "A1"
            for note in table.notes {
                // Recognition writes its notes as "中文 / English".
                let parts = note.components(separatedBy: " / ")
                let text = parts.count == 2
                    ? LocalizedText(zh: parts[0], en: parts[1]) : LocalizedText(zh: note, en: note)
                findings.append(Finding(
                    severity: .hint, rule: "识别说明", message: text,
                    cells: [CitedCell(SourceLocation(file: source.file, sheet: source.sheet, cell: cell), value: "")]))
            }
        }
        return findings
    }

    /// `[缺少决算表]` / `[缺少预算表]`: what half a department cannot give, the same in every command.
    static func missingSide(_ group: InputGroup) -> Finding? {
        let finance = group.tables.contains { !InputGrouping.projectKinds.contains($0.kind) }
        guard finance else { return nil }
        if group.hasBudget, !group.hasFinalAccounts {
            return Finding(
                severity: .hint, rule: "缺少决算表",
                message: LocalizedText(
                    zh: "只有预算表，没有决算表：表内核对照常进行，但无法计算执行率、预算完成率，部门整体不评级，也不生成项目自评表。要完整评价，请放入本年度的部门决算表。",
                    en: "budget tables only, no final accounts: the table rules ran, but execution rates cannot be computed, the department form is not graded and no project forms are written. Add the year's final-accounts tables for a full evaluation."))
        }
        if group.hasFinalAccounts, !group.hasBudget {
            return Finding(
                severity: .hint, rule: "缺少预算表",
                message: LocalizedText(
                    zh: "只有决算表，没有预算表：表内核对照常进行，但年初预算数只能取自决算表中列出的预算数，无预算数的科目无法计算执行率。要完整对照，请放入本年度的部门预算表。",
                    en: "final-accounts tables only, no budget: the table rules ran, but budgets come only from the budget columns the final accounts print; subjects without one get no execution rate. Add the year's budget tables for a full comparison."))
        }
        return nil
    }

    static func matches(_ key: GroupKey, _ options: InputOptions) -> Bool {
        if let year = options.year, let keyYear = key.year, keyYear != year { return false }
        if let scope = options.scope, key.scope != scope { return false }
        if let preparer = options.preparer.flatMap(InputGrouping.normalised) {
            guard let unit = key.preparedBy, unit.contains(preparer) || preparer.contains(unit) else { return false }
        }
        return true
    }

    static func groupingWarning(_ groups: [InputGroup]) -> Finding {
        let zh = groups.map { "「\($0.key.text(english: false))」（\($0.files.joined(separator: "、"))）" }.joined(separator: "；")
        let en = groups.map { "“\($0.key.text(english: true))” (\($0.files.joined(separator: ", ")))" }.joined(separator: "; ")
        return Finding(
            severity: .warning, rule: "输入分组",
            message: LocalizedText(
                zh: "输入中有 \(groups.count) 组表格，编制单位、年度或部门/单位范围不同，各组分别核对、互不比较：\(zh)。如只想核对其中一组，请只给出该组文件，或用 --year / --preparer / --scope 选择。",
                en: "the inputs hold \(groups.count) groups of tables with different units, years or scopes; each is checked on its own and never compared with another: \(en). To check one group only, give its files only or pick it with --year / --preparer / --scope."))
    }
}
