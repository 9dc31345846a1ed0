import Foundation
import Spreadsheet
import Testing
@testable import XLSXFormat

/// The zip container: entry order, plain headers, fixed timestamps, deflate.
@Suite struct PackageTests {
    @Test func entriesComeInExcelsOrder() throws {
        let zip = try ZipEntries(path: try Samples.write(Samples.form()))
        #expect(zip.names == [
            "[Content_Types].xml", "_rels/.rels", "xl/_rels/workbook.xml.rels", "xl/workbook.xml",
            "xl/sharedStrings.xml", "xl/styles.xml", "xl/worksheets/sheet1.xml", "docProps/core.xml", "docProps/app.xml",
        ])
    }

    @Test func noSharedStringsPartWithoutText() throws {
        let zip = try ZipEntries(path: try Samples.write(Samples.sheet([Row(index: 0, cells: [Cell(column: 0, value: .number("1"))])])))
        #expect(!zip.names.contains("xl/sharedStrings.xml"))
        #expect(zip.text("[Content_Types].xml")?.contains("sharedStrings") == false)
        #expect(zip.text("xl/_rels/workbook.xml.rels")?.contains("sharedStrings") == false)
    }

    @Test func localHeadersArePlainDeflateWithFixedTime() throws {
        let headers = LocalHeader.all(in: try Samples.bytes(try Samples.write(Samples.form())))
        #expect(headers.count == 9)
        for h in headers {
            #expect(h.versionNeeded == 20, "\(h.name) needs version \(h.versionNeeded) (Zip64 would be 45)")
            #expect(h.extraLength == 0, "\(h.name) has an extra field")
            #expect(h.method == 8, "\(h.name) is not deflated")
            #expect(h.flags & 0x8 == 0, "\(h.name) uses a data descriptor")
            // 2020-01-01 00:00:00 in DOS format.
            #expect(h.dosDate == UInt16((2020 - 1980) << 9 | 1 << 5 | 1) && h.dosTime == 0, "\(h.name) time")
        }
    }
}
