import Foundation

/// Temporary folders and their contents, for tests that compare whole output trees.
public enum TestFolder {
    public static func make() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("batch-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Every regular file under `url`, by relative path, with its bytes.
    public static func contents(_ url: URL) throws -> [String: Data] {
        var out: [String: Data] = [:]
        let base = url.standardizedFileURL.path + "/"
        let enumerator = FileManager.default.enumerator(at: url, includingPropertiesForKeys: nil)
        while let item = enumerator?.nextObject() as? URL {
            var isDir: ObjCBool = false
            guard FileManager.default.fileExists(atPath: item.path, isDirectory: &isDir), !isDir.boolValue else { continue }
            out[String(item.standardizedFileURL.path.dropFirst(base.count))] = try Data(contentsOf: item)
        }
        return out
    }
}
