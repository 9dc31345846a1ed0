import EvaluationForms
import FinanceModel
import Foundation
import Server
@testable import Recognition
import Testing
import TestSupport

/// The data compiled into the modules (`Sources/<Module>/Generated/EmbeddedData.swift`, written by
/// `scripts/embed_data.py`) is exactly what `Sources/<Module>/Data/` holds, and each file decodes.
///
/// A `Data/` file edited without `make embed` fails here, so the loaders' fallbacks (empty vocabulary,
/// empty catalogue, the `unavailable` profile) can never ship.
@Suite struct EmbeddedDataTests {
    /// Every module with a `Data/` folder, and what its generated file embeds.
    static let modules: [(name: String, names: [String], file: @Sendable (String) -> Data?)] = [
        ("EvaluationForms", EvaluationForms.EmbeddedData.names, { EvaluationForms.EmbeddedData.file(named: $0) }),
        ("FinanceModel", FinanceModel.EmbeddedData.names, { FinanceModel.EmbeddedData.file(named: $0) }),
        ("Recognition", Recognition.EmbeddedData.names, { Recognition.EmbeddedData.file(named: $0) }),
        ("Server", Server.EmbeddedData.names, { Server.EmbeddedData.file(named: $0) }),
    ]

    static let sources = Fixtures.repositoryRoot().appendingPathComponent("Sources")

    /// Paths inside `folder` of its regular, non-hidden files, sorted (as the generator lists them).
    static func dataFiles(_ folder: URL) -> [String] {
        let base = folder.resolvingSymlinksInPath().path + "/"
        var names: [String] = []
        let enumerator = FileManager.default.enumerator(
            at: folder, includingPropertiesForKeys: [.isRegularFileKey], options: [.skipsHiddenFiles])
        while let url = enumerator?.nextObject() as? URL {
            guard (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true else { continue }
            names.append(String(url.resolvingSymlinksInPath().path.dropFirst(base.count)))
        }
        return names.sorted()
    }

    @Test func everyDataFolderIsEmbedded() throws {
        let modules = try FileManager.default.contentsOfDirectory(atPath: Self.sources.path).filter { module in
            var isFolder: ObjCBool = false
            let data = Self.sources.appendingPathComponent(module).appendingPathComponent("Data").path
            return FileManager.default.fileExists(atPath: data, isDirectory: &isFolder) && isFolder.boolValue
        }
        #expect(modules.sorted() == Self.modules.map(\.name),
                "a module with a Data/ folder needs `exclude: [\"Data\"]`, `make embed` and a line in EmbeddedDataTests.modules")
    }

    @Test(arguments: EmbeddedDataTests.modules.map(\.name))
    func generatedFileMatchesItsDataFolder(_ name: String) throws {
        let module = try #require(Self.modules.first { $0.name == name })
        let folder = Self.sources.appendingPathComponent(module.name).appendingPathComponent("Data")
        let onDisk = Self.dataFiles(folder)
        #expect(!onDisk.isEmpty)
        #expect(module.names == onDisk, "Sources/\(module.name)/Generated/EmbeddedData.swift is out of date: run `make embed`")
        for name in onDisk {
            let source = try Data(contentsOf: folder.appendingPathComponent(name))
            #expect(module.file(name) == source,
                    "Sources/\(module.name)/Data/\(name) differs from its embedded copy: run `make embed`")
        }
        #expect(module.file("no-such-file.json") == nil)
    }

    @Test func embeddedFilesDecode() throws {
        let vocabulary = try Vocabulary.embedded()
        #expect(vocabulary.groups["amountColumns"]?.isEmpty == false)
        let catalogue = try SubjectCatalogue.embedded()
        #expect(catalogue.name(of: try #require(FunctionCode("2011308"))) == "招商引资")
        let profile = try ScoringProfile.embedded()
        #expect(profile.id != "unavailable")
        // The shared instances are the decoded files, not the fallbacks.
        #expect(Vocabulary.standard.groups == vocabulary.groups)
        #expect(SubjectCatalogue.standard == catalogue)
        #expect(ScoringProfile.shipped == profile)
    }
}
