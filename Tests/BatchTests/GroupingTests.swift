import Foundation
import Pipeline
import Spreadsheet
import TestSupport
import Testing
import XLSXFormat

/// Tables are grouped by 编制单位, year and scope before anything is compared (InputGrouping).
@Suite("Grouping tables")
struct GroupingTests {
    /// A small 部门支出总表 sheet: title, 编制单位 line, unit line, header, 合计 and one 类 row.
    static func expenseSheet(
        name: String, title: String, unit: String = "某县财政局", total: String = "100.00", basic: String = "60.00"
    ) -> Sheet {
        var sheet = Sheet(name: name)
        let rows: [[String]] = [
            [title],
            ["编制单位：\(unit)", "", "", "单位：万元"],
            ["科目编码", "科目名称", "合计", "基本支出", "项目支出"],
            ["", "合计", total, basic, "40.00"],
            ["201", "一般公共服务支出", total, basic, "40.00"],
        ]
        for (r, row) in rows.enumerated() {
            for (c, text) in row.enumerated() where !text.isEmpty {
                let value: CellValue = c >= 2 && text.allSatisfy({ $0.isNumber || $0 == "." }) ? .number(text) : .text(text)
                sheet.set(CellAddress(row: r, column: c), value)
            }
        }
        return sheet
    }

    static func write(_ sheets: [Sheet], to url: URL) throws {
        try XLSXWriter.write(Workbook(sheets: sheets), to: url.path)
    }

    @Test("a year in a sibling table's title wins over the file name's; another year is another group")
    func contentYearWinsOverName() throws {
        let dir = try TestFolder.make()
        defer { try? FileManager.default.removeItem(at: dir) }
        // The file name says 2021, the content 2020: the table without a title year joins 2020.
        let budget = dir.appendingPathComponent("2021年上报-预算.xlsx")
        try Self.write([
            Self.expenseSheet(name: "支出总表", title: "某县财政局2020年部门支出总表"),
            Self.expenseSheet(name: "支出表二", title: "部门支出预算表"),
        ], to: budget)
        let inputs = try Pipeline.load([budget.path])
        #expect(inputs.groups.map(\.key.year) == [2020], "\(inputs.groups.map(\.key))")
        #expect(inputs.groups.first?.tables.count == 2)

        let later = dir.appendingPathComponent("预算2021.xlsx")
        try Self.write([Self.expenseSheet(name: "支出总表", title: "某县财政局2021年部门支出总表", total: "120.00", basic: "80.00")], to: later)
        let both = try Pipeline.load([budget.path, later.path])
        #expect(both.groups.map(\.key.year) == [2020, 2021])
        #expect(both.groupingFinding?.rule == "输入分组")
        let checked = Pipeline.checkAll(both)
        #expect(!checked.findings.contains { $0.rule == "表间一致" }, "two years are never compared")
        #expect(throws: PipelineError.self) { try Pipeline.selectGroup(both) }
        var pick = InputOptions()
        pick.year = 2021
        let one = try Pipeline.selectGroup(try Pipeline.load([budget.path, later.path], options: pick))
        #expect(one.group.key.year == 2021)
    }

    @Test("a 部门 and a 单位 publication of one bureau: never compared; reconcile and forms take the 部门 one and say so")
    func departmentAndUnit() throws {
        let dir = try TestFolder.make()
        defer { try? FileManager.default.removeItem(at: dir) }
        let department = dir.appendingPathComponent("部门预算.xlsx")
        let unit = dir.appendingPathComponent("单位预算.xlsx")
        try Self.write([Self.expenseSheet(name: "支出总表", title: "某县财政局2020年部门支出总表")], to: department)
        try Self.write([Self.expenseSheet(name: "支出总表", title: "某县财政局2020年单位预算支出总表", total: "90.00", basic: "50.00")], to: unit)
        let inputs = try Pipeline.load([department.path, unit.path])
        #expect(Set(inputs.groups.map(\.key.scope)) == [.department, .unit])
        let selected = try Pipeline.selectGroup(inputs)
        #expect(selected.group.key.scope == .department)
        #expect(selected.note?.rule == "输入分组" && selected.note?.severity == .hint)
        #expect(!Pipeline.checkAll(inputs).findings.contains { $0.severity == .error }, "100 vs 90 is no error across scopes")
    }

    @Test("a table naming no year or unit joins the only group, and joins none when two could claim it")
    func orphanTables() throws {
        let dir = try TestFolder.make()
        defer { try? FileManager.default.removeItem(at: dir) }
        let a = dir.appendingPathComponent("a.xlsx"), b = dir.appendingPathComponent("b.xlsx")
        let bare = dir.appendingPathComponent("项目表.xlsx")
        try Self.write([Self.expenseSheet(name: "支出总表", title: "甲局2020年部门支出总表", unit: "甲局")], to: a)
        try Self.write([Self.expenseSheet(name: "支出总表", title: "乙局2020年部门支出总表", unit: "乙局")], to: b)
        var plain = Self.expenseSheet(name: "支出", title: "部门支出总表")
        plain.set(CellAddress(row: 1, column: 0), .text(""))
        try Self.write([plain], to: bare)
        let one = try Pipeline.load([a.path, bare.path])
        #expect(one.groups.count == 1)
        #expect(one.groups.first?.tables.count == 2)
        let two = try Pipeline.load([a.path, b.path, bare.path])
        #expect(two.groups.count == 2)
        #expect(two.groups.allSatisfy { $0.tables.count == 1 })
        #expect(two.loadFindings.contains { $0.rule == "输入分组" && $0.severity == .warning && $0.message.zh.contains("未归入任何一组") })
    }
}
