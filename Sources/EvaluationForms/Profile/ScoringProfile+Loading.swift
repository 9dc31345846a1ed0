public import Foundation

/// Reading a profile: the shipped default, or a JSON file the user names with `--profile`.
extension ScoringProfile {
    /// The default profile shipped as `Data/default-profile.json` (built-in name `default`).
    public static let shipped: ScoringProfile = embedded("default-profile")

    /// The 2018 scoring sheet shipped as `Data/2018-sheet-profile.json` (built-in name `2018-sheet`).
    public static let sheet2018: ScoringProfile = embedded("2018-sheet-profile")

    /// The built-in profiles by the name `--profile` takes, in the order `--profile list` shows them.
    public static let builtIn: [(name: String, profile: ScoringProfile)] = [("default", shipped), ("2018-sheet", sheet2018)]

    /// The profile a `--profile` argument names: a built-in name (`default`, `2018-sheet`), else a JSON file.
    /// `list` is not a profile: the caller prints `builtInList` instead.
    public static func resolve(_ argument: String?) throws(FormsError) -> ScoringProfile {
        guard let argument, !argument.isEmpty else { return shipped }
        if let found = builtIn.first(where: { $0.name == argument }) { return found.profile }
        return try load(contentsOf: URL(fileURLWithPath: argument))
    }

    /// What `--profile list` prints: one line per built-in profile, its name and what it scores.
    public static func builtInList(english: Bool = false) -> String {
        builtIn.map { "\($0.name)\t\($0.profile.name)\n" }.joined()
            + (english ? "Or give the path of a profile JSON file of the same shape.\n" : "也可以给出同样格式的评分方案 JSON 文件路径。\n")
    }

    /// A resource of the package; failing to read it is a packaging bug, so this traps with the reason
    /// rather than scoring with invented weights.
    private static func embedded(_ name: String) -> ScoringProfile {
        guard let url = Bundle.module.url(forResource: name, withExtension: "json", subdirectory: "Data"),
            let data = try? Data(contentsOf: url)
        else { fatalError("EvaluationForms: Data/\(name).json is missing from the bundle") }
        do {
            return try ScoringProfile.decode(data, file: "\(name).json")
        } catch {
            fatalError("EvaluationForms: \(name).json is invalid: \(error)")
        }
    }

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
