public import FinanceModel

/// Why the forms could not be made at all (a bad profile file); problems in the figures are findings.
public struct FormsError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Reason: Sendable, Hashable {
        /// The profile file cannot be read.
        case unreadableProfile(file: String)
        /// The profile file is not a valid profile: `path` is the JSON path of the bad value.
        case invalidProfile(file: String, path: String, detail: String)
    }

    public var reason: Reason

    public init(_ reason: Reason) { self.reason = reason }

    /// What is wrong and what to do, in Chinese and English.
    public var message: LocalizedText {
        switch reason {
        case .unreadableProfile(let file):
            LocalizedText(
                zh: "无法读取评分方案文件 \(file)：请检查路径和读取权限。",
                en: "Cannot read the scoring profile \(file): check the path and permissions.")
        case .invalidProfile(let file, let path, let detail):
            LocalizedText(
                zh: "评分方案文件 \(file) 无效（位置 \(path.isEmpty ? "根" : path)）：\(detail)。请按 default-profile.json 的格式改正。",
                en: "The scoring profile \(file) is invalid at \(path.isEmpty ? "the root" : path): \(detail). "
                    + "Follow the shape of default-profile.json.")
        }
    }

    public var description: String { message.zh }
}
