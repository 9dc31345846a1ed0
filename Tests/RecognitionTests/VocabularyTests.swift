import FinanceModel
import Recognition
import Spreadsheet
import Testing

/// Header words as data, title-block lines, and the kind chosen by title and headers.
@Suite struct VocabularyTests {
    @Test(arguments: [
        ("年初预算数", "total.initialBudget"), ("年初预算", "total.initialBudget"),
        ("调整后预算数", "total.adjustedBudget"), ("全年预算数", "total.adjustedBudget"),
        ("调整预算数", "total.adjustedBudget"), ("决算数", "total.actual"), ("支出决算", "total.actual"),
        ("实际支出", "total.actual"), ("执行数", "total.actual"), ("全年执行数", "total.actual"),
    ])
    func amountColumnSynonyms(_ header: String, _ role: String) throws {
        let sheet = SheetBuilding.sheet([
            ["部门预算执行表"], ["单位：元"], ["科目编码", "科目名称", header], ["2011301", "行政运行", "1"],
        ])
        let t = try SheetBuilding.recognize(sheet)
        #expect(t.roleMap["C"] == role)
    }

    @Test(arguments: [
        ("2020年部门收支总表", TableKind.incomeExpenseSummary), ("收入支出决算总表", .incomeExpenseSummary),
        ("财政拨款收入支出决算总表", .fiscalIncomeExpenseSummary), ("部门收入总表", .incomeByFunction),
        ("一般公共预算财政拨款支出决算表", .generalBudgetExpenseByFunction), ("部门支出总表", .expenseByFunction),
        ("政府性基金预算支出表", .governmentFundExpense), ("国有资本经营预算支出表", .stateCapitalExpense),
    ])
    func kindFromTitle(_ title: String, _ kind: TableKind) throws {
        let sheet = SheetBuilding.sheet([
            [title], ["单位：万元"], ["科目编码", "科目名称", "合计"], ["2011301", "行政运行", "1"],
        ])
        // Summary titles need a two-sided header to be read; check the kind only for the others.
        if kind == .incomeExpenseSummary || kind == .fiscalIncomeExpenseSummary {
            let summary = SheetBuilding.sheet([
                [title], ["单位：万元"], ["收入项目", "金额", "支出项目", "金额"], ["本年收入合计", "1", "本年支出合计", "1"],
            ])
            #expect(try SheetBuilding.recognize(summary).kind == kind)
        } else {
            #expect(try SheetBuilding.recognize(sheet).kind == kind)
        }
    }

    @Test func titleBlockLines() throws {
        let sheet = SheetBuilding.sheet([
            ["", "", "财决01表"],
            ["某单位收入支出决算总表"],
            ["编制部门：某局（本级）", "2019年度", "金额单位：千元"],
            ["收入", "", "支出"],
            ["项目", "决算数", "项目", "决算数"],
            ["本年收入合计", "1", "本年支出合计", "1"],
        ])
        let t = try SheetBuilding.recognize(sheet)
        #expect(t.info.title == "某单位收入支出决算总表")
        #expect(t.info.preparedBy == "某局（本级）")
        #expect(t.info.year == 2019)
        #expect(t.info.unit == .thousandYuan)
        #expect(t.info.tableCode == "财决01表")
    }

    @Test func bundledVocabularyLoads() throws {
        let vocabulary = Vocabulary.standard
        let sheet = SheetBuilding.sheet([["三公经费"], ["合计", "接待费"], ["3", "3"]])
        let t = try TableRecognizer.recognize(sheet: sheet, file: "a.xlsx", isCSV: false, vocabulary: vocabulary)
        #expect(t.first?.roleMap == ["A": "total.initialBudget", "B": "reception.initialBudget"])
    }
}
