import Foundation

/// What an uploaded part's filename may be: a relative path (`部门A/2020年决算.xlsx`) whose first folder, if
/// any, names the department, exactly as `batch` groups the subfolders of IN_DIR. The name is checked, never
/// trusted: it becomes a path only as components that each passed `component(_:)`, joined under the job's
/// own private folder.
struct UploadName: Hashable, Sendable {
    /// The checked components; the last is the file's name.
    var components: [String]

    enum Verdict: Equatable {
        case accepted(UploadName)
        /// A hidden file or an Office lock file (`.DS_Store`, `~$预算.xlsx`): batch would skip it; so does the upload.
        case skipped
        case refused(zh: String, en: String)
    }

    var relativePath: String { components.joined(separator: "/") }
    var department: String? { components.count > 1 ? components[0] : nil }
    var fileName: String { components[components.count - 1] }

    static func check(_ raw: String?) -> Verdict {
        guard let raw, !raw.isEmpty else {
            return .refused(zh: "上传的文件没有文件名。", en: "an uploaded file has no name.")
        }
        let shown = String(raw.unicodeScalars.prefix(120).map { $0.value < 0x20 || $0.value == 0x7F ? "?" : Character($0) })
        func refuse(_ zh: String, _ en: String) -> Verdict {
            .refused(zh: "文件名“\(shown)”\(zh)", en: "the file name “\(shown)” \(en)")
        }
        if raw.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) {
            return refuse("含控制字符（如 NUL），已拒绝。", "holds a control character (such as NUL); refused.")
        }
        if raw.utf8.count > 1024 { return refuse("过长，已拒绝。", "is too long; refused.") }
        let unified = raw.replacingOccurrences(of: "\\", with: "/")
        if unified.hasPrefix("/") || (unified.count >= 2 && unified.dropFirst().first == ":") {
            return refuse("是绝对路径，只接受相对路径（如 部门A/2020年决算.xlsx）。", "is an absolute path; only relative names (部门A/2020年决算.xlsx) are accepted.")
        }
        let parts = unified.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        if parts.contains(where: { $0 == ".." || $0 == "." }) {
            return refuse("含“..”或“.”路径成分，已拒绝。", "holds a “..” or “.” path component; refused.")
        }
        if parts.contains(where: \.isEmpty) { return refuse("含空的路径成分，已拒绝。", "holds an empty path component; refused.") }
        if parts.count > 8 { return refuse("文件夹层数过多（最多 8 层）。", "is nested too deep (at most 8 levels).") }
        if parts.contains(where: { $0.utf8.count > 255 }) { return refuse("中某一段过长（最多 255 字节）。", "has a component over 255 bytes.") }
        if parts.contains(where: { $0.hasPrefix(".") || $0.hasPrefix("~$") }) { return .skipped }
        return .accepted(UploadName(components: parts))
    }
}
