import Foundation
import Testing

@testable import FinanceModel

@Suite("Subject codes")
struct SubjectCodeTests {
    @Test(
        "function codes in every written form",
        arguments: ["2011308", "201 13 08", "2011308.0", "2011308.00", "２０１１３０８", " 2011308 ", "201-13-08", "201　13　08"])
    func forms(text: String) {
        #expect(FunctionCode(text)?.digits == "2011308")
    }

    @Test("split columns")
    func parts() {
        #expect(FunctionCode(parts: ["201", "13", "08"])?.digits == "2011308")
        #expect(FunctionCode(parts: ["201", "13", "8"])?.digits == "2011308")
        #expect(FunctionCode(parts: ["201.0", "13.0", "8.0"])?.digits == "2011308")
        #expect(FunctionCode(parts: ["201", "13", ""])?.digits == "20113")
        #expect(FunctionCode(parts: ["201"])?.digits == "201")
        #expect(FunctionCode(parts: ["201", "", "08"]) == nil)
        #expect(FunctionCode(parts: ["201", "133", "08"]) == nil)
        #expect(FunctionCode(parts: []) == nil)
        #expect(EconomicCode(parts: ["302", "17"])?.digits == "30217")
        #expect(EconomicCode(parts: ["302", "17", "01"]) == nil)
        #expect(FunctionCode("2011308")?.parts == ["201", "13", "08"])
    }

    @Test("invalid codes", arguments: ["", "20", "2011", "201130", "20113080", "2011308.5", "abc", "201a308", "合计"])
    func invalid(text: String) {
        #expect(FunctionCode(text) == nil)
    }

    @Test("levels, parents and ancestry")
    func hierarchy() throws {
        let item = try #require(FunctionCode("2011308"))
        let section = try #require(FunctionCode("20113"))
        let klass = try #require(FunctionCode("201"))
        #expect(item.level == .item && section.level == .section && klass.level == .class)
        #expect(item.parent == section && section.parent == klass && klass.parent == nil)
        #expect(item.ancestors == [section, klass])
        #expect(klass.isAncestor(of: item) && section.isAncestor(of: item) && klass.isAncestor(of: section))
        #expect(!item.isAncestor(of: item) && !item.isAncestor(of: klass))
        #expect(!(try #require(FunctionCode("20114"))).isAncestor(of: item))
        #expect(item.rolledUp(to: .class) == klass && item.rolledUp(to: .item) == item)
        #expect(klass.rolledUp(to: .section) == nil)
        let economic = try #require(EconomicCode("30217"))
        #expect(economic.level == .section && economic.parent == EconomicCode("302"))
        #expect(EconomicCode("3021701") == nil)
        #expect(economic.basicExpenseGroup == .officeCost)
        #expect(EconomicCode("30301")?.basicExpenseGroup == .personnelCost)
        #expect(EconomicCode("399")?.basicExpenseGroup == nil)
    }

    @Test("roll-up sums finer codes into their ancestors and skips coarser ones")
    func rollUp() throws {
        let rows: [(code: FunctionCode, amount: Money)] = try [
            ("2011301", "402.53"), ("2011308", "130"), ("20113", "999"), ("2080505", "40.5"), ("2101101", "12.25"),
            ("21011", "1"),
        ].map { (try #require(FunctionCode($0.0)), try #require(Money(parsing: $0.1))) }
        let sections = FunctionCode.rollUp(rows, to: .section)
        #expect(sections[try #require(FunctionCode("20113"))] == Money(parsing: "1531.53"))
        #expect(sections[try #require(FunctionCode("20805"))] == Money(parsing: "40.5"))
        #expect(sections[try #require(FunctionCode("21011"))] == Money(parsing: "13.25"))
        let classes = FunctionCode.rollUp(rows.filter { $0.code.level == .item }, to: .class)
        #expect(classes[try #require(FunctionCode("201"))] == Money(parsing: "532.53"))
        #expect(classes.count == 3)
        #expect(FunctionCode.rollUp(rows, to: .item).count == 4)
    }

    @Test("the bundled catalogue names the common codes")
    func catalogue() throws {
        let catalogue = SubjectCatalogue.standard
        let names: [(String, String)] = [
            ("2011308", "招商引资"), ("201", "一般公共服务支出"), ("20113", "商贸事务"), ("2011301", "行政运行"),
            ("2011302", "一般行政管理事务"), ("2080505", "机关事业单位基本养老保险缴费支出"), ("2101101", "行政单位医疗"),
            ("2210201", "住房公积金"),
        ]
        for (code, name) in names {
            #expect(catalogue.name(of: try #require(FunctionCode(code))) == name)
        }
        #expect(catalogue.name(of: try #require(EconomicCode("301"))) == "工资福利支出")
        #expect(catalogue.name(of: try #require(EconomicCode("30217"))) == "公务接待费")
        #expect(catalogue.name(of: try #require(EconomicCode("310"))) == "资本性支出")
        #expect(catalogue.path(of: try #require(FunctionCode("2011308"))) == "一般公共服务支出 › 商贸事务 › 招商引资")
        #expect(catalogue.functionCodes(named: "招商引资") == [FunctionCode("2011308")].compactMap { $0 })
        #expect(catalogue.functionCodes(named: "行政运行").count > 1)
        #expect(catalogue.name(of: try #require(FunctionCode("2019998"))) == nil)
    }

    @Test("a catalogue file with a bad code is refused")
    func badCatalogue() {
        let json = #"{"functionCodes": [{"code": "20", "name": "x"}], "economicCodes": []}"#
        #expect(throws: CatalogueError.self) { try SubjectCatalogue.decode(Data(json.utf8)) }
    }
}

@Suite("Codes inside labels")
struct SubjectCodeLabelTests {
    @Test(
        "a leading code is split off its name",
        arguments: [
            ("2011308 招商引资", "2011308", "招商引资"), ("2011308招商引资", "2011308", "招商引资"),
            ("[2011308]招商引资", "2011308", "招商引资"), ("【201】一般公共服务支出", "201", "一般公共服务支出"),
            ("201 13 08 招商引资", "2011308", "招商引资"), ("  20113　商贸事务", "20113", "商贸事务"), ("2011308", "2011308", ""),
        ])
    func split(label: String, code: String, rest: String) {
        let result = FunctionCode.splitLeading(label)
        #expect(result?.code.digits == code)
        #expect(result?.rest == rest)
    }

    @Test("labels that do not start with a code", arguments: ["合计", "2020年预算", "一、财政拨款收入", "12.5", "[201 招商", "2011 x", ""])
    func noCode(label: String) {
        #expect(FunctionCode.splitLeading(label) == nil)
    }
}
