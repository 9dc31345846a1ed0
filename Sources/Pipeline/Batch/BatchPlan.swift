public import FinanceModel
public import Foundation

/// Which departments a batch run will process, and the files it could not place.
public struct BatchPlan: Sendable {
    /// Sorted by name (the output folder), so every output is in the same order whatever `--jobs` is.
    public var departments: [PlannedDepartment]
    /// Loose files whose 编制单位 cannot be told, with the reason; sorted by name.
    public var ungrouped: [UngroupedFile]

    public init(departments: [PlannedDepartment], ungrouped: [UngroupedFile]) {
        self.departments = departments
        self.ungrouped = ungrouped
    }
}

/// One input file: where it is and the name the user sees.
public struct BatchInput: Sendable, Hashable, Comparable, Codable {
    public var url: URL
    /// Relative to the department folder, or to IN_DIR for a loose file (`2020年部门预算.xlsx`).
    public var name: String

    public init(url: URL, name: String) {
        self.url = url
        self.name = name
    }

    public static func < (a: BatchInput, b: BatchInput) -> Bool { a.name < b.name }
}

/// How a department's files were put together (分组方式).
public struct DepartmentGrouping: Sendable, Hashable, Codable {
    /// The subfolder of IN_DIR the department came from, if any.
    public var folder: String?
    /// 编制单位 that grouped loose files into this department.
    public var preparedBy: String?
    /// The loose files grouped in by 编制单位.
    public var looseFiles: [String]

    public init(folder: String?, preparedBy: String?, looseFiles: [String]) {
        self.folder = folder
        self.preparedBy = preparedBy
        self.looseFiles = looseFiles
    }

    /// `文件夹“益阳市资阳区商务局”` or `散放文件按编制单位“某县农业农村局”归组：a.xlsx、b.csv`.
    public var description: LocalizedText {
        var zh: [String] = []
        var en: [String] = []
        if let folder {
            zh.append("文件夹“\(folder)”")
            en.append("folder “\(folder)”")
        }
        if let preparedBy, !looseFiles.isEmpty {
            zh.append("散放文件按编制单位“\(preparedBy)”归组：\(looseFiles.joined(separator: "、"))")
            en.append("loose files grouped by 编制单位 “\(preparedBy)”: \(looseFiles.joined(separator: ", "))")
        }
        return LocalizedText(zh: zh.joined(separator: "；"), en: en.joined(separator: "; "))
    }
}

/// A department to process: its output name, how it was grouped and its files by kind.
public struct PlannedDepartment: Sendable, Hashable, Codable {
    /// The output folder name: the subfolder's name, or the 编制单位 of loose files.
    public var name: String
    public var grouping: DepartmentGrouping
    /// Spreadsheets (XLSX, CSV), sorted by name.
    public var dataFiles: [BatchInput]
    /// Narrative reports (.docx, .txt, .md), sorted by name.
    public var narratives: [BatchInput]
    /// Files batch does not read (PDF, images), listed in the report.
    public var ignored: [BatchInput]

    public init(
        name: String, grouping: DepartmentGrouping, dataFiles: [BatchInput], narratives: [BatchInput] = [],
        ignored: [BatchInput] = []
    ) {
        self.name = name
        self.grouping = grouping
        self.dataFiles = dataFiles
        self.narratives = narratives
        self.ignored = ignored
    }
}

/// A loose file batch did not assign to a department, and why.
public struct UngroupedFile: Sendable, Hashable {
    public var name: String
    public var reason: LocalizedText

    public init(name: String, reason: LocalizedText) {
        self.name = name
        self.reason = reason
    }
}

/// What kind of input a file is, decided by its extension and, for `.txt`, its first lines.
enum InputKind: Equatable {
    case data, narrative, ignored

    static func of(_ url: URL) -> InputKind {
        if isReadme(url) { return .ignored }
        return switch url.pathExtension.lowercased() {
        case "xlsx", "xlsm", "xls", "et", "csv", "tsv", "tab": .data
        case "docx", "md", "markdown": .narrative
        case "txt": looksDelimited(url) ? .data : .narrative
        default: .ignored
        }
    }

    /// `README`, `README.md`, `readme.txt` …: notes about the folder, never a department's report.
    static func isReadme(_ url: URL) -> Bool {
        url.deletingPathExtension().lastPathComponent.lowercased() == "readme"
    }

    /// Whether a `.txt` holds a table: most of its first non-empty lines carry the same number (≥ 2) of
    /// ASCII tabs or commas. A report uses full-width punctuation (，) and so reads as narrative.
    static func looksDelimited(_ url: URL) -> Bool {
        guard let handle = try? FileHandle(forReadingFrom: url) else { return false }
        defer { try? handle.close() }
        guard let head = try? handle.read(upToCount: 8192), !head.isEmpty else { return false }
        let lines = head.split(separator: 0x0A).prefix(8).filter { $0.contains { $0 > 0x20 } }
        guard lines.count >= 2 else { return false }
        for delimiter in [UInt8(ascii: "\t"), UInt8(ascii: ",")] {
            let counts = lines.map { line in line.reduce(0) { $0 + ($1 == delimiter ? 1 : 0) } }
            let common = Dictionary(grouping: counts, by: { $0 }).max { $0.value.count < $1.value.count }
            if let common, common.key >= 2, common.value.count * 2 > lines.count { return true }
        }
        return false
    }
}
