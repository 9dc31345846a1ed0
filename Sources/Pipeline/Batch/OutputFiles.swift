import Foundation
import Spreadsheet

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where batch may write, and how: every output goes to a temporary file in its folder and is renamed
/// into place, so an interrupted run never leaves half a file; inputs are never opened for writing.
enum OutputFiles {
    /// Refuses OUT_DIR equal to or inside IN_DIR, a file in its place, or a non-empty OUT_DIR without
    /// `force`; then creates it.
    static func prepare(output: URL, input: URL, force: Bool) throws(BatchError) {
        let inputPath = canonicalPath(input)
        let outputPath = canonicalPath(output)
        if outputPath == inputPath || outputPath.hasPrefix(inputPath.hasSuffix("/") ? inputPath : inputPath + "/") {
            throw BatchError(.outputInsideInput(input: input.path, output: output.path))
        }
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: output.path, isDirectory: &isFolder) {
            guard isFolder.boolValue else { throw BatchError(.outputNotFolder(path: output.path)) }
            let contents = (try? FileManager.default.contentsOfDirectory(atPath: output.path)) ?? []
            if !contents.isEmpty, !force { throw BatchError(.outputExists(path: output.path)) }
        }
        try makeFolder(output)
    }

    /// Creates a folder (and its parents) if it is missing.
    static func makeFolder(_ url: URL) throws(BatchError) {
        do {
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        } catch {
            throw BatchError(.outputUnwritable(path: url.path, detail: "\(error.localizedDescription)"))
        }
    }

    /// Writes `text` as UTF-8 through a temporary file renamed onto `url`.
    static func write(_ text: String, to url: URL) throws(BatchError) {
        if case .failure(let error) = TemporaryFile.write(Array(text.utf8), to: url.path) {
            throw BatchError(.outputUnwritable(path: url.path, detail: String(cString: strerror(error.code))))
        }
    }

    /// Removes a file this run would have written but must not leave (a stale 自评表.xlsx of a department
    /// that now failed); a missing file is fine.
    static func remove(_ url: URL) throws(BatchError) {
        guard FileManager.default.fileExists(atPath: url.path) else { return }
        do {
            try FileManager.default.removeItem(at: url)
        } catch {
            throw BatchError(.outputUnwritable(path: url.path, detail: "\(error.localizedDescription)"))
        }
    }

    /// The absolute path with symlinks resolved, for the part that exists; the rest appended as given.
    static func canonicalPath(_ url: URL) -> String {
        var existing = url.standardizedFileURL
        var rest: [String] = []
        while !FileManager.default.fileExists(atPath: existing.path), existing.path != "/" {
            rest.insert(existing.lastPathComponent, at: 0)
            existing.deleteLastPathComponent()
        }
        var path = existing.resolvingSymlinksInPath().path
        for component in rest { path = (path as NSString).appendingPathComponent(component) }
        return path
    }
}
