import Foundation
import Spreadsheet
import Testing
import TestSupport
@testable import XLSXFormat

/// Real readers decide: openpyxl and python-calamine open a rich generated workbook and compare
/// values, number formats, formulas, merges, widths and heights with what we wrote
/// (Tests/Interop/check_written.py, run with the repository's .venv that `make test` creates).
@Suite struct InteropTests {
    /// A tiny deterministic generator (SplitMix64), so failures reproduce.
    struct Generator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
        mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }
    }

    static let words = ["行政运行", "一般行政管理事务", "机关服务", "A&B <c>", "\"引号\"", " 前后空格 ", "tab\there",
                        "多行\n文本", "_x0041_ 字面", "Ünïcødé", "😀 emoji", "0101", "000858", "=1+1", ""]
    static let formats = ["#,##0.00", "0.00%", "0.00", "0.000_);[Red](0.000)", "yyyy\"年\"m\"月\"d\"日\""]

    /// Builds the workbook and the JSON the checker expects, side by side.
    static func richWorkbook(seed: UInt64) -> (Workbook, [String: Any]) {
        var g = Generator(state: seed)
        var sheets: [Sheet] = []
        var expectedSheets: [[String: Any]] = []
        for s in 0..<3 {
            var sheet = Sheet(name: ["支出表", "收入 (2020)", "隐藏表"][s], state: s == 2 ? .hidden : .visible)
            var cells: [String: [String: String]] = [:]
            var widths: [String: Double] = [:]
            var heights: [String: Double] = [:]
            for r in 0..<60 {
                var row = Row(index: r)
                for c in 0..<8 where g.below(5) != 0 {
                    let ref = CellAddress(row: r, column: c).description
                    var style = CellStyle(font: .init(name: g.pick(["宋体", "黑体", "仿宋_GB2312"]), size: g.pick([9, 10.5, 11, 12, 16]),
                                                      bold: g.below(3) == 0),
                                          alignment: .init(horizontal: g.pick([.general, .left, .center, .right]),
                                                           vertical: g.pick([.top, .center, .bottom]), wrapText: g.below(2) == 0),
                                          border: .all(g.pick([.none, .thin, .medium])), fillColor: g.pick([nil, "FFFF00", "D9D9D9"]))
                    var cell = Cell(column: c, value: .empty, style: style)
                    var exp: [String: String]
                    switch g.below(7) {
                    case 0, 1:
                        let text = g.pick(words) + (g.below(4) == 0 ? String(repeating: "长", count: g.below(3) == 0 ? 32_767 - 10 : 300) : "")
                        if text.isEmpty { continue }
                        cell.value = .text(text)
                        exp = ["type": "text", "value": text]
                    case 2, 3:
                        let whole = g.below(10_000_000), cents = g.below(100)
                        let text = (g.below(4) == 0 ? "-" : "") + "\(whole).\(cents < 10 ? "0" : "")\(cents)"
                        let format = g.pick(formats.dropLast())
                        style.numberFormat = format
                        cell.style = style
                        cell.value = .number(text)
                        exp = ["type": "number", "value": text, "format": format]
                    case 4:
                        let date = LocalDateTime(year: 1990 + g.below(40), month: 1 + g.below(12), day: 1 + g.below(28),
                                                 hour: g.below(2) == 0 ? 0 : g.below(24), minute: g.below(60) / 15 * 15)
                        cell.value = .date(date)
                        if g.below(2) == 0 {
                            style.numberFormat = formats.last
                            cell.style = style
                        }
                        exp = ["type": "date", "value": date.iso8601]
                    case 5:
                        let b = g.below(2) == 0
                        cell.value = .boolean(b)
                        exp = ["type": "bool", "value": b ? "TRUE" : "FALSE"]
                    default:
                        let text = "\(g.below(1000)).5"
                        cell.value = .number(text)
                        cell.formula = "SUM(Z\(r + 1)*0+\(text))"
                        exp = ["type": "number", "value": text, "formula": cell.formula!]
                    }
                    row.cells.append(cell)
                    cells[ref] = exp
                }
                if g.below(6) == 0 {
                    row.height = g.pick([18, 20.25, 30])
                    heights["\(r + 1)"] = row.height
                }
                sheet.rows.append(row)
            }
            sheet.rows.append(Row(index: 60, cells: [Cell(column: 0, value: .error("#DIV/0!"), formula: "1/0")]))
            cells["A61"] = ["type": "error", "value": "#DIV/0!"]
            for c in 0..<8 where g.below(2) == 0 {
                let w = g.pick([8.5, 12, 20.75, 34])
                sheet.layout.columnWidths[c] = w
                widths[CellAddress.columnName(c)] = w
            }
            // Merges below the data, so no value is hidden under a merge.
            sheet.merges = [CellRange("A70:H70")!, CellRange("B72:C75")!]
            sheet.layout.frozenAt = CellAddress("C3")
            sheet.layout.print = .init(a4: true, orientation: .landscape, fitToWidth: true, repeatRows: 0...1, centerHorizontally: true)
            sheets.append(sheet)
            expectedSheets.append(["name": sheet.name, "state": s == 2 ? "hidden" : "visible", "cells": cells,
                                   "merges": sheet.merges.map(\.description), "widths": widths, "heights": heights])
        }
        return (Workbook(sheets: sheets), ["sheets": expectedSheets])
    }

    /// Writes the rich workbook for `seed` and its expectations into `folder`.
    static func writeRichWorkbook(seed: UInt64, into folder: URL) throws -> (book: String, json: URL) {
        let (workbook, expected) = richWorkbook(seed: seed)
        let book = folder.appendingPathComponent("rich-\(seed).xlsx").path
        let json = folder.appendingPathComponent("rich-\(seed).json")
        try XLSXWriter.write(workbook, to: book)
        try JSONSerialization.data(withJSONObject: expected, options: [.sortedKeys]).write(to: json)
        return (book, json)
    }

    /// The folder named by `BUDGETEVAL_INTEROP_OUT`, or nil when it is not set.
    static var interopOut: String? {
        ProcessInfo.processInfo.environment["BUDGETEVAL_INTEROP_OUT"].flatMap { $0.isEmpty ? nil : $0 }
    }

    /// The repository's `.venv/bin/python` (with openpyxl and python-calamine) that `make venv` creates.
    static var venvPython: String { Fixtures.repositoryRoot().appendingPathComponent(".venv/bin/python").path }

    /// With `BUDGETEVAL_INTEROP_OUT=<folder>` set, keeps the workbooks there for other clients
    /// (scripts/libreoffice_check.sh uses this); skipped otherwise.
    @Test(.enabled(if: InteropTests.interopOut != nil, "BUDGETEVAL_INTEROP_OUT is not set (scripts/libreoffice_check.sh sets it)"))
    func keepsWorkbooksForOtherClientsWhenAsked() throws {
        let out = try #require(Self.interopOut)
        let folder = URL(fileURLWithPath: out, isDirectory: true)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let (book, _) = try Self.writeRichWorkbook(seed: 2020, into: folder)
        #expect(FileManager.default.fileExists(atPath: book))
        let form = folder.appendingPathComponent("form.xlsx").path
        try XLSXWriter.write(Samples.form(), to: form)
        #expect(FileManager.default.fileExists(atPath: form))
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: InteropTests.venvPython),
                   ".venv/bin/python not found: run `make venv` (make test does) to check with openpyxl/calamine"),
          arguments: [UInt64(2020), 7, 42])
    func openpyxlAndCalamineReadBackWhatWeWrote(seed: UInt64) throws {
        let root = Fixtures.repositoryRoot()
        let python = Self.venvPython
        let folder = try Fixtures.temporaryDirectory("xlsx-interop")
        defer { try? FileManager.default.removeItem(at: folder) }
        let (book, json) = try Self.writeRichWorkbook(seed: seed, into: folder)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = [root.appendingPathComponent("Tests/Interop/check_written.py").path, book, json.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(output)")
        #expect(output.contains("0 mismatches"))
    }
}
