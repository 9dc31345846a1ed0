import FinanceModel
import Spreadsheet

/// The live formulas of the written forms (FORMS.md §4a): 执行率, 执行率得分, each quantitative indicator's
/// 得分, 总分 and 等级 refer to the cells they depend on, so a spreadsheet recomputes them when a person
/// corrects a figure. Each is written with the tool's exact result as its cached value.
enum FormFormulas {
    /// `A1` text of a zero-based cell.
    static func ref(_ row: Int, _ column: Int) -> String { CellAddress(row: row, column: column).description }

    /// 执行率 = 全年执行数 ÷ 全年预算数.
    static func executionRate(row: Int) -> String { "\(ref(row, 5))/\(ref(row, 4))" }

    /// 执行率得分 = min(执行率, 100 %) × 分值, never below 0, half-up to 2 decimals.
    static func executionScore(row: Int) -> String { "ROUND(\(ref(row, 6))*MIN(MAX(\(ref(row, 7)),0),1),2)" }

    /// An indicator's 得分 from its 实际完成值 (column F) and 分值 (column G) under `rule`.
    static func indicatorScore(_ rule: QuantitativeRule, row: Int) -> String {
        let actual = ref(row, 5), weight = ref(row, 6)
        let body: String
        switch rule {
        case .atLeast(let target):
            body = "IF(\(actual)>=\(target),\(weight),MAX(\(actual),0)/\(target)*\(weight))"
        case .atLeastZeroTarget(let target):
            body = "IF(\(actual)>=\(target),\(weight),0)"
        case .equalZeroTarget:
            body = "IF(\(actual)<=0,\(weight),0)"
        case .atMostLinear(let target):
            body = "IF(\(actual)<=\(target),\(weight),MAX(2-\(actual)/\(target),0)*\(weight))"
        case .atMostRatio(let target):
            body = "IF(\(actual)<=\(target),\(weight),\(target)/\(actual)*\(weight))"
        case .atMostZeroTarget(let target):
            body = "IF(\(actual)<=\(target),\(weight),0)"
        }
        return "ROUND(\(body),2)"
    }

    /// The score cells of a form: the 执行率 row's 得分 (I) and the indicator rows' 得分 (H).
    struct ScoreCells {
        var executionRow: Int
        var firstIndicatorRow: Int
        var lastIndicatorRow: Int

        var executionScore: String { ref(executionRow, 8) }
        var indicatorScores: String { "\(ref(firstIndicatorRow, 7)):\(ref(lastIndicatorRow, 7))" }
        var indicatorWeights: String { "\(ref(firstIndicatorRow, 6)):\(ref(lastIndicatorRow, 6))" }

        /// Σ 分值 of the rows whose 得分 is a number.
        var scoredWeight: String {
            "SUMIF(\(executionScore),\">=0\",\(ref(executionRow, 6)))+SUMIF(\(indicatorScores),\">=0\",\(indicatorWeights))"
        }

        /// 总分 = Σ 得分 of the scored rows; empty when nothing is scored.
        var total: String {
            "IF(COUNT(\(executionScore),\(indicatorScores))=0,\"\",ROUND(SUM(\(executionScore),\(indicatorScores)),2))"
        }

        /// 等级 when every point is scored, else the scored and full weights and 不评级.
        func grade(totalCell: String, fullWeight: Quantity, bands: GradeBands) -> String {
            let grade = "IF(\(totalCell)>=\(bands.excellent),\"优\",IF(\(totalCell)>=\(bands.good),\"良\","
                + "IF(\(totalCell)>=\(bands.fair),\"中\",\"差\")))"
            return "IF(ISNUMBER(\(totalCell)),IF(ROUND(\(scoredWeight),2)=\(fullWeight),\"等级：\"&\(grade),"
                + "\"（已评分值 \"&TEXT(\(scoredWeight),\"0.00\")&\" / 满分 \(fullWeight.formatted(decimals: 2))，不评级）\"),"
                + "\"未评分，不评级\")"
        }
    }

    /// The cached text of the 等级 cell, as `grade(totalCell:fullWeight:bands:)` computes it.
    static func gradeText(_ tally: ScoreTally) -> String {
        guard tally.totalScore != nil else { return "未评分，不评级" }
        if let grade = tally.grade { return "等级：\(grade.chinese)" }
        return "（已评分值 \(tally.scoredWeight.formatted(decimals: 2)) / 满分 \(tally.fullWeight.formatted(decimals: 2))，不评级）"
    }

    /// A number format showing a bare number with its sign and unit ("≥" General "亿元"), so the cell stays
    /// a number formulas can use.
    static func numberFormat(sign: IndicatorDirection?, unit: String) -> String? {
        let prefix = sign.map { $0 == .qualitative ? "" : $0.symbol } ?? ""
        guard !prefix.isEmpty || !unit.isEmpty else { return nil }
        func quoted(_ text: String) -> String { text.isEmpty ? "" : "\"" + text.replacingQuotes + "\"" }
        return quoted(prefix) + "General" + quoted(unit)
    }
}

extension String {
    fileprivate var replacingQuotes: String { String(map { $0 == "\"" ? "'" : $0 }) }
}
