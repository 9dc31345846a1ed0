import Testing

@testable import FinanceModel

@Suite("Indicators and findings")
struct IndicatorTests {
    @Test(
        "values as written",
        arguments: [
            ("≥97.62亿元", IndicatorDirection?.some(.atLeast), "97.62", "亿元"),
            ("100%", nil, "100", "%"),
            ("＝100％", .equal, "100", "％"),
            ("46个", nil, "46", "个"),
            ("≤ 5 天", .atMost, "5", "天"),
            ("<=3", .atMost, "3", ""),
            ("１，２００人次", nil, "1200", "人次"),
        ])
    func values(text: String, direction: IndicatorDirection?, number: String, unit: String) {
        let value = IndicatorValue(parsing: text, source: nil)
        #expect(value.direction == direction)
        #expect(value.number?.description == number)
        #expect(value.unit == unit)
        #expect(value.text == text.trimmingSpaces)
    }

    @Test("qualitative values keep their text and no number", arguments: ["达成", "较好", "有所提升", "", "-", "—", "无"])
    func qualitative(text: String) {
        let value = IndicatorValue(parsing: text, source: nil)
        #expect(value.number == nil)
        #expect(value.unit == "")
    }

    @Test("directions and categories from their labels")
    func labels() {
        #expect(IndicatorDirection(text: "≥") == .atLeast)
        #expect(IndicatorDirection(text: " 反向 ") == .atMost)
        #expect(IndicatorDirection(text: "＝") == .equal)
        #expect(IndicatorDirection(text: "定性") == .qualitative)
        #expect(IndicatorDirection(text: "其他") == nil)
        #expect(IndicatorCategory(level1: "产出指标") == .output)
        #expect(IndicatorCategory(level1: "效益指标") == .effect)
        #expect(IndicatorCategory(level1: "满意度指标") == .satisfaction)
        #expect(IndicatorCategory(level1: "总分") == nil)
        let indicator = Indicator(
            level1: "产出指标", level2: "数量指标", name: "新签约项目", source: nil, direction: .atLeast,
            target: IndicatorValue(parsing: "≥40个", source: nil))
        #expect(indicator.unit == "个" && indicator.category == .output && indicator.applicable)
    }

    @Test("severities order and read in both languages")
    func severities() {
        #expect(Severity.hint < .warning && Severity.warning < .error)
        #expect(Severity.allCases.map(\.label.zh) == ["提示", "警告", "错误"])
    }

    @Test("a finding prints rule, message, expected/found and its cells")
    func findingText() {
        let finding = Finding(
            severity: .hint, rule: "summary.grandTotalBalance",
            message: LocalizedText(zh: "收支总计相差 0.01，属四舍五入差异。", en: "The totals differ by 0.01, a rounding difference."),
            cells: [CitedCell(FinanceModel.SourceLocation(file: "决算.xlsx", sheet: "总表", cell: "D20"), value: "1297.23")],
            expected: "1297.24", found: "1297.23")
        #expect(
            finding.text(english: false)
                == "提示 [summary.grandTotalBalance] 收支总计相差 0.01，属四舍五入差异。（应为 1297.24，实为 1297.23） — 单元格：决算.xlsx › 总表 › D20 = 1297.23")
        #expect(finding.text(english: true).hasPrefix("hint [summary.grandTotalBalance] The totals differ"))
        #expect(finding.text(english: true).contains("(expected 1297.24, found 1297.23)"))
    }
}
