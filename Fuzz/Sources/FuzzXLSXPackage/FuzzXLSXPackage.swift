/// libFuzzer target: arbitrary bytes as a whole .xlsx file → XLSXReader, every sheet read.
///
/// The bytes go to a scratch file (the reader opens paths), then every sheet is read whole and
/// streamed, and its merged ranges listed. Any error must be a `SpreadsheetError` whose message
/// names the file; anything else (a trap, another error type) is a finding.
import FuzzSupport
import Spreadsheet
import XLSXFormat

/// Caps low enough that one input never takes long, high enough to reach every code path.
let limits = ReadLimits(maxInflatedBytes: 64 << 20, maxCompressionRatio: 200, ratioFloorBytes: 1 << 20,
                        maxEntries: 2_000, maxCells: 200_000, maxStringBytes: 1 << 20)
let scratch = FuzzScratch.path("xlsx")

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzXLSXPackage(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    FuzzScratch.write(UnsafeRawBufferPointer(start: data, count: size), to: scratch)
    do {
        let reader = try XLSXReader(path: scratch, displayName: "fuzz.xlsx", limits: limits)
        for info in reader.sheets {
            do {
                let sheet = try reader.readSheet(info.index)
                var streamed = 0
                try reader.forEachRow(sheet: info.index) { row in
                    streamed += row.cells.count
                    for cell in row.cells where cell.column < 0 || cell.column >= CellAddress.maxColumns {
                        fuzzFinding("column \(cell.column) outside the sheet")
                    }
                }
                let total = sheet.rows.reduce(0) { $0 + $1.cells.count }
                if total > streamed { fuzzFinding("readSheet has \(total) cells, the stream \(streamed)") }
                // The text stream (what `convert` writes) has the same cells as the row stream.
                var texts = 0
                try reader.forEachRowText(sheet: info.index) { row in
                    texts += row.cells.count
                    var last = -1
                    for cell in row.cells {
                        if cell.column <= last || cell.column >= CellAddress.maxColumns {
                            fuzzFinding("text column \(cell.column) after \(last)")
                        }
                        last = cell.column
                    }
                }
                if texts != streamed { fuzzFinding("forEachRowText has \(texts) cells, forEachRow \(streamed)") }
                _ = try reader.mergedRanges(sheet: info.index)
            } catch let error as SpreadsheetError {
                check(error)
            }
        }
    } catch let error as SpreadsheetError {
        check(error)
    } catch {
        fuzzFinding("non-SpreadsheetError thrown: \(error)")
    }
    return 0
}

func check(_ error: SpreadsheetError) {
    if error.location.file != "fuzz.xlsx" { fuzzFinding("error names \(error.location.file)") }
    if error.message(.zh).isEmpty || error.message(.en).isEmpty { fuzzFinding("empty message") }
}

/// The process entry (see `runFuzzer`).
@_cdecl("FuzzXLSXPackage_main")
public func FuzzXLSXPackageMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    runFuzzer(argc, argv) { data, size in fuzzXLSXPackage(data, size) }
}
