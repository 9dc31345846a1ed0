import FinanceModel
import Testing
@testable import EvaluationForms

@Suite("Project scoring: execution, weights, totals, grades")
struct ProjectScorerTests {
    func project(
        initial: String? = "100", adjusted: String? = "100", actual: String? = "90", indicators: [Indicator]
    ) -> Project {
        Project(
            name: "项目", source: nil, unit: .tenThousandYuan,
            funds: ProjectFunds(total: Amounts(
                initialBudget: initial.map { Make.figure($0, "B6") }, adjustedBudget: adjusted.map { Make.figure($0, "C6") },
                actual: actual.map { Make.figure($0, "D6") })),
            indicators: indicators)
    }

    var fullIndicators: [Indicator] {
        [
            Make.indicator("a", target: "10", actual: "10", weight: "50"),
            Make.indicator("b", level1: "效益指标", target: "10", actual: "10", weight: "30"),
            Make.indicator("c", level1: "满意度指标", target: "90%", actual: "95%", weight: "10"),
        ]
    }

    @Test("执行率 = 执行数 / 全年预算数; score min(rate, 100 %) × 10")
    func execution() {
        let scored = ProjectScorer(profile: .shipped).score(project(actual: "90", indicators: fullIndicators))
        #expect(scored.execution.rate == Make.rate("0.9"))
        #expect(scored.execution.score == Make.q("9"))
        #expect(scored.totalScore == Make.q("99"))
        #expect(scored.grade == .excellent)
        let over = ProjectScorer(profile: .shipped).score(project(actual: "120", indicators: fullIndicators))
        #expect(over.execution.rate == Make.rate("1.2"))
        #expect(over.execution.score == Make.q("10"))
    }

    @Test("全年预算数 0 is an error, not a zero rate")
    func zeroBudget() {
        let scored = ProjectScorer(profile: .shipped).score(project(adjusted: "0", actual: "0", indicators: fullIndicators))
        #expect(scored.execution.rate == nil)
        #expect(scored.execution.score == nil)
        #expect(scored.grade == nil)
        #expect(scored.findings.map(\.rule) == ["全年预算数为零"])
        #expect(scored.findings.first?.severity == .error)
        #expect(scored.findings.first?.cells.first?.location.cell == "C6")
    }

    @Test("no 全年预算数 is an error; the 年初预算数 is not used instead")
    func missingAdjusted() {
        let scored = ProjectScorer(profile: .shipped).score(project(adjusted: nil, indicators: fullIndicators))
        #expect(scored.execution.rate == nil)
        #expect(scored.findings.map(\.rule) == ["缺全年预算数"])
    }

    @Test("年度资金总额 is the sum of its sub-rows when missing")
    func fundsTotalFromParts() {
        let funds = ProjectFunds(
            fiscalAppropriation: Amounts(adjustedBudget: Make.figure("90"), actual: Make.figure("89.974")),
            carryover: Amounts(adjustedBudget: Make.figure("10"), actual: Make.figure("5")))
        let total = ProjectScorer.fundsTotal(funds)
        #expect(total.adjustedBudget?.value == Make.money("100"))
        #expect(total.actual?.value == Make.money("94.974"))
        #expect(total.initialBudget == nil)
    }

    @Test("not-applicable indicators are dropped and the remaining weights rescaled to total 90 (+10)")
    func rescaling() {
        let indicators = [
            Make.indicator("a", target: "10", actual: "5", weight: "30", reason: "r"),
            Make.indicator("b", target: "10", actual: "10", weight: "20", applicable: false),
            Make.indicator("c", level1: "效益指标", target: "10", actual: "10", weight: "30"),
            Make.indicator("d", level1: "满意度指标", target: "10", actual: "10", weight: "10"),
        ]
        let scored = ProjectScorer(profile: .shipped).score(project(actual: "100", indicators: indicators))
        #expect(scored.weightsRescaled)
        // 90 / 70 × 30 = 38.571… → 38.57; × 30 → 38.57; last takes the rest: 90 − 77.14 = 12.86.
        #expect(scored.indicators.map(\.weight) == [Make.q("38.57"), nil, Make.q("38.57"), Make.q("12.86")])
        #expect(scored.indicators.map(\.score) == [Make.q("19.29"), nil, Make.q("38.57"), Make.q("12.86")])
        #expect(scored.totalScore == Make.q("80.72"))
        #expect(scored.grade == .good)
    }

    @Test("weights missing in the input come from the category weights 50/30/10")
    func categoryWeights() {
        let indicators = [
            Make.indicator("a", target: "1", actual: "1", weight: nil),
            Make.indicator("b", target: "1", actual: "1", weight: nil),
            Make.indicator("c", target: "1", actual: "1", weight: nil),
            Make.indicator("d", level1: "效益指标", target: "1", actual: "1", weight: nil),
            Make.indicator("e", level1: "满意度指标", target: "1", actual: "1", weight: nil),
        ]
        let scored = ProjectScorer(profile: .shipped).score(project(actual: "100", indicators: indicators))
        #expect(scored.indicators.map(\.weight) == ["16.67", "16.67", "16.66", "30", "10"].map(Make.q))
        #expect(scored.totalScore == Make.q("100"))
        #expect(scored.findings.isEmpty)
    }

    @Test("weights that do not total 90 without any dropped indicator warn")
    func weightsDoNotTotal() {
        let indicators = [Make.indicator("a", target: "1", actual: "1", weight: "40")]
        let scored = ProjectScorer(profile: .shipped).score(project(actual: "100", indicators: indicators))
        #expect(scored.findings.map(\.rule) == ["分值合计不符"])
        #expect(!scored.weightsRescaled)
    }

    @Test("grades: 优 ≥ 90, 良 80–<90, 中 60–<80, 差 < 60")
    func grades() {
        let bands = ScoringProfile.shipped.grades
        #expect(bands.grade(for: Make.q("100")) == .excellent)
        #expect(bands.grade(for: Make.q("90")) == .excellent)
        #expect(bands.grade(for: Make.q("89.99")) == .good)
        #expect(bands.grade(for: Make.q("80")) == .good)
        #expect(bands.grade(for: Make.q("79.99")) == .fair)
        #expect(bands.grade(for: Make.q("60")) == .fair)
        #expect(bands.grade(for: Make.q("59.99")) == .poor)
        #expect(Grade.poor.chinese == "差")
    }
}
