import Foundation
import Spreadsheet
import TestSupport
import Testing
import XLSXFormat

/// Hostile inputs too big to commit, built at test time with `ZipBuilder` (the same files
/// `make_hostile.py --generated` writes for `make hostile`).
@Suite struct HostileGeneratedTests {
    let folder: URL
    let kernel: [UInt8]

    init() throws {
        folder = try Fixtures.temporaryDirectory("budgeteval-hostile")
        kernel = Array(try Data(contentsOf: Fixtures.url("deflate_1mib_spaces.bin")))
    }

    @Test func hundredThousandEntriesAreRefusedByTheEntryCap() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        var zip = ZipBuilder()
        for i in 0..<100_000 { zip.add("e/\(i)", payload: []) }
        let path = try zip.write(to: folder, name: "entries.xlsx")
        #expect(readFailure(path)?.reason == .tooManyEntries(count: 100_000, limit: ReadLimits().maxEntries))
    }

    /// 4 MiB on disk declaring (truthfully) 4,095 MiB: refused from the directory, before inflating.
    @Test func gigabyteBombIsRefusedByItsDeclaredRatio() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let zip = MinimalWorkbook.bomb(kernel: kernel, mebibytes: 4095, declaredSize: 4095 << 20)
        let path = try zip.write(to: folder, name: "bomb.xlsx")
        #expect(zip.bytes().count < 5 << 20)
        let error = readFailure(path)
        guard case .compressionRatioTooHigh(let ratio, let limit)? = error?.reason else {
            Issue.record("expected compressionRatioTooHigh, got \(String(describing: error))")
            return
        }
        #expect(ratio > 900)
        #expect(limit == ReadLimits().maxCompressionRatio)
        #expect(error?.location.part == "xl/worksheets/sheet1.xml")
        #expect(error?.location.position == nil)  // from the directory: no byte was inflated
    }

    /// The same bomb declaring 1,000 bytes: libzip would inflate on past that, so the stream stops itself
    /// at the declared size — even with every cap raised.
    @Test func lyingBombStopsAtItsDeclaredSize() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = try MinimalWorkbook.bomb(kernel: kernel, mebibytes: 4095, declaredSize: 1000)
            .write(to: folder, name: "lying.xlsx")
        let raised = ReadLimits(maxInflatedBytes: 1 << 50, maxCompressionRatio: 1 << 40, maxCells: 1 << 40)
        for limits in [ReadLimits(), raised] {
            let error = readFailure(path, limits: limits)
            guard case .corruptZip(let detail)? = error?.reason else {
                Issue.record("expected corruptZip, got \(String(describing: error))")
                return
            }
            #expect(detail.contains("1000"))
            #expect(error?.location.position == .byte(1000))
        }
    }
}

extension HostileGeneratedTests {
    /// Text without a `>` longer than any string may be: the byte scanner hands the part to libxml2
    /// (it used to grow its buffer and rescan it, quadratically) and the cell before it still reads once.
    @Test func longRunWithoutAngleBracketReadsOnce() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        var zip = ZipBuilder()
        MinimalWorkbook.add(to: &zip)
        var xml = Array("""
            <?xml version="1.0"?><worksheet xmlns="\(MinimalWorkbook.main)"><sheetData>\
            <row r="1"><c r="A1"><v>1</v></c></row>
            """.utf8)
        var block = [UInt8](repeating: 0x20, count: 1 << 20)
        for i in stride(from: 0, to: block.count, by: 64) { block[i] = UInt8(ascii: "a") + UInt8((i / 64) % 26) }
        for _ in 0..<6 { xml += block }
        xml += Array("<row r=\"2\"><c r=\"A2\"><v>2</v></c></row></sheetData></worksheet>".utf8)
        zip.add("xl/worksheets/sheet1.xml", payload: xml)
        let path = try zip.write(to: folder, name: "run.xlsx")
        let sheet = try XLSXReader(path: path).readSheet(1)
        #expect(sheet.rows.map(\.index) == [0, 1])
        #expect(sheet.rows.map { $0[0] } == [.number("1"), .number("2")])
    }
}
