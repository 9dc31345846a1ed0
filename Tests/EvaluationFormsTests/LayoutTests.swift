import FinanceModel
import Spreadsheet
import Testing
import TestSupport
@testable import EvaluationForms

@Suite("Forms layout")
struct LayoutTests {
    var report: FormsReport { FormsEvaluator.evaluate(HandBuilt.department, profile: .shipped) }

    @Test("golden: the forms workbook of the hand-built department (cells, merges, styles, layout)")
    func golden() throws {
        SnapshotCheck.assert(TextDump.dumpWithLayout(FormsWorkbook.build(report)), named: "hand-built-forms.txt", folder: "Golden")
    }

    @Test("sheets: department form, one per project, 评分汇总, 检查结果")
    func sheets() {
        let workbook = FormsWorkbook.build(report)
        #expect(workbook.sheets.map(\.name) == [
            "部门整体支出绩效自评表", "日常招商引资工作经费（含外商直接投资等多项指标的长名称项目）专", "维稳经费", "评分汇总", "检查结果",
        ])
        #expect(workbook.sheets.allSatisfy { $0.name.utf16.count <= 31 })
    }

    @Test("the project form follows the national layout")
    func projectForm() throws {
        let sheet = try #require(FormsWorkbook.build(report).sheets.dropFirst().first)
        #expect(sheet[CellAddress("A1")!] == .text("项目支出绩效自评表"))
        #expect(sheet[CellAddress("A2")!] == .text("（2020年度）"))
        #expect(sheet[CellAddress("A5")!] == .text("项目资金（万元）"))
        #expect((3...8).map { sheet[CellAddress(row: 4, column: $0)] } == ["年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"].map(CellValue.text))
        #expect((5...8).map { sheet[CellAddress(row: $0, column: 1)] } == ["年度资金总额", "其中：当年财政拨款", "上年结转资金", "其他资金"].map(CellValue.text))
        // 年度资金总额 summed from the sub-rows: 140 budget, 130.5 spent.
        #expect(sheet[CellAddress("E6")!] == .number("140"))
        #expect(sheet[CellAddress("F6")!] == .number("130.5"))
        // Live formulas with the exact results cached (FORMS.md §4a).
        #expect(sheet[CellAddress("H6")!] == .number("0.9321428571"))
        #expect(sheet.row(at: 5)?.cell(at: 7)?.formula == "F6/E6")
        #expect(sheet[CellAddress("I6")!] == .number("9.32"))
        #expect(sheet.row(at: 5)?.cell(at: 8)?.formula == "ROUND(G6*MIN(MAX(H6,0),1),2)")
        #expect(sheet.merges.contains(CellRange("A5:A9")!))
        #expect(sheet[CellAddress("B12")!] == .text("一级指标"))
        #expect(sheet[CellAddress("I12")!] == .text("偏差原因分析及改进措施"))
        #expect(sheet.merges.contains(CellRange("B13:B15")!))
        #expect(sheet.layout.print.a4 && sheet.layout.print.fitToWidth)
    }

    @Test("--unit 元 labels the funds block in 元 and converts exactly")
    func yuan() throws {
        let report = FormsEvaluator.evaluate(HandBuilt.department, profile: .shipped, unit: .yuan)
        let sheet = try #require(FormsWorkbook.build(report).sheets.dropFirst().first)
        #expect(sheet[CellAddress("A5")!] == .text("项目资金（元）"))
        #expect(sheet[CellAddress("F6")!] == .number("1305000"))
    }

    @Test("sheet names: 31 characters, forbidden characters replaced, unique ignoring case")
    func sheetNames() {
        var names = SheetNames(reserved: ["评分汇总"])
        #expect(names.unique("评分汇总") == "评分汇总(2)")
        #expect(names.unique("a/b:c*d?e[f]g\\h") == "a_b_c_d_e_f_g_h")
        let long = String(repeating: "长", count: 40)
        #expect(names.unique(long).count == 31)
        #expect(names.unique(long) == String(repeating: "长", count: 28) + "(2)")
        #expect(names.unique("'Abc'") == "Abc")
        #expect(names.unique("abc") == "abc(2)")
    }

    @Test("--split gives one workbook per project")
    func split() {
        let parts = FormsWorkbook.split(report)
        #expect(parts.map(\.name) == ["日常招商引资工作经费（含外商直接投资等多项指标的长名称项目）专", "维稳经费"])
        #expect(parts.allSatisfy { $0.workbook.sheets.count == 1 })
    }
}
