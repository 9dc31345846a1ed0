import FinanceModel
import Foundation
import Pipeline
import Recognition
import TestSupport

/// Loading the sample files through the Pipeline loader, and finding tables in them.
enum Samples {
    static let root = Fixtures.repositoryRoot().appendingPathComponent("Samples")
    static let seed = "益阳市资阳区商务局"
    static let second = "某县农业农村局"

    static func path(_ department: String, _ file: String) -> String {
        root.appendingPathComponent(department).appendingPathComponent(file).path
    }

    static func load(_ department: String, _ file: String) -> LoadedFile {
        DepartmentLoader.loadFile(path(department, file))
    }

    /// Every sample file, relative to Samples/, sorted.
    static func allFiles() throws -> [String] {
        try FileManager.default.subpathsOfDirectory(atPath: root.path)
            .filter { $0.hasSuffix(".xlsx") || $0.hasSuffix(".csv") }.sorted()
    }
}

extension LoadedFile {
    /// The table of a sheet (or the only table of a CSV).
    func table(sheet: String?) -> RecognizedTable? {
        tables.first { $0.info.source.sheet == sheet }
    }
}

/// Parses a literal amount for expectations.
func money(_ text: String) -> Money {
    guard let m = Money(parsing: text) else { preconditionFailure("bad literal \(text)") }
    return m
}
