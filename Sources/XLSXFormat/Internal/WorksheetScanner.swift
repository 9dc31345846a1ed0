#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Spreadsheet

/// The fast path for worksheet XML (工作表快速扫描): a byte scanner over the inflated chunks that
/// understands exactly the shapes spreadsheet producers write and feeds the same `RowAssembler` as
/// the libxml2 handler.
///
/// It gives up, rather than guess, on anything unusual: a DOCTYPE, comment, CDATA or processing
/// instruction in the body, an element or prefix it does not expect, an entity other than the five
/// predefined ones and character references, entities in attributes, a non-UTF-8 declaration,
/// invalid UTF-8 or control characters, and any structural surprise. The caller then rereads the
/// part with libxml2 (the parser of record), skipping the rows already delivered.
struct WorksheetScanner<Output: RowOutput> {
    enum Outcome {
        case finished(merges: [CellRange], dimension: String?, outOfOrder: Bool)
        /// Hand the part to libxml2; `rowsEmitted` rows were already delivered.
        case unusual(rowsEmitted: Int)
    }

    private struct Unusual: Error {}

    private var assembler: RowAssembler<Output>
    private let emit: (Output.Emitted) throws -> Void
    private let maxStringBytes: Int
    private var merges: [CellRange] = []
    private var dimension: String?
    private var mainPrefix: [UInt8]? = nil
    private var sawRoot = false

    // Element state.
    private var inSheetData = false
    private var sheetDataDone = false
    private var inCell = false
    private var inInline = false
    private var phoneticDepth = 0
    private enum Capture { case none, value, formula, inlineText }
    private var capture = Capture.none
    private var inlinePreserve = false
    private var inlineSegmentStart = 0

    // The cell being read.
    private var reference = RawReference.absent
    private var type = RawCellType.number
    private var style = 0
    private var value: [UInt8] = []
    private var hasValue = false
    private var formula: [UInt8] = []
    private var hasFormula = false
    /// `si` of a `<f t="shared">`; nil for an ordinary formula.
    private var sharedIndex: Int?
    private var inline: [UInt8] = []
    private var hasInline = false

    init(context: CellContext, location: InputLocation, output: Output, emit: @escaping (Output.Emitted) throws -> Void) {
        assembler = RowAssembler(context: context, location: location, output: output)
        self.emit = emit
        maxStringBytes = context.limits.maxStringBytes
        value.reserveCapacity(64)
    }

    /// Scans the whole part; SpreadsheetErrors (bad references, caps) propagate as they are.
    mutating func run(read: (UnsafeMutableRawBufferPointer) throws -> Int) throws -> Outcome {
        var capacity = 2 << 20
        var buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
        defer { buffer.deallocate() }
        var length = 0
        var eof = false
        var first = true
        var carried = 0  // bytes at the buffer's start already known to hold no '>'
        do {
            while !eof {
                if capacity - length < (1 << 20) {
                    let bigger = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity * 2)
                    bigger.update(from: buffer, count: length)
                    buffer.deallocate()
                    buffer = bigger
                    capacity *= 2
                }
                let n = try read(UnsafeMutableRawBufferPointer(start: buffer + length,
                                                               count: min(1 << 20, capacity - length)))
                length += n
                eof = n == 0
                var start = 0
                if first {
                    guard length >= 64 || eof else { continue }
                    start = try prolog(buffer, length)
                    first = false
                }
                // Process up to the last '>' (everything before it is complete); keep the rest.
                // The kept rest holds no '>', so only the new bytes are searched (a part with long runs
                // without '>' was quadratic: 40 MB took 11 s); and a run longer than any string may be
                // goes to libxml2, which streams it, instead of growing this buffer.
                var safe = length
                if !eof {
                    let floor = max(start, carried)
                    while safe > floor, buffer[safe - 1] != UInt8(ascii: ">") { safe -= 1 }
                    if safe == floor { safe = start }
                    if length - safe > maxStringBytes + (2 << 20) { throw Unusual() }
                }
                try scan(buffer, from: start, to: safe)
                let rest = length - safe
                if rest > 0 { memmove(buffer, buffer + safe, rest) }
                length = rest
                carried = rest
            }
            guard sawRoot, !inSheetData else { throw Unusual() }
            try assembler.endRow(emit: emit)
        } catch is Unusual {
            return .unusual(rowsEmitted: assembler.emittedRows)
        }
        return .finished(merges: merges, dimension: dimension, outOfOrder: assembler.outOfOrder)
    }

    /// Checks the declaration (UTF-8 only) and returns where the markup after it starts.
    private func prolog(_ b: UnsafeMutablePointer<UInt8>, _ n: Int) throws -> Int {
        var i = 0
        if n >= 3, b[0] == 0xEF, b[1] == 0xBB, b[2] == 0xBF { i = 3 }
        guard i < n else { throw Unusual() }
        if n - i >= 5, b[i] == UInt8(ascii: "<"), b[i + 1] == UInt8(ascii: "?") {
            var j = i + 2
            while j + 1 < n, !(b[j] == UInt8(ascii: "?") && b[j + 1] == UInt8(ascii: ">")) { j += 1 }
            guard j + 1 < n else { throw Unusual() }
            let decl = String(decoding: UnsafeBufferPointer(start: b + i, count: j - i), as: UTF8.self).lowercased()
            if let r = decl.firstRange(of: "encoding") {
                let rest = String(decl[r.upperBound...].filter { !" =\"'".contains($0) })
                guard rest.hasPrefix("utf-8") || rest.hasPrefix("utf8") else { throw Unusual() }
            }
            i = j + 2
        } else if b[i] != UInt8(ascii: "<") {
            throw Unusual()
        }
        return i
    }

    // MARK: - Tags

    private mutating func scan(_ b: UnsafeMutablePointer<UInt8>, from: Int, to end: Int) throws {
        var i = from
        while i < end {
            // Text up to the next '<'.
            let lt: Int
            if b[i] == UInt8(ascii: "<") {
                lt = i  // tags back to back, as in every <row>: no search
            } else if let p = memchr(b + i, Int32(UInt8(ascii: "<")), end - i) {
                lt = b.distance(to: p.assumingMemoryBound(to: UInt8.self))
            } else {
                lt = end
            }
            if lt > i { try text(b, i, lt) }
            guard lt < end else { return }
            i = try tag(b, lt, end)
        }
    }

    private mutating func text(_ b: UnsafeMutablePointer<UInt8>, _ s: Int, _ e: Int) throws {
        switch capture {
        case .none:
            // Only whitespace may sit between elements we read; text in elements we skip must still be
            // what libxml2 accepts.
            for k in s..<e {
                let c = b[k]
                guard c == 0x20 || c == 0x0A || c == 0x0D || c == 0x09 else {
                    if inSheetData || !sawRoot || !XMLText.isValid(b + k, e - k) { throw Unusual() }
                    break
                }
            }
        case .value: guard XMLText.append(b + s, e - s, to: &value, limit: maxStringBytes) else { throw Unusual() }
        case .formula: guard XMLText.append(b + s, e - s, to: &formula, limit: maxStringBytes) else { throw Unusual() }
        case .inlineText: guard XMLText.append(b + s, e - s, to: &inline, limit: maxStringBytes) else { throw Unusual() }
        }
    }

    /// Parses the tag starting at `lt`; returns the index after its '>'.
    private mutating func tag(_ b: UnsafeMutablePointer<UInt8>, _ lt: Int, _ end: Int) throws -> Int {
        // The three tags of every unprefixed cell, `<v>`, `</v>` and `</c>`, without the general machinery.
        if inCell, !inInline, mainPrefix?.isEmpty == true, lt + 3 < end {
            let c1 = b[lt + 1]
            if c1 == UInt8(ascii: "v"), b[lt + 2] == UInt8(ascii: ">") {
                hasValue = true
                // Plain ASCII text then `</v>` (the usual case) is read in place, and with `</c>` right
                // after it the cell is finished here, without copying the text.
                let start = lt + 3
                var q = start
                while q < end {
                    let ch = b[q]
                    if ch == UInt8(ascii: "<") { break }
                    if ch < 0x20 || ch >= 0x80 || ch == UInt8(ascii: "&") || ch == UInt8(ascii: ">") { q = end; break }
                    q += 1
                }
                if q + 3 < end, b[q + 1] == UInt8(ascii: "/"), b[q + 2] == UInt8(ascii: "v"),
                   b[q + 3] == UInt8(ascii: ">"), q - start <= maxStringBytes {
                    let text = UnsafeBufferPointer(start: UnsafePointer(b + start), count: q - start)
                    if q + 7 < end, b[q + 4] == UInt8(ascii: "<"), b[q + 5] == UInt8(ascii: "/"),
                       b[q + 6] == UInt8(ascii: "c"), b[q + 7] == UInt8(ascii: ">") {
                        inCell = false
                        try finishCell(value: text)
                        return q + 8
                    }
                    value.removeAll(keepingCapacity: true)
                    value.append(contentsOf: text)
                    return q + 4
                }
                capture = .value
                value.removeAll(keepingCapacity: true)
                return lt + 3
            }
            if c1 == UInt8(ascii: "/"), b[lt + 3] == UInt8(ascii: ">") {
                switch b[lt + 2] {
                case UInt8(ascii: "v"), UInt8(ascii: "f"):
                    capture = .none
                    return lt + 4
                case UInt8(ascii: "c"):
                    inCell = false
                    guard capture == .none else { throw Unusual() }
                    try finishCell()
                    return lt + 4
                default:
                    break
                }
            }
        }
        // `<c r="B7" s="3" t="s">`, the start of every unprefixed cell.
        if inSheetData, !inCell, lt + 2 < end, b[lt + 1] == UInt8(ascii: "c"), b[lt + 2] == UInt8(ascii: " "),
           mainPrefix?.isEmpty == true, let next = try cellStart(b, lt, end) {
            return next
        }
        var i = lt + 1
        guard i < end else { throw Unusual() }
        let c = b[i]
        if c == UInt8(ascii: "!") || c == UInt8(ascii: "?") { throw Unusual() }
        let closing = c == UInt8(ascii: "/")
        if closing { i += 1 }
        // Name, with an optional prefix.
        let nameStart = i
        var colon = -1
        while i < end {
            let k = Self.byteClass(b[i])
            if k == 0 { break }
            if k == 2 { colon = i }
            i += 1
        }
        guard i < end, i > nameStart else { throw Unusual() }
        let localStart = colon >= 0 ? colon + 1 : nameStart
        let local = UnsafeBufferPointer(start: b + localStart, count: i - localStart)
        try checkPrefix(b, nameStart, colon)
        if closing {
            while i < end, Self.isSpace(b[i]) { i += 1 }
            guard i < end, b[i] == UInt8(ascii: ">") else { throw Unusual() }
            try endElement(local)
            return i + 1
        }
        // Attributes.
        var attributes = Attributes()
        var selfClosing = false
        while true {
            while i < end, Self.isSpace(b[i]) { i += 1 }
            guard i < end else { throw Unusual() }
            if b[i] == UInt8(ascii: ">") { i += 1; break }
            if b[i] == UInt8(ascii: "/") {
                guard i + 1 < end, b[i + 1] == UInt8(ascii: ">") else { throw Unusual() }
                selfClosing = true
                i += 2
                break
            }
            let aStart = i
            var aColon = -1
            while i < end, b[i] != UInt8(ascii: "="), !Self.isSpace(b[i]) {
                if b[i] == UInt8(ascii: ":") { aColon = i }
                guard Self.isNameByte(b[i]) || b[i] == UInt8(ascii: ":") else { throw Unusual() }
                i += 1
            }
            let aLocal = UnsafeBufferPointer(start: b + (aColon >= 0 ? aColon + 1 : aStart),
                                             count: i - (aColon >= 0 ? aColon + 1 : aStart))
            while i < end, Self.isSpace(b[i]) { i += 1 }
            guard i < end, b[i] == UInt8(ascii: "=") else { throw Unusual() }
            i += 1
            while i < end, Self.isSpace(b[i]) { i += 1 }
            guard i < end, b[i] == UInt8(ascii: "\"") || b[i] == UInt8(ascii: "'") else { throw Unusual() }
            let quote = b[i]
            i += 1
            let vStart = i
            guard let q = memchr(b + i, Int32(quote), end - i) else { throw Unusual() }
            i = b.distance(to: q.assumingMemoryBound(to: UInt8.self))
            for k in vStart..<i where b[k] == UInt8(ascii: "&") || b[k] == UInt8(ascii: "<") { throw Unusual() }
            guard XMLText.isValid(b + vStart, i - vStart, attribute: true) else { throw Unusual() }
            attributes.record(aLocal, UnsafeBufferPointer(start: b + vStart, count: i - vStart),
                              namespaced: aColon >= 0)
            i += 1
        }
        try startElement(local, attributes)
        if selfClosing { try endElement(local) }
        return i
    }

    /// A `<c …>` tag whose attributes are only `r`, `s` and `t` in double quotes, single spaces apart:
    /// starts the cell and returns the index after the tag; nil (nothing done) for any other shape,
    /// which the general path then reads.
    private mutating func cellStart(_ b: UnsafeMutablePointer<UInt8>, _ lt: Int, _ end: Int) throws -> Int? {
        var attributes = Attributes()
        var i = lt + 3
        while i < end {
            let name = b[i]
            if name == UInt8(ascii: ">") || name == UInt8(ascii: "/") { break }
            guard name == UInt8(ascii: "r") || name == UInt8(ascii: "s") || name == UInt8(ascii: "t"),
                  i + 2 < end, b[i + 1] == UInt8(ascii: "="), b[i + 2] == UInt8(ascii: "\"") else { return nil }
            let start = i + 3
            var q = start
            while q < end, b[q] != UInt8(ascii: "\"") {
                let c = b[q]
                // Entities, control characters and non-ASCII bytes: the general path judges them.
                if c == UInt8(ascii: "&") || c == UInt8(ascii: "<") || c < 0x20 || c >= 0x80 { return nil }
                q += 1
            }
            guard q < end else { return nil }
            let value = UnsafeBufferPointer(start: UnsafePointer(b + start), count: q - start)
            switch name {
            case UInt8(ascii: "r"): attributes.r = value
            case UInt8(ascii: "s"): attributes.s = value
            default: attributes.t = value
            }
            i = q + 1
            guard i < end else { return nil }
            if b[i] == UInt8(ascii: " ") { i += 1 }
        }
        guard i < end else { return nil }
        let local = UnsafeBufferPointer(start: UnsafePointer(b + lt + 1), count: 1)
        if b[i] == UInt8(ascii: ">") {
            try startElement(local, attributes)
            return i + 1
        }
        guard i + 1 < end, b[i + 1] == UInt8(ascii: ">") else { return nil }
        try startElement(local, attributes)
        try endElement(local)
        return i + 2
    }

    /// Elements must share the root element's prefix (none, or `x:`): anything else goes to libxml2.
    private mutating func checkPrefix(_ b: UnsafeMutablePointer<UInt8>, _ start: Int, _ colon: Int) throws {
        let count = colon >= 0 ? colon - start : 0
        guard let mainPrefix else {
            mainPrefix = Array(UnsafeBufferPointer(start: b + start, count: count))
            return
        }
        var same = count == mainPrefix.count
        if same, count > 0 {
            for k in 0..<count where b[start + k] != mainPrefix[k] {
                same = false
                break
            }
        }
        // Extension elements outside sheetData (x14:, mc:) are skipped by name; inside, unusual.
        if !same, inSheetData { throw Unusual() }
    }

    /// The few attributes the reader needs, as slices of the buffer.
    private struct Attributes {
        var r: UnsafeBufferPointer<UInt8>?
        var t: UnsafeBufferPointer<UInt8>?
        var s: UnsafeBufferPointer<UInt8>?
        var ref: UnsafeBufferPointer<UInt8>?
        var si: UnsafeBufferPointer<UInt8>?
        var preserve = false

        mutating func record(_ name: UnsafeBufferPointer<UInt8>, _ value: UnsafeBufferPointer<UInt8>, namespaced: Bool) {
            if name.count == 1 && !namespaced {
                switch name[0] {
                case UInt8(ascii: "r"): r = value
                case UInt8(ascii: "t"): t = value
                case UInt8(ascii: "s"): s = value
                default: break
                }
            } else if name.count == 3, !namespaced, name[0] == UInt8(ascii: "r"), name[1] == UInt8(ascii: "e"),
                      name[2] == UInt8(ascii: "f") {
                ref = value
            } else if name.count == 2, !namespaced, name[0] == UInt8(ascii: "s"), name[1] == UInt8(ascii: "i") {
                si = value
            } else if name.count == 5, namespaced, name.elementsEqual("space".utf8) {
                preserve = value.elementsEqual("preserve".utf8)
            }
        }
    }

    /// Byte classes: 1 a name byte, 2 a colon, 0 anything else. (Comparisons, not a table: a static
    /// table cannot live in a generic type, and a global one costs a lazy-initialisation check per use.)
    @inline(__always) private static func byteClass(_ c: UInt8) -> UInt8 {
        if c == UInt8(ascii: ":") { return 2 }
        if (c | 0x20) &- UInt8(ascii: "a") < 26 || c &- UInt8(ascii: "0") < 10 || c == UInt8(ascii: "_")
            || c == UInt8(ascii: "-") || c == UInt8(ascii: ".") { return 1 }
        return 0
    }

    @inline(__always) private static func isNameByte(_ c: UInt8) -> Bool { byteClass(c) == 1 }

    private static func isSpace(_ c: UInt8) -> Bool { c == 0x20 || c == 0x0A || c == 0x0D || c == 0x09 }

    private static func equals(_ name: UnsafeBufferPointer<UInt8>, _ s: StaticString) -> Bool {
        guard name.count == s.utf8CodeUnitCount else { return false }
        let p = s.utf8Start
        for k in 0..<name.count where name[k] != p[k] { return false }
        return true
    }

    // MARK: - Elements

    private mutating func startElement(_ name: UnsafeBufferPointer<UInt8>, _ a: Attributes) throws {
        if !sawRoot {
            guard Self.equals(name, "worksheet") else { throw Unusual() }
            sawRoot = true
            return
        }
        if inCell {
            if name.count == 1 && name[0] == UInt8(ascii: "v") {
                capture = .value
                hasValue = true
                value.removeAll(keepingCapacity: true)
            } else if name.count == 1 && name[0] == UInt8(ascii: "f") {
                capture = .formula
                hasFormula = true
                formula.removeAll(keepingCapacity: true)
                sharedIndex = a.t.map { $0.elementsEqual("shared".utf8) } == true
                    ? a.si.flatMap { RowAssemblerSupport.parseInt(RowAssemblerSupport.trimmed($0)) } : nil
            } else if Self.equals(name, "is") {
                inInline = true
                hasInline = true
                inline.removeAll(keepingCapacity: true)
            } else if inInline {
                if Self.equals(name, "rPh") {
                    phoneticDepth += 1
                } else if name.count == 1 && name[0] == UInt8(ascii: "t") && phoneticDepth == 0 {
                    capture = .inlineText
                    inlineSegmentStart = inline.count
                    inlinePreserve = a.preserve
                } else if capture != .none {
                    throw Unusual()
                }
            } else {
                throw Unusual()
            }
            return
        }
        if inSheetData {
            if name.count == 1 && name[0] == UInt8(ascii: "c") {
                inCell = true
                reference = RawReference(a.r)
                type = a.t.map { RawCellType($0) } ?? .number
                style = a.s.map { RowAssemblerSupport.parseInt(RowAssemblerSupport.trimmed($0)) ?? 0 } ?? 0
                hasValue = false
                hasFormula = false
                sharedIndex = nil
                hasInline = false
            } else if Self.equals(name, "row") {
                try assembler.startRow(a.r, emit: emit)
            } else {
                throw Unusual()
            }
            return
        }
        if Self.equals(name, "sheetData") {
            guard !sheetDataDone else { throw Unusual() }
            inSheetData = true
        } else if Self.equals(name, "mergeCell") {
            guard let ref = a.ref else { return }
            let text = String(decoding: ref, as: UTF8.self)
            guard let range = CellRange(text) else {
                throw SpreadsheetError(.invalidCellReference(text), at: assembler.location)
            }
            merges.append(range)
        } else if Self.equals(name, "dimension") {
            dimension = a.ref.map { String(decoding: $0, as: UTF8.self) }
        }
    }

    private mutating func endElement(_ name: UnsafeBufferPointer<UInt8>) throws {
        if inCell {
            if name.count == 1 && name[0] == UInt8(ascii: "c") {
                inCell = false
                guard capture == .none, !inInline else { throw Unusual() }
                try finishCell()
            } else if name.count == 1 && (name[0] == UInt8(ascii: "v") || name[0] == UInt8(ascii: "f")) {
                capture = .none
            } else if name.count == 1 && name[0] == UInt8(ascii: "t") {
                if capture == .inlineText {
                    capture = .none
                    if !inlinePreserve { OOXMLText.trimSegment(&inline, from: inlineSegmentStart) }
                }
            } else if Self.equals(name, "rPh") {
                phoneticDepth = max(0, phoneticDepth - 1)
            } else if Self.equals(name, "is") {
                inInline = false
            }
            return
        }
        if inSheetData {
            if Self.equals(name, "row") {
                try assembler.endRow(emit: emit)
            } else if Self.equals(name, "sheetData") {
                try assembler.endRow(emit: emit)
                inSheetData = false
                sheetDataDone = true
            } else {
                throw Unusual()
            }
        }
    }

    private mutating func finishCell() throws {
        let v = value
        try v.withUnsafeBufferPointer { try finishCell(value: $0) }
    }

    /// Finishes the cell with `<v>` text read in place from the scan buffer.
    private mutating func finishCell(value v: UnsafeBufferPointer<UInt8>) throws {
        let inlineText = inlineTextValue()
        guard hasFormula, !formula.isEmpty else {
            return try assembler.addCell(reference: reference, type: type, style: style, value: v, hasValue: hasValue,
                                         formula: nil, sharedFormula: hasFormula ? sharedIndex : nil,
                                         inlineText: inlineText, emit: emit)
        }
        let f = formula
        try f.withUnsafeBufferPointer { f in
            try assembler.addCell(reference: reference, type: type, style: style, value: v, hasValue: hasValue,
                                  formula: f, sharedFormula: sharedIndex, inlineText: inlineText, emit: emit)
        }
    }

    /// Frees what the output allocated; call once the scanner is done.
    func release() { assembler.output.release() }

    private func inlineTextValue() -> String? {
        hasInline ? OOXMLText.decodeEscapes(inline) : nil
    }
}

extension WorksheetScanner where Output == CellRowOutput {
    /// A scanner handing on `Row`s.
    init(context: CellContext, location: InputLocation, emit: @escaping (Row) throws -> Void) {
        self.init(context: context, location: location, output: CellRowOutput(context: context), emit: emit)
    }
}
