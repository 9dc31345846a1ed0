import Spreadsheet

/// The text of a Word document (.docx): each paragraph of `word/document.xml` as one line, and each
/// table cell as one line (the paragraphs of a cell joined by a space), in document order.
///
/// Runs (`w:t`) are joined as written; `w:tab` becomes a tab; `w:br`/`w:cr` start a new line; deleted
/// text (`w:delText`), field codes (`w:instrText`), headers, footers and footnotes are left out. It uses
/// the workbook reader's libzip and libxml2 wrappers with the same caps (`ReadLimits`) and the same
/// refusal of any DOCTYPE.
public enum DocxText {
    /// The lines of the document's main part.
    ///
    /// - Throws: `SpreadsheetError`: `.cannotOpen`, `.corruptZip`, `.encrypted`, `.missingPart`,
    ///   `.malformedXML`, `.xmlDoctype`, the zip caps, `.stringTooLong` for a paragraph longer than
    ///   `limits.maxStringBytes`, and `.other` for a legacy .doc file.
    public static func paragraphs(path: String, displayName: String? = nil, limits: ReadLimits = ReadLimits()) throws
        -> [String] {
        let name = displayName ?? String(path.split(separator: "/").last ?? Substring(path))
        switch try FileSniffing.sniff(path: path, displayName: name) {
        case .zip: break
        case .ole2(let encrypted):
            if encrypted { throw SpreadsheetError(.encrypted, at: InputLocation(file: name)) }
            throw SpreadsheetError(
                .other(zh: "这是旧版 Word（.doc）文件：请在 Word 或 WPS 中另存为 .docx 后再读取。",
                       en: "this is a legacy Word (.doc) file: save it as .docx in Word or WPS and read that."),
                at: InputLocation(file: name))
        case .empty:
            throw SpreadsheetError(.corruptZip(detail: "empty file / 空文件"), at: InputLocation(file: name))
        case .other:
            throw SpreadsheetError(.corruptZip(detail: "not a zip archive / 不是 zip 压缩包"), at: InputLocation(file: name))
        }
        let package = try ZipPackage(path: path, displayName: name, limits: limits)
        let part = try mainPart(of: package)
        let handler = DocumentTextHandler(
            location: InputLocation(file: name, part: part), maxLineBytes: limits.maxStringBytes)
        try XMLStreamParser.parse(try package.open(part), handler: handler)
        return handler.lines
    }

    /// The `officeDocument` target of `_rels/.rels`, else `word/document.xml`.
    private static func mainPart(of package: ZipPackage) throws -> String {
        if package.contains("_rels/.rels") {
            let rels = RelationshipsHandler(location: InputLocation(file: package.displayName, part: "_rels/.rels"))
            try XMLStreamParser.parse(try package.open("_rels/.rels"), handler: rels)
            if let main = rels.relationships.first(where: { $0.kind == "officeDocument" && !$0.external }) {
                let part = PartName.resolve(main.target, from: "")
                if package.contains(part) { return part }
            }
        }
        guard package.contains("word/document.xml") else {
            throw SpreadsheetError(.missingPart("word/document.xml"), at: InputLocation(file: package.displayName))
        }
        return "word/document.xml"
    }
}

/// Collects the text lines of `word/document.xml`.
final class DocumentTextHandler: XMLEventHandler {
    private(set) var lines: [String] = []
    private let maxLineBytes: Int
    /// Text of the paragraph being read.
    private var paragraph: [UInt8] = []
    /// Open table cells (nested tables nest cells); each collects its paragraphs.
    private var cells: [[String]] = []
    /// Inside `w:t` (text is kept only there).
    private var inText = false

    init(location: InputLocation, maxLineBytes: Int) {
        self.maxLineBytes = maxLineBytes
        super.init(location: location)
    }

    override func startElement(_ name: XMLName, _ attributes: XMLAttributes) {
        if name.is("t") {
            inText = true
        } else if name.is("tab") && !inText {
            paragraph.append(0x09)
        } else if name.is("br") || name.is("cr") {
            finishLine()
        } else if name.is("tc") {
            cells.append([])
        } else if name.is("p") {
            paragraph.removeAll(keepingCapacity: true)
        }
    }

    override func endElement(_ name: XMLName) {
        if name.is("t") {
            inText = false
        } else if name.is("p") {
            finishLine()
        } else if name.is("tc"), let cell = cells.popLast() {
            let text = cell.filter { !$0.isEmpty }.joined(separator: " ")
            if cells.isEmpty { lines.append(text) } else { cells[cells.count - 1].append(text) }
        }
    }

    override func characters(_ text: UnsafeBufferPointer<UInt8>) {
        guard inText else { return }
        paragraph.append(contentsOf: text)
        if paragraph.count > maxLineBytes {
            var at = location
            at.position = .byte(byteOffset)
            fail(SpreadsheetError(.stringTooLong(limit: maxLineBytes), at: at))
        }
    }

    /// Ends the current line: into the open cell, else into the document.
    private func finishLine() {
        let text = String(decoding: paragraph, as: UTF8.self)
        paragraph.removeAll(keepingCapacity: true)
        if cells.isEmpty { lines.append(text) } else { cells[cells.count - 1].append(text) }
    }
}
