import Foundation

/// Locates test fixtures next to the test sources, by `#filePath` (not `Bundle.module`).
public enum Fixtures {
    /// The URL of `name` inside the `Fixtures` folder beside the calling test file.
    public static func url(_ name: String, file: StaticString = #filePath) -> URL {
        URL(fileURLWithPath: "\(file)").deletingLastPathComponent().appendingPathComponent("Fixtures")
            .appendingPathComponent(name)
    }

    /// The repository root (the folder holding Package.swift).
    public static func repositoryRoot(file: StaticString = #filePath) -> URL {
        var url = URL(fileURLWithPath: "\(file)").deletingLastPathComponent()
        while url.path != "/" {
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url }
            url.deleteLastPathComponent()
        }
        fatalError("Package.swift not found above \(file)")
    }

    /// A fresh empty temporary folder, removed by the caller when done.
    public static func temporaryDirectory(_ prefix: String = "budgeteval-test") throws -> URL {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("\(prefix)-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
