import FinanceModel
import Testing
@testable import EvaluationForms

@Suite("Indicator scoring (FORMS.md §3)")
struct IndicatorScorerTests {
    @Test("positive: met gives the full weight, short gives actual/target × weight")
    func positive() {
        #expect(Make.score(Make.indicator(target: "≥46个", actual: "46个")).score == Make.q("10"))
        let short = Make.score(Make.indicator(target: "200", actual: "148", reason: "疫情影响"))
        #expect(short.score == Make.q("7.4"))
        #expect(short.findings.isEmpty)
    }

    @Test("below target without 偏差原因 warns with the actual's cell; with a reason it does not")
    func belowTargetWithoutReason() {
        let scored = Make.score(Make.indicator(target: "200", actual: "148", row: 9))
        #expect(scored.score == Make.q("7.4"))
        #expect(scored.findings.map(\.rule) == ["未达标无偏差原因"])
        #expect(scored.findings.first?.severity == .warning)
        #expect(scored.findings.first?.cells.first?.location.cell == "E9")
        #expect(scored.warnings.count == 1)
    }

    @Test("actual 0 against a positive target scores 0 and warns")
    func actualZero() {
        let scored = Make.score(Make.indicator(target: "5", actual: "0"))
        #expect(scored.score == .zero)
        #expect(scored.findings.map(\.rule) == ["未达标无偏差原因"])
    }

    @Test("target 0 with '=': full only if actual ≤ 0")
    func equalZeroTarget() {
        #expect(Make.score(Make.indicator(direction: .equal, target: "=0", actual: "0")).score == Make.q("10"))
        #expect(Make.score(Make.indicator(direction: .equal, target: "0", actual: "-1")).score == Make.q("10"))
        let missed = Make.score(Make.indicator(direction: .equal, target: "0", actual: "1"))
        #expect(missed.score == .zero)
        #expect(missed.findings.map(\.rule) == ["未达标无偏差原因"])
    }

    @Test("target 0 with '≥': any actual ≥ 0 is met")
    func positiveZeroTarget() {
        #expect(Make.score(Make.indicator(target: "0", actual: "0")).score == Make.q("10"))
    }

    @Test("equal with a positive target scores like positive")
    func equalPositiveTarget() {
        #expect(Make.score(Make.indicator(direction: .equal, target: "100%", actual: "100%")).score == Make.q("10"))
        #expect(Make.score(Make.indicator(direction: .equal, target: "100%", actual: "90%", reason: "x")).score == Make.q("9"))
    }

    @Test("over-achievement above 120 % warns and never deducts")
    func overAchievement() {
        let scored = Make.score(Make.indicator(target: "≥10亿元", actual: "97.62亿元"))
        #expect(scored.score == Make.q("10"))
        #expect(scored.findings.map(\.rule) == ["超额完成"])
        #expect(scored.warnings.count == 1)
        #expect(Make.score(Make.indicator(target: "100", actual: "120")).findings.isEmpty)
    }

    @Test("reverse linear: ≤ target full, linear to 0 at 2 × target")
    func reverseLinear() {
        #expect(Make.score(Make.indicator(direction: .atMost, target: "≤10", actual: "10")).score == Make.q("10"))
        #expect(Make.score(Make.indicator(direction: .atMost, target: "10", actual: "15", reason: "x")).score == Make.q("5"))
        #expect(Make.score(Make.indicator(direction: .atMost, target: "10", actual: "20", reason: "x")).score == .zero)
        #expect(Make.score(Make.indicator(direction: .atMost, target: "10", actual: "35", reason: "x")).score == .zero)
        #expect(Make.score(Make.indicator(direction: .atMost, target: "0", actual: "0")).score == Make.q("10"))
        #expect(Make.score(Make.indicator(direction: .atMost, target: "0", actual: "2", reason: "x")).score == .zero)
    }

    @Test("reverse ratio variant: target / actual × weight")
    func reverseRatio() {
        var scheme = Make.scheme
        scheme.reverseScoring = .ratio
        let scored = Make.score(Make.indicator(direction: .atMost, target: "10", actual: "30", reason: "x"), scheme: scheme)
        #expect(scored.score == Make.q("3.33"))
        #expect(Make.score(Make.indicator(direction: .atMost, target: "10", actual: "8"), scheme: scheme).score == Make.q("10"))
    }

    @Test("rounding half-up at .005")
    func roundingHalfUp() {
        // 20.1 / 200 × 10 = 1.005 → 1.01; 20.09 / 200 × 10 = 1.0045 → 1.00.
        #expect(Make.score(Make.indicator(target: "200", actual: "20.1", reason: "x")).score == Make.q("1.01"))
        #expect(Make.score(Make.indicator(target: "200", actual: "20.09", reason: "x")).score == Make.q("1"))
        // 0.125 × 10 ÷ … : 2.5 / 200 × 10 = 0.125 → 0.13.
        #expect(Make.score(Make.indicator(target: "200", actual: "2.5", reason: "x")).score == Make.q("0.13"))
    }

    @Test("qualitative defaults: 达成 100 %, 部分达成 70 %, 未达成 50 %")
    func qualitativeDefaults() {
        func score(_ actual: String) -> Quantity? {
            Make.score(Make.indicator(level1: "效益指标", direction: .qualitative, target: "达成年度指标", actual: actual, reason: "r")).score
        }
        #expect(score("达成年度指标") == Make.q("10"))
        #expect(score("部分达成年度指标并具有一定效果") == Make.q("7"))
        #expect(score("未达成年度指标且效果较差") == Make.q("5"))
        #expect(Make.score(Make.indicator(direction: .qualitative, target: "明显提升", actual: "明显提升")).score == Make.q("10"))
        let unclear = Make.score(Make.indicator(direction: .qualitative, target: "明显提升", actual: "还行"))
        #expect(unclear.score == nil)
        #expect(unclear.undetermined)
        #expect(unclear.findings.map(\.rule) == ["定性结果无法判定"])
    }

    @Test("qualitative: a given score is checked against its band; boundary ownership is a setting")
    func qualitativeBands() {
        func scored(_ actual: String, given: String, boundary: BoundaryOwnership) -> IndicatorScore {
            var scheme = Make.scheme
            scheme.qualitative.boundary = boundary
            return Make.score(
                Make.indicator(direction: .qualitative, target: "达成", actual: actual, score: given, reason: "r"),
                scheme: scheme)
        }
        // 8 of 10 = 80 %: 达成 when the upper band owns the boundary, 部分达成 when the lower one does.
        #expect(scored("达成", given: "8", boundary: .upper).score == Make.q("8"))
        #expect(scored("达成", given: "8", boundary: .upper).findings.isEmpty)
        let lower = scored("达成", given: "8", boundary: .lower)
        #expect(lower.score == Make.q("10"))
        #expect(lower.findings.map(\.rule) == ["定性得分超出档次"])
        #expect(scored("部分达成", given: "8", boundary: .lower).score == Make.q("8"))
        // 6 of 10 = 60 %.
        #expect(scored("部分达成", given: "6", boundary: .upper).score == Make.q("6"))
        #expect(scored("未达成", given: "6", boundary: .lower).score == Make.q("6"))
        #expect(scored("未达成", given: "6", boundary: .upper).score == Make.q("5"))
        // Just inside: 7.99 is 部分达成 either way; 5.99 is 未达成 either way.
        #expect(scored("部分达成", given: "7.99", boundary: .upper).findings.isEmpty)
        #expect(scored("未达成", given: "5.99", boundary: .upper).findings.isEmpty)
        #expect(!scored("达成", given: "7.99", boundary: .upper).findings.isEmpty)
    }

    @Test("missing actual, non-numeric target and unit mismatch are findings, scored 0")
    func malformed() {
        #expect(Make.score(Make.indicator(target: "46", actual: nil)).findings.map(\.rule) == ["指标缺实际值"])
        #expect(Make.score(Make.indicator(target: "较好", actual: "很多")).findings.map(\.rule) == ["指标值非数字"])
        let units = Make.score(Make.indicator(target: "10亿元", actual: "9万元"))
        #expect(units.score == .zero)
        #expect(units.findings.map(\.rule) == ["指标单位不一致"])
        #expect(units.findings.first?.severity == .error)
        #expect(Make.score(Make.indicator(target: "100%", actual: "100％")).score == Make.q("10"))
    }

    @Test("a not-applicable indicator has no score")
    func notApplicable() {
        let scored = Make.score(Make.indicator(target: "1", actual: "0", applicable: false))
        #expect(scored.score == nil)
        #expect(scored.findings.isEmpty)
    }
}
