public import FinanceModel

/// What a form's 总分 may claim: Σ 得分 of the items that were scored, out of the points that were scored
/// (`scoredWeight`) and the points the profile has (`fullWeight`). A grade only when every point was scored;
/// no total at all when nothing was — never "0.00 差".
public struct ScoreTally: Sendable, Hashable {
    /// Σ 得分 of the scored items, not rescaled; nil when nothing could be scored.
    public var totalScore: Quantity?
    /// Σ 分值 of the scored items.
    public var scoredWeight: Quantity
    /// Σ 分值 the profile gives the form (100 in both shipped profiles).
    public var fullWeight: Quantity
    /// 等级, only when `scoredWeight == fullWeight`.
    public var grade: Grade?

    public init(scores: [(weight: Quantity, score: Quantity)], fullWeight: Quantity, grades: GradeBands) {
        var weight = Quantity.zero
        var sum = Quantity.zero
        for item in scores {
            weight = weight.adding(item.weight) ?? weight
            sum = sum.adding(item.score) ?? sum
        }
        scoredWeight = weight
        self.fullWeight = fullWeight
        totalScore = scores.isEmpty ? nil : sum
        grade = !scores.isEmpty && weight == fullWeight && !fullWeight.isZero ? grades.grade(for: sum) : nil
    }

    /// True when every point of the profile was scored and the form carries a grade.
    public var isGraded: Bool { grade != nil }

    /// 总分 as the forms print it: "92.50" when graded, "已评 X 分 / 可评 Y 分" style otherwise, "未评分" when
    /// nothing was scored.
    public var totalText: String {
        guard let totalScore else { return "未评分，不评级" }
        if isGraded { return totalScore.formatted(decimals: 2) }
        return "\(totalScore.formatted(decimals: 2))（已评分值 \(scoredWeight.formatted(decimals: 2)) / 满分 \(fullWeight.formatted(decimals: 2))，不评级）"
    }

    /// 优 / 良 / 中 / 差, or 不评级.
    public var gradeText: String { grade?.chinese ?? "不评级" }

    /// The same in English.
    public var totalTextEnglish: String {
        guard let totalScore else { return "not scored" }
        if isGraded { return totalScore.formatted(decimals: 2) }
        return "\(totalScore.formatted(decimals: 2)) (scored \(scoredWeight.formatted(decimals: 2)) of "
            + "\(fullWeight.formatted(decimals: 2)) points, not graded)"
    }
}
