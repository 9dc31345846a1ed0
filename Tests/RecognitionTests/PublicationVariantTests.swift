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

    @Test func economicClassificationNameDoesNotMakeADepartmentTable() throws {
        // "部门预算经济分类" is a classification; the file says whose publication it is.
        let sheet = SheetBuilding.sheet([
            ["一般公共预算基本支出部门预算经济分类预算表"],
            ["单位：元"],
            ["经济分类科目编码", "部门经济分类科目名称", "合计", "人员经费", "公用经费"],
            ["30101", "基本工资", "10", "10", "0"],
        ], name: "表8")
        #expect(try SheetBuilding.recognize(sheet, file: "某局2026年单位预算.xlsx").info.scope == .unit)
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

    @Test func preparedByWithStampNote() throws {
        let sheet = SheetBuilding.sheet([
            ["支出决算表"],
            ["编制单位（盖章）：某县某局", "", "单位：万元"],
            ["科目编码", "科目名称", "本年支出合计"],
            ["2013101", "行政运行", "10"],
        ])
        #expect(try SheetBuilding.recognize(sheet).info.preparedBy == "某县某局")
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

    // MARK: header words and layouts

    @Test func twoBlockFinalBasicExpenseTotalsGoToTheirHalves() throws {
        // 决算 基本支出: 人员经费 ‖ 公用经费 side by side, each block with its own 合计 on the last line.
        let sheet = SheetBuilding.sheet([
            ["一般公共预算财政拨款基本支出决算表"],
            ["编制单位：某部", "", "", "", "", "单位：万元"],
            ["经济分类科目编码", "科目名称", "决算数", "经济分类科目编码", "科目名称", "决算数"],
            ["301", "工资福利支出", "9.00", "302", "商品和服务支出", "2.01"],
            ["30101", "基本工资", "9.00", "30201", "办公费", "2.00"],
            ["303", "对个人和家庭的补助", "1.00", "310", "资本性支出", "0.00"],
            ["人员经费合计", "", "10.00", "公用经费合计", "", "2.01"],
        ])
        let t = try SheetBuilding.recognize(sheet, file: "某部2024年度部门决算.xlsx")
        guard case .basicExpenseByEconomic(let table) = t.table else { Issue.record("kind \(t.kind)"); return }
        let total = table.totalRow
        #expect(total?.total.isEmpty == true)
        #expect(total?.personnelCost.actual?.value == money("10.00"))
        #expect(total?.officeCost.actual?.value == money("2.01"))
        #expect(total?.officeCost.actual?.source?.cell == "F7")
        #expect(table.row(for: EconomicCode("30201")!)?.total.actual?.value == money("2.00"))
    }

    @Test func unitBudgetBasicExpenseWithSplitEconomicCodesAndDepartmentName() throws {
        // 单位预算: 经济分类科目编码 split 类 | 款, 部门经济分类科目名称, a 款 printed without its leading zero.
        let sheet = SheetBuilding.sheet([
            ["2026年预算单位一般公共预算基本支出部门预算经济分类预算表"],
            ["编制单位：某区某局", "", "", "", "", "单位：元"],
            ["项目", "", "", "一般公共预算基本支出"],
            ["经济分类科目编码", "", "部门经济分类科目名称", "合计", "人员经费", "公用经费"],
            ["类", "款"],
            ["301", "", "工资福利支出", "300", "300", "0"],
            ["301", "01", "基本工资", "100", "100", "0"],
            ["301", "2", "津贴补贴", "200", "200", "0"],
            ["合计", "", "", "300", "300", "0"],
        ], merges: ["A3:C3", "D3:F3", "A4:B4", "C4:C5", "D4:D5", "E4:E5", "F4:F5"])
        let t = try SheetBuilding.recognize(sheet)
        #expect(t.kind == .basicExpenseByEconomic)
        #expect(t.info.scope == .unit)
        #expect(t.roleMap["A"] == "code.class" && t.roleMap["B"] == "code.section" && t.roleMap["C"] == "name")
        guard case .basicExpenseByEconomic(let table) = t.table else {
            Issue.record("not a basic-expense table")
            return
        }
        #expect(table.rows.compactMap { $0.code?.digits } == ["301", "30101", "30102"])
        #expect(table.totalRow?.total.initialBudget?.value == money("300"))
        #expect(t.notes.filter { $0.contains("前导零") }.isEmpty, "said once, by the reading hint, not by a note too")
        // One 提示 per table, at the first code printed without its zero.
        #expect(t.info.readingHints?.count == 1)
        #expect(t.info.readingHints?.first?.severity == .hint)
        #expect(t.info.readingHints?.first?.cells.first?.location.cell == "A8")
    }

    @Test func functionCodeWordsAndSingleAmountColumn() throws {
        // 江苏: 功能科目编码 | 功能科目名称 | 金额, a 部门：… line, 合计 as the first data row.
        let sheet = SheetBuilding.sheet([
            ["一般公共预算支出预算表（功能科目）"],
            ["部门：某省某厅", "", "单位：万元"],
            ["功能科目编码", "功能科目名称", "金额"],
            ["合计", "", "30"],
            ["201", "一般公共服务支出", "30"],
            ["2013101", "行政运行", "30"],
        ])
        let t = try SheetBuilding.recognize(sheet)
        #expect(t.kind == .generalBudgetExpenseByFunction)
        #expect(t.roleMap == ["A": "code", "B": "name", "C": "total.initialBudget"])
        #expect(t.info.preparedBy == "某省某厅")
        #expect(t.expense?.totalRow?.total.initialBudget?.value == money("30"))
    }

    @Test func fiscalAppropriationByFunctionIsAFunctionTable() throws {
        let sheet = SheetBuilding.sheet([
            ["财政拨款支出预算表（功能科目）"],
            ["部门：某省某厅", "", "单位：万元"],
            ["功能科目编码", "功能科目名称", "金额"],
            ["2013101", "行政运行", "30"],
        ])
        #expect(try SheetBuilding.recognize(sheet).kind == .generalBudgetExpenseByFunction)
    }

    @Test func summaryWithProjectNameAndSpendingPurposeColumns() throws {
        // 收支预算总表: 收入 项目名称 | 金额 ‖ 支出 功能分类 {功能科目名称 | 金额} | 支出用途 {项目名称 | 金额}.
        let sheet = SheetBuilding.sheet([
            ["收支预算总表"],
            ["部门：某省某厅", "", "", "", "", "单位：万元"],
            ["收入", "", "支出"],
            ["项目名称", "金额", "功能分类", "", "支出用途"],
            ["", "", "功能科目名称", "金额", "项目名称", "金额"],
            ["一、财政拨款", "100", "一、一般公共服务支出", "100", "一、基本支出", "60"],
            ["", "", "", "", "二、项目支出", "40"],
            ["收入总计", "100", "支出总计", "100", "", ""],
        ], merges: ["A3:B3", "C3:F3", "A4:A5", "B4:B5", "C4:D4", "E4:F4"])
        let t = try SheetBuilding.recognize(sheet)
        #expect(t.kind == .incomeExpenseSummary)
        #expect(t.roleMap["A"] == "income.name" && t.roleMap["C"] == "expenditure.name")
        guard case .incomeExpenseSummary(let s) = t.table else { return }
        #expect(s.grandTotal.initialBudget?.value == money("100"))
        #expect(s.expenditureLines.map(\.name) == ["一、一般公共服务支出"])
    }

    @Test func incomeTableWithProjectNameHeaderIsNotAProjectList() throws {
        // 收入预算总表 lists 一般公共预算资金 / 政府性基金 … under 项目名称: income lines, never projects.
        let sheet = SheetBuilding.sheet([
            ["收入预算总表"],
            ["部门：某省某厅", "", "单位：万元"],
            ["项目名称", "", "金额"],
            ["收入总计", "", "100"],
            ["一般公共预算资金", "小计", "100"],
            ["政府性基金", "小计", ""],
        ])
        #expect(try SheetBuilding.recognize(sheet).kind == .incomeByFunction)
    }

    @Test func tablesWithoutAKindAreOther() {
        for title in ["一般公共预算机关运行经费支出预算表", "2019年政府采购预算表", "国有资产占用情况表"] {
            let sheet = SheetBuilding.sheet([
                [title],
                ["部门：某省某厅", "", "单位：万元"],
                ["科目编码", "科目名称", "机关运行经费支出"],
                ["302", "商品和服务支出", "10"],
            ])
            do {
                _ = try SheetBuilding.recognize(sheet)
                Issue.record("\(title) read as a known kind")
            } catch let error as RecognitionError {
                #expect(error.reason == .otherTable(title: title))
            } catch {
                Issue.record("\(error)")
            }
        }
    }

    @Test func threePublicWithMeetingsAndTraining() throws {
        // 江苏: 合计 covers the "三公" 小计, 会议费 and 培训费.
        let sheet = SheetBuilding.sheet([
            ["“三公”经费、会议费、培训费支出预算表"],
            ["部门：某省某厅", "", "", "", "", "", "", "", "单位：万元"],
            ["合计", "“三公”经费", "", "", "", "", "", "会议费", "培训费"],
            ["", "小计", "因公出国（境）费", "公务用车购置及运行维护费", "", "", "公务接待费"],
            ["", "", "", "小计", "公务用车购置费", "公务用车运行维护费"],
            ["15", "10", "2", "5", "", "5", "3", "4", "1"],
        ], merges: ["A3:A5", "B3:G3", "B4:B5", "C4:C5", "D4:F4", "G4:G5", "H3:H5", "I3:I5"])
        let t = try SheetBuilding.recognize(sheet)
        guard case .threePublic(let p) = t.table else { Issue.record("kind \(t.kind)"); return }
        #expect(p.total.initialBudget?.value == money("15"))
        #expect(p.threePublicSubtotal.initialBudget?.value == money("10"))
        #expect(p.meetings.initialBudget?.value == money("4"))
        #expect(p.training.initialBudget?.value == money("1"))
        #expect(p.officialCars.subtotal.initialBudget?.value == money("5"))
    }

    @Test func threePublicWithRunningCostsColumn() throws {
        // 上海: "三公"经费预算数 {合计 | 出国 | 接待 | 公务用车{小计|购置费|运行费}} | 机关运行经费预算数.
        let sheet = SheetBuilding.sheet([
            ["2026年单位“三公”经费和机关运行经费预算表"],
            ["编制单位：某区某局", "", "", "", "", "", "单位:万元"],
            ["“三公”经费预算数", "", "", "", "", "", "机关运行经费预算数"],
            ["合计", "因公出国(境)费", "公务接待费", "公务用车购置及运行费"],
            ["", "", "", "小计", "购置费", "运行费"],
            ["10.71", "0", "0.73", "9.98", "0", "9.98", "184.59"],
        ], merges: ["A3:F3", "G3:G5", "A4:A5", "B4:B5", "C4:C5", "D4:F4"])
        let t = try SheetBuilding.recognize(sheet)
        guard case .threePublic(let p) = t.table else { Issue.record("kind \(t.kind)"); return }
        #expect(p.total.initialBudget?.value == money("10.71"))
        #expect(t.roleMap["G"] == "runningCosts.initialBudget")
    }

    @Test func reserveFundIsAPartOfTheTotal() throws {
        // 江苏 支出预算总表: 合计 | 基本支出 | 项目支出 | 单位预留机动经费 over one line, no code or name column.
        let sheet = SheetBuilding.sheet([
            ["支出预算总表"],
            ["部门：某省某厅", "", "", "", "单位：万元"],
            ["合计", "基本支出", "项目支出", "单位预留机动经费", "结转下年资金"],
            ["100", "50", "30", "20", ""],
        ])
        let t = try SheetBuilding.recognize(sheet)
        #expect(t.kind == .expenseByFunction)
        let row = t.expense?.rows.first
        #expect(row?.name == "合计")
        #expect(row?.role == .total)
        #expect(row?.otherParts["reserveFund"]?.initialBudget?.value == money("20"))
    }

    @Test func fiscalSummaryTitledWithoutZong() throws {
        // 四、财政拨款收入支出决算表 (some counties drop 总); a fund's own 收入支出决算表 stays that fund's table.
        let rows = { (title: String) in
            SheetBuilding.sheet([
                [title],
                ["编制单位：某县某委", "", "", "单位：万元"],
                ["收入", "", "支出"],
                ["项目", "决算数", "项目", "决算数"],
                ["一、一般公共预算财政拨款", "10", "一、一般公共服务支出", "10"],
            ], merges: ["A3:B3", "C3:D3"])
        }
        #expect(try SheetBuilding.recognize(rows("财政拨款收入支出决算表")).kind == .fiscalIncomeExpenseSummary)
        let fund = SheetBuilding.sheet([
            ["政府性基金预算财政拨款收入支出决算表"],
            ["编制单位：某县某委", "", "", "单位：万元"],
            ["科目编码", "科目名称", "年初结转和结余", "本年收入", "本年支出"],
            ["合计", "", "", "", ""],
        ])
        #expect(try SheetBuilding.recognize(fund).kind == .governmentFundExpense)
    }

    @Test func finalFiscalSummaryFundColumnsAreActual() throws {
        // 决算 财政拨款收入支出决算总表: 一般公共预算财政拨款 … split 决算数 by fund; they are no budget.
        let sheet = SheetBuilding.sheet([
            ["财政拨款收入支出决算总表"],
            ["编制单位：某部", "", "", "", "", "", "单位：万元"],
            ["收入", "", "支出"],
            ["项目", "决算数", "项目", "合计", "一般公共预算财政拨款", "政府性基金预算财政拨款", "国有资本经营预算财政拨款"],
            ["一、一般公共预算财政拨款", "10", "一、一般公共服务支出", "10", "10", "", ""],
            ["本年收入合计", "10", "本年支出合计", "10", "10", "", ""],
        ], merges: ["A3:B3", "C3:G3"])
        let t = try SheetBuilding.recognize(sheet, file: "某部2024年度部门决算.xlsx")
        #expect(t.kind == .fiscalIncomeExpenseSummary)
        #expect(t.side == .finalAccounts)
        #expect(t.roleMap["E"] == "expenditure.generalBudget.actual")
    }
}

/// A numbering row (1 2 3 … under the header) is no data.
@Suite struct NumberingRowTests {
    @Test func numberingRowUnderTheHeaderIsSkipped() throws {
        let sheet = SheetBuilding.sheet([
            ["财政拨款“三公”经费支出决算表"],
            ["编制单位：某部", "", "", "", "单位：万元"],
            ["合计", "因公出国（境）费", "公务用车购置及运行费", "", "公务接待费"],
            ["", "", "公务用车购置费", "公务用车运行费", ""],
            ["1", "2", "3", "4", "5"],
            ["6", "1", "2", "2", "1"],
        ], merges: ["A3:A4", "B3:B4", "C3:D3", "E3:E4"])
        let t = try SheetBuilding.recognize(sheet, file: "某部2024年度部门决算.xlsx")
        #expect(t.dataRows == 1)
        guard case .threePublic(let p) = t.table else { Issue.record("kind \(t.kind)"); return }
        #expect(p.total.actual?.value == money("6"))
        #expect(p.total.actual?.source?.cell == "A6")
    }

    @Test func numberingWithLabelMarksIsSkipped() throws {
        let sheet = SheetBuilding.sheet([
            ["支出决算表"],
            ["单位：万元"],
            ["科目编码", "科目名称", "本年支出合计", "基本支出", "项目支出"],
            ["栏次", "", "1", "2", "3"],
            ["2013101", "行政运行", "3", "2", "1"],
        ])
        let t = try SheetBuilding.recognize(sheet, file: "某部2024年度部门决算.xlsx")
        #expect(t.dataRows == 1)
        let plain = SheetBuilding.sheet([
            ["支出决算表"],
            ["单位：万元"],
            ["科目编码", "科目名称", "本年支出合计", "基本支出", "项目支出"],
            ["甲", "乙", "1", "2", "3"],
            ["2013101", "行政运行", "3", "2", "1"],
        ])
        #expect(try SheetBuilding.recognize(plain, file: "某部2024年度部门决算.xlsx").dataRows == 1)
    }
}

/// A CSV copy of a sheet has no merged cells: its multi-row header must read as the sheet's does.
@Suite struct CSVCopyHeaderTests {
    static let rows = [
        ["财政拨款“三公”经费支出决算表"],
        ["编制单位：某部", "", "", "", "", "", "", "", "", "", "", "单位：万元"],
        ["财政拨款“三公”经费"],
        ["合计", "", "因公出国（境）费", "", "公务用车购置及运行维护费", "", "", "", "", "", "公务接待费"],
        ["", "", "", "", "小计", "", "公务用车购置费", "", "公务用车运行维护费"],
        ["预算数", "决算数", "预算数", "决算数", "预算数", "决算数", "预算数", "决算数", "预算数", "决算数", "预算数", "决算数"],
        ["6", "5", "1", "1", "3", "2", "0", "0", "3", "2", "2", "2"],
    ]

    @Test func csvCopyReadsLikeTheSheet() throws {
        let csv = try SheetBuilding.recognize(
            SheetBuilding.sheet(Self.rows, name: "三公"), file: "某部2024年度部门决算-三公.csv", isCSV: true)
        let sheet = try SheetBuilding.recognize(
            SheetBuilding.sheet(
                Self.rows, name: "三公",
                merges: ["A3:L3", "A4:B5", "C4:D5", "E4:J4", "E5:F5", "G5:H5", "I5:J5", "K4:L5"]),
            file: "某部2024年度部门决算.xlsx")
        #expect(csv.columns.map(\.role) == sheet.columns.map(\.role))
        #expect(csv.roleMap["K"] == "reception.adjustedBudget")
        #expect(csv.roleMap["L"] == "reception.actual")
        #expect(csv.roleMap["A"] == "total.adjustedBudget")
    }

    @Test func totalBesideAThreePublicGroupStaysTheTotal() throws {
        // 合计 | "三公"经费 {小计 | 因公出国 …} | 会议费 in a CSV: 合计 is not the "三公" 小计.
        let csv = SheetBuilding.sheet([
            ["“三公”经费、会议费、培训费支出预算表"],
            ["部门：某省某厅", "", "", "", "", "单位：万元"],
            ["合计", "“三公”经费", "", "", "会议费", "培训费"],
            ["", "小计", "因公出国（境）费", "公务接待费", "", ""],
            ["10", "5", "2", "3", "4", "1"],
        ])
        let t = try SheetBuilding.recognize(csv, file: "三公.csv", isCSV: true)
        #expect(t.roleMap["A"] == "total.initialBudget")
        #expect(t.roleMap["B"] == "threePublicSubtotal.initialBudget")
    }
}

/// Header complaints: a found column is never called missing; one row reads 第 4 行.
@Suite struct HeaderComplaintTests {
    @Test func complaintNeverCallsAFoundColumnMissing() {
        let e = RecognitionError(
            .missingColumns(
                kind: .basicExpenseByEconomic, missing: ["经济分类科目编码/科目名称 列"],
                found: ["经济分类科目编码/类", "合计"], headerRows: 4...4),
            at: SourceLocation(file: "a.xlsx", sheet: "s", cell: "A4"))
        let zh = e.message(.zh)
        #expect(!zh.contains("缺少"))
        #expect(zh.contains("第 4 行"))
        #expect(!zh.contains("4–4"))
        #expect(zh.contains("基本支出表"))
    }
}
