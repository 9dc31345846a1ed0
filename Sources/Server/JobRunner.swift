import Foundation
import Pipeline

/// What the server asks of a job's child process (`budgeteval serve-job REQUEST`).
struct JobRequest: Codable, Sendable {
    /// The job's uploads, laid out as `batch` expects IN_DIR (one folder per department, loose files).
    var input: String
    /// OUT_DIR: what `batch` writes, plus `forms --split`'s per-project workbooks under `<部门>/项目/`.
    var output: String
    /// Scratch space of the child.
    var work: String
    /// `done total`, rewritten as departments finish.
    var progress: String
    /// The API's `departments` array (JSON), written last.
    var departments: String
    /// `JobManifest` (JSON), written last.
    var manifest: String
    /// The `budgeteval` binary, for batch's own child per department.
    var executable: String
    /// `/api/jobs/<id>/files/`, the prefix of every download URL.
    var downloadPrefix: String
    var english: Bool
}

/// What the server needs besides the `departments` JSON: which files may be downloaded, the previews of
/// every cited cell, and why the job failed, if it did.
struct JobManifest: Codable, Sendable {
    /// Paths relative to OUT_DIR (`益阳市资阳区商务局/自评表.xlsx`, `汇总.json`).
    var downloads: [String]
    /// `department \u{1F} file \u{1F} sheet \u{1F} cell` → the preview.
    var previews: [String: CellPreview]
    /// Set when a department's child trapped: the job fails with the department's reason.
    var failure: String?
    /// Loose files batch could not place in a department, with why (as 汇总.json lists them).
    var ungrouped: [Ungrouped] = []

    struct Ungrouped: Codable, Sendable {
        var name: String
        var reason: String
    }

    static func previewKey(department: String, file: String, sheet: String, cell: String) -> String {
        [department, file, sheet, cell.uppercased()].joined(separator: "\u{1F}")
    }
}

/// The child's side of a job: the same batch as `budgeteval batch IN_DIR -o OUT_DIR --jobs 1` (each
/// department again in its own child), then, per department, the very JSON that `inspect --json`,
/// `check --json`, `reconcile --json` and `forms --json --split` print for the same files.
public enum JobRunner {
    /// `budgeteval serve-job REQUEST` (internal).
    public static func run(requestPath: String) -> CommandOutcome {
        let request: JobRequest
        do {
            request = try JSONDecoder().decode(JobRequest.self, from: Data(contentsOf: URL(fileURLWithPath: requestPath)))
        } catch {
            return CommandOutcome(stderr: ["serve-job: \(error)"], exitCode: 64)
        }
        let language: Language = request.english ? .en : .zh
        let input = URL(fileURLWithPath: request.input), output = URL(fileURLWithPath: request.output)
        let total = Locked(0)
        let summary: BatchSummary
        do {
            let stages = try PipelineStages(profilePath: nil, options: InputOptions())
            summary = try BatchRunner.run(
                BatchOptions(
                    input: input, output: output, jobs: 1, english: request.english,
                    isolation: .childProcess(executable: request.executable)),
                stages: stages,
                progress: { event in
                    if case .planned(let count, _) = event {
                        total.set(count)
                        writeAtomically("0 \(count)", to: request.progress)
                    }
                })
        } catch {
            return CommandOutcome(stderr: [error.message(language)], exitCode: 1)
        }
        var departments: [JSONText] = []
        var manifest = JobManifest(downloads: [], previews: [:], failure: nil)
        for (index, result) in summary.departments.enumerated() {
            let (json, previews) = views(of: result, request: request, language: language, index: index)
            departments.append(json)
            manifest.previews.merge(previews) { first, _ in first }
            if result.status == .failed, let reason = result.reason?.text(english: request.english),
               reason.hasPrefix("内部错误") || reason.hasPrefix("internal error") {
                manifest.failure = manifest.failure ?? "\(result.department)：\(reason)"
            }
            writeAtomically("\(index + 1) \(total.get())", to: request.progress)
        }
        manifest.downloads = files(under: output)
        manifest.ungrouped = summary.ungrouped.map { .init(name: $0.name, reason: $0.reason.text(english: request.english)) }
        do {
            try Data(JSONText.array(departments).rendered.utf8).write(to: URL(fileURLWithPath: request.departments))
            try JSONEncoder().encode(manifest).write(to: URL(fileURLWithPath: request.manifest))
        } catch {
            return CommandOutcome(stderr: ["\(error)"], exitCode: 1)
        }
        return CommandOutcome()
    }

    /// One department of the API's document, and the previews of the cells its findings cite.
    static func views(
        of result: DepartmentResult, request: JobRequest, language: Language, index: Int
    ) -> (JSONText, [String: CellPreview]) {
        // The department's files as the command line would be given them from IN_DIR (the working
        // directory, so that messages name `部门/文件`, never the server's folders): its folder, then loose files.
        FileManager.default.changeCurrentDirectoryPath(request.input)
        let folder = result.grouping.folder
        let paths = (folder.map { [$0] } ?? []) + result.grouping.looseFiles
        let dataFiles: [String] = result.files
            .filter { !$0.roles.contains(.narrative) && !$0.roles.contains(.ignored) }
            .compactMap { file in
                if let folder, FileManager.default.fileExists(atPath: folder + "/" + file.name) { return folder + "/" + file.name }
                return FileManager.default.fileExists(atPath: file.name) ? file.name : nil
            }
        let json = ViewOptions(language: language, json: true)
        let options = InputOptions()
        let inspected: [JSONText] = dataFiles.map { path in
            let outcome = Commands.inspect(path, mappingPath: nil, limits: options.limits, inputEncoding: nil, view: json)
            if outcome.exitCode == 0 { return .raw(outcome.stdout) }
            return .object([
                ("file", .string((path as NSString).lastPathComponent)),
                ("error", .object([("message", .string(outcome.stderr.joined(separator: "\n")))])),
            ])
        }
        let check = Commands.check(paths, options: options, view: json, strict: false)
        var findings: JSONText = .array([])
        var error: JSONText = .null
        var cited: [(file: String, sheet: String, cell: String)] = []
        if [0, 3].contains(check.exitCode), let array = findingsArray(check.stdout) {
            findings = .raw(array.text)
            cited = array.cells
        } else {
            error = .object([("message", .string(check.stderr.joined(separator: "\n")))])
        }
        let reconcile = Commands.reconcile(paths, options: options, output: nil, view: json)
        let work = URL(fileURLWithPath: request.work).appendingPathComponent("\(index)")
        try? FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        let split = work.appendingPathComponent("项目")
        let forms = Commands.forms(
            paths, options: options,
            outputs: Commands.FormsOutputs(
                workbook: work.appendingPathComponent("自评表.xlsx").path, splitDirectory: split.path, csvDirectory: nil,
                csvEncoding: nil, guardFormulas: true),
            profile: nil, unit: .tenThousandYuan, view: json)
        let departmentOut = URL(fileURLWithPath: request.output).appendingPathComponent(result.department)
        if result.wroteForms, [0, 3].contains(forms.exitCode), FileManager.default.fileExists(atPath: split.path) {
            try? FileManager.default.moveItem(at: split, to: departmentOut.appendingPathComponent("项目"))
        }
        try? FileManager.default.removeItem(at: work)
        var group: JSONText = .null
        if let inputs = try? Pipeline.load(paths, options: options, skipOwnOutputs: true),
           let key = try? Pipeline.selectGroup(inputs).group.key {
            group = .object([
                ("preparedBy", .string(key.preparedBy)), ("year", key.year.map { .number($0) } ?? .null),
                ("scope", .string(key.scope.rawValue)),
            ])
        }
        let downloads = files(under: departmentOut).map { relative -> (String, JSONText) in
            (relative, .string(request.downloadPrefix + percentEncoded(result.department + "/" + relative)))
        }
        // The form findings the page also shows cite input cells too (an indicator without its result …).
        if [0, 3].contains(forms.exitCode), let formCells = findingsArray(forms.stdout)?.cells { cited += formCells }
        var previews: [String: CellPreview] = [:]
        var loaded: [String: LoadedInput?] = [:]
        for (file, sheet, cell) in cited {
            let key = JobManifest.previewKey(department: result.department, file: file, sheet: sheet, cell: cell)
            guard previews[key] == nil, let path = dataFiles.first(where: { ($0 as NSString).lastPathComponent == file }) else { continue }
            if loaded[path] == nil { loaded[path] = .some(try? InputLoader.load(path: path, limits: options.limits)) }
            if let input = loaded[path] ?? nil, let preview = CellPreview.around(cell, sheet: sheet, in: input) {
                previews[key] = preview
            }
        }
        let document: JSONText = .object([
            ("name", .string(result.department)),
            ("group", group),
            ("status", .string(result.status.rawValue)),
            ("reason", .string(result.reason?.text(english: request.english))),
            ("error", error),
            ("files", .array(inspected)),
            ("findings", findings),
            ("forms", [0, 3].contains(forms.exitCode) ? .raw(forms.stdout) : .null),
            ("comparison", [0, 3].contains(reconcile.exitCode) ? .raw(reconcile.stdout) : .null),
            ("downloads", .object(downloads)),
        ])
        return (document, previews)
    }

    /// The `findings` array of a `check --json` document, as its own text, and the cells it cites.
    static func findingsArray(_ document: String) -> (text: String, cells: [(file: String, sheet: String, cell: String)])? {
        guard let data = document.data(using: .utf8),
              let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              let findings = object["findings"] as? [[String: Any]] else { return nil }
        // The document is `{"findings": [...]}`: the array is the text between the first '[' and the last ']'.
        guard let open = document.firstIndex(of: "["), let close = document.lastIndex(of: "]") else { return nil }
        var cells: [(String, String, String)] = []
        for finding in findings {
            for cited in finding["cells"] as? [String] ?? [] {
                // "file › sheet › B12", or "file › B12" for a CSV (its one sheet, named by nothing).
                let parts = cited.components(separatedBy: " › ")
                guard parts.count >= 2 else { continue }
                cells.append((parts[0], parts[1..<(parts.count - 1)].joined(separator: " › "), parts[parts.count - 1]))
            }
        }
        return (String(document[open...close]), cells)
    }

    /// Regular, non-hidden files under `folder`, relative to it, sorted.
    static func files(under folder: URL) -> [String] {
        let base = folder.standardizedFileURL.path
        var out: [String] = []
        let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey], options: [.skipsHiddenFiles])
        while let item = enumerator?.nextObject() as? URL {
            guard (try? item.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true else { continue }
            var path = item.standardizedFileURL.path
            if path.hasPrefix(base + "/") { path.removeFirst(base.count + 1) }
            out.append(path)
        }
        return out.sorted()
    }

    static func percentEncoded(_ path: String) -> String {
        path.split(separator: "/", omittingEmptySubsequences: false).map {
            $0.addingPercentEncoding(withAllowedCharacters: .urlPathComponentAllowed) ?? String($0)
        }.joined(separator: "/")
    }

    static func writeAtomically(_ text: String, to path: String) {
        let temporary = path + ".tmp"
        if (try? Data(text.utf8).write(to: URL(fileURLWithPath: temporary))) != nil { rename(temporary, path) }
    }
}

extension CharacterSet {
    /// unreserved (RFC 3986): what a path component may carry unencoded.
    static let urlPathComponentAllowed = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
}

/// A value shared between threads.
final class Locked<Value>: @unchecked Sendable {
    private var value: Value
    private let lock = NSLock()
    init(_ value: Value) { self.value = value }
    func get() -> Value { lock.withLock { value } }
    func set(_ new: Value) { lock.withLock { value = new } }
}
