import Foundation
import Spreadsheet
import TestSupport
import Testing
@testable import XLSXFormat

/// The byte scanner (fast path) must deliver exactly the rows, cells and merges that libxml2 (the
/// parser of record) delivers: on every quirk fixture and, when ../shared/corpus is present, on every
/// corpus workbook.
@Suite struct ScannerDifferentialTests {
    static let corpus = Fixtures.repositoryRoot().deletingLastPathComponent().appendingPathComponent("shared/corpus")

    struct Reading: Equatable {
        var rows: [[Row]] = []
        var merges: [[CellRange]] = []
        var error: String?
        var scannerOnly: [Bool] = []
        /// Per sheet, per row: the index and (column, kind, text) of each cell.
        var texts: [[String]] = []
        var textError: String?
    }

    /// What `forEachRowText` gives, as comparable lines.
    static func line(_ row: RowText) -> String {
        "\(row.index): " + row.copied.map { "\($0.column)/\($0.kind)/\($0.text)" }.joined(separator: " | ")
    }

    /// The text lines the `Row`s stand for: each cell's `csvText` and kind.
    static func line(_ row: Row) -> String {
        "\(row.index): " + row.cells.map { "\($0.column)/\(RowText.Kind($0.value))/\($0.value.csvText)" }
            .joined(separator: " | ")
    }

    static func read(_ path: String, _ parser: WorksheetReading.Parser) -> Reading {
        var reading = Reading()
        do {
            let reader = try XLSXReader(path: path)
            reader.parser = parser
            for info in reader.sheets {
                var rows: [Row] = []
                let result = try reader.parse(sheet: info.index) { rows.append($0) }
                reading.rows.append(rows)
                reading.merges.append(result.merges)
                reading.scannerOnly.append(result.scannerOnly || info.kind == .chartsheet)
            }
        } catch {
            reading.error = "\(error)"
        }
        // The text path: straight from the scanner (automatic), or from libxml2's cells.
        do {
            let reader = try XLSXReader(path: path)
            reader.parser = parser
            for info in reader.sheets {
                var lines: [String] = []
                try reader.forEachRowText(sheet: info.index) { lines.append(line($0)) }
                reading.texts.append(lines)
            }
        } catch {
            reading.textError = "\(error)"
        }
        return reading
    }

    static func assertSame(_ path: String) {
        let fast = read(path, .automatic)
        let strict = read(path, .libxml2)
        #expect(fast.rows == strict.rows, "rows differ: \(path)")
        #expect(fast.merges == strict.merges, "merges differ: \(path)")
        #expect((fast.error == nil) == (strict.error == nil), "\(path): \(fast.error ?? "-") vs \(strict.error ?? "-")")
        // The text path agrees with the cells of the parser of record, and fails where it fails.
        #expect(fast.texts == strict.texts, "texts differ: \(path)")
        #expect(fast.textError == strict.textError, "\(path): \(fast.textError ?? "-") vs \(strict.textError ?? "-")")
        if strict.error == nil {
            #expect(strict.texts == strict.rows.map { $0.map(line) }, "texts and rows differ: \(path)")
        }
    }

    @Test(arguments: XLSXFixtureTests.quirks)
    func fixtureReadsTheSame(_ name: String) {
        Self.assertSame(Fixtures.url(name).path)
    }

    @Test func scannerHandlesOrdinarySheetsWithoutFallback() {
        for name in ["cell_types.xlsx", "missing_references.xlsx", "prefixed_main.xlsx", "escapes_and_whitespace.xlsx",
                     "sparse_wide.xlsx", "strict_namespaces.xlsx"] {
            let reading = Self.read(Fixtures.url(name).path, .automatic)
            #expect(reading.scannerOnly.allSatisfy { $0 }, "\(name) fell back to libxml2")
        }
    }

    @Test func unusualSheetsFallBackToLibxml2() {
        for name in ["hostile_billion_laughs.xlsx", "malformed_xml.xlsx", "invalid_utf8.xlsx"] {
            let fast = Self.read(Fixtures.url(name).path, .automatic)
            let strict = Self.read(Fixtures.url(name).path, .libxml2)
            #expect(fast.error != nil && fast.error == strict.error, "\(name): \(fast.error ?? "-")")
        }
    }

    /// Slow in debug builds (about 15 s), so it runs when `BUDGETEVAL_CORPUS_DIFF=1`;
    /// `scripts/conformance.py --differential` (part of make conformance) compares the CSVs of both paths.
    @Test(.enabled(if: ProcessInfo.processInfo.environment["BUDGETEVAL_CORPUS_DIFF"] == "1",
                   "BUDGETEVAL_CORPUS_DIFF=1 is not set (slow in debug builds)"),
          .enabled(if: FileManager.default.fileExists(atPath: ScannerDifferentialTests.corpus.appendingPathComponent("xlsx").path),
                   "../shared/corpus/xlsx not found"))
    func everyCorpusWorkbookReadsTheSame() throws {
        let dirs = ["xlsx", "bad"].map { Self.corpus.appendingPathComponent($0) }
        var files = 0
        for dir in dirs {
            for name in try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted() {
                Self.assertSame(dir.appendingPathComponent(name).path)
                files += 1
            }
        }
        #expect(files > 100)
    }
}
