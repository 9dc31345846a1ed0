import Testing
import FinanceModel
@testable import ReportCheck

/// Figures, labels, bases and headings on small texts.
@Suite struct TextModelTests {
    static func amounts(_ text: String) -> [TextAmount] {
        AmountScanner.amounts(in: ReportDocument(file: "t.txt", text: text))
    }

    @Test func unitsAndExactValues() {
        let found = Self.amounts("引进资金97.62亿元；实际利用外资6228万美元；完成532.2 万美元；进出口4.8亿美元，增长25.5%，增速-2.6%，补助1,234.56元。")
        #expect(found.map(\.text) == ["97.62亿元", "6228万美元", "532.2 万美元", "4.8亿美元", "25.5%", "-2.6%", "1,234.56元"])
        #expect(found.map(\.unit) == [.hundredMillionYuan, .tenThousandDollars, .tenThousandDollars, .hundredMillionDollars, .percent, .percent, .yuan])
        #expect(found[5].value == Money(units: -2, hundredths: 60))
        #expect(found[6].value == Money(units: 1234, hundredths: 56))
        #expect(found[0].decimals == 2)
    }

    @Test func numbersWithoutAUnitAreNoFigures() {
        #expect(Self.amounts("2020年1-12月，开展“3.5学雷锋”，年产4.8亿片，30000个口罩，2021年11月2日。").isEmpty)
    }

    @Test func approximateFigures() {
        let found = Self.amounts("拨付资金120余万元；补贴57万余元；在家接待客商110多万元。")
        #expect(found.count == 3)
        #expect(found.allSatisfy { $0.isApproximate })
        #expect(found.map(\.unit) == [.tenThousandYuan, .tenThousandYuan, .tenThousandYuan])
    }

    @Test func labelsAreCleaned() {
        let found = Self.amounts("2020年度年初公共预算财政拨款\"三公\"经费支出158.08万元，其中：公务接待154.58万元。三是离退休人员工作经费28.87万元。")
        #expect(found.map(\.label) == ["年初公共预算财政拨款三公经费支出", "公务接待", "离退休人员工作经费"])
    }

    @Test func basisComesFromTheSentenceThenTheHeadings() {
        let text = """
        二、部门财务情况
        （一）部门支出预算情况
        本年收入合计944.59万元。
        （二）部门预算收支决算情况
        本年收入合计955.77万元。
        （三）三公经费
        年初公共预算三公经费158.08万元，调整预算公共预算财政拨款77.89万元，决算支出公共预算财政拨款77.86万元，其中：公务接待77.86万元。
        3、项目绩效目标完成情况
        合同引资140亿元。
        """
        let found = Self.amounts(text)
        #expect(found.map(\.basis) == [.budget, .finalAccounts, .budget, .adjustedBudget, .finalAccounts, .finalAccounts, .unknown])
    }

    @Test func headingsNestByFirstAppearanceAndATypoContinuesTheTopLevel() {
        let text = """
        一、部门概述
        1、部门职能
        （一）贯彻执行国家内外贸易政策，拟定措施。
        2、人员情况
        3、固定资产情况
        2、 部门财务情况
        （一）部门支出预算情况
        1、基本支出698.88万元。
        三、部门财政支出管理情况
        """
        let document = ReportDocument(file: "t.txt", text: text)
        let paths = document.paragraphs.map { $0.headings.map(\.number) }
        #expect(paths == [[1], [1, 1], [1, 1, 1], [1, 2], [1, 3], [2], [2, 1], [2, 1, 1], [3]])
        #expect(document.paragraphs[6].sectionDescription == "2、部门财务情况 › （一）部门支出预算情况")
        // A long enumerated paragraph is no title.
        #expect(document.paragraphs[2].headings.last?.title == "")
    }

    @Test func nearIdenticalLabels() {
        #expect(LabelConsistencyCheck.sameLabel("离退休人员经费", "离退休人员工作经费"))
        #expect(LabelConsistencyCheck.sameLabel("基本支出", "基本支出"))
        #expect(!LabelConsistencyCheck.sameLabel("上年末结转财政拨款", "年末结转财政拨款"))
        #expect(!LabelConsistencyCheck.sameLabel("项目支出", "专项预算项目支出"))
        #expect(!LabelConsistencyCheck.sameLabel("工资福利支出", "商品和服务支出"))
        #expect(!LabelConsistencyCheck.sameLabel("其他收入", "其他工作收入经费"))
    }

    @Test func aPartialSinglePartIsNoFindingButTwoShortPartsAreAWarning() {
        let one = ReportCheck.check(ReportDocument(file: "t.txt", text: "预算：合同资金140万元，其中省级资金100万元。"))
        #expect(one.findings.isEmpty)
        let two = ReportCheck.check(ReportDocument(file: "t.txt", text: "预算：支出合计140万元，其中：甲100万元，乙30万元。"))
        #expect(two.findings.map(\.severity) == [.warning])
        #expect(two.findings.first?.finding.found == "130")
    }
}

@Suite struct MarkdownTests {
    @Test func markdownMarksDoNotHideFiguresOrHeadings() {
        let text = """
        ## 二、部门财务情况
        ### （一）部门支出预算情况
        - **本年收入合计944.59万元**，其中：经费拨款605.7万元，非税收入拨款333.89万元，其他收入5万元。
        """
        let document = ReportDocument(file: "r.md", text: text)
        #expect(document.paragraphs[2].sectionDescription == "二、部门财务情况 › （一）部门支出预算情况")
        let result = ReportCheck.check(document)
        #expect(result.findings.isEmpty)
        #expect(result.confirmed.map(\.statement) == ["944.59 = 605.7 + 333.89 + 5（万元）"])
    }
}

@Suite struct PhrasingTests {
    static func check(_ text: String) -> ReportCheckResult { ReportCheck.check(ReportDocument(file: "t.txt", text: text)) }

    @Test func changesAgainstLastYearAreNoParts() {
        let result = Self.check("预算：本年支出合计1000万元，比上年增加50万元，其中：基本支出600万元，比上年增加20万元，项目支出400万元，比上年增加30万元。")
        #expect(result.findings.isEmpty, "\(result.findings.map { $0.text(english: false) })")
        #expect(result.confirmed.map(\.statement) == ["1000 = 600 + 400（万元）"])
    }

    @Test func aShareOfAnotherBaseIsNotChecked() {
        let result = Self.check("预算：支出合计100万元，其中：甲60万元，占全区同类支出的30%；乙40万元，占40%。")
        #expect(result.findings.isEmpty)
        #expect(result.confirmed.map(\.statement).contains("40 ÷ 100 = 40.00%") == false)
        #expect(result.confirmed.map(\.statement).contains("40 ÷ 100 = 40%"))
    }

    @Test func englishMessages() throws {
        let result = Self.check("预算：支出合计100万元，其中：甲60万元，乙50万元。")
        let finding = try #require(result.findings.first)
        #expect(finding.severity == .error)
        #expect(finding.text(english: true).hasPrefix("t.txt:1 (paragraph 1): error [report.partsSum] the parts 60 + 50 add up to 110"))
    }
}

@Suite struct BreakdownPhrasingTests {
    static func statements(_ text: String) -> (findings: [ReportFinding], confirmed: [String]) {
        let result = ReportCheck.check(ReportDocument(file: "t.txt", text: text))
        return (result.findings, result.confirmed.map(\.statement))
    }

    @Test func twoBreakdownsInOneSentence() {
        let (findings, confirmed) = Self.statements("预算：本年收入合计100万元，其中：财政拨款80万元，其他收入20万元；本年支出合计100万元，其中：基本支出70万元，项目支出30万元。")
        #expect(findings.isEmpty, "\(findings.map { $0.text(english: false) })")
        #expect(confirmed == ["100 = 80 + 20（万元）", "100 = 70 + 30（万元）"])
    }

    @Test func aBracketedBreakdownInsideABreakdown() {
        let (findings, confirmed) = Self.statements("预算：支出合计100万元，其中：基本支出70万元（其中：人员经费50万元，公用经费20万元），项目支出30万元。")
        #expect(findings.isEmpty, "\(findings.map { $0.text(english: false) })")
        #expect(Set(confirmed) == ["100 = 70 + 30（万元）", "70 = 50 + 20（万元）"])
    }

    @Test func aWrongBracketedPartIsCaughtAtItsLevel() {
        let (findings, _) = Self.statements("预算：支出合计100万元，其中：基本支出70万元（其中：人员经费50万元，公用经费25万元），项目支出30万元。")
        #expect(findings.map(\.finding.expected) == ["70"])
        #expect(findings.map(\.severity) == [.error])
    }
}
