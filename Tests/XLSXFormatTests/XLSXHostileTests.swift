import Spreadsheet
import TestSupport
import Testing
@testable import XLSXFormat

/// Hostile and broken inputs are refused with the specific reason, quickly and without output.
@Suite struct XLSXHostileTests {
    /// Opens and reads every sheet, returning the reason it failed (nil if it did not).
    func failure(_ name: String, limits: ReadLimits = ReadLimits()) -> SpreadsheetError? {
        do {
            let reader = try XLSXReader(path: Fixtures.url(name).path, limits: limits)
            _ = try reader.readWorkbook()
            return nil
        } catch let error as SpreadsheetError {
            return error
        } catch {
            Issue.record("unexpected error type: \(error)")
            return nil
        }
    }

    @Test func externalEntityIsRefused() {
        #expect(failure("hostile_xxe.xlsx")?.reason == .xmlDoctype)
    }

    @Test func billionLaughsIsRefused() {
        #expect(failure("hostile_billion_laughs.xlsx")?.reason == .xmlDoctype)
    }

    @Test func anyDoctypeIsRefused() {
        let error = failure("hostile_doctype.xlsx")
        #expect(error?.reason == .xmlDoctype)
        #expect(error?.location.part == "xl/workbook.xml")
    }

    @Test func zipBombIsRefusedByRatioBeforeInflating() {
        guard case .compressionRatioTooHigh(let ratio, let limit)? = failure("hostile_zip_bomb.xlsx")?.reason else {
            Issue.record("expected compressionRatioTooHigh")
            return
        }
        #expect(ratio > 900)
        #expect(limit == ReadLimits().maxCompressionRatio)
    }

    @Test func inflatedByteCapApplies() {
        var limits = ReadLimits()
        limits.maxInflatedBytes = 1000
        limits.maxCompressionRatio = 1 << 40
        #expect(failure("cell_types.xlsx", limits: limits)?.reason == .inflatedTooLarge(limit: 1000))
    }

    @Test func ratioCapAppliesAboveTheFloor() {
        var limits = ReadLimits()
        limits.ratioFloorBytes = 100
        limits.maxCompressionRatio = 2
        guard case .compressionRatioTooHigh? = failure("cell_types.xlsx", limits: limits)?.reason else {
            Issue.record("expected compressionRatioTooHigh")
            return
        }
        limits.maxCompressionRatio = 1000
        #expect(failure("cell_types.xlsx", limits: limits) == nil)
    }

    @Test func truncatedZipIsCorrupt() {
        guard case .corruptZip? = failure("truncated.xlsx")?.reason else {
            Issue.record("expected corruptZip")
            return
        }
    }

    @Test func textFileIsNotAZip() {
        guard case .corruptZip? = failure("not_a_zip.xlsx")?.reason else {
            Issue.record("expected corruptZip")
            return
        }
    }

    @Test func encryptedPackageIsReportedAsPasswordProtected() {
        #expect(failure("encrypted_ole.xlsx")?.reason == .encrypted)
    }

    @Test func legacyXLSIsReported() {
        #expect(failure("legacy_ole.xls")?.reason == .legacyXLS)
    }

    @Test func referenceBeyondXFDIsRefused() {
        #expect(failure("bad_reference.xlsx")?.reason == .invalidCellReference("XFE1"))
        #expect(failure("bad_row_number.xlsx")?.reason == .invalidCellReference("1048577"))
    }

    @Test func sharedStringIndexOutOfRangeNamesTheCell() {
        let error = failure("sst_out_of_range.xlsx")
        #expect(error?.reason == .sharedStringOutOfRange(index: 5, count: 1))
        #expect(error?.location.position == .cell(CellAddress(row: 0, column: 0)))
        #expect(error?.location.part == "Sheet1")
    }

    @Test func invalidUTF8IsRefused() {
        guard case .invalidEncoding? = failure("invalid_utf8.xlsx")?.reason else {
            Issue.record("expected invalidEncoding")
            return
        }
    }

    @Test func malformedXMLNamesAByte() {
        let error = failure("malformed_xml.xlsx")
        guard case .malformedXML? = error?.reason, case .byte? = error?.location.position else {
            Issue.record("expected malformedXML at a byte, got \(String(describing: error))")
            return
        }
    }

    @Test func cellCapApplies() {
        var limits = ReadLimits()
        limits.maxCells = 3
        #expect(failure("cell_types.xlsx", limits: limits)?.reason == .tooManyCells(limit: 3))
    }

    @Test func messagesNameTheFileInBothLanguages() throws {
        let error = try #require(failure("sst_out_of_range.xlsx"))
        #expect(error.message(.zh).hasPrefix("sst_out_of_range.xlsx › Sheet1 › A1: 共享字符串"))
        #expect(error.message(.en).contains("shared-string index 5"))
    }
}
