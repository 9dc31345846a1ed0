import FinanceModel
import Recognition
import Spreadsheet
import Testing

/// Layouts that differ from the samples: blank columns, numeric and split codes, 元, other wordings.
@Suite struct AwkwardVariantTests {
    @Test func extraBlankColumnsAndTableNotInColumnA() throws {
        let sheet = SheetBuilding.sheet([
            ["", "", "", "", "", "表2"],
            ["", "2020年部门支出预算表"],
            ["", "编制单位：某县局", "", "", "", "金额单位：元"],
            ["", "科目编码", "", "科目名称", "", "合计"],
            ["", "2130101", "", "行政运行", "", "1,234.56"],
            ["", "合    计", "", "", "", "1,234.56"],
        ], numbersAsText: true)
        let t = try SheetBuilding.recognize(sheet)
        #expect(t.roleMap == ["B": "code", "D": "name", "F": "total.initialBudget"])
        #expect(t.info.source.range == "B1:F6")
        #expect(t.side == .budget)
        #expect(t.info.unit == .yuan)
        let row = t.expense?.row(for: FunctionCode("2130101")!)
        #expect(row?.total.initialBudget?.value == money("1234.56"))
        #expect(row?.source?.cell == "D5")
        #expect(t.expense?.totalRow?.name == "合    计")
    }

    @Test func codesAsNumbersInSplitColumns() throws {
        // 类 | 款 | 项 as number cells: 208 | 5 | 5 is 2080505; a 款 row leaves 项 empty.
        let sheet = SheetBuilding.sheet([
            ["支出预算表"],
            ["单位：元"],
            ["科目编码", "", "", "科目名称", "合计"],
            ["类", "款", "项", "", ""],
            ["208", "", "", "社会保障和就业支出", "300"],
            ["208", "5", "", "行政事业单位养老支出", "300"],
            ["208", "5", "5", "机关事业单位基本养老保险缴费支出", "300"],
            ["213", "1", "99", "其他农业农村支出", "12.5"],
        ], merges: ["A3:C3", "D3:D4", "E3:E4"])
        let t = try SheetBuilding.recognize(sheet)
        #expect(t.roleMap["A"] == "code.class")
        #expect(t.roleMap["B"] == "code.section")
        #expect(t.roleMap["C"] == "code.item")
        let codes = t.expense?.rows.compactMap { $0.code?.digits }
        #expect(codes == ["208", "20805", "2080505", "2130199"])
        #expect(t.expense?.row(for: FunctionCode("2130199")!)?.total.initialBudget?.value == money("12.5"))
    }

    @Test func joinedCodeAsNumberCellAndCodeWithName() throws {
        let sheet = SheetBuilding.sheet([
            ["一般公共预算支出表"],
            ["单位：万元"],
            ["科目编码", "科目名称", "合计"],
            ["2011301", "行政运行", "1"],
            ["2011308 招商引资", "", "2"],
        ])
        let t = try SheetBuilding.recognize(sheet)
        #expect(t.kind == .generalBudgetExpenseByFunction)
        let rows = t.expense?.rows ?? []
        #expect(rows.map { $0.code?.digits } == ["2011301", "2011308"])
        #expect(rows.map(\.name) == ["行政运行", "招商引资"])
    }

    @Test func otherWordingsOfTheAmountColumns() throws {
        let sheet = SheetBuilding.sheet([
            ["项目资金使用情况"],
            ["单位：元"],
            ["项目", "年初预算", "调整预算数", "实际支出"],
            ["农业技术推广", "100", "120", "98"],
        ])
        let t = try SheetBuilding.recognize(sheet)
        #expect(t.kind == .projectFunds)
        #expect(t.roleMap == ["A": "name", "B": "total.initialBudget", "C": "total.adjustedBudget", "D": "total.actual"])
        #expect(t.side == .both)
    }

    @Test func barePreBudgetInFinalAccountsIsAdjustedAndSaidSo() throws {
        let sheet = SheetBuilding.sheet([
            ["2020年度支出决算表"],
            ["单位：万元"],
            ["科目编码", "科目名称", "预算数", "决算数"],
            ["2011301", "行政运行", "10", "9"],
        ])
        let t = try SheetBuilding.recognize(sheet)
        #expect(t.roleMap["C"] == "total.adjustedBudget")
        #expect(t.side == .both)
        #expect(t.notes.contains { $0.contains("全年预算数") })
    }

    @Test func barePreBudgetInABudgetTableIsInitial() throws {
        let sheet = SheetBuilding.sheet([
            ["2020年部门支出预算表"],
            ["单位：万元"],
            ["科目编码", "科目名称", "预算数"],
            ["2011301", "行政运行", "10"],
        ])
        let t = try SheetBuilding.recognize(sheet)
        #expect(t.roleMap["C"] == "total.initialBudget")
        #expect(t.side == .budget)
        #expect(t.notes.isEmpty)
    }

    @Test func sideFromFileNameWhenTitleSaysNeither() throws {
        let sheet = SheetBuilding.sheet([
            ["部门支出总表"],
            ["单位：万元"],
            ["科目编码", "科目名称", "合计"],
            ["2011301", "行政运行", "10"],
        ])
        let final = try SheetBuilding.recognize(sheet, file: "2020年决算.xlsx")
        #expect(final.side == .finalAccounts)
        #expect(final.roleMap["C"] == "total.actual")
        let unknown = try SheetBuilding.recognize(sheet, file: "data.xlsx")
        #expect(unknown.side == .budget)
        #expect(unknown.notes.contains { $0.contains("年初预算数") })
        let forced = try TableRecognizer.recognize(sheet: sheet, file: "data.xlsx", isCSV: false, forcedSide: .finalAccounts)
        #expect(forced.first?.roleMap["C"] == "total.actual")
        #expect(forced.first?.side == .finalAccounts)
    }

    @Test func unitsInYuanAndTenThousandYuanConvertExactly() throws {
        let sheet = SheetBuilding.sheet([
            ["“三公”经费预算表"],
            ["金额单位：元"],
            ["合计", "因公出国（境）费", "公务接待费"],
            ["12,345.67", "0.01", "12,345.66"],
        ], numbersAsText: true)
        let t = try SheetBuilding.recognize(sheet)
        #expect(t.info.unit == .yuan)
        let normalised = t.table.normalised(to: .tenThousandYuan)
        guard case .threePublic(let three) = normalised else { Issue.record("kind"); return }
        #expect(three.total.initialBudget?.value == money("1.234567"))
        #expect(three.overseasTravel.initialBudget?.value == money("0.000001"))
    }

    @Test func rowOrientedThreePublic() throws {
        let sheet = SheetBuilding.sheet([
            ["“三公”经费支出情况表"],
            ["金额单位：元"],
            ["项目", "预算数", "决算数"],
            ["合计", "100", "90"],
            ["1、因公出国（境）费", "0", "0"],
            ["2、公务用车购置及运行费", "60", "55"],
            ["   其中：公务用车购置费", "0", "0"],
            ["         公务用车运行维护费", "60", "55"],
            ["3、公务接待费", "40", "35"],
        ])
        let t = try SheetBuilding.recognize(sheet)
        guard case .threePublic(let three) = t.table else { Issue.record("kind"); return }
        #expect(three.total.actual?.value == money("90"))
        #expect(three.officialCars.subtotal.adjustedBudget?.value == money("60"))
        #expect(three.officialCars.operation.actual?.value == money("55"))
        #expect(three.reception.actual?.source?.cell == "C9")
        #expect(t.totalRows == [4])
    }

    @Test func mappingNamesHeaderRowsAndColumns() throws {
        // No header words at all: only a mapping can say what the columns are.
        let sheet = SheetBuilding.sheet([
            ["数据导出"],
            ["a", "b", "c"],
            ["2011301", "行政运行", "10"],
            ["2011308", "招商引资", "5"],
        ])
        #expect(throws: RecognitionError.self) { try SheetBuilding.recognize(sheet) }
        let mapping = Mapping(tables: [TableMapping(
            sheet: "Sheet1", kind: .expenseByFunction, side: .finalAccounts, unit: "万元", title: "支出决算表",
            headerRows: "2", columns: ["A": "code", "B": "name", "C": "total.actual"])])
        let t = try SheetBuilding.recognize(sheet, mapping: mapping)
        #expect(t.kind == .expenseByFunction)
        #expect(t.side == .finalAccounts)
        #expect(t.info.unit == .tenThousandYuan)
        #expect(t.expense?.row(for: FunctionCode("2011308")!)?.total.actual?.value == money("5"))
    }

    @Test func mappingFileDecodes() throws {
        let json = #"{"tables": [{"file": "x.xlsx", "sheet": "S", "kind": "threePublic", "headerRows": "3-4", "columns": {"B": "reception.actual"}}]}"#
        let mapping = try Mapping.decode(Data(json.utf8))
        #expect(mapping.entry(file: "/tmp/x.xlsx", sheet: "S")?.kind == .threePublic)
        #expect(mapping.entry(file: "y.xlsx", sheet: "S") == nil)
    }

    @Test func lastYearChangeAndRatioColumnsAreNotRead() throws {
        let sheet = SheetBuilding.sheet([
            ["2020年“三公”经费预算表"],
            ["单位：万元"],
            ["项目", "2019年预算数", "2020年预算数", "增减额", "增减率（%）"],
            ["合计", "10", "8", "-2", "-20"],
            ["公务接待费", "10", "8", "-2", "-20"],
        ])
        let t = try SheetBuilding.recognize(sheet)
        #expect(t.roleMap == ["A": "name", "B": "comparison", "C": "total.initialBudget", "D": "comparison",
                              "E": "comparison"])
        guard case .threePublic(let three) = t.table else { Issue.record("kind"); return }
        #expect(three.total.initialBudget?.value == money("8"))
        #expect(three.reception.initialBudget?.source?.cell == "C5")
    }

    @Test func codeInsideTheNameCellWhenThereIsNoCodeColumn() throws {
        let sheet = SheetBuilding.sheet([
            ["部门支出预算表"],
            ["单位：万元"],
            ["科目名称", "合计"],
            ["2011301行政运行", "3"],
            ["2011308 招商引资", "4"],
            ["合计", "7"],
        ])
        let t = try SheetBuilding.recognize(sheet)
        let rows = t.expense?.rows ?? []
        #expect(rows.map { $0.code?.digits } == ["2011301", "2011308", nil])
        #expect(rows.map(\.name) == ["行政运行", "招商引资", "合计"])
        #expect(t.expense?.totalRow?.total.initialBudget?.value == money("7"))
    }
}

import Foundation
