import FinanceModel
import Recognition
import Spreadsheet
import Testing

/// Project performance input in both shapes, and department facts.
@Suite struct ProjectInputTests {
    @Test func indicatorListInheritsBlankProjectAndLevels() throws {
        let sheet = SheetBuilding.sheet([
            ["项目绩效指标"],
            ["项目名称", "一级指标", "二级指标", "三级指标", "指标性质", "年度指标值", "实际完成值", "计量单位", "分值", "偏差原因分析及改进措施"],
            ["甲项目", "产出指标", "数量指标", "培训人次", "≥", "100", "90", "人次", "20", "疫情"],
            ["", "", "", "培训期数", "", "≤5", "4", "期", "10", ""],
            ["", "效益指标", "社会效益指标", "群众认可", "定性", "明显", "达成年度指标", "", "30", ""],
            ["乙项目", "满意度指标", "服务对象满意度指标", "满意度", "", "90", "", "%", "10", ""],
        ])
        let t = try SheetBuilding.recognize(sheet)
        guard case .projectIndicators(let list) = t.table else { Issue.record("kind \(t.kind)"); return }
        let i = list.indicators
        #expect(i.map(\.projectName) == ["甲项目", "甲项目", "甲项目", "乙项目"])
        #expect(i.map(\.level2) == ["数量指标", "数量指标", "社会效益指标", "服务对象满意度指标"])
        #expect(i.map(\.direction) == [.atLeast, .atMost, .qualitative, .atLeast])
        #expect(i[0].target.number == Quantity(100))
        #expect(i[0].unit == "人次")
        #expect(i[0].weight?.value == Quantity(20))
        #expect(i[0].deviationReason == "疫情")
        #expect(i[3].actual == nil)
        #expect(t.notes.contains { $0.contains("≥") })
    }

    @Test func formStyleSheetWithMergedLabels() throws {
        let sheet = SheetBuilding.sheet([
            ["项目支出绩效自评表"],
            ["（2021年度）"],
            ["项目名称", "测试项目", "", "", "", "", "", ""],
            ["主管部门", "某局", "", "", "实施单位", "某中心", "", ""],
            ["项目资金（元）", "", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
            ["", "年度资金总额", "1000", "1200", "1100", "10", "", "9"],
            ["", "其中：当年财政拨款", "1000", "1200", "1100", "—", "—", "—"],
            ["年度总体目标", "预期目标", "", "", "实际完成情况", "", "", ""],
            ["", "完成甲", "", "", "完成了甲", "", "", ""],
            ["绩效指标", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"],
            ["", "产出指标", "数量指标", "甲", "≥10次", "12次", "20", "20"],
            ["", "", "", "乙", "100%", "95%", "20", "18"],
            ["", "", "质量指标", "丙", "达标", "达标", "20", "20"],
            ["总分", "", "", "", "", "", "100", "87"],
        ], merges: ["A5:B5", "A6:A7", "A8:A9", "B8:D8", "B9:D9", "E8:H8", "E9:H9", "A10:A13", "B11:B13", "C11:C12"])
        let t = try SheetBuilding.recognize(sheet, file: "自评.xlsx")
        guard case .projectForm(let form) = t.table else { Issue.record("kind \(t.kind)"); return }
        let p = form.project
        #expect(p.name == "测试项目")
        #expect(p.competentDepartment == "某局")
        #expect(p.implementingUnit == "某中心")
        #expect(form.info.unit == .yuan)
        #expect(form.info.year == 2021)
        #expect(p.funds.total.adjustedBudget?.value == money("1200"))
        #expect(p.funds.fiscalAppropriation.actual?.source?.cell == "E7")
        #expect(p.fundsScore?.value == Quantity(9))
        #expect(p.annualGoal?.expected.value == "完成甲")
        #expect(p.annualGoal?.achieved?.value == "完成了甲")
        #expect(p.indicators.map(\.name) == ["甲", "乙", "丙"])
        #expect(p.indicators.map(\.level1) == ["产出指标", "产出指标", "产出指标"])
        #expect(p.indicators.map(\.level2) == ["数量指标", "数量指标", "质量指标"])
        #expect(p.indicators[1].score?.value == Quantity(18))
        #expect(p.totalScore?.value == Quantity(87))
        #expect(t.totalRows == [14])
    }

    @Test func departmentFactsList() throws {
        let sheet = SheetBuilding.sheet([
            ["部门基本情况"],
            ["项目", "数值", "计量单位"],
            ["部门名称", "某局", ""],
            ["编制数", "12", "人"],
            ["实有在职人数", "11", "人"],
            ["在用固定资产", "5.5", "万元"],
            ["上年“三公”经费决算数", "30000", "元"],
            ["离退休人数", "3", "人"],
            ["年度总体目标-预期目标", "做好甲", ""],
        ])
        let t = try SheetBuilding.recognize(sheet)
        guard case .departmentFacts(let table) = t.table else { Issue.record("kind \(t.kind)"); return }
        let f = table.facts
        #expect(f.unit == .tenThousandYuan)
        #expect(f.departmentName?.value == "某局")
        #expect(f.authorizedStaff?.value == Quantity(12))
        #expect(f.staffInPost?.source?.cell == "B5")
        #expect(f.fixedAssetsInUse?.value == money("5.5"))
        // 30000 元 converted exactly into the facts' 万元.
        #expect(f.priorYearThreePublic?.value == money("3"))
        #expect(f.otherEntries.map(\.label) == ["离退休人数"])
        #expect(f.annualGoal?.expected.value == "做好甲")
    }
}

/// Percent-formatted number cells read as a person sees them.
@Suite struct PercentCellTests {
    @Test func percentFormattedIndicatorCells() throws {
        var sheet = SheetBuilding.sheet([
            ["项目绩效指标"],
            ["项目名称", "三级指标", "指标性质", "年度指标值", "实际完成值"],
            ["甲", "完成率", "≥", "", ""],
        ])
        var percent = CellStyle()
        percent.numberFormat = "0.0%"
        sheet.set(CellAddress(row: 2, column: 3), .number("0.9"), style: percent)
        sheet.set(CellAddress(row: 2, column: 4), .number("0.956"), style: percent)
        let t = try SheetBuilding.recognize(sheet)
        guard case .projectIndicators(let list) = t.table else { Issue.record("kind"); return }
        #expect(list.indicators.first?.target.text == "90%")
        #expect(list.indicators.first?.actual?.number == Quantity(parsing: "95.6"))
        #expect(list.indicators.first?.actual?.unit == "%")
    }
}
