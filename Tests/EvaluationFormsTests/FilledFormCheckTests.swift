import FinanceModel
import Testing
@testable import EvaluationForms

@Suite("Checking a filled form")
struct FilledFormCheckTests {
    func project(fundsScore: String?, total: String?, indicators: [Indicator]) -> Project {
        Project(
            name: "农贸市场", source: nil, unit: .tenThousandYuan,
            funds: ProjectFunds(total: Amounts(
                adjustedBudget: Make.figure("100", "C6"), actual: Make.figure("95", "D6"))),
            indicators: indicators,
            fundsScore: fundsScore.map { Sourced(Make.q($0), at: Make.cell("H6", sheet: "表")) },
            totalScore: total.map { Sourced(Make.q($0), at: Make.cell("H20", sheet: "表")) })
    }

    func check(_ project: Project) -> [Finding] {
        FilledFormCheck.findings(in: Department(name: "局", year: 2020, projects: [project]))
    }

    @Test("a correctly filled form gives no findings")
    func correct() {
        let findings = check(project(fundsScore: "9.5", total: "99.5", indicators: [
            Make.indicator("a", target: "10", actual: "10", weight: "90", score: "90"),
        ]))
        #expect(findings.isEmpty)
    }

    @Test("wrong execution score, score above weight, wrong indicator score and wrong total are errors with cells")
    func wrong() {
        let findings = check(project(fundsScore: "10", total: "100", indicators: [
            Make.indicator("a", target: "10", actual: "10", weight: "40", score: "45", row: 7),
            Make.indicator("b", target: "10", actual: "5", weight: "50", score: "50", reason: "r", row: 8),
        ]))
        #expect(findings.map(\.rule) == [
            "form.executionScoreMismatch", "form.scoreAboveWeight", "form.indicatorScoreMismatch", "form.totalScoreMismatch",
        ])
        #expect(findings.allSatisfy { $0.severity == .error })
        #expect(findings.map { $0.cells.first?.location.cell } == ["H6", "G7", "G8", "H20"])
        #expect(findings[0].expected == "9.50")
        #expect(findings[2].expected == "25.00")
        #expect(findings[3].expected == "74.50")
    }

    @Test("a below-target indicator without 偏差原因 is reported by check too")
    func missingReason() {
        let findings = check(project(fundsScore: "9.5", total: "54.5", indicators: [
            Make.indicator("a", target: "10", actual: "5", weight: "90", score: "45", row: 9),
        ]))
        #expect(findings.map(\.rule) == ["indicator.belowTargetWithoutReason"])
        #expect(findings.first?.cells.first?.location.cell == "E9")
    }

    @Test("projects without any given score are not checked")
    func unfilled() {
        #expect(check(project(fundsScore: nil, total: nil, indicators: [Make.indicator(target: "1", actual: "0")])).isEmpty)
    }
}
