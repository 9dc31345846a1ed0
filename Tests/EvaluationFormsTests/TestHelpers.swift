import FinanceModel
@testable import EvaluationForms

/// Small builders for hand-made indicators, projects and departments.
enum Make {
    static func q(_ text: String) -> Quantity { Quantity(parsing: text)! }
    static func money(_ text: String) -> Money { Money(parsing: text)! }
    static func rate(_ text: String) -> Rate { Rate(parsing: text)! }

    static func cell(_ a1: String, sheet: String = "绩效指标") -> SourceLocation {
        SourceLocation(file: "项目.xlsx", sheet: sheet, cell: a1)
    }

    static func figure(_ text: String, _ a1: String? = nil, sheet: String = "表") -> Figure {
        Figure(money(text), at: a1.map { cell($0, sheet: sheet) })
    }

    static func indicator(
        _ name: String = "指标", level1: String = "产出指标", direction: IndicatorDirection = .atLeast,
        target: String, actual: String?, weight: String? = "10", score: String? = nil, reason: String = "",
        applicable: Bool = true, row: Int = 5
    ) -> Indicator {
        Indicator(
            projectName: "项目", level1: level1, level2: "数量指标", name: name, source: cell("C\(row)"),
            direction: direction, target: IndicatorValue(parsing: target, source: cell("D\(row)")),
            actual: actual.map { IndicatorValue(parsing: $0, source: cell("E\(row)")) },
            weight: weight.map { Sourced(q($0), at: cell("F\(row)")) },
            score: score.map { Sourced(q($0), at: cell("G\(row)")) }, deviationReason: reason,
            applicable: applicable)
    }

    static var scheme: ProjectScheme { ScoringProfile.shipped.project }

    static func score(_ indicator: Indicator, scheme: ProjectScheme = Make.scheme) -> IndicatorScore {
        IndicatorScorer(scheme: scheme).score(indicator, weight: indicator.weight?.value, owner: "项目")
    }
}
