import Spreadsheet

/// One `<Relationship>` of a `.rels` part (关系).
struct Relationship {
    var id: String
    var type: String
    var target: String
    var external: Bool

    /// The last path segment of the type URI, the same in transitional and Strict OOXML
    /// (`.../relationships/worksheet` and `http://purl.oclc.org/ooxml/officeDocument/relationships/worksheet`).
    var kind: String { String(type.split(separator: "/").last ?? "") }
}

/// Reads a `.rels` part.
final class RelationshipsHandler: XMLEventHandler {
    var relationships: [Relationship] = []

    override func startElement(_ name: XMLName, _ attributes: XMLAttributes) {
        guard name.is("Relationship") else { return }
        relationships.append(Relationship(
            id: attributes.string("Id") ?? "",
            type: attributes.string("Type") ?? "",
            target: attributes.string("Target") ?? "",
            external: attributes.string("TargetMode") == "External"))
    }
}

/// Part names in a package: resolving relationship targets against the source part's folder.
enum PartName {
    /// `xl/workbook.xml` → `xl`.
    static func folder(of part: String) -> String {
        guard let slash = part.lastIndex(of: "/") else { return "" }
        return String(part[..<slash])
    }

    /// The `.rels` part that belongs to `part`: `xl/workbook.xml` → `xl/_rels/workbook.xml.rels`.
    static func relationships(of part: String) -> String {
        let dir = folder(of: part)
        let file = part.split(separator: "/").last.map(String.init) ?? part
        return dir.isEmpty ? "_rels/\(file).rels" : "\(dir)/_rels/\(file).rels"
    }

    /// Resolves a target: absolute (`/xl/worksheets/sheet1.xml`) from the root, relative from `base`'s
    /// folder, with `..` and `.` segments and backslashes handled.
    static func resolve(_ target: String, from base: String) -> String {
        let t = target.replacingBackslashes()
        var segments: [Substring] = []
        let joined = t.hasPrefix("/") ? t : (folder(of: base).isEmpty ? t : folder(of: base) + "/" + t)
        for s in joined.split(separator: "/") {
            if s == "." { continue }
            if s == ".." { _ = segments.popLast(); continue }
            segments.append(s)
        }
        return segments.joined(separator: "/")
    }
}

/// What `workbook.xml` declares: sheets in order, and the date system.
final class WorkbookHandler: XMLEventHandler {
    struct SheetEntry {
        var name: String
        var relationshipID: String?
        var state: Sheet.State
    }

    var sheets: [SheetEntry] = []
    var date1904 = false

    override func startElement(_ name: XMLName, _ attributes: XMLAttributes) {
        if name.is("sheet") {
            let state: Sheet.State
            let name = attributes.string("name") ?? ""
            switch attributes.string("state") {
            case "hidden"?: state = .hidden
            case "veryHidden"?: state = .veryHidden
            case "visible"?, nil: state = .visible
            case let other?:
                fail(SpreadsheetError(.malformedXML(detail: "sheet \"\(name)\" has state=\"\(other)\"; "
                                                    + "工作表状态只能是 visible/hidden/veryHidden"), at: location))
                return
            }
            sheets.append(SheetEntry(name: name,
                                     relationshipID: attributes.string("id", namespaced: true),
                                     state: state))
        } else if name.is("workbookPr") {
            if let v = attributes.string("date1904") { date1904 = v == "1" || v == "true" }
        }
    }
}

/// Reads `sharedStrings.xml` (共享字符串表): each `<si>` is one string, rich-text runs concatenated and
/// phonetic `<rPh>` runs left out.
final class SharedStringsHandler: XMLEventHandler {
    var strings: [String] = []
    private var text: [UInt8] = []
    private var inItem = false
    private var inText = false
    private var phoneticDepth = 0
    private var segmentStart = 0
    private var preserveSpace = false
    private let maxStringBytes: Int
    private let maxStrings: Int

    init(location: InputLocation, maxStringBytes: Int, maxStrings: Int) {
        self.maxStringBytes = maxStringBytes
        self.maxStrings = maxStrings
        super.init(location: location)
    }

    override func startElement(_ name: XMLName, _ attributes: XMLAttributes) {
        if name.is("si") {
            inItem = true
            text.removeAll(keepingCapacity: true)
        } else if name.is("rPh") {
            phoneticDepth += 1
        } else if name.is("t"), inItem, phoneticDepth == 0 {
            inText = true
            segmentStart = text.count
            preserveSpace = attributes.string("space") == "preserve"
        }
    }

    override func endElement(_ name: XMLName) {
        if name.is("si") {
            inItem = false
            if strings.count >= maxStrings {
                fail(SpreadsheetError(.tooManyCells(limit: maxStrings), at: location))
                return
            }
            strings.append(OOXMLText.decodeEscapes(text))
        } else if name.is("rPh") {
            phoneticDepth = max(0, phoneticDepth - 1)
        } else if name.is("t"), inText {
            inText = false
            if !preserveSpace { OOXMLText.trimSegment(&text, from: segmentStart) }
        }
    }

    override func characters(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard inText else { return }
        text.append(contentsOf: bytes)
        if text.count > maxStringBytes {
            fail(SpreadsheetError(.stringTooLong(limit: maxStringBytes), at: location))
        }
    }
}

/// OOXML's own text escapes.
enum OOXMLText {
    /// Without `xml:space="preserve"` a `<t>`'s leading and trailing XML whitespace is dropped, as
    /// calamine does (`<t>City </t>` reads `City`).
    static func trimSegment(_ text: inout [UInt8], from start: Int) {
        func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }
        while text.count > start, isSpace(text[text.count - 1]) { text.removeLast() }
        var s = start
        while s < text.count, isSpace(text[s]) { s += 1 }
        if s > start { text.removeSubrange(start..<s) }
    }

    /// Decodes `_xHHHH_` escapes (any hex case) left to right, as calamine does: `_x000D_` is a CR and
    /// `_x005F_x000D_` reads `_x000D_`.
    static func decodeEscapes(_ bytes: [UInt8]) -> String {
        bytes.withUnsafeBufferPointer { decodeEscapes($0) }
    }

    static func decodeEscapes(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        let n = bytes.count
        guard n >= 7, bytes.contains(UInt8(ascii: "_")) else {
            return String(decoding: bytes, as: UTF8.self)
        }
        var out: [UInt8] = []
        out.reserveCapacity(n)
        var i = 0
        while i < n {
            if bytes[i] == UInt8(ascii: "_"), i + 6 < n, bytes[i + 1] == UInt8(ascii: "x") || bytes[i + 1] == UInt8(ascii: "X"),
               bytes[i + 6] == UInt8(ascii: "_"), let v = hexValue(bytes, i + 2), let scalar = Unicode.Scalar(v) {
                out.append(contentsOf: String(Character(scalar)).utf8)
                i += 7
                continue
            }
            out.append(bytes[i])
            i += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static func hexValue(_ b: UnsafeBufferPointer<UInt8>, _ at: Int) -> Int? {
        var v = 0
        for k in at..<(at + 4) {
            let c = b[k]
            switch c {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): v = v * 16 + Int(c - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): v = v * 16 + Int(c - UInt8(ascii: "a")) + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): v = v * 16 + Int(c - UInt8(ascii: "A")) + 10
            default: return nil
            }
        }
        return v
    }
}
