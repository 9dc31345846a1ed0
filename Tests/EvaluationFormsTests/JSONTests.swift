import FinanceModel
import Foundation
import Testing
@testable import EvaluationForms

@Suite("forms --json document")
struct JSONTests {
    func document(_ department: Department) throws -> [String: Any] {
        let text = FormsEvaluator.evaluate(department, profile: .shipped).jsonDocument().rendered()
        return try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test("keys, exact amounts, rates to 4 decimals, scores to 2, grades in English")
    func shape() throws {
        let doc = try document(HandBuilt.department)
        #expect(doc["profile"] as? String == ScoringProfile.shipped.id)
        let department = try #require(doc["department"] as? [String: Any])
        #expect(department["name"] as? String == "示例局")
        #expect(department["year"] as? Int == 2020)
        // Default profile: 执行率 9.74 + the own indicator (weight given 20 of 90): not every point scored.
        #expect(department["totalScore"] as? String == "29.74")
        #expect(department["scoredWeight"] as? String == "30.00")
        #expect(department["fullWeight"] as? String == "100.00")
        #expect(department["grade"] is NSNull)
        #expect(department["rawScore"] == nil)
        let indicators = try #require(department["indicators"] as? [[String: Any]])
        let completion = try #require(indicators.first { $0["name"] as? String == "预算完成率" })
        #expect(completion["value"] as? String == "0.9744")
        #expect(completion["weight"] as? String == "0.00")
        #expect(completion["score"] is NSNull)
        let inputs = try #require(completion["inputs"] as? [[String: Any]])
        #expect(inputs.map { $0["value"] as? String } == ["1023.13", "1050"])
        #expect(inputs.last?["source"] as? String == "示例.xlsx › Z01 › K20")

        let projects = try #require(doc["projects"] as? [[String: Any]])
        let first = try #require(projects.first)
        #expect(first["adjustedBudget"] as? String == "140")
        #expect(first["actual"] as? String == "130.5")
        #expect(first["executionRate"] as? String == "0.9321")
        #expect(first["executionScore"] as? String == "9.32")
        let rows = try #require(first["indicators"] as? [[String: Any]])
        #expect(rows.first?["direction"] as? String == "atLeast")
        #expect(rows.first?["score"] as? String == "22.20")
        #expect((rows.first?["warnings"] as? [String])?.count == 1)
        // 维稳经费: 全年预算数 0 → rate null with a reason, and an error finding.
        let second = try #require(projects.last)
        #expect(second["executionRate"] is NSNull)
        #expect(second["reason"] as? String == "全年预算数为 0")
        let findings = try #require(doc["findings"] as? [[String: Any]])
        #expect(findings.contains { $0["rule"] as? String == "全年预算数为零" && $0["severity"] as? String == "error" })
    }

    @Test("an indicator that cannot be computed has value null and a reason")
    func notComputable() throws {
        var department = HandBuilt.department
        department.facts?.priorYearThreePublic = nil
        let doc = try document(department)
        let indicators = try #require((doc["department"] as? [String: Any])?["indicators"] as? [[String: Any]])
        let change = try #require(indicators.first { $0["name"] as? String == "“三公经费”变动率" })
        #expect(change["value"] is NSNull)
        #expect(change["score"] is NSNull)
        #expect(change["reason"] as? String == "没有上年“三公”经费决算数")
    }
}
