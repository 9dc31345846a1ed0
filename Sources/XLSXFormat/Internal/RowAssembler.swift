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

/// Turns the raw pieces of `<row>`/`<c>` elements into `Row`s, numbering rows and cells that have no
/// `r`, and hands each finished row to the caller. Both worksheet parsers (libxml2 and the byte
/// scanner) feed it, so they decode cells identically.
struct RowAssembler {
    let context: CellContext
    let location: InputLocation
    private(set) var rowIndex = -1
    private var nextColumn = 0
    private var cells: [Cell] = []
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

    init(context: CellContext, location: InputLocation) {
        self.context = context
        self.location = location
        cells.reserveCapacity(64)
    }

    /// `<row r="…">`: `r` is one-based; nil means the row after the previous one.
    mutating func startRow(_ r: UnsafeBufferPointer<UInt8>?, emit: (Row) throws -> Void) throws {
        if open { try endRow(emit: emit) }
        if let r, r.count > 0 {
            guard let n = Self.parseInt(r), n >= 1, n <= CellAddress.maxRows else {
                throw SpreadsheetError(.invalidCellReference(String(decoding: r, as: UTF8.self)), at: location)
            }
            rowIndex = n - 1
        } else {
            rowIndex += 1
        }
        nextColumn = 0
        open = true
    }

    mutating func endRow(emit: (Row) throws -> Void) throws {
        guard open else { return }
        open = false
        guard !cells.isEmpty else { return }
        if rowIndex <= lastEmittedRow { outOfOrder = true }
        lastEmittedRow = max(lastEmittedRow, rowIndex)
        if !inColumnOrder { cells = Self.sortedLastWins(cells) }
        emittedRows += 1
        try emit(Row(index: rowIndex, cells: cells))
        cells.removeAll(keepingCapacity: true)
        lastColumn = -1
        inColumnOrder = true
    }

    /// A `<c>` element's `r` attribute, parsed as soon as it is read (the scanner then keeps no copy
    /// of its bytes).
    enum Reference {
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
            if let (row, column) = RowAssembler.parseReference(bytes) {
                self = .at(row: row, column: column)
            } else {
                self = .invalid(String(decoding: bytes, as: UTF8.self))
            }
        }
    }

    /// One `<c>`: its reference (may be absent), type, style index, `<v>` text, formula and inline text.
    mutating func addCell(reference: UnsafeBufferPointer<UInt8>?, type: RawCellType, style: Int,
                          value: UnsafeBufferPointer<UInt8>, hasValue: Bool, formula: String?,
                          inlineText: String?, emit: (Row) throws -> Void) throws {
        try addCell(reference: Reference(reference), type: type, style: style, value: value, hasValue: hasValue,
                    formula: formula, inlineText: inlineText, emit: emit)
    }

    mutating func addCell(reference: Reference, type: RawCellType, style: Int,
                          value: UnsafeBufferPointer<UInt8>, hasValue: Bool, formula: String?,
                          inlineText: String?, emit: (Row) throws -> Void) throws {
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
        nextColumn = column + 1
        cellCount += 1
        if cellCount > context.limits.maxCells {
            throw SpreadsheetError(.tooManyCells(limit: context.limits.maxCells), at: location)
        }
        let format: CellFormat
        if style >= 0 && style < context.formats.count {
            format = context.formats[style]
        } else if context.formats.isEmpty || style == 0 {
            format = .general  // no styles part (or no cellXfs): every cell is General, as Excel reads it
        } else {
            throw SpreadsheetError(.styleOutOfRange(index: style, count: context.formats.count), at: cellLocation(column))
        }
        let cellValue = try decode(type: type, value: value, hasValue: hasValue, inlineText: inlineText,
                                   format: format, column: column)
        if case .empty = cellValue, formula == nil { return }
        if column <= lastColumn { inColumnOrder = false }
        lastColumn = column
        cells.append(Cell(column: column, value: cellValue, formula: formula, style: format.style))
    }

    private func decode(type: RawCellType, value: UnsafeBufferPointer<UInt8>, hasValue: Bool, inlineText: String?,
                        format: CellFormat, column: Int) throws -> CellValue {
        switch type {
        case .inlineString:
            // Only <is> counts: a stray <v> under t="inlineStr" is ignored, as calamine does.
            return inlineText.map { .text($0) } ?? .empty
        case _ where !hasValue || value.isEmpty:
            return .empty
        case .sharedString:
            guard let i = Self.parseInt(Self.trimmed(value)) else {
                throw SpreadsheetError(.sharedStringOutOfRange(index: -1, count: context.sharedStrings.count),
                                       at: cellLocation(column))
            }
            guard i >= 0, i < context.sharedStrings.count else {
                throw SpreadsheetError(.sharedStringOutOfRange(index: i, count: context.sharedStrings.count),
                                       at: cellLocation(column))
            }
            return .text(context.sharedStrings[i])
        case .formulaString:
            return .text(OOXMLText.decodeEscapes(value))
        case .boolean:
            let t = Self.trimmed(value)
            return .boolean(t.count == 1 ? t[0] == UInt8(ascii: "1") : String(decoding: t, as: UTF8.self) == "true")
        case .error:
            return .error(String(decoding: value, as: UTF8.self))
        case .isoDate:
            let text = String(decoding: Self.trimmed(value), as: UTF8.self)
            if let d = LocalDateTime(iso8601: text) { return .date(d) }
            return .text(text)
        case .number:
            let t = Self.trimmed(value)
            guard let number = NumberText.normalize(t) else { return .text(String(decoding: value, as: UTF8.self)) }
            switch format.kind {
            case .number, .duration:
                return .number(number)
            case .date:
                if let serial = NumberText.parseDouble(t),
                   let d = LocalDateTime(excelSerial: serial, date1904: context.date1904,
                                         kind: serial >= 0 && serial < 1 ? .time : nil) {
                    return .date(d)
                }
                return .number(number)
            }
        }
    }

    private func cellLocation(_ column: Int) -> InputLocation {
        var l = location
        l.position = .cell(CellAddress(row: max(rowIndex, 0), column: column))
        return l
    }

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
        for c in b {
            // Plain comparisons: range patterns here went through a generic `contains` per byte.
            if c >= 65 && c <= 90 && digits == 0 {  // A-Z
                col = col * 26 + Int(c - 64)
                letters += 1
            } else if c >= 97 && c <= 122 && digits == 0 {  // a-z
                col = col * 26 + Int(c - 96)
                letters += 1
            } else if c >= 48 && c <= 57 && letters > 0 {  // 0-9
                row = row * 10 + Int(c - 48)
                digits += 1
            } else if c == 36 {  // $
                continue
            } else {
                return nil
            }
            if letters > 3 || digits > 7 { return nil }
        }
        guard letters > 0, digits > 0, row >= 1, row <= CellAddress.maxRows, col >= 1,
              col <= CellAddress.maxColumns else { return nil }
        return (row - 1, col - 1)
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
