import Spreadsheet

/// The `t` attribute of a `<c>` element: how its `<v>` is to be read.
enum RawCellType: UInt8 {
    case number, sharedString, inlineString, formulaString, boolean, error, isoDate

    /// Maps the attribute bytes; unknown types read as numbers (what the spec's default is).
    init(_ t: UnsafeBufferPointer<UInt8>) {
        switch t.count {
        case 0: self = .number
        case 1:
            switch t[0] {
            case UInt8(ascii: "s"): self = .sharedString
            case UInt8(ascii: "b"): self = .boolean
            case UInt8(ascii: "e"): self = .error
            case UInt8(ascii: "d"): self = .isoDate
            default: self = .number
            }
        case 3 where t[0] == UInt8(ascii: "s"): self = .formulaString  // "str"
        case 9: self = .inlineString  // "inlineStr"
        default: self = .number
        }
    }
}

/// Everything cells are decoded against: shared strings, number formats and the date system.
struct CellContext {
    var sharedStrings: [String]
    var formats: [CellFormat]
    var date1904: Bool
    var limits: ReadLimits
}

/// Where a `RowAssembler`'s decoded cells go: `Row`s of `Cell`s (`CellRowOutput`), or the cells'
/// CSV texts (`TextRowOutput`, for a straight sheet-to-CSV export).
protocol RowOutput {
    associatedtype Emitted
    var isEmpty: Bool { get }
    /// Decodes one cell and keeps it; false when it is empty with no formula (nothing kept). `style`
    /// is a valid index into the context's formats, or -1 for General (no styles part, or no cellXfs).
    /// `formula` is the cell's own formula text (nil when it has none or an empty one); `sharedFormula`
    /// the `si` of a shared formula (its first cell has the text, the others none).
    mutating func add(row: Int, column: Int, type: RawCellType, style: Int, value: UnsafeBufferPointer<UInt8>,
                      hasValue: Bool, formula: UnsafeBufferPointer<UInt8>?, sharedFormula: Int?,
                      inlineText: String?) throws(CellDecodeFailure) -> Bool
    /// Orders the kept cells by column; of two in one column the later wins.
    mutating func sortLastWins()
    /// Hands on the kept cells as row `index`, then forgets them.
    mutating func emit(index: Int, _ emit: (Emitted) throws -> Void) throws
    /// Frees what the output allocated.
    func release()
}

/// Why a cell could not be decoded; `RowAssembler` adds the cell's position.
enum CellDecodeFailure: Error {
    case sharedStringOutOfRange(index: Int, count: Int)
}

/// Turns the raw pieces of `<row>`/`<c>` elements into rows, numbering rows and cells that have no
/// `r`, and hands each finished row to the caller. Both worksheet parsers (libxml2 and the byte
/// scanner) feed it, so they number and check cells identically; `Output` decodes the values.
struct RowAssembler<Output: RowOutput> {
    let location: InputLocation
    private let maxCells: Int
    private let formatCount: Int
    private(set) var rowIndex = -1
    private var nextColumn = 0
    private(set) var output: Output
    private var open = false
    private var cellCount = 0
    /// The last column added to the open row, and whether the row's columns have only grown.
    private var lastColumn = -1
    private var inColumnOrder = true
    private var lastEmittedRow = -1
    /// How many rows were handed on so far.
    private(set) var emittedRows = 0
    /// True once a row came that was not after the previous one (a repeated `<row r="18">`).
    private(set) var outOfOrder = false

    init(context: CellContext, location: InputLocation, output: Output) {
        self.location = location
        maxCells = context.limits.maxCells
        formatCount = context.formats.count
        self.output = output
    }

    /// `<row r="…">`: `r` is one-based; nil means the row after the previous one.
    mutating func startRow(_ r: UnsafeBufferPointer<UInt8>?, emit: (Output.Emitted) throws -> Void) throws {
        if open { try endRow(emit: emit) }
        if let r, r.count > 0 {
            guard let n = RowAssemblerSupport.parseInt(r), n >= 1, n <= CellAddress.maxRows else {
                throw SpreadsheetError(.invalidCellReference(String(decoding: r, as: UTF8.self)), at: location)
            }
            rowIndex = n - 1
        } else {
            rowIndex += 1
        }
        nextColumn = 0
        open = true
    }

    mutating func endRow(emit: (Output.Emitted) throws -> Void) throws {
        guard open else { return }
        open = false
        guard !output.isEmpty else { return }
        if rowIndex <= lastEmittedRow { outOfOrder = true }
        lastEmittedRow = max(lastEmittedRow, rowIndex)
        if !inColumnOrder { output.sortLastWins() }
        emittedRows += 1
        try output.emit(index: rowIndex, emit)
        lastColumn = -1
        inColumnOrder = true
    }

    /// One `<c>`: its reference (may be absent), type, style index, `<v>` text, formula (nil when the
    /// cell has none or an empty one) and inline text.
    mutating func addCell(reference: UnsafeBufferPointer<UInt8>?, type: RawCellType, style: Int,
                          value: UnsafeBufferPointer<UInt8>, hasValue: Bool, formula: UnsafeBufferPointer<UInt8>?,
                          sharedFormula: Int? = nil, inlineText: String?,
                          emit: (Output.Emitted) throws -> Void) throws {
        try addCell(reference: RawReference(reference), type: type, style: style, value: value, hasValue: hasValue,
                    formula: formula, sharedFormula: sharedFormula, inlineText: inlineText, emit: emit)
    }

    mutating func addCell(reference: RawReference, type: RawCellType, style: Int,
                          value: UnsafeBufferPointer<UInt8>, hasValue: Bool, formula: UnsafeBufferPointer<UInt8>?,
                          sharedFormula: Int? = nil, inlineText: String?,
                          emit: (Output.Emitted) throws -> Void) throws {
        if !open { try startRow(nil, emit: emit) }
        var column = nextColumn
        switch reference {
        case .invalid(let text):
            throw SpreadsheetError(.invalidCellReference(text), at: location)
        case .at(let row, let col):
            if row != rowIndex {
                // A cell that names another row than its <row>: trust the cell.
                try endRow(emit: emit)
                rowIndex = row
                open = true
            }
            column = col
        case .absent:
            if column >= CellAddress.maxColumns {
                throw SpreadsheetError(.invalidCellReference(CellAddress.columnName(column) + String(rowIndex + 1)),
                                       at: location)
            }
        }
        nextColumn = column &+ 1
        cellCount &+= 1
        if cellCount > maxCells {
            throw SpreadsheetError(.tooManyCells(limit: maxCells), at: location)
        }
        var styleIndex = style
        if style < 0 || style >= formatCount {
            // No styles part (or no cellXfs): every cell is General, as Excel reads it.
            guard formatCount == 0 || style == 0 else {
                throw SpreadsheetError(.styleOutOfRange(index: style, count: formatCount), at: cellLocation(column))
            }
            styleIndex = -1
        }
        let kept: Bool
        do {
            kept = try output.add(row: rowIndex, column: column, type: type, style: styleIndex, value: value,
                                  hasValue: hasValue, formula: formula, sharedFormula: sharedFormula,
                                  inlineText: inlineText)
        } catch {
            switch error {
            case .sharedStringOutOfRange(let index, let count):
                throw SpreadsheetError(.sharedStringOutOfRange(index: index, count: count), at: cellLocation(column))
            }
        }
        guard kept else { return }
        if column <= lastColumn { inColumnOrder = false }
        lastColumn = column
    }

    private func cellLocation(_ column: Int) -> InputLocation {
        var l = location
        l.position = .cell(CellAddress(row: max(rowIndex, 0), column: column))
        return l
    }
}

/// A `<c>` element's `r` attribute, parsed as soon as it is read (the scanner then keeps no copy
/// of its bytes).
enum RawReference {
    case absent
    /// Zero-based row and column.
    case at(row: Int, column: Int)
    /// Not a reference within A1…XFD1048576: the text, for the error.
    case invalid(String)

    init(_ bytes: UnsafeBufferPointer<UInt8>?) {
        guard let bytes, bytes.count > 0 else {
            self = .absent
            return
        }
        if let (row, column) = RowAssemblerSupport.parseReference(bytes) {
            self = .at(row: row, column: column)
        } else {
            self = .invalid(String(decoding: bytes, as: UTF8.self))
        }
    }
}

/// Value decoding both outputs share, so a `Row` and a `RowText` of one cell always agree.
enum CellDecoding {
    /// The index a `t="s"` cell's `<v>` holds.
    @inline(__always)
    static func sharedStringIndex(_ value: UnsafeBufferPointer<UInt8>, count: Int) throws(CellDecodeFailure) -> Int {
        guard let i = parseInt(trimmed(value)) else { throw .sharedStringOutOfRange(index: -1, count: count) }
        guard i >= 0, i < count else { throw .sharedStringOutOfRange(index: i, count: count) }
        return i
    }

    /// A `t="b"` cell: `1` (or `true`) is TRUE.
    static func boolean(_ value: UnsafeBufferPointer<UInt8>) -> Bool {
        let t = trimmed(value)
        return t.count == 1 ? t[0] == UInt8(ascii: "1") : String(decoding: t, as: UTF8.self) == "true"
    }

    /// A `t="d"` cell: the date, or the trimmed text when it is not an ISO date.
    static func isoDate(_ value: UnsafeBufferPointer<UInt8>) -> CellValue {
        let text = String(decoding: trimmed(value), as: UTF8.self)
        if let d = LocalDateTime(iso8601: text) { return .date(d) }
        return .text(text)
    }

    /// A number (already known to be one, `trimmed` its text) in a date format: the date, or nil
    /// when the serial is out of range (the number is kept).
    static func date(serial trimmed: UnsafeBufferPointer<UInt8>, date1904: Bool) -> LocalDateTime? {
        guard let serial = NumberText.parseDouble(trimmed) else { return nil }
        return LocalDateTime(excelSerial: serial, date1904: date1904, kind: serial >= 0 && serial < 1 ? .time : nil)
    }

    static func trimmed(_ b: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> { RowAssemblerSupport.trimmed(b) }
    static func parseInt(_ b: UnsafeBufferPointer<UInt8>) -> Int? { RowAssemblerSupport.parseInt(b) }
}

/// `RowOutput` building `Row`s of `Cell`s: what every reader but the CSV export uses.
struct CellRowOutput: RowOutput {
    private let context: CellContext
    private var cells: [Cell] = []
    /// Shared formulas by `si`: the text and cell of each one's first cell.
    private var sharedFormulas: [Int: (text: String, row: Int, column: Int)] = [:]

    init(context: CellContext) {
        self.context = context
        cells.reserveCapacity(64)
    }

    var isEmpty: Bool { cells.isEmpty }

    mutating func add(row: Int, column: Int, type: RawCellType, style: Int, value: UnsafeBufferPointer<UInt8>,
                      hasValue: Bool, formula: UnsafeBufferPointer<UInt8>?, sharedFormula: Int?,
                      inlineText: String?) throws(CellDecodeFailure) -> Bool {
        let format = style >= 0 ? context.formats[style] : CellFormat.general
        let cellValue = try decode(type: type, value: value, hasValue: hasValue, inlineText: inlineText, format: format)
        // Kept for its own formula text only, as `TextRowOutput` decides (a shared formula's other cells
        // always carry a cached value in files Excel writes).
        if case .empty = cellValue, formula == nil { return false }
        var formulaText = formula.map { String(decoding: $0, as: UTF8.self) }
        if let si = sharedFormula {
            if let formulaText {
                if sharedFormulas[si] == nil { sharedFormulas[si] = (formulaText, row, column) }
            } else if let first = sharedFormulas[si] {
                formulaText = SharedFormula.shift(first.text, rows: row - first.row, columns: column - first.column)
            }
        }
        cells.append(Cell(column: column, value: cellValue, formula: formulaText, style: format.style))
        return true
    }

    mutating func sortLastWins() { cells = RowAssemblerSupport.sortedLastWins(cells) }

    mutating func emit(index: Int, _ emit: (Row) throws -> Void) throws {
        try emit(Row(index: index, cells: cells))
        cells.removeAll(keepingCapacity: true)
    }

    func release() {}

    private func decode(type: RawCellType, value: UnsafeBufferPointer<UInt8>, hasValue: Bool, inlineText: String?,
                        format: CellFormat) throws(CellDecodeFailure) -> CellValue {
        switch type {
        case .inlineString:
            // Only <is> counts: a stray <v> under t="inlineStr" is ignored, as calamine does.
            return inlineText.map { .text($0) } ?? .empty
        case _ where !hasValue || value.isEmpty:
            return .empty
        case .sharedString:
            return .text(context.sharedStrings[try CellDecoding.sharedStringIndex(value, count: context.sharedStrings.count)])
        case .formulaString:
            return .text(OOXMLText.decodeEscapes(value))
        case .boolean:
            return .boolean(CellDecoding.boolean(value))
        case .error:
            return .error(String(decoding: value, as: UTF8.self))
        case .isoDate:
            return CellDecoding.isoDate(value)
        case .number:
            let t = CellDecoding.trimmed(value)
            guard let number = NumberText.normalize(t) else { return .text(String(decoding: value, as: UTF8.self)) }
            switch format.kind {
            case .number, .duration:
                return .number(number)
            case .date:
                if let d = CellDecoding.date(serial: t, date1904: context.date1904) { return .date(d) }
                return .number(number)
            }
        }
    }
}

/// `RowOutput` writing each cell's CSV text (`CellValue.csvText`) straight into a `RowTextBuilder`:
/// no `Cell`, and no `String` for shared strings or plain numbers.
struct TextRowOutput: RowOutput {
    private let strings: SharedStringBytes
    /// Per style index: whether its number format is a date.
    private let dateStyles: [Bool]
    private let date1904: Bool
    private var builder = RowTextBuilder()

    init(context: CellContext, strings: SharedStringBytes) {
        self.strings = strings
        dateStyles = context.formats.map { $0.kind == .date }
        date1904 = context.date1904
    }

    var isEmpty: Bool { builder.isEmpty }

    mutating func add(row: Int, column: Int, type: RawCellType, style: Int, value: UnsafeBufferPointer<UInt8>,
                      hasValue: Bool, formula: UnsafeBufferPointer<UInt8>?, sharedFormula: Int?,
                      inlineText: String?) throws(CellDecodeFailure) -> Bool {
        switch type {
        case .inlineString:
            guard let inlineText else { return keepEmpty(column, formula) }
            builder.appendCell(column: column, kind: .text, text: inlineText)
        case _ where !hasValue || value.isEmpty:
            return keepEmpty(column, formula)
        case .sharedString:
            let i = try CellDecoding.sharedStringIndex(value, count: strings.count)
            builder.appendCell(column: column, kind: .text, text: strings[i])
        case .formulaString:
            if value.count < 7 || !value.contains(UInt8(ascii: "_")) {
                builder.appendCell(column: column, kind: .text, text: value)  // no `_xHHHH_` escape to decode
            } else {
                builder.appendCell(column: column, kind: .text, text: OOXMLText.decodeEscapes(value))
            }
        case .boolean:
            let text: StaticString = CellDecoding.boolean(value) ? "TRUE" : "FALSE"
            builder.appendCell(column: column, kind: .boolean,
                               text: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
        case .error:
            builder.appendCell(column: column, kind: .error, text: value)  // valid UTF-8: both parsers check
        case .isoDate:
            let v = CellDecoding.isoDate(value)
            builder.appendCell(column: column, kind: RowText.Kind(v), text: v.csvText)
        case .number:
            let t = CellDecoding.trimmed(value)
            let isDate = style >= 0 && dateStyles.withUnsafeBufferPointer { $0[style] }
            if !isDate, t.count <= NumberText.maxFastLength {
                let out = builder.reserve(t.count + 2)
                if let n = NumberText.fastPath(t, into: out) {
                    builder.commit(column: column, kind: .number, count: n)
                    return true
                }
            }
            guard let number = NumberText.normalize(t) else {
                builder.appendCell(column: column, kind: .text, text: value)  // as stored (valid UTF-8)
                return true
            }
            if isDate, let d = CellDecoding.date(serial: t, date1904: date1904) {
                builder.appendCell(column: column, kind: .date, text: d.iso8601)
            } else {
                builder.appendCell(column: column, kind: .number, text: number)
            }
        }
        return true
    }

    /// A cell without a value is kept (with empty text) only when it has a formula, as `Cell`s are.
    private mutating func keepEmpty(_ column: Int, _ formula: UnsafeBufferPointer<UInt8>?) -> Bool {
        guard formula != nil else { return false }
        builder.appendCell(column: column, kind: .empty, text: UnsafeBufferPointer(start: nil, count: 0))
        return true
    }

    mutating func sortLastWins() { builder.sortLastWins() }

    mutating func emit(index: Int, _ emit: (RowText) throws -> Void) throws {
        try emit(builder.row(index: index))
        builder.removeAll()
    }

    func release() { builder.deallocate() }
}

/// The shared strings as one UTF-8 buffer with offsets, for `TextRowOutput` (built once per reader).
final class SharedStringBytes: @unchecked Sendable {
    private let bytes: UnsafeMutablePointer<UInt8>
    private let offsets: UnsafeMutablePointer<Int>
    let count: Int

    init(_ strings: [String]) {
        count = strings.count
        var total = 0
        for s in strings { total += s.utf8.count }
        bytes = .allocate(capacity: max(total, 1))
        offsets = .allocate(capacity: count + 1)
        var at = 0
        for (k, s) in strings.enumerated() {
            offsets[k] = at
            var s = s
            s.withUTF8 { u in
                if let base = u.baseAddress, u.count > 0 { (bytes + at).update(from: base, count: u.count) }
                at += u.count
            }
        }
        offsets[count] = at
    }

    deinit {
        bytes.deallocate()
        offsets.deallocate()
    }

    /// The UTF-8 bytes of string `i` (valid while this object lives).
    @inline(__always)
    subscript(i: Int) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(start: bytes + offsets[i], count: offsets[i + 1] - offsets[i])
    }
}

/// Byte helpers of the assemblers and parsers.
enum RowAssemblerSupport {
    static func trimmed(_ b: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        var s = 0, e = b.count
        while s < e, b[s] == 0x20 || b[s] == 0x0A || b[s] == 0x0D || b[s] == 0x09 { s += 1 }
        while e > s, b[e - 1] == 0x20 || b[e - 1] == 0x0A || b[e - 1] == 0x0D || b[e - 1] == 0x09 { e -= 1 }
        return UnsafeBufferPointer(rebasing: b[s..<e])
    }

    static func parseInt(_ b: UnsafeBufferPointer<UInt8>) -> Int? {
        guard b.count > 0, b.count <= 18 else { return nil }
        var v = 0
        for c in b {
            guard c >= 48, c <= 57 else { return nil }
            v = v * 10 + Int(c - 48)
        }
        return v
    }

    /// `B3`, `$B$3`, `xfd1048576` → zero-based (row, column); nil outside A1…XFD1048576.
    static func parseReference(_ b: UnsafeBufferPointer<UInt8>) -> (Int, Int)? {
        var col = 0, row = 0, letters = 0, digits = 0
        // Wrapping arithmetic and plain comparisons: the caps below stop long runs long before overflow.
        var k = 0
        let n = b.count
        while k < n {
            let c = b[k]
            k &+= 1
            if c &- 65 < 26 && digits == 0 {  // A-Z
                col = col &* 26 &+ Int(c &- 64)
                letters &+= 1
                if letters > 3 { return nil }
            } else if c &- 97 < 26 && digits == 0 {  // a-z
                col = col &* 26 &+ Int(c &- 96)
                letters &+= 1
                if letters > 3 { return nil }
            } else if c &- 48 < 10 && letters > 0 {  // 0-9
                row = row &* 10 &+ Int(c &- 48)
                digits &+= 1
                if digits > 7 { return nil }
            } else if c != 36 {  // $ is skipped
                return nil
            }
        }
        guard letters > 0, digits > 0, row >= 1, row <= CellAddress.maxRows, col >= 1,
              col <= CellAddress.maxColumns else { return nil }
        return (row &- 1, col &- 1)
    }

    /// Cells by column, one per column: a damaged row naming a column twice keeps the later cell,
    /// as `XLSXReader.combine` and calamine do (found by FuzzXLSXParts).
    static func sortedLastWins(_ cells: [Cell]) -> [Cell] {
        let order = cells.indices.sorted { (cells[$0].column, $0) < (cells[$1].column, $1) }
        var out: [Cell] = []
        out.reserveCapacity(cells.count)
        for i in order {
            if let last = out.last, last.column == cells[i].column { out[out.count - 1] = cells[i] } else { out.append(cells[i]) }
        }
        return out
    }
}
