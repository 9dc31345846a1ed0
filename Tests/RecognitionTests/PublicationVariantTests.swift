import FinanceModel
import Recognition
import Spreadsheet
import Testing

/// Layout quirks seen in real published 部门预算 / 单位预算 / 部门决算 tables, one small fixture per quirk
/// (written here, not copied from any publication), each with the recognition it must give.
@Suite struct PublicationVariantTests {
    // MARK: title block: scope, year, preparing unit, table code

    @Test func unitScopeFromTitle() throws {
        let sheet = SheetBuilding.sheet([
            ["2026年预算单位支出预算总表"],
            ["编制单位：某区某局", "", "单位：元"],
            ["科目编码", "科目名称", "合计"],
            ["2040601", "行政运行", "10"],
        ], name: "支出总表")
        let t = try SheetBuilding.recognize(sheet, file: "某局2026年预算.xlsx")
        #expect(t.info.scope == .unit)
        #expect(t.info.year == 2026)
        #expect(t.info.preparedBy == "某区某局")
    }

    @Test func unitScopeFromSheetThenFileName() throws {
        let rows = [
            ["支出预算总表"],
            ["单位：元"],
            ["科目编码", "科目名称", "合计"],
            ["2040601", "行政运行", "10"],
        ]
        let bySheet = try SheetBuilding.recognize(
            SheetBuilding.sheet(rows, name: "单位预算支出总表"), file: "某局2026年部门预算.xlsx")
        #expect(bySheet.info.scope == .unit)
        let byFile = try SheetBuilding.recognize(SheetBuilding.sheet(rows, name: "表3"), file: "某局2026年单位预算.xlsx")
        #expect(byFile.info.scope == .unit)
        let department = try SheetBuilding.recognize(SheetBuilding.sheet(rows, name: "表3"), file: "某局2026年预算.xlsx")
        #expect(department.info.scope == .department)
    }

    @Test func yearFromSheetNameThenFileNameWithNote() throws {
        // 上海 决算 tables print no year in the title block.
        let rows = [
            ["支出决算表"],
            ["编制单位：某区某部", "", "单位：万元"],
            ["科目编码", "科目名称", "本年支出合计"],
            ["2013601", "行政运行", "10.00"],
        ]
        let byFile = try SheetBuilding.recognize(SheetBuilding.sheet(rows, name: "支出决算表"), file: "某部2024年度部门决算.xlsx")
        #expect(byFile.info.year == 2024)
        #expect(byFile.notes.contains { $0.contains("文件名") && $0.contains("2024") })
        let bySheet = try SheetBuilding.recognize(SheetBuilding.sheet(rows, name: "2023年支出决算表"), file: "某部2024年度部门决算.xlsx")
        #expect(bySheet.info.year == 2023)
        #expect(bySheet.notes.contains { $0.contains("工作表名") })
    }

    @Test func departmentLineAndTableCodes() throws {
        for code in ["公开表二", "公开02表", "财决01表", "表一"] {
            let sheet = SheetBuilding.sheet([
                ["", "", code],
                ["2019年一般公共预算支出预算表"],
                ["部门：某省某厅", "", "单位：万元"],
                ["科目编码", "科目名称", "合计"],
                ["2013101", "行政运行", "10"],
            ])
            let t = try SheetBuilding.recognize(sheet)
            #expect(t.info.tableCode == code)
            #expect(t.info.title == "2019年一般公共预算支出预算表")
            #expect(t.info.preparedBy == "某省某厅")
        }
    }
}
