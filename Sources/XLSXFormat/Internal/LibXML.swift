import CLibXML2
import Spreadsheet

/// An element's local name as libxml2 hands it over (NUL-terminated, valid during the callback).
struct XMLName {
    let bytes: UnsafePointer<UInt8>

    /// Byte-wise comparison with an ASCII name, without making a String.
    func `is`(_ name: StaticString) -> Bool {
        let p = name.utf8Start
        for i in 0..<name.utf8CodeUnitCount where bytes[i] != p[i] { return false }
        return bytes[name.utf8CodeUnitCount] == 0
    }

    var string: String { String(cString: bytes) }
}

/// The attributes of one start tag: libxml2's array of (localname, prefix, URI, value, end) quintuples.
struct XMLAttributes {
    let base: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?
    let count: Int

    /// The raw bytes of the attribute with this local name (any namespace), if present.
    func withValue<R>(_ name: StaticString, namespaced: Bool? = nil,
                      _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R? {
        guard let base else { return nil }
        for i in 0..<count {
            let q = base + i * 5
            guard let local = q[0], XMLName(bytes: local).is(name) else { continue }
            if let namespaced, namespaced != (q[2] != nil) { continue }
            guard let start = q[3], let end = q[4] else { return try body(UnsafeBufferPointer(start: nil, count: 0)) }
            return try body(UnsafeBufferPointer(start: start, count: end - start))
        }
        return nil
    }

    /// The attribute's value as text, with libxml2's `&#38;` (kept for a literal `&`) turned back into `&`.
    func string(_ name: StaticString, namespaced: Bool? = nil) -> String? {
        withValue(name, namespaced: namespaced) { raw in
            let s = String(decoding: raw, as: UTF8.self)
            return s.contains("&#38;") ? s.replacing("&#38;", with: "&") : s
        }
    }
}

/// Receives the SAX events of one part. Subclasses override what they need and call `fail` to stop.
class XMLEventHandler {
    fileprivate var context: xmlParserCtxtPtr?
    /// The first problem found; parsing stops there.
    private(set) var failure: (any Error)?
    /// The part being parsed, for error locations.
    var location: InputLocation
    /// Open elements; libxml2's push parser does not cap nesting itself, so `XMLStreamParser` does.
    fileprivate var depth = 0

    init(location: InputLocation) { self.location = location }

    func startElement(_ name: XMLName, _ attributes: XMLAttributes) {}
    func endElement(_ name: XMLName) {}
    func characters(_ text: UnsafeBufferPointer<UInt8>) {}

    /// Records the error and stops the parser.
    final func fail(_ error: any Error) {
        if failure == nil { failure = error }
        if let context { xmlStopParser(context) }
    }

    /// The position libxml2 has reached, in bytes of the part.
    final var byteOffset: Int {
        guard let context else { return 0 }
        return Int(xmlByteConsumed(context))
    }
}

/// Runs libxml2's SAX2 push parser over a zip entry in chunks of at most 1 MiB.
///
/// Parsed with `XML_PARSE_NONET` only: no entity substitution, no DTD loading, never
/// `XML_PARSE_HUGE`. Any DOCTYPE stops the parse with `.xmlDoctype`.
enum XMLStreamParser {
    static let chunkSize = 1 << 20
    /// Deepest element nesting accepted (libxml2's own default for its pull parser; real parts nest < 12).
    static let maxDepth = 256

    static func parse(_ stream: ZipEntryStream, handler: XMLEventHandler) throws {
        try parse(handler: handler) { buffer in try stream.read(into: buffer) }
    }

    /// Parses bytes that are already in memory (used for small parts and tests).
    static func parse(bytes: [UInt8], handler: XMLEventHandler) throws {
        var position = 0
        try parse(handler: handler) { buffer in
            let n = min(buffer.count, bytes.count - position)
            bytes.withUnsafeBytes { src in
                buffer.copyMemory(from: UnsafeRawBufferPointer(rebasing: src[position..<(position + n)]))
            }
            position += n
            return n
        }
    }

    static func parse(handler: XMLEventHandler,
                      read: (UnsafeMutableRawBufferPointer) throws -> Int) throws {
        var sax = xmlSAXHandler()
        sax.initialized = XML_SAX2_MAGIC
        sax.startElementNs = { ctx, localname, _, _, _, _, count, _, attributes in
            guard let ctx, let localname else { return }
            let h = Unmanaged<XMLEventHandler>.fromOpaque(ctx).takeUnretainedValue()
            guard h.failure == nil else { return }
            h.depth += 1
            if h.depth > XMLStreamParser.maxDepth {
                var location = h.location
                location.position = .byte(h.byteOffset)
                h.fail(SpreadsheetError(.malformedXML(detail: "XML 元素嵌套超过 \(XMLStreamParser.maxDepth) 层 / "
                                                      + "elements nested deeper than \(XMLStreamParser.maxDepth)"),
                                        at: location))
                return
            }
            h.startElement(XMLName(bytes: localname), XMLAttributes(base: attributes, count: Int(count)))
        }
        sax.endElementNs = { ctx, localname, _, _ in
            guard let ctx, let localname else { return }
            let h = Unmanaged<XMLEventHandler>.fromOpaque(ctx).takeUnretainedValue()
            guard h.failure == nil else { return }
            h.depth -= 1
            h.endElement(XMLName(bytes: localname))
        }
        let text: charactersSAXFunc = { ctx, bytes, length in
            guard let ctx, let bytes, length > 0 else { return }
            let h = Unmanaged<XMLEventHandler>.fromOpaque(ctx).takeUnretainedValue()
            guard h.failure == nil else { return }
            h.characters(UnsafeBufferPointer(start: bytes, count: Int(length)))
        }
        sax.characters = text
        sax.cdataBlock = text
        sax.internalSubset = { ctx, _, _, _ in
            guard let ctx else { return }
            let h = Unmanaged<XMLEventHandler>.fromOpaque(ctx).takeUnretainedValue()
            h.fail(SpreadsheetError(.xmlDoctype, at: h.location))
        }
        sax.externalSubset = sax.internalSubset
        sax.serror = { ctx, error in
            guard let ctx, let error else { return }
            let h = Unmanaged<XMLEventHandler>.fromOpaque(ctx).takeUnretainedValue()
            guard error.pointee.level.rawValue >= XML_ERR_ERROR.rawValue else { return }
            let message = error.pointee.message.map { String(cString: $0) } ?? "XML error"
            let detail = message.trimmingTrailingNewlines() + " (line \(error.pointee.line))"
            var location = h.location
            location.position = .byte(h.byteOffset)
            let code = error.pointee.code
            if code == Int32(XML_ERR_INVALID_CHAR.rawValue) || code == Int32(XML_ERR_INVALID_ENCODING.rawValue)
                || message.contains("UTF-8") || message.contains("encoding") {
                h.fail(SpreadsheetError(.invalidEncoding(detail: detail), at: location))
            } else {
                h.fail(SpreadsheetError(.malformedXML(detail: detail), at: location))
            }
        }

        let unmanaged = Unmanaged.passRetained(handler)
        defer { unmanaged.release() }
        guard let ctxt = xmlCreatePushParserCtxt(&sax, unmanaged.toOpaque(), nil, 0, nil) else {
            throw SpreadsheetError(.other(zh: "无法创建 XML 解析器（内存不足？）", en: "cannot create the XML parser (out of memory?)"),
                                   at: handler.location)
        }
        defer {
            handler.context = nil
            xmlFreeParserCtxt(ctxt)
        }
        handler.context = ctxt
        _ = xmlCtxtUseOptions(ctxt, Int32(XML_PARSE_NONET.rawValue))

        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: chunkSize, alignment: 16)
        defer { buffer.deallocate() }
        var first = true
        while true {
            let n = try read(buffer)
            let p = buffer.baseAddress!.assumingMemoryBound(to: CChar.self)
            var start = 0
            if first, let stray = strayProlog(UnsafeRawBufferPointer(rebasing: buffer[0..<n])) {
                // Stray text between the XML declaration and the root element (seen in the wild):
                // feed the declaration, skip the text.
                _ = xmlParseChunk(ctxt, p, Int32(stray.lowerBound), 0)
                start = stray.upperBound
            }
            first = false
            let rc = xmlParseChunk(ctxt, p + start, Int32(n - start), n == 0 ? 1 : 0)
            if let failure = handler.failure { throw failure }
            if rc != 0 {
                var location = handler.location
                location.position = .byte(handler.byteOffset)
                throw SpreadsheetError(.malformedXML(detail: "libxml2 error \(rc)"), at: location)
            }
            if n == 0 { break }
        }
    }
}

/// The range of non-markup text after `<?xml …?>` and before the first `<`, if there is any.
private func strayProlog(_ b: UnsafeRawBufferPointer) -> Range<Int>? {
    var i = 0
    if b.count >= 3, b[0] == 0xEF, b[1] == 0xBB, b[2] == 0xBF { i = 3 }
    guard b.count >= i + 5, b[i] == UInt8(ascii: "<"), b[i + 1] == UInt8(ascii: "?") else { return nil }
    while i + 1 < b.count, !(b[i] == UInt8(ascii: "?") && b[i + 1] == UInt8(ascii: ">")) { i += 1 }
    guard i + 1 < b.count else { return nil }
    let declEnd = i + 2
    var j = declEnd
    var sawText = false
    while j < b.count, b[j] != UInt8(ascii: "<") {
        if !(b[j] == 0x20 || b[j] == 0x09 || b[j] == 0x0A || b[j] == 0x0D) { sawText = true }
        j += 1
    }
    guard sawText, j < b.count else { return nil }
    return declEnd..<j
}

extension String {
    func trimmingTrailingNewlines() -> String {
        var s = self
        while s.last == "\n" || s.last == "\r" { s.removeLast() }
        return s
    }
}
