import Foundation
import Testing
import FinanceModel
import Pipeline
import ReportCheck
import Spreadsheet
import TestSupport
import XLSXFormat

/// Reading the report: .docx (DocxText), UTF-8 and GB18030 text, and the same findings from each.
@Suite struct ReportReadingTests {
    @Test func docxGivesParagraphsAndTableCellsAsLines() throws {
        let lines = try DocxText.paragraphs(path: Fixtures.url("runs-and-table.docx").path)
        #expect(lines == ["第一段", "甲\t乙", "丙 & 丁", "项目 名称", "金额", "外 内", "28.71万元", "末段"])
    }

    @Test func docxWithDoctypeIsRefused() throws {
        let error = #expect(throws: SpreadsheetError.self) {
            _ = try DocxText.paragraphs(path: Fixtures.url("doctype.docx").path)
        }
        #expect(error?.reason == .xmlDoctype)
        #expect(error?.location.part == "word/document.xml")
    }

    @Test func aParagraphBeyondTheStringCapIsRefused() throws {
        var limits = ReadLimits()
        limits.maxStringBytes = 64
        let error = #expect(throws: SpreadsheetError.self) {
            _ = try DocxText.paragraphs(path: Fixtures.url("seed-report.docx").path, limits: limits)
        }
        #expect(error?.reason == .stringTooLong(limit: 64))
        #expect(error?.location.part == "word/document.xml")
    }

    @Test func notAZipIsRefusedWithItsName() throws {
        let error = #expect(throws: SpreadsheetError.self) {
            _ = try DocxText.paragraphs(path: Fixtures.url("seed-report.txt").path, displayName: "报告.docx")
        }
        guard case .corruptZip = error?.reason else {
            Issue.record("expected corruptZip, got \(String(describing: error))")
            return
        }
        #expect(error?.location.file == "报告.docx")
    }

    @Test func docxSeedMatchesTheTextSeed() throws {
        let fromDocx = try ReportCrosscheck.check(reportPath: Fixtures.url("seed-report.docx").path)
        let fromText = try ReportCrosscheck.check(reportPath: Fixtures.url("seed-report.txt").path)
        #expect(fromDocx.findings.map(\.finding) == fromText.findings.map(\.finding))
        #expect(fromDocx.findings.map(\.location.line) == [43, 71])
        #expect(fromDocx.findings.map(\.location.sentence) == fromText.findings.map(\.location.sentence))
        #expect(fromDocx.confirmed.map(\.statement) == fromText.confirmed.map(\.statement))
        #expect(fromDocx.findings.first?.location.file == "seed-report.docx")
    }

    @Test func gb18030TextReadsLikeUTF8() throws {
        let gb = try ReportCrosscheck.readReport(path: Fixtures.url("seed-report-gb18030.txt").path)
        let utf8 = try ReportCrosscheck.readReport(path: Fixtures.url("seed-report.txt").path)
        #expect(gb.paragraphs.map(\.text) == utf8.paragraphs.map(\.text))
        #expect(gb.paragraphs.count > 90)
    }

    @Test func anotherFormatIsRefused() throws {
        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let pdf = dir.appendingPathComponent("报告.pdf")
        try Data("%PDF-1.4".utf8).write(to: pdf)
        #expect(throws: SpreadsheetError.self) { _ = try ReportCrosscheck.readReport(path: pdf.path) }
    }

    @Test func jsonCarriesParagraphLineSentenceAndConfirmations() throws {
        let result = try ReportCrosscheck.check(reportPath: Fixtures.url("seed-report.txt").path)
        let json = ReportCrosscheck.json(result)
        let object = try #require(
            try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let findings = try #require(object["findings"] as? [[String: Any]])
        #expect(findings.count == 2)
        let first = try #require(findings.first)
        #expect(first["paragraph"] as? Int == 42)
        #expect(first["line"] as? Int == 43)
        #expect((first["sentence"] as? String)?.hasPrefix("本年支出合计1297.24万元") == true)
        #expect(first["severity"] as? String == "hint")
        #expect(first["expected"] as? String == "1297.24")
        let second = try #require(findings.last)
        #expect((second["related"] as? [[String: Any]])?.first?["line"] as? Int == 39)
        let confirmed = try #require(object["confirmed"] as? [[String: Any]])
        #expect(confirmed.contains { $0["statement"] as? String == "944.59 = 605.7 + 333.89 + 5（万元）" })
    }
}
