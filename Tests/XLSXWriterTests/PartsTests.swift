import Foundation
import Spreadsheet
import Testing
@testable import XLSXFormat

/// Part by part: the exact XML the writer produces for small workbooks.
@Suite struct PartsTests {
    static let declaration = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\r\n"

    @Test func stylesHoldOnlyTheStylesUsed() throws {
        let zip = try ZipEntries(path: try Samples.write(Samples.form()))
        let expected = Self.declaration + """
            <styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">\
            <fonts count="4">\
            <font><sz val="11"/><name val="宋体"/><family val="3"/><charset val="134"/></font>\
            <font><b/><sz val="16"/><name val="黑体"/><family val="3"/><charset val="134"/></font>\
            <font><b/><sz val="11"/><name val="宋体"/><family val="3"/><charset val="134"/></font>\
            <font><sz val="12"/><name val="仿宋_GB2312"/><family val="3"/><charset val="134"/></font>\
            </fonts>\
            <fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>\
            <fill><patternFill patternType="solid"><fgColor rgb="FFD9D9D9"/><bgColor indexed="64"/></patternFill></fill></fills>\
            <borders count="3"><border><left/><right/><top/><bottom/><diagonal/></border>\
            <border><left style="thin"><color indexed="64"/></left><right style="thin"><color indexed="64"/></right>\
            <top style="thin"><color indexed="64"/></top><bottom style="thin"><color indexed="64"/></bottom><diagonal/></border>\
            <border><left style="medium"><color indexed="64"/></left><right style="medium"><color indexed="64"/></right>\
            <top style="medium"><color indexed="64"/></top><bottom style="medium"><color indexed="64"/></bottom><diagonal/></border>\
            </borders>\
            <cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>\
            <cellXfs count="5"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>\
            <xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1" applyAlignment="1">\
            <alignment horizontal="center" vertical="center"/></xf>\
            <xf numFmtId="0" fontId="2" fillId="2" borderId="1" xfId="0" applyFont="1" applyFill="1" applyBorder="1" applyAlignment="1">\
            <alignment horizontal="center" vertical="center" wrapText="1"/></xf>\
            <xf numFmtId="4" fontId="3" fillId="0" borderId="1" xfId="0" applyNumberFormat="1" applyFont="1" applyBorder="1"/>\
            <xf numFmtId="10" fontId="0" fillId="0" borderId="2" xfId="0" applyNumberFormat="1" applyBorder="1"/>\
            </cellXfs>\
            <cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>\
            <dxfs count="0"/><tableStyles count="0" defaultTableStyle="TableStyleMedium9" defaultPivotStyle="PivotStyleLight16"/>\
            </styleSheet>
            """
        #expect(zip.text("xl/styles.xml") == expected)
    }

    @Test func customNumberFormatsAndDatesGetIDsFrom164() throws {
        let rows = [Row(index: 0, cells: [
            Cell(column: 0, value: .number("1"), style: .numberFormat("0.000")),
            Cell(column: 1, value: .date(LocalDateTime(year: 2020, month: 12, day: 31))),
            Cell(column: 2, value: .number("2"), style: .numberFormat("0.000")),
            Cell(column: 3, value: .number("3"), style: .numberFormat("#,##0.00")),
        ])]
        let styles = try #require(try ZipEntries(path: try Samples.write(Samples.sheet(rows))).text("xl/styles.xml"))
        #expect(styles.contains("<numFmts count=\"2\"><numFmt numFmtId=\"164\" formatCode=\"0.000\"/><numFmt numFmtId=\"165\" formatCode=\"yyyy-mm-dd\"/></numFmts>"))
        #expect(styles.contains("<cellXfs count=\"4\">"))
    }

    @Test func workbookListsSheetsStatesAndPrintTitles() throws {
        var first = Sheet(name: "隐藏", state: .hidden)
        first.set(CellAddress("A1")!, .text("x"))
        var second = Sheet(name: "O'Brien 表")
        second.layout.print.repeatRows = 2...3
        second.set(CellAddress("A1")!, .text("y"))
        let zip = try ZipEntries(path: try Samples.write(Workbook(sheets: [first, second], date1904: true)))
        let expected = Self.declaration + """
            <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" \
            xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">\
            <fileVersion appName="xl" lastEdited="4" lowestEdited="4" rupBuild="4505"/><workbookPr date1904="1"/>\
            <bookViews><workbookView xWindow="240" yWindow="15" windowWidth="16095" windowHeight="9660" firstSheet="1" activeTab="1"/></bookViews>\
            <sheets><sheet name="隐藏" sheetId="1" state="hidden" r:id="rId1"/><sheet name="O'Brien 表" sheetId="2" r:id="rId2"/></sheets>\
            <definedNames><definedName name="_xlnm.Print_Titles" localSheetId="1">'O''Brien 表'!$3:$4</definedName></definedNames>\
            <calcPr calcId="124519" fullCalcOnLoad="1"/></workbook>
            """
        #expect(zip.text("xl/workbook.xml") == expected)
        // Only the first visible sheet is the selected tab.
        #expect(zip.text("xl/worksheets/sheet1.xml")?.contains("tabSelected") == false)
        #expect(zip.text("xl/worksheets/sheet2.xml")?.contains("<sheetView tabSelected=\"1\" workbookViewId=\"0\"/>") == true)
        #expect(zip.text("xl/_rels/workbook.xml.rels")?.contains("Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet2.xml\"") == true)
    }

    @Test func printAreaKeepsColumnsOffThePage() throws {
        var sheet = Sheet(name: "表")
        sheet.layout.print.printColumns = 0...8
        sheet.layout.print.repeatRows = 1...1
        sheet.set(CellAddress("J1")!, .text("说明"))
        let workbook = try #require(try ZipEntries(path: try Samples.write(Workbook(sheets: [sheet]))).text("xl/workbook.xml"))
        #expect(workbook.contains(
            "<definedNames><definedName name=\"_xlnm.Print_Area\" localSheetId=\"0\">'表'!$A$1:$I$1</definedName>"
                + "<definedName name=\"_xlnm.Print_Titles\" localSheetId=\"0\">'表'!$2:$2</definedName></definedNames>"))
    }

    @Test func smallSheetIsExact() throws {
        let rows = [
            Row(index: 0, cells: [
                Cell(column: 0, value: .text("名称")),
                Cell(column: 1, value: .number("-0.5")),
                Cell(column: 2, value: .boolean(true)),
                Cell(column: 3, value: .error("#N/A")),
            ]),
            Row(index: 2, cells: [
                Cell(column: 1, value: .date(LocalDateTime(year: 2021, month: 1, day: 1, hour: 12))),
                Cell(column: 2, value: .text("ok"), formula: "IF(B3>0,\"ok\",\"<no>\")"),
                Cell(column: 3, value: .empty, style: CellStyle(border: .all(.thin))),
                Cell(column: 4, value: .text("名称")),
            ], height: 20.25),
        ]
        let layout = SheetLayout(columnWidths: [1: 12.5], frozenAt: CellAddress("B2"))
        let zip = try ZipEntries(path: try Samples.write(Samples.sheet(rows, name: "表1", layout: layout)))
        let expected = Self.declaration + """
            <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" \
            xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">\
            <dimension ref="A1:E3"/><sheetViews><sheetView tabSelected="1" workbookViewId="0">\
            <pane xSplit="1" ySplit="1" topLeftCell="B2" activePane="bottomRight" state="frozen"/>\
            <selection pane="topRight"/><selection pane="bottomLeft"/><selection pane="bottomRight"/></sheetView></sheetViews>\
            <sheetFormatPr defaultRowHeight="13.5"/><cols><col min="2" max="2" width="12.5" customWidth="1"/></cols><sheetData>\
            <row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1"><v>-0.5</v></c><c r="C1" t="b"><v>1</v></c><c r="D1" t="e"><v>#N/A</v></c></row>\
            <row r="3" ht="20.25" customHeight="1"><c r="B3" s="1"><v>44197.5</v></c>\
            <c r="C3" t="str"><f>IF(B3&gt;0,"ok","&lt;no&gt;")</f><v>ok</v></c><c r="D3" s="2"/><c r="E3" t="s"><v>0</v></c></row>\
            </sheetData><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>
            """
        #expect(zip.text("xl/worksheets/sheet1.xml") == expected)
        let sst = Self.declaration + """
            <sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="2" uniqueCount="1"><si><t>名称</t></si></sst>
            """
        #expect(zip.text("xl/sharedStrings.xml") == sst)
    }

    @Test func textIsEscapedAsExcelDoes() throws {
        let tricky = " a&b<c>\"d\" \u{1}\r\n\t_x0041_ _x12_ \u{FFFE}"
        let rows = [Row(index: 0, cells: [Cell(column: 0, value: .text(tricky))])]
        let sst = try #require(try ZipEntries(path: try Samples.write(Samples.sheet(rows))).text("xl/sharedStrings.xml"))
        #expect(sst.contains("<si><t xml:space=\"preserve\"> a&amp;b&lt;c&gt;\"d\" _x0001__x000D_\n\t_x005F_x0041_ _x12_ _xFFFE_</t></si>"))
    }

    @Test func documentPropertiesOnlyWhenAsked() throws {
        let plain = try ZipEntries(path: try Samples.write(Samples.form()))
        #expect(plain.text("docProps/core.xml")?.contains("dcterms:created") == false)
        var options = XLSXWriteOptions()
        options.documentProperties = .init(title: "自评表", creator: "财务科", company: "某局",
                                           created: LocalDateTime(year: 2021, month: 3, day: 31, hour: 9))
        let zip = try ZipEntries(path: try Samples.write(Samples.form(), options: options))
        let core = try #require(zip.text("docProps/core.xml"))
        #expect(core.contains("<dc:title>自评表</dc:title><dc:creator>财务科</dc:creator><cp:lastModifiedBy>财务科</cp:lastModifiedBy><dcterms:created xsi:type=\"dcterms:W3CDTF\">2021-03-31T09:00:00Z</dcterms:created>"))
        #expect(zip.text("docProps/app.xml")?.contains("<Company>某局</Company>") == true)
    }

    @Test func toolMarkerIsWrittenAndDetected() throws {
        let path = try Samples.write(Samples.form(), options: .report)
        #expect(try ZipEntries(path: path).text("docProps/app.xml")?.contains("<Application>BudgetEval Report</Application>") == true)
        #expect(XLSXToolMarker.isToolOutput(path: path))
        // A plain workbook (what convert writes: the user's data in another format) is not a report.
        #expect(!XLSXToolMarker.isToolOutput(path: try Samples.write(Samples.form())))
        var options = XLSXWriteOptions()
        options.documentProperties.application = "Microsoft Excel"
        #expect(!XLSXToolMarker.isToolOutput(path: try Samples.write(Samples.form(), options: options)))
        #expect(!XLSXToolMarker.isToolOutput(path: "/nonexistent/x.xlsx"))
    }

    @Test func columnLettersMatchTheModel() {
        let out = XMLOutputBuffer(capacity: 16)
        for column in [0, 1, 25, 26, 27, 51, 52, 701, 702, 703, 18_277, 16_383] {
            out.columnName(column)
            #expect(String(decoding: out.takeBytes(), as: UTF8.self) == CellAddress.columnName(column))
        }
    }
}
