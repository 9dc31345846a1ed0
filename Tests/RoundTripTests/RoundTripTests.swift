import Foundation
import Spreadsheet
import Testing
import TestSupport
import XLSXFormat

/// Round trip (往返测试): every workbook the writer writes, the reader reads back to the same values.
///
/// A few hundred seeded random workbooks (see `WorkbookGenerator`) are written with `XLSXWriter` and
/// read with `XLSXReader`; their `TextDump`s (values, formulas, number formats, merges, sheet names
/// and states) must be equal. A failure names the seed, so the case can be replayed alone.
@Suite struct RoundTripTests {
    static let caseCount = 250

    /// What the reader can give back of a written workbook: styles reduce to their number format,
    /// and a date cell without one gets the writer's default date format.
    static func expected(_ workbook: Workbook) -> Workbook {
        var copy = workbook
        for s in copy.sheets.indices {
            for r in copy.sheets[s].rows.indices {
                for c in copy.sheets[s].rows[r].cells.indices {
                    var cell = copy.sheets[s].rows[r].cells[c]
                    var format = cell.style?.numberFormat
                    if format == nil, case .date(let d) = cell.value {
                        format = d.kind == .date ? "yyyy-mm-dd" : d.kind == .dateTime ? "yyyy-mm-dd hh:mm:ss" : "hh:mm:ss"
                    }
                    cell.style = format.map { CellStyle.numberFormat($0) }
                    copy.sheets[s].rows[r].cells[c] = cell
                }
            }
        }
        return copy
    }

    @Test func generatedWorkbooksReadBackUnchanged() throws {
        let folder = try Fixtures.temporaryDirectory("round-trip")
        defer { try? FileManager.default.removeItem(at: folder) }
        var failures: [String] = []
        var seen = Coverage()
        for seed in 1...UInt64(Self.caseCount) {
            var generator = WorkbookGenerator(seed: seed)
            let workbook = generator.workbook()
            let path = folder.appendingPathComponent("case\(seed).xlsx").path
            do {
                try XLSXWriter.write(workbook, to: path)
                let back = try XLSXReader(path: path).readWorkbook()
                seen.add(back)
                let want = TextDump.dump(Self.expected(workbook))
                let got = TextDump.dump(back)
                if want != got { failures.append("seed \(seed):\n" + Self.firstDifference(want, got)) }
                #expect(back.date1904 == workbook.date1904, "seed \(seed)")
            } catch {
                failures.append("seed \(seed): \(error)")
            }
            try? FileManager.default.removeItem(atPath: path)
            if failures.count >= 5 { break }
        }
        #expect(failures.isEmpty, "\(failures.joined(separator: "\n"))")
        // The property only means something if the generator reached every kind of content.
        #expect(seen.counts.keys.sorted() == Coverage.all.sorted(), "missing: \(Set(Coverage.all).subtracting(seen.counts.keys))")
        #expect(seen.counts.values.reduce(0, +) > 5_000)
    }

    /// What the read-back workbooks held, by kind.
    struct Coverage {
        static let all = ["text", "cjk", "control", "long", "number", "negative", "fraction", "date", "dateTime", "time",
                          "bool", "error", "formula", "numberFormat", "merge", "hidden", "veryHidden", "1904", "sheets>1"]
        var counts: [String: Int] = [:]

        mutating func add(_ workbook: Workbook) {
            func note(_ key: String) { counts[key, default: 0] += 1 }
            if workbook.date1904 { note("1904") }
            if workbook.sheets.count > 1 { note("sheets>1") }
            for sheet in workbook.sheets {
                if sheet.state == .hidden { note("hidden") }
                if sheet.state == .veryHidden { note("veryHidden") }
                sheet.merges.forEach { _ in note("merge") }
                for cell in sheet.rows.flatMap(\.cells) {
                    if cell.formula != nil { note("formula") }
                    if cell.style?.numberFormat != nil { note("numberFormat") }
                    switch cell.value {
                    case .text(let t):
                        note("text")
                        if t.unicodeScalars.contains(where: { $0.value >= 0x4E00 }) { note("cjk") }
                        if t.unicodeScalars.contains(where: { $0.value < 0x20 }) { note("control") }
                        if t.utf16.count > 30_000 { note("long") }
                    case .number(let n):
                        note("number")
                        if n.hasPrefix("-") { note("negative") }
                        if n.contains(".") { note("fraction") }
                    case .date(let d): note(d.kind == .date ? "date" : d.kind == .dateTime ? "dateTime" : "time")
                    case .boolean: note("bool")
                    case .error: note("error")
                    case .empty: break
                    }
                }
            }
        }
    }

    @Test func sameWorkbookGivesIdenticalBytes() throws {
        let folder = try Fixtures.temporaryDirectory("round-trip")
        defer { try? FileManager.default.removeItem(at: folder) }
        for seed in [UInt64(7), 42, 99] {
            var generator = WorkbookGenerator(seed: seed)
            let workbook = generator.workbook()
            let a = folder.appendingPathComponent("a.xlsx").path, b = folder.appendingPathComponent("b.xlsx").path
            try XLSXWriter.write(workbook, to: a)
            try XLSXWriter.write(workbook, to: b)
            #expect(try Data(contentsOf: URL(fileURLWithPath: a)) == Data(contentsOf: URL(fileURLWithPath: b)), "seed \(seed)")
        }
    }

    /// The first differing line of two dumps, with its neighbours.
    static func firstDifference(_ a: String, _ b: String) -> String {
        let x = a.split(separator: "\n", omittingEmptySubsequences: false)
        let y = b.split(separator: "\n", omittingEmptySubsequences: false)
        for i in 0..<max(x.count, y.count) where i >= x.count || i >= y.count || x[i] != y[i] {
            func line(_ l: [Substring]) -> String { i < l.count ? String(l[i].prefix(200)) : "<end>" }
            return "  line \(i + 1)\n  want: \(line(x))\n  got:  \(line(y))"
        }
        return "  (equal)"
    }
}
