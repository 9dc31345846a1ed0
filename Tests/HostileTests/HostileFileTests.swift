import Foundation
import Spreadsheet
import TestSupport
import Testing
import XLSXFormat

/// Reads a hostile file through the public reader (open, then every sheet whole) and returns the error.
func readFailure(_ path: String, limits: ReadLimits = ReadLimits()) -> SpreadsheetError? {
    do {
        let reader = try XLSXReader(path: path, limits: limits)
        _ = try reader.readWorkbook()
        return nil
    } catch let error as SpreadsheetError {
        return error
    } catch {
        Issue.record("not a SpreadsheetError: \(error)")
        return nil
    }
}

/// The committed hostile corpus (Tests/HostileTests/Fixtures, written by make_hostile.py). The older
/// hostile fixtures — XXE to a local file, billion laughs, the 24 MiB ratio bomb, invalid UTF-8, a
/// half-cut zip, encrypted and legacy OLE files, `XFE1`, a shared-string index out of range — live in
/// Tests/XLSXFormatTests/Fixtures with their tests in XLSXHostileTests; `make hostile` runs both folders.
@Suite struct HostileFileTests {
    func failure(_ name: String, limits: ReadLimits = ReadLimits()) -> SpreadsheetError? {
        readFailure(Fixtures.url(name).path, limits: limits)
    }

    @Test func externalEntityToAURLIsRefusedUnexpanded() {
        let error = failure("hostile_xxe_url.xlsx")
        #expect(error?.reason == .xmlDoctype)
        #expect(error?.location.part == "Sheet1")
    }

    /// gnumeric writes `A1:XFD1048576` for real sheets (calamine's issue_174.xlsx), so the declaration
    /// is not an error: it is never used to size anything, and only stored cells count against the cap.
    @Test func fullSheetDimensionIsNotTrusted() throws {
        let reader = try XLSXReader(path: Fixtures.url("dimension_full_sheet.xlsx").path)
        let sheet = try reader.readSheet(1)
        #expect(sheet.rows.map(\.index) == [0, 1_048_575])
        #expect(sheet.rows.flatMap(\.cells).map(\.column) == [0, 16_383])
        var limits = ReadLimits()
        limits.maxCells = 1
        #expect(failure("dimension_full_sheet.xlsx", limits: limits)?.reason == .tooManyCells(limit: 1))
    }

    @Test func styleIndexOutOfRangeNamesTheCell() {
        let error = failure("style_out_of_range.xlsx")
        #expect(error?.reason == .styleOutOfRange(index: 7, count: 1))
        #expect(error?.location.position == .cell(CellAddress(row: 0, column: 0)))
        #expect(error?.message(.zh).contains("样式序号 7") == true)
    }

    @Test func rowZeroReferenceIsRefused() {
        #expect(failure("bad_reference_a0.xlsx")?.reason == .invalidCellReference("A0"))
    }

    /// libxml2's push parser keeps a name stack per level without a cap (5 million levels fit under the
    /// ratio floor: ~200 MB); the reader stops at 256.
    @Test func deeplyNestedXMLStopsAtTheDepthCap() {
        let error = failure("deep_nesting.xlsx")
        guard case .malformedXML(let detail)? = error?.reason else {
            Issue.record("expected malformedXML, got \(String(describing: error))")
            return
        }
        #expect(detail.contains("256"))
        guard case .byte(let offset)? = error?.location.position else {
            Issue.record("expected a byte position")
            return
        }
        #expect(offset < 20_000)  // stopped near depth 256, not after 100,000 levels
    }

    @Test func entryNameClimbingOutIsRefused() {
        guard case .corruptZip(let detail)? = failure("entry_dotdot.xlsx")?.reason else {
            Issue.record("expected corruptZip")
            return
        }
        #expect(detail.contains("../../budgeteval-escape.txt"))
    }

    @Test func truncatedCentralDirectoryIsCorrupt() {
        let error = failure("truncated_central_directory.xlsx")
        guard case .corruptZip? = error?.reason else {
            Issue.record("expected corruptZip, got \(String(describing: error))")
            return
        }
        #expect(error?.location.file == "truncated_central_directory.xlsx")
    }

    /// Fuzzing regression (FuzzXLSXPackage): a package over the entry cap crashed in libzip, because
    /// the throwing initializer discarded the archive and `deinit` discarded it again.
    @Test func packageOverTheEntryCapFailsCleanly() {
        var limits = ReadLimits()
        limits.maxEntries = 10
        for _ in 0..<3 {
            #expect(failure("too_many_entries.xlsx", limits: limits)?.reason == .tooManyEntries(count: 12, limit: 10))
        }
    }
}
