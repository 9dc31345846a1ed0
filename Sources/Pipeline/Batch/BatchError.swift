public import Spreadsheet

/// Why a batch run could not start or could not write its outputs (one department's trouble is never
/// this: it goes into that department's 检查报告.txt instead).
public struct BatchError: Error, Hashable, Sendable, CustomStringConvertible {
    public enum Reason: Hashable, Sendable {
        /// IN_DIR is missing, not a folder or not readable.
        case inputUnreadable(path: String, detail: String)
        /// OUT_DIR equals IN_DIR or lies inside it.
        case outputInsideInput(input: String, output: String)
        /// OUT_DIR exists, is not empty and `--force` was not given.
        case outputExists(path: String)
        /// OUT_DIR exists but is a file.
        case outputNotFolder(path: String)
        /// An output could not be created or written.
        case outputUnwritable(path: String, detail: String)
        /// `--profile` names a file that cannot be read or is not a scoring profile.
        case badProfile(path: String, detail: String)
    }

    public var reason: Reason

    public init(_ reason: Reason) { self.reason = reason }

    /// True for mistakes in the command line itself (exit 64) rather than in the file system (exit 1).
    public var isUsage: Bool {
        switch reason {
        case .outputInsideInput, .outputExists, .outputNotFolder, .badProfile: true
        case .inputUnreadable, .outputUnwritable: false
        }
    }

    /// What is wrong and what to do.
    public func message(_ lang: Language) -> String {
        switch (reason, lang) {
        case (.inputUnreadable(let path, let detail), .zh):
            "无法读取输入文件夹 \(path)：\(detail)。请检查路径是否正确、是否为文件夹并有读取权限。"
        case (.inputUnreadable(let path, let detail), .en):
            "cannot read the input folder \(path): \(detail). Check the path, that it is a folder and that it is readable."
        case (.outputInsideInput(let input, let output), .zh):
            "输出文件夹 \(output) 位于输入文件夹 \(input) 之内（或相同）。请把 -o 指向输入文件夹之外，以免输出被当作输入读取。"
        case (.outputInsideInput(let input, let output), .en):
            "the output folder \(output) is (inside) the input folder \(input). Point -o outside the input folder so outputs are never read as inputs."
        case (.outputExists(let path), .zh):
            "输出文件夹 \(path) 已存在且不为空。加 --force 覆盖本次要写的文件（其他文件保留），或换一个文件夹。"
        case (.outputExists(let path), .en):
            "the output folder \(path) exists and is not empty. Add --force to overwrite the files this run writes (others are kept), or choose another folder."
        case (.outputNotFolder(let path), .zh):
            "输出路径 \(path) 是一个文件，不是文件夹。请换一个路径。"
        case (.outputNotFolder(let path), .en):
            "the output path \(path) is a file, not a folder. Choose another path."
        case (.outputUnwritable(let path, let detail), .zh):
            "无法写入 \(path)：\(detail)。请检查磁盘空间和写入权限。"
        case (.outputUnwritable(let path, let detail), .en):
            "cannot write \(path): \(detail). Check the free space and write permission."
        case (.badProfile(let path, let detail), .zh):
            "评分方案 \(path) 无法使用：\(detail)。请检查 --profile 指向的 JSON 文件。"
        case (.badProfile(let path, let detail), .en):
            "the scoring profile \(path) cannot be used: \(detail). Check the JSON file --profile names."
        }
    }

    public var description: String { message(.zh) }
}
