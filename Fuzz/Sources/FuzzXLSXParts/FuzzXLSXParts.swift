/// libFuzzer target: one package part at a time. The first byte picks the part, the rest is its XML:
///
/// 0 sharedStrings · 1 styles · 2 relationships (+ target resolution) · 3 workbook ·
/// 4 worksheet (plain) · 5 worksheet against three shared strings and a styles part with date,
/// duration and number formats · 6 styles part, then a worksheet using it (split at the first NUL).
/// Worksheets (4–6) are read both the reader's way (byte scanner, libxml2 fallback) and by libxml2
/// alone, and compared.
import FuzzSupport
@_spi(PartParsing) import XLSXFormat
import Spreadsheet

let limits = ReadLimits(maxCells: 200_000, maxStringBytes: 1 << 20)
let strings = ["a", " 文本 ", "_x000D_"]
let styles = Array("""
    <?xml version="1.0"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">\
    <numFmts count="2"><numFmt numFmtId="164" formatCode="yyyy\\-mm\\-dd"/><numFmt numFmtId="165" formatCode="[h]:mm"/></numFmts>\
    <cellXfs count="5"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/><xf numFmtId="165"/><xf numFmtId="4"/></cellXfs>\
    </styleSheet>
    """.utf8)

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzXLSXParts(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    guard size > 0 else { return 0 }
    let selector = data[0] % 7
    let bytes = Array(UnsafeBufferPointer(start: data + 1, count: size - 1))
    do {
        switch selector {
        case 0:
            for s in try XLSXPartParsing.sharedStrings(bytes, limits: limits) where s.utf8.count > limits.maxStringBytes * 4 {
                fuzzFinding("string of \(s.utf8.count) bytes passed the cap")
            }
        case 1:
            _ = try XLSXPartParsing.styles(bytes)
        case 2:
            for r in try XLSXPartParsing.relationships(bytes) {
                let resolved = XLSXPartParsing.resolve(r.target, from: "xl/workbook.xml")
                if resolved.hasPrefix("/") || resolved.split(separator: "/").contains("..") {
                    fuzzFinding("target \(r.target) resolved to \(resolved)")
                }
            }
        case 3:
            _ = try XLSXPartParsing.workbook(bytes)
        case 4:
            compareParsers(bytes, strings: [], styles: nil, date1904: false)
        case 5:
            compareParsers(bytes, strings: strings, styles: styles, date1904: false)
        default:
            let split = bytes.firstIndex(of: 0) ?? bytes.count
            let stylesPart = Array(bytes[..<split])
            let sheet = split < bytes.count ? Array(bytes[(split + 1)...]) : []
            compareParsers(sheet, strings: strings, styles: stylesPart, date1904: true)
        }
    } catch let error as SpreadsheetError {
        if error.message(.zh).isEmpty { fuzzFinding("empty message") }
    } catch {
        fuzzFinding("non-SpreadsheetError thrown: \(error)")
    }
    return 0
}

/// The reader's way (byte scanner, then libxml2 where it gives up) against libxml2 alone, the parser
/// of record: when both succeed they must deliver the same rows. Each must fail only with a
/// `SpreadsheetError`. (One may fail where the other does not: the scanner does not check the
/// well-formedness of what follows sheetData, for example.)
func compareParsers(_ sheet: [UInt8], strings: [String], styles: [UInt8]?, date1904: Bool) {
    var reference: [Row] = [], scanned: [Row] = []
    var referenceOK = true, scannedOK = true
    do {
        try XLSXPartParsing.worksheet(sheet, sharedStrings: strings, stylesPart: styles, date1904: date1904,
                                      limits: limits) { check($0); reference.append($0) }
    } catch is SpreadsheetError {
        referenceOK = false
    } catch {
        fuzzFinding("libxml2 path threw \(error)")
    }
    do {
        try XLSXPartParsing.worksheetScanned(sheet, sharedStrings: strings, stylesPart: styles, date1904: date1904,
                                             limits: limits) { check($0); scanned.append($0) }
    } catch is SpreadsheetError {
        scannedOK = false
    } catch {
        fuzzFinding("scanner path threw \(error)")
    }
    if referenceOK && scannedOK && reference != scanned {
        fuzzFinding("scanner rows differ from libxml2's:\n\(scanned)\n\(reference)")
    }
    // The text path (what `convert` writes) gives each cell's csvText of the parser of record.
    var texts: [String] = []
    var textsOK = true
    do {
        try XLSXPartParsing.worksheetScannedText(sheet, sharedStrings: strings, stylesPart: styles, date1904: date1904,
                                                 limits: limits) { row in
            texts.append("\(row.index): " + row.copied.map { "\($0.column)/\($0.kind)/\($0.text)" }.joined(separator: " | "))
        }
    } catch is SpreadsheetError {
        textsOK = false
    } catch {
        fuzzFinding("text path threw \(error)")
    }
    // Both scanner outputs read and refuse the same parts. (The scanner reading a part libxml2 refuses
    // is not a finding in itself: it checks what it reads and what libxml2 would stop at cheaply, not
    // every well-formedness rule of the elements it skips; the cells agree whenever both read.)
    if scannedOK != textsOK { fuzzFinding("text path \(textsOK ? "read" : "refused") what the row path \(scannedOK ? "read" : "refused")") }
    let expected = reference.map { row in
        "\(row.index): " + row.cells.map { "\($0.column)/\(RowText.Kind($0.value))/\($0.value.csvText)" }.joined(separator: " | ")
    }
    if referenceOK && textsOK && texts != expected {
        fuzzFinding("text path differs from libxml2's cells:\n\(texts)\n\(expected)")
    }
}

/// Rows and cells stay inside the sheet and in column order.
func check(_ row: Row) {
    if row.index < 0 || row.index >= CellAddress.maxRows { fuzzFinding("row \(row.index)") }
    var last = -1
    for cell in row.cells {
        if cell.column <= last || cell.column >= CellAddress.maxColumns { fuzzFinding("column \(cell.column) after \(last)") }
        last = cell.column
    }
}

/// The process entry (see `runFuzzer`).
@_cdecl("FuzzXLSXParts_main")
public func FuzzXLSXPartsMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    runFuzzer(argc, argv) { data, size in fuzzXLSXParts(data, size) }
}
