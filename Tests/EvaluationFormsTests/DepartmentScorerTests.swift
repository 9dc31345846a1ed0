import Foundation
import FinanceModel
import Testing
@testable import EvaluationForms

@Suite("Department form: common indicators (FORMS.md §4) and the default profile")
struct DepartmentScorerTests {
    var scored: DepartmentScore {
        DepartmentScorer(profile: .sheet2018).score(HandBuilt.department.normalised(to: .tenThousandYuan))
    }

    func indicator(_ name: String) -> CommonIndicatorResult? {
        scored.commonIndicators.first { $0.name == name }
    }

    @Test("预算完成率 and 预算调整率 use the 全年预算数 of the 元 table, converted exactly")
    func completionAndAdjustment() throws {
        let completion = try #require(indicator("预算完成率"))
        #expect(completion.value == Make.money("1023.13").ratio(to: Make.money("1050")))
        #expect(completion.inputs.map(\.value) == ["1023.13", "1050"])
        #expect(completion.inputs.last?.source?.cell == "K20")
        #expect(completion.formula == "决算支出 ÷ 全年预算数")
        // 97.44 %: 2.56 points short × 0.4 = 1.02 (1.0240…) deducted from 8.
        #expect(completion.score == Make.q("6.98"))
        let adjustment = try #require(indicator("预算调整率"))
        // (1050 − 944.59 − 年初结转和结余 341.47) ÷ 944.59: carried-in funds are not an adjustment.
        #expect(adjustment.value?.formatted(decimals: 4) == "-0.2499")
        #expect(adjustment.formula.contains("年初结转和结余"))
        #expect(adjustment.score == Make.q("2"))
    }

    @Test("without a 全年预算数 the completion rate is 无法计算, never computed from the 年初预算数")
    func noAdjustedBudget() throws {
        var department = HandBuilt.department
        department.tables.removeAll { $0.info.title == "收入支出决算总表" }
        let scored = DepartmentScorer(profile: .shipped).score(department)
        let completion = try #require(scored.commonIndicators.first { $0.id == .budgetCompletionRate })
        #expect(completion.value == nil)
        #expect(completion.score == nil)
        #expect(completion.reason?.zh.contains("没有表给出全年预算数") == true)
        #expect(scored.commonIndicators.first { $0.id == .carryoverRate }?.value == nil)
        // The expense table's 决算数 is still there: the reason names the missing budget, not the actual.
        #expect(completion.inputs.map(\.value) == ["1023.13"])
    }

    @Test("both 年初 and 调整后 三公 budgets give two control rates")
    func threePublicBoth() throws {
        let initial = try #require(indicator("“三公经费”控制率（年初）"))
        let adjusted = try #require(indicator("“三公经费”控制率（调整后）"))
        #expect(initial.value?.formatted(decimals: 4) == "0.4925")
        #expect(adjusted.value?.formatted(decimals: 4) == "0.9996")
        #expect(adjusted.formula.contains("调整后"))
        let change = try #require(indicator("“三公经费”变动率"))
        #expect(change.value?.formatted(decimals: 4) == "-0.1919")
    }

    @Test("only a 年初 三公 budget gives one control rate whose formula says 年初")
    func threePublicInitialOnly() throws {
        var department = HandBuilt.department
        department.tables.removeAll { $0.info.title == "财政拨款“三公”经费支出决算表" }
        let scored = DepartmentScorer(profile: .shipped).score(department)
        let rates = scored.commonIndicators.filter { $0.id == .threePublicControlRate }
        #expect(rates.count == 1)
        #expect(rates.first?.value == nil)
        #expect(rates.first?.formula.contains("年初预算数") == true)
        #expect(scored.commonIndicators.first { $0.id == .threePublicChangeRate }?.reason != nil)
    }

    @Test("公用经费控制率 divides by the 年初 budget when no 全年 figure exists, and says so")
    func officeCost() throws {
        let office = try #require(indicator("公用经费控制率"))
        #expect(office.formula == "公用经费决算数 ÷ 公用经费年初预算数")
        #expect(office.value?.formatted(decimals: 4) == "1.0491")
        #expect(office.score == nil)
    }

    @Test("staff, fixed assets, carry-over")
    func facts() throws {
        #expect(indicator("在职人员控制率")?.value == Rate.one)
        #expect(indicator("固定资产利用率")?.value?.formatted(decimals: 4) == "0.9355")
        #expect(indicator("结转结余变动率")?.value?.formatted(decimals: 4) == "-0.1973")
        #expect(indicator("结转结余率")?.value?.formatted(decimals: 4) == "0.2610")
    }

    @Test("2018 sheet: 执行率 not scored (预算完成率 is the same ratio); the total is Σ 得分, not rescaled, not graded")
    func total2018() {
        let s = scored
        #expect(s.execution.score == nil)
        #expect(s.execution.rate != nil)
        // completion 6.98 + adjustment (see completionAndAdjustment) + the specific indicator's own 分值 20.
        #expect(s.specificIndicators.map(\.score) == [Make.q("20")])
        let adjustment = s.commonIndicators.first { $0.id == .budgetAdjustmentRate }?.score ?? .zero
        #expect(s.scoredWeight == Make.q("36"))
        #expect(s.fullWeight == Make.q("100"))
        #expect(s.totalScore == Make.q("26.98").adding(adjustment))
        #expect(s.grade == nil)
        #expect(s.findings.contains { $0.rule == "部门整体不评级" })
    }

    @Test("default profile: 执行率 10 scored once, common indicators only listed, own indicators share 90")
    func totalDefault() {
        let s = DepartmentScorer(profile: .shipped).score(HandBuilt.department.normalised(to: .tenThousandYuan))
        #expect(s.execution.score == Make.q("9.74"))
        #expect(s.commonIndicators.allSatisfy { $0.score == nil })
        #expect(s.commonIndicators.first { $0.id == .budgetCompletionRate }?.scoring.contains("同一比率") == true)
        #expect(s.fullWeight == Make.q("100"))
        #expect(s.grade == nil)
        #expect(s.totalScore != nil)
    }

    @Test("value rules: deduct per point and bands")
    func valueRules() {
        let deduct = ValueRule.deductPerPoint(reference: .one, side: .below, pointsPerPercentagePoint: Make.q("0.4"))
        #expect(deduct.score(Make.rate("100%"), weight: Make.q("8"))?.score == Make.q("8"))
        #expect(deduct.score(Make.rate("95%"), weight: Make.q("8"))?.score == Make.q("6"))
        #expect(deduct.score(Make.rate("50%"), weight: Make.q("8"))?.score == .zero)
        let bands = ScoringProfile.sheet2018.department.rule(for: .budgetAdjustmentRate)!.rule
        #expect(bands.score(.zero, weight: Make.q("8"))?.score == Make.q("8"))
        #expect(bands.score(Make.rate("10%"), weight: Make.q("8"))?.score == Make.q("6"))
        #expect(bands.score(Make.rate("-10.01%"), weight: Make.q("8"))?.score == Make.q("4"))
        #expect(bands.score(Make.rate("31%"), weight: Make.q("8"))?.score == .zero)
        #expect(ValueRule.none.score(.one, weight: Make.q("8")) == nil)
    }
}

@Suite("Scoring profile file")
struct ProfileTests {
    @Test("the built-in profiles decode, total 100 and are named in words")
    func shipped() throws {
        let profile = ScoringProfile.shipped
        #expect(profile.project.executionWeight == Make.q("10"))
        #expect(profile.project.categoryWeights[.output] == Make.q("50"))
        #expect(profile.project.reverseScoring == .linear)
        #expect(profile.department.fullWeight == Make.q("100"))
        #expect(ScoringProfile.sheet2018.department.fullWeight == Make.q("100"))
        #expect(ScoringProfile.sheet2018.department.rule(for: .budgetCompletionRate)?.weight == Make.q("8"))
        #expect(ScoringProfile.sheet2018.department.executionWeight.isZero)
        #expect(try ScoringProfile.resolve("2018-sheet") == .sheet2018)
        #expect(try ScoringProfile.resolve("default") == .shipped)
        #expect(try ScoringProfile.resolve(nil) == .shipped)
        #expect(ScoringProfile.builtInList().contains("2018-sheet"))
        for (_, p) in ScoringProfile.builtIn { #expect(!p.name.contains("+") && !p.name.contains(p.id)) }
    }

    @Test("a profile that scores 执行率 and 预算完成率 both is refused")
    func sameRatioTwice() throws {
        var profile = ScoringProfile.sheet2018
        profile.department.executionWeight = Make.q("10")
        let data = try JSONEncoder().encode(profile)
        let error = #expect(throws: FormsError.self) { _ = try ScoringProfile.decode(data, file: "p.json") }
        #expect(error?.message.zh.contains("同一比率") == true)
    }

    @Test("an invalid profile names the JSON path")
    func invalid() throws {
        let text = #"{"id":"x","name":"x","description":"","sources":[],"project":{"executionWeight":"ten"}}"#
        let error = #expect(throws: FormsError.self) {
            _ = try ScoringProfile.decode(Array(text.utf8).withUnsafeBytes { Data($0) }, file: "p.json")
        }
        #expect(error?.message.zh.contains("p.json") == true)
        #expect(error?.message.zh.contains("executionWeight") == true)
    }

    @Test("a profile round-trips through JSON")
    func roundTrip() throws {
        let data = try JSONEncoder().encode(ScoringProfile.shipped)
        #expect(try ScoringProfile.decode(data, file: "x.json") == ScoringProfile.shipped)
    }
}
