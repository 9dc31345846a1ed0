import Foundation
import Testing
import FinanceModel
import ReportCheck
import TestSupport

/// The seed report (益阳市资阳区商务局 2020) and variants of it with one figure changed.
@Suite struct SeedReportTests {
    static func seedText() throws -> String {
        try String(contentsOf: Fixtures.url("seed-report.txt"), encoding: .utf8)
    }

    static func check(_ text: String) -> ReportCheckResult {
        ReportCheck.check(ReportDocument(file: "seed-report.txt", text: text))
    }

    @Test func findsTheRoundingDifferenceAndTheTwoRetireeFigures() throws {
        let result = Self.check(try Self.seedText())
        #expect(result.findings.count == 2, "\(result.findings.map { $0.text(english: false) })")

        let rounding = try #require(result.findings.first { $0.finding.rule == "report.partsSum" })
        #expect(rounding.severity == .hint)
        #expect(rounding.finding.expected == "1297.24")
        #expect(rounding.finding.found == "1297.23")
        #expect(rounding.location.line == 43)
        #expect(rounding.location.sentence.hasPrefix("本年支出合计1297.24万元，其中：基本支出885.75万元"))
        #expect(rounding.finding.message.zh.contains("885.75 + 137.38 + 274.1"))

        let retirees = try #require(result.findings.first { $0.finding.rule == "report.sameLabel" })
        #expect(retirees.severity == .warning)
        #expect(retirees.finding.expected == "28.71")
        #expect(retirees.finding.found == "28.87")
        #expect(retirees.location.line == 71)
        #expect(retirees.location.sentence.contains("离退休人员工作经费28.87万元"))
        #expect(retirees.location.section?.hasPrefix("四、支出绩效情况") == true)
        #expect(retirees.related.map(\.line) == [39])
        #expect(retirees.related.first?.sentence.contains("离退休人员经费28.71万元") == true)
        #expect(retirees.related.first?.section?.hasPrefix("2、部门财务情况") == true)
        #expect(result.worstSeverity == .warning)
    }

    @Test func confirmsTheSumsThatAddUp() throws {
        let statements = Self.check(try Self.seedText()).confirmed.map(\.statement)
        for expected in [
            "944.59 = 605.7 + 333.89 + 5（万元）",
            "698.88 = 402.53 + 286.08 + 10.27（万元）",
            "245.71 = 130 + 40 + 10 + 8 + 15 + 2 + 28.71 + 7 + 5（万元）",
            "158.08 = 154.58 + 3.5（万元）",
            "198.87 = 130 + 40 + 28.87（万元）",
            "26.19 = 18.52 + 7.67（万元）",
            "18.52 ÷ 26.19 = 70.71%",
            "7.67 ÷ 26.19 = 29.29%",
            "26.19 − 8.04 = 18.15（万元）",
        ] {
            #expect(statements.contains(expected), "missing confirmation \(expected)")
        }
    }

    @Test func budgetAndFinalAccountsIncomeAreDifferentQuantities() throws {
        // 本年收入合计 944.59 (budget) and 955.77 (final accounts) must not be reported.
        let result = Self.check(try Self.seedText())
        #expect(!result.findings.contains { $0.finding.message.zh.contains("本年收入合计") })
    }

    /// One figure changed, the rule and line that must catch it.
    static let variants: [(from: String, to: String, rule: String, line: Int, severity: Severity)] = [
        ("经费拨款605.7万元", "经费拨款606.7万元", "report.partsSum", 37, .error),
        ("工资福利支出402.53万元", "工资福利支出400.53万元", "report.partsSum", 38, .warning),
        ("湘西对口扶贫15万元", "湘西对口扶贫16万元", "report.partsSum", 39, .error),
        ("年末结转财政拨款274.1万元", "年末结转财政拨款274.5万元", "report.partsSum", 43, .error),
        ("财政拨款收入955.77万元", "财政拨款收入965.77万元", "report.partsSum", 42, .error),
        ("公务接待154.58万元", "公务接待145.58万元", "report.partsSum", 46, .warning),
        ("通用设备18.52万元", "通用设备18.62万元", "report.partsSum", 34, .error),
        ("占70.71%", "占71.70%", "report.percentShare", 34, .warning),
        ("占29.29%", "占29.28%", "report.percentShare", 34, .hint),
        ("净值18.15万元", "净值18.51万元", "report.netValue", 34, .error),
        ("日常招商40万元。", "日常招商45万元。", "report.partsSum", 71, .error),
        ("离退休人员工作经费28.87万元", "离退休人员工作经费28.17万元", "report.partsSum", 71, .warning),
        ("本年收入合计944.59万元", "本年收入合计954.59万元", "report.partsSum", 37, .warning),
    ]

    @Test(arguments: variants.indices)
    func catchesOneChangedFigure(_ index: Int) throws {
        let variant = Self.variants[index]
        let seed = try Self.seedText()
        #expect(seed.components(separatedBy: variant.from).count == 2, "\(variant.from) must occur once")
        let result = Self.check(seed.replacingOccurrences(of: variant.from, with: variant.to))
        let caught = result.findings.filter { $0.finding.rule == variant.rule && $0.location.line == variant.line }
        #expect(caught.contains { $0.severity == variant.severity },
                "\(variant.to): \(result.findings.map { $0.text(english: false) })")
    }

    @Test func theSameLabelTwiceInOneContextIsCaught() throws {
        let seed = try Self.seedText()
        // 重大招商 is 130 in section 二 and in section 四; make section 四 say 150.
        let changed = seed.replacingOccurrences(of: "一是重大招商130万元", with: "一是重大招商150万元")
        let result = Self.check(changed)
        let finding = try #require(result.findings.first {
            $0.finding.rule == "report.sameLabel" && $0.finding.message.zh.contains("重大招商")
        })
        #expect(finding.finding.expected == "130")
        #expect(finding.finding.found == "150")
        #expect(finding.related.map(\.line) == [39])
    }
}
