import FinanceModel
public import Foundation

/// Reading a profile: the shipped default, or a JSON file the user names with `--profile`.
extension ScoringProfile {
    /// The default profile shipped as `Data/default-profile.json` (built-in name `default`), compiled in
    /// by `scripts/embed_data.py`.
    ///
    /// `EmbeddedDataTests` decodes every embedded file, so it cannot be damaged in a tested build. Were it
    /// ever, this is `unavailable` (every form then names the problem and no score reaches a grade above
    /// 差) rather than a stopped program or invented weights; `embedded(_:)` throws the reason.
    public static let shipped: ScoringProfile = (try? embedded("default-profile.json")) ?? unavailable

    /// The 2018 scoring sheet shipped as `Data/2018-sheet-profile.json` (built-in name `2018-sheet`).
    public static let sheet2018: ScoringProfile = (try? embedded("2018-sheet-profile.json")) ?? unavailable

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

    /// Decodes an embedded `Data/<file>`.
    public static func embedded(_ file: String = "default-profile.json") throws(FormsError) -> ScoringProfile {
        guard let data = EmbeddedData.file(named: file) else {
            throw FormsError(.unreadableProfile(file: "EvaluationForms/Data/\(file)"))
        }
        return try decode(data, file: file)
    }

    /// What a built-in profile falls back to when its embedded file cannot be decoded: no weights, and
    /// grade bands above the 100-point scale, so nothing is graded better than 差 under it.
    static let unavailable = ScoringProfile(
        id: "unavailable", name: "内置评分方案无法读取，请重新构建 budgeteval 或用 --profile 指定",
        description: "Data/default-profile.json could not be decoded; see ScoringProfile.embedded().", sources: [],
        project: ProjectScheme(
            executionWeight: .zero, categoryWeights: [:], reverseScoring: .linear,
            qualitative: QualitativeBands(
                achievedScore: .zero, partialScore: .zero, notAchievedScore: .zero, achievedFloor: .zero,
                partialFloor: .zero, boundary: .upper),
            overAchievementWarningAbove: .zero, scoreTolerance: .zero),
        department: DepartmentScheme(executionWeight: .zero, indicators: []),
        grades: GradeBands(excellent: Quantity(101), good: Quantity(101), fair: Quantity(101)))

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
