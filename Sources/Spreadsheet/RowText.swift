/// One row as the CSV text of its cells (行文本), borrowed from a reader's buffers: what a
/// straight sheet-to-CSV export needs, without a `Cell` or a `String` per cell.
///
/// A `RowText` is valid only inside the callback that hands it over (`XLSXReader.forEachRowText`);
/// copy what must outlive it. The texts are exactly `CellValue.csvText` of the cells `Row` would hold:
/// numbers as plain decimals, dates in ISO 8601, booleans `TRUE`/`FALSE`, errors as their code.
public struct RowText {
    /// What a cell held, for writers that treat kinds differently (the CSV formula guard applies to
    /// text only).
    public enum Kind: UInt8, Sendable {
        /// No value, kept because the cell has a formula (`Cell.value == .empty`).
        case empty
        case text, number, boolean, date, error
    }

    /// One cell: its zero-based column, kind and where its UTF-8 text sits in `bytes`.
    public struct CellText: Sendable, Equatable {
        public var column: Int
        public var kind: Kind
        public var start: Int
        public var count: Int

        public init(column: Int, kind: Kind, start: Int, count: Int) {
            self.column = column
            self.kind = kind
            self.start = start
            self.count = count
        }
    }

    /// Zero-based row index.
    public let index: Int
    /// The row's cells, sorted by column, one per column.
    public let cells: UnsafeBufferPointer<CellText>
    /// The cells' texts, one after another.
    public let bytes: UnsafeBufferPointer<UInt8>

    public init(index: Int, cells: UnsafeBufferPointer<CellText>, bytes: UnsafeBufferPointer<UInt8>) {
        self.index = index
        self.cells = cells
        self.bytes = bytes
    }

    /// The UTF-8 text of `cell`.
    @inline(__always)
    public func text(_ cell: CellText) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(start: bytes.baseAddress.map { $0 + cell.start }, count: cell.count)
    }

    /// The cells as `(column, kind, text)` with copied strings: for tests and slow paths.
    public var copied: [(column: Int, kind: Kind, text: String)] {
        cells.map { ($0.column, $0.kind, String(decoding: text($0), as: UTF8.self)) }
    }
}

extension RowText.Kind {
    /// The kind of a cell value (`.empty` for `.empty`).
    public init(_ value: CellValue) {
        switch value {
        case .empty: self = .empty
        case .text: self = .text
        case .number: self = .number
        case .boolean: self = .boolean
        case .date: self = .date
        case .error: self = .error
        }
    }
}

/// Builds `RowText`s: the cells' texts appended to one growable buffer, reused row after row.
/// Owns its memory: keep one copy only (copies share the buffers) and call `deallocate()` once when
/// done. Package-internal for that reason: the readers use it, callers only see `RowText`.
package struct RowTextBuilder {
    private var bytes: UnsafeMutablePointer<UInt8>
    private var byteCount = 0
    private var byteCapacity: Int
    private var cells: UnsafeMutablePointer<RowText.CellText>
    private(set) package var cellCount = 0
    private var cellCapacity: Int

    package init() {
        byteCapacity = 1 << 10
        bytes = .allocate(capacity: byteCapacity)
        cellCapacity = 64
        cells = .allocate(capacity: cellCapacity)
    }

    package func deallocate() {
        bytes.deallocate()
        cells.deallocate()
    }

    package var isEmpty: Bool { cellCount == 0 }

    package mutating func removeAll() {
        byteCount = 0
        cellCount = 0
    }

    /// Room for `count` bytes of the next cell's text: write them, then `commit` the cell. The pointer
    /// is valid until the builder changes.
    @inline(__always)
    package mutating func reserve(_ count: Int) -> UnsafeMutablePointer<UInt8> {
        if byteCount + count > byteCapacity { growBytes(to: byteCount + count) }
        return bytes + byteCount
    }

    /// Adds a cell whose `count` bytes of text were written where `reserve` pointed.
    @inline(__always)
    package mutating func commit(column: Int, kind: RowText.Kind, count: Int) {
        appendEntry(column: column, kind: kind, count: count)
    }

    /// Appends a cell whose text is `text`.
    @inline(__always)
    package mutating func appendCell(column: Int, kind: RowText.Kind, text: UnsafeBufferPointer<UInt8>) {
        if byteCount + text.count > byteCapacity { growBytes(to: byteCount + text.count) }
        if let base = text.baseAddress, text.count > 0 { (bytes + byteCount).update(from: base, count: text.count) }
        appendEntry(column: column, kind: kind, count: text.count)
    }

    /// Appends a cell whose text is `text`.
    package mutating func appendCell(column: Int, kind: RowText.Kind, text: String) {
        var text = text
        text.withUTF8 { appendCell(column: column, kind: kind, text: $0) }
    }

    @inline(__always)
    private mutating func appendEntry(column: Int, kind: RowText.Kind, count: Int) {
        if cellCount == cellCapacity {
            let bigger = UnsafeMutablePointer<RowText.CellText>.allocate(capacity: cellCapacity * 2)
            bigger.moveInitialize(from: cells, count: cellCount)
            cells.deallocate()
            cells = bigger
            cellCapacity *= 2
        }
        (cells + cellCount).initialize(to: RowText.CellText(column: column, kind: kind, start: byteCount, count: count))
        cellCount += 1
        byteCount += count
    }

    private mutating func growBytes(to needed: Int) {
        let capacity = max(needed, byteCapacity * 2)
        let bigger = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
        bigger.update(from: bytes, count: byteCount)
        bytes.deallocate()
        bytes = bigger
        byteCapacity = capacity
    }

    /// Adds the cells of `cells` (sorted by column) with their `CellValue.csvText`.
    package mutating func append(_ cells: [Cell]) {
        for c in cells { appendCell(column: c.column, kind: RowText.Kind(c.value), text: c.value.csvText) }
    }

    /// Orders the cells by column, keeping the later of two cells in one column (as `Row` readers do).
    package mutating func sortLastWins() {
        let buffer = UnsafeMutableBufferPointer(start: cells, count: cellCount)
        let order = buffer.indices.sorted { (buffer[$0].column, $0) < (buffer[$1].column, $1) }
        var out: [RowText.CellText] = []
        out.reserveCapacity(cellCount)
        for i in order {
            if let last = out.last, last.column == buffer[i].column { out[out.count - 1] = buffer[i] } else { out.append(buffer[i]) }
        }
        for (k, c) in out.enumerated() { buffer[k] = c }
        cellCount = out.count
    }

    /// The row built so far, valid until the builder changes.
    package func row(index: Int) -> RowText {
        RowText(index: index, cells: UnsafeBufferPointer(start: cells, count: cellCount),
                bytes: UnsafeBufferPointer(start: bytes, count: byteCount))
    }
}
