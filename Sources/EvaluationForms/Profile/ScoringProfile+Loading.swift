public import Foundation

/// Reading a profile: the shipped default, or a JSON file the user names with `--profile`.
extension ScoringProfile {
    /// The default profile shipped as `Data/default-profile.json`.
    ///
    /// The resource is part of the package; failing to read it is a packaging bug, so this traps with
    /// the reason rather than scoring with invented weights.
    public static let shipped: ScoringProfile = {
        guard let url = Bundle.module.url(forResource: "default-profile", withExtension: "json", subdirectory: "Data"),
            let data = try? Data(contentsOf: url)
        else { fatalError("EvaluationForms: Data/default-profile.json is missing from the bundle") }
        do {
            return try ScoringProfile.decode(data, file: "default-profile.json")
        } catch {
            fatalError("EvaluationForms: default-profile.json is invalid: \(error)")
        }
    }()

    /// Decodes a profile from JSON bytes; `file` names it in the error.
    public static func decode(_ data: Data, file: String) throws(FormsError) -> ScoringProfile {
        do {
            return try JSONDecoder().decode(ScoringProfile.self, from: data)
        } catch let DecodingError.dataCorrupted(context) {
            throw FormsError(.invalidProfile(file: file, path: context.codingPath.pathText, detail: context.debugDescription))
        } catch let DecodingError.keyNotFound(key, context) {
            throw FormsError(.invalidProfile(
                file: file, path: (context.codingPath + [key]).pathText, detail: "missing key \(key.stringValue)"))
        } catch let DecodingError.typeMismatch(_, context) {
            throw FormsError(.invalidProfile(file: file, path: context.codingPath.pathText, detail: context.debugDescription))
        } catch let DecodingError.valueNotFound(_, context) {
            throw FormsError(.invalidProfile(file: file, path: context.codingPath.pathText, detail: context.debugDescription))
        } catch {
            throw FormsError(.invalidProfile(file: file, path: "", detail: "\(error)"))
        }
    }

    /// Reads a profile file.
    public static func load(contentsOf url: URL) throws(FormsError) -> ScoringProfile {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw FormsError(.unreadableProfile(file: url.path))
        }
        return try decode(data, file: url.lastPathComponent)
    }
}

extension Array where Element == any CodingKey {
    fileprivate var pathText: String {
        map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
    }
}
