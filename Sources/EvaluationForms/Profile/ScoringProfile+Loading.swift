import FinanceModel
public import Foundation

/// Reading a profile: the shipped default, or a JSON file the user names with `--profile`.
extension ScoringProfile {
    /// The default profile shipped as `Data/default-profile.json`, compiled in by `scripts/embed_data.py`.
    ///
    /// `EmbeddedDataTests` decodes the embedded file, so it cannot be damaged in a tested build. Were it
    /// ever, this is `unavailable` (every form then names the problem and no score reaches a grade above
    /// 差) rather than a stopped program or invented weights; `embedded()` throws the reason.
    public static let shipped: ScoringProfile = (try? embedded()) ?? unavailable

    /// Decodes the embedded `Data/default-profile.json`.
    public static func embedded() throws(FormsError) -> ScoringProfile {
        guard let data = EmbeddedData.file(named: "default-profile.json") else {
            throw FormsError(.unreadableProfile(file: "EvaluationForms/Data/default-profile.json"))
        }
        return try decode(data, file: "default-profile.json")
    }

    /// What `shipped` falls back to when the embedded profile cannot be decoded: no weights, and grade
    /// bands above the 100-point scale, so nothing is graded better than 差 under it.
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
