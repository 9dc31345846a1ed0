import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One input the user named, or found inside a folder the user named.
public struct InputFile: Sendable, Hashable {
    /// What an input is to the pipeline, decided as `batch` decides it inside a department folder.
    public enum Kind: Sendable, Hashable {
        /// A spreadsheet (.xlsx, .csv, a delimited .txt …): read for its tables.
        case table
        /// A narrative report (.docx, .md, a prose .txt): cross-checked, never read as a table.
        case narrative
    }

    public var path: String
    /// The name shown in messages and source locations: the last path component.
    public var name: String
    public var kind: Kind

    public init(path: String, kind: Kind) {
        self.path = path
        self.name = (path as NSString).lastPathComponent
        self.kind = kind
    }
}

/// Turns the paths on a command line into the files to read (读取输入路径): a folder is read as a
/// department's files, the way `batch` reads a department folder; a missing, empty or unreadable file,
/// or a document where a table is expected, is an error naming it.
public enum InputPaths {
    /// - Parameters:
    ///   - paths: as given; folders are expanded (sorted, hidden and `~$` lock files skipped).
    ///   - narratives: whether a report found in a folder is kept (for `batch` and `crosscheck`); a
    ///     report named directly where tables are expected is always an error.
    /// - Throws: `PipelineError` (exit 1) naming the path and what to do.
    public static func resolve(_ paths: [String], keepNarratives: Bool = false) throws(PipelineError) -> [InputFile] {
        var files: [InputFile] = []
        var seen: Set<DiskIdentity> = []
        func add(_ file: InputFile) throws(PipelineError) {
            guard let identity = DiskIdentity(path: file.path) else {
                throw PipelineError(
                    .input, zh: "\(file.path)：无法读取（\(String(cString: strerror(errno)))）。请检查文件是否存在、是否有读取权限。",
                    en: "\(file.path): cannot be read (\(String(cString: strerror(errno)))). Check that it exists and is readable.")
            }
            if seen.insert(identity).inserted { files.append(file) }
        }
        for path in paths {
            switch try kind(of: path) {
            case .folder:
                let department = DepartmentDiscovery.folderDepartment(
                    name: (path as NSString).lastPathComponent, url: URL(fileURLWithPath: path))
                let tables = department.dataFiles.map { InputFile(path: $0.url.path, kind: .table) }
                let reports = department.narratives.map { InputFile(path: $0.url.path, kind: .narrative) }
                if tables.isEmpty {
                    throw PipelineError(
                        .input,
                        zh: "\(path)：文件夹中没有表格文件（.xlsx/.csv）。请放入部门的预算、决算表格后重试。",
                        en: "\(path): the folder holds no spreadsheet (.xlsx/.csv). Put the department's budget and final-accounts files in it.")
                }
                for file in tables { try checkReadable(file.path) }
                for file in tables { try add(file) }
                if keepNarratives { for file in reports { try add(file) } }
            case .file:
                try checkReadable(path)
                let url = URL(fileURLWithPath: path)
                if InputKind.of(url) == .narrative, url.pathExtension.lowercased() != "txt" {
                    if keepNarratives {
                        try add(InputFile(path: path, kind: .narrative))
                        continue
                    }
                    throw PipelineError(
                        .input,
                        zh: "\(path)：这是文档，不是表格。请给出 .xlsx 或 .csv 表格；自评报告请用 budgeteval crosscheck 核对。",
                        en: "\(path): a document, not a spreadsheet. Give .xlsx or .csv files; check a report with `budgeteval crosscheck`.")
                }
                try add(InputFile(path: path, kind: .table))
            }
        }
        return files
    }

    enum PathKind { case file, folder }

    static func kind(of path: String) throws(PipelineError) -> PathKind {
        var info = stat()
        guard stat(path, &info) == 0 else {
            let reason = String(cString: strerror(errno))
            throw PipelineError(
                .input, zh: "\(path)：找不到或无法打开（\(reason)）。请检查路径是否正确。",
                en: "\(path): not found or cannot be opened (\(reason)). Check the path.")
        }
        switch info.st_mode & S_IFMT {
        case S_IFDIR: return .folder
        case S_IFREG: return .file
        default:
            throw PipelineError(
                .input, zh: "\(path)：不是普通文件或文件夹。请给出 .xlsx、.csv 文件或部门文件夹。",
                en: "\(path): neither a regular file nor a folder. Give .xlsx or .csv files or a department folder.")
        }
    }

    /// A regular file that can be opened and holds at least one byte.
    static func checkReadable(_ path: String) throws(PipelineError) {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            if errno == ENOENT {
                throw PipelineError(
                    .input, zh: "\(path)：找不到该文件。请检查路径是否正确。",
                    en: "\(path): no such file. Check the path.")
            }
            let reason = String(cString: strerror(errno))
            throw PipelineError(
                .input, zh: "\(path)：无法读取（\(reason)）。请检查文件权限，或先关闭正在编辑它的程序。",
                en: "\(path): cannot be read (\(reason)). Check its permissions, or close the program editing it.")
        }
        defer { close(descriptor) }
        var info = stat()
        if fstat(descriptor, &info) == 0, info.st_size == 0 {
            throw PipelineError(
                .input, zh: "\(path)：文件为空（0 字节）。请重新导出或复制该文件。",
                en: "\(path): the file is empty (0 bytes). Export or copy it again.")
        }
    }
}

/// A file's identity on disk (device and inode), so a symlink or a hard link to a file is the file.
struct DiskIdentity: Hashable, Sendable {
    var device: UInt64
    var inode: UInt64

    /// nil when the path does not exist (or cannot be examined).
    init?(path: String) {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        device = UInt64(info.st_dev)
        inode = UInt64(info.st_ino)
    }
}
