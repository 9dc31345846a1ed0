import FinanceModel
import Recognition
import Spreadsheet
import Testing

/// Unrecognised input gets a located error that says what was found, what is missing and where it looked.
@Suite struct RecognitionErrorTests {
    func error(_ sheet: Sheet, file: String = "输入.xlsx") -> RecognitionError? {
        do {
            _ = try TableRecognizer.recognize(sheet: sheet, file: file, isCSV: false)
            return nil
        } catch {
            return error
        }
    }

    @Test func noHeaderSaysWhatWasFoundAndTheRowsSearched() throws {
        let sheet = SheetBuilding.sheet([["会议纪要"], ["出席：张三", "李四"]], name: "纪要")
        let e = try #require(error(sheet))
        #expect(e.location.description == "输入.xlsx › 纪要 › A1")
        let zh = e.message(.zh)
        #expect(zh.contains("第 1–2 行"))
        #expect(zh.contains("会议纪要"))
        #expect(zh.contains("--mapping"))
        #expect(e.message(.en).contains("no header row in rows 1–2"))
    }

    @Test func unknownKindNamesTitleAndHeaders() throws {
        let sheet = SheetBuilding.sheet([["人员名单"], ["序号", "备注"], ["1", "甲"]])
        let e = try #require(error(sheet))
        guard case .unknownKind(let title, let headers, let rows) = e.reason else { Issue.record("\(e.reason)"); return }
        #expect(title == "人员名单")
        #expect(headers == ["序号", "备注"])
        #expect(rows == 2...2)
        #expect(e.message(.zh).contains("第 2 行表头：序号、备注"))
        #expect(e.location.cell == "A2")
    }

    @Test func missingAmountColumnsAreListed() throws {
        let sheet = SheetBuilding.sheet([["部门支出决算表"], ["科目编码", "科目名称"], ["201", "一般公共服务支出"]])
        let e = try #require(error(sheet))
        guard case .missingColumns(let kind, let missing, let found, let rows) = e.reason else {
            Issue.record("\(e.reason)"); return
        }
        #expect(kind == .expenseByFunction)
        #expect(missing.first?.contains("金额列") == true)
        #expect(found == ["科目编码", "科目名称"])
        #expect(rows == 2...2)
    }

    @Test func textInAnAmountCellIsLocated() throws {
        let sheet = SheetBuilding.sheet([
            ["支出决算表"], ["科目编码", "科目名称", "合计"], ["201", "一般公共服务支出", "约五万"],
        ], name: "支出")
        let e = try #require(error(sheet))
        #expect(e.location.description == "输入.xlsx › 支出 › C3")
        #expect(e.message(.zh).contains("“约五万”不是数字"))
    }

    @Test func emptySheet() throws {
        let e = try #require(error(Sheet(name: "空")))
        #expect(e.reason == .emptySheet)
    }
}
