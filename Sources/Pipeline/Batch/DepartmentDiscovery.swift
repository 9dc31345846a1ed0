import FinanceModel
public import Foundation

/// Finds the departments in IN_DIR (部门识别与分组).
///
/// Each subfolder is one department, named after the folder; its files are told apart later by
/// content, never by name. Loose spreadsheets directly in IN_DIR are grouped by the 编制单位 in their
/// title block; one whose unit cannot be told (a CSV without a title block, an unreadable file) is
/// listed as ungrouped rather than guessed. A group whose 编制单位 equals a subfolder's name joins that
/// department. Hidden files and Office lock files (`~$…`) are skipped.
public enum DepartmentDiscovery {
    /// The plan for `inputDirectory`; loose files are identified on up to `jobs` threads.
    public static func plan(
        inputDirectory: URL, stages: any BatchStages, jobs: Int
    ) throws(BatchError) -> BatchPlan {
        let entries = try listing(of: inputDirectory)
        var folders: [String: PlannedDepartment] = [:]
        var loose: [BatchInput] = []
        for entry in entries {
            if isDirectory(entry) {
                let name = entry.lastPathComponent
                folders[name] = folderDepartment(name: name, url: entry)
            } else {
                loose.append(BatchInput(url: entry, name: entry.lastPathComponent))
            }
        }
        var ungrouped: [UngroupedFile] = []
        var looseData: [BatchInput] = []
        for file in loose.sorted() {
            switch InputKind.of(file.url) {
            case .data: looseData.append(file)
            case .narrative:
                ungrouped.append(UngroupedFile(name: file.name, reason: LocalizedText(
                    zh: "自评报告没有标题栏可读编制单位；请放入该部门的文件夹",
                    en: "a narrative report has no title block naming its unit; put it in its department's folder")))
            case .ignored where InputKind.isReadme(file.url):
                ungrouped.append(UngroupedFile(name: file.name, reason: LocalizedText(
                    zh: "说明文件（README），未使用", en: "a README; not used")))
            case .ignored:
                ungrouped.append(UngroupedFile(name: file.name, reason: LocalizedText(
                    zh: "不是表格或自评报告，未使用", en: "neither a spreadsheet nor a report; not used")))
            }
        }
        let identities = ParallelMap.map(looseData, jobs: jobs) { _, file in stages.identify(file: file) }
        var byUnit: [String: [BatchInput]] = [:]
        for (file, identity) in zip(looseData, identities) {
            if let problem = identity.problem {
                ungrouped.append(UngroupedFile(name: file.name, reason: LocalizedText(
                    zh: "无法读取，不能判断编制单位：\(problem.message.zh)",
                    en: "unreadable, so its unit cannot be told: \(problem.message.en)")))
            } else if let unit = identity.preparedBy.map(trimmed), !unit.isEmpty {
                byUnit[unit, default: []].append(file)
            } else {
                ungrouped.append(UngroupedFile(name: file.name, reason: LocalizedText(
                    zh: "标题栏中没有“编制单位”，无法判断属于哪个部门；请放入该部门的文件夹",
                    en: "no 编制单位 in its title block, so its department cannot be told; put it in its department's folder")))
            }
        }
        for (unit, files) in byUnit {
            let name = folderName(for: unit)
            var department = folders[name] ?? PlannedDepartment(
                name: name, grouping: DepartmentGrouping(folder: nil, preparedBy: unit, looseFiles: []), dataFiles: [])
            department.grouping.preparedBy = unit
            department.grouping.looseFiles = files.map(\.name)
            department.dataFiles = (department.dataFiles + files).sorted()
            folders[name] = department
        }
        return BatchPlan(
            departments: folders.values.sorted { $0.name < $1.name },
            ungrouped: ungrouped.sorted { $0.name < $1.name })
    }

    /// A subfolder's files, recursively, classified by kind.
    static func folderDepartment(name: String, url: URL) -> PlannedDepartment {
        var data: [BatchInput] = [], narratives: [BatchInput] = [], ignored: [BatchInput] = []
        let base = url.standardizedFileURL.path
        let enumerator = FileManager.default.enumerator(
            at: url, includingPropertiesForKeys: nil, options: [.skipsHiddenFiles])
        while let item = enumerator?.nextObject() as? URL {
            guard !isSkipped(item), !isDirectory(item) else { continue }
            var relative = item.standardizedFileURL.path
            if relative.hasPrefix(base + "/") { relative.removeFirst(base.count + 1) }
            let file = BatchInput(url: item, name: relative)
            switch InputKind.of(item) {
            case .data: data.append(file)
            case .narrative: narratives.append(file)
            case .ignored: ignored.append(file)
            }
        }
        return PlannedDepartment(
            name: name, grouping: DepartmentGrouping(folder: name, preparedBy: nil, looseFiles: []),
            dataFiles: data.sorted(), narratives: narratives.sorted(), ignored: ignored.sorted())
    }

    /// The non-hidden entries of IN_DIR.
    static func listing(of directory: URL) throws(BatchError) -> [URL] {
        guard isDirectory(directory) else {
            let exists = FileManager.default.fileExists(atPath: directory.path)
            throw BatchError(.inputUnreadable(
                path: directory.path, detail: exists ? "不是文件夹 / not a folder" : "不存在 / does not exist"))
        }
        do {
            return try FileManager.default.contentsOfDirectory(
                at: directory, includingPropertiesForKeys: nil, options: [.skipsHiddenFiles]
            ).filter { !isSkipped($0) }
        } catch {
            throw BatchError(.inputUnreadable(path: directory.path, detail: "\(error.localizedDescription)"))
        }
    }

    /// A name usable as one folder: path separators and control characters replaced, no leading dot.
    public static func folderName(for unit: String) -> String {
        var name = String(unit.unicodeScalars.map { scalar -> Character in
            switch scalar {
            case "/", "\\": "／"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F: "_"
            default: Character(scalar)
            }
        })
        while name.hasPrefix(".") { name.removeFirst() }
        return name.isEmpty ? "_" : name
    }

    private static func isSkipped(_ url: URL) -> Bool {
        let name = url.lastPathComponent
        return name.hasPrefix(".") || name.hasPrefix("~$")
    }

    private static func isDirectory(_ url: URL) -> Bool {
        var flag: ObjCBool = false
        return FileManager.default.fileExists(atPath: url.path, isDirectory: &flag) && flag.boolValue
    }

    private static func trimmed(_ text: String) -> String {
        text.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
