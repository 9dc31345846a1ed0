import FinanceModel
import Recognition
import Spreadsheet
import Testing

/// Header rows found and flattened into column paths: merged, unmerged (CSV style), three rows deep.
@Suite struct HeaderFlatteningTests {
    @Test func mergedTwoRowHeaderBecomesPaths() throws {
        let sheet = SheetBuilding.sheet([
            ["", "", "", "", "公开03表"],
            ["支出决算表"],
            ["编制单位：某局", "", "2020年度", "", "单位：万元"],
            ["项目", "", "本年支出", "", ""],
            ["科目编码", "科目名称", "合计", "基本支出", "项目支出"],
            ["合计", "", "10", "6", "4"],
            ["201", "一般公共服务支出", "10", "6", "4"],
            ["注：示例。"],
        ], merges: ["A4:B4", "C4:E4"])
        let t = try SheetBuilding.recognize(sheet)
        #expect(t.headerRows == 4...5)
        #expect(t.columns.map(\.header) == ["项目/科目编码", "项目/科目名称", "本年支出/合计", "本年支出/基本支出", "本年支出/项目支出"])
        #expect(t.roleMap == ["A": "code", "B": "name", "C": "total.actual", "D": "basicExpenditure.actual",
                              "E": "projectExpenditure.actual"])
        #expect(t.dataRows == 2)
        #expect(t.totalRows == [6])
        #expect(t.info.tableCode == "公开03表")
        #expect(t.info.preparedBy == "某局")
        #expect(t.info.year == 2020)
        #expect(t.info.unit == .tenThousandYuan)
        #expect(t.info.source.range == "A1:E7")
    }

    @Test func unmergedCSVStyleHeaderInheritsFromTheLeft() throws {
        // Excel's "save as CSV" keeps a merged label in its first cell only.
        let sheet = SheetBuilding.sheet([
            ["“三公”经费支出决算表"],
            ["编制单位：某局", "", "", "单位：万元"],
            ["预算数", "", "决算数", ""],
            ["合计", "公务接待费", "合计", "公务接待费"],
            ["5.5", "5.5", "4.25", "4.25"],
        ], numbersAsText: true)
        let t = try SheetBuilding.recognize(sheet, file: "三公.csv", isCSV: true)
        #expect(t.columns.map(\.header) == ["预算数/合计", "预算数/公务接待费", "决算数/合计", "决算数/公务接待费"])
        #expect(t.info.source.sheet == nil)
        guard case .threePublic(let three) = t.table else { Issue.record("kind \(t.kind)"); return }
        #expect(three.reception.adjustedBudget?.value == money("5.5"))
        #expect(three.reception.actual?.value == money("4.25"))
        #expect(three.reception.actual?.source?.description == "三公.csv › D5")
    }

    @Test func headerSplitOverThreeRows() throws {
        let sheet = SheetBuilding.sheet([
            ["支出预算执行情况表"],
            ["单位：元"],
            ["科目编码", "科目名称", "预算数", "", "", "", "决算数", ""],
            ["", "", "年初预算数", "", "全年预算数", "", "", ""],
            ["", "", "合计", "基本支出", "合计", "基本支出", "合计", "基本支出"],
            ["2080505", "机关事业单位基本养老保险缴费支出", "100", "100", "120", "120", "118.5", "118.5"],
            ["合计", "", "100", "100", "120", "120", "118.5", "118.5"],
        ], merges: ["A3:A5", "B3:B5", "C3:F3", "C4:D4", "E4:F4", "G3:H4"])
        let t = try SheetBuilding.recognize(sheet)
        #expect(t.headerRows == 3...5)
        #expect(t.columns.map(\.header)[2...] == [
            "预算数/年初预算数/合计", "预算数/年初预算数/基本支出", "预算数/全年预算数/合计", "预算数/全年预算数/基本支出",
            "决算数/合计", "决算数/基本支出",
        ])
        #expect(t.side == .both)
        let row = t.expense?.row(for: FunctionCode("2080505")!)
        #expect(row?.total.initialBudget?.value == money("100"))
        #expect(row?.basicExpenditure.adjustedBudget?.value == money("120"))
        #expect(row?.total.actual?.value == money("118.5"))
        #expect(row?.total.actual?.source?.cell == "G6")
        #expect(t.expense?.totalRow?.total.actual?.value == money("118.5"))
        #expect(t.info.unit == .yuan)
    }

    @Test func columnNumberRowIsSkipped() throws {
        let sheet = SheetBuilding.sheet([
            ["收入决算表"],
            ["单位：万元"],
            ["科目编码", "科目名称", "本年收入合计", "财政拨款收入"],
            ["栏次", "", "1", "2"],
            ["合计", "", "9", "9"],
            ["201", "一般公共服务支出", "9", "9"],
        ])
        let t = try SheetBuilding.recognize(sheet)
        #expect(t.headerRows == 3...3)
        #expect(t.dataRows == 2)
        guard case .incomeByFunction(let income) = t.table else { Issue.record("kind \(t.kind)"); return }
        #expect(income.totalRow?.bySource[.fiscalAppropriation]?.actual?.value == money("9"))
        #expect(income.rows.count == 2)
    }

    @Test func footnotesEndTheData() throws {
        let sheet = SheetBuilding.sheet([
            ["部门支出总表（预算）"],
            ["科目编码", "科目名称", "合计"],
            ["201", "一般公共服务支出", "5"],
            ["注：以下为说明。"],
            ["202", "不应读取", "7"],
        ])
        let t = try SheetBuilding.recognize(sheet)
        #expect(t.dataRows == 1)
        #expect(t.expense?.rows.count == 1)
    }
}
