import Spreadsheet

/// The libxml2 (SAX2) reading of a worksheet part (工作表): rows and cells in `sheetData`, then
/// `mergeCells`. This is the parser of record; the byte scanner must agree with it.
final class WorksheetHandler: XMLEventHandler {
    private var assembler: RowAssembler<CellRowOutput>
    private let emit: (Row) throws -> Void
    private(set) var merges: [CellRange] = []
    private(set) var dimension: String?

    private enum Capture { case none, value, formula, inlineText }
    private var capture = Capture.none
    private var inSheetData = false
    private var inCell = false
    private var inInline = false
    private var phoneticDepth = 0
    private var reference: [UInt8] = []
    private var hasReference = false
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
    private var inlineSegmentStart = 0
    private var inlinePreserveSpace = false
    private let maxStringBytes: Int

    init(context: CellContext, location: InputLocation, emit: @escaping (Row) throws -> Void) {
        assembler = RowAssembler(context: context, location: location, output: CellRowOutput(context: context))
        self.emit = emit
        maxStringBytes = context.limits.maxStringBytes
        super.init(location: location)
    }

    var outOfOrder: Bool { assembler.outOfOrder }

    private func run(_ body: () throws -> Void) {
        do { try body() } catch { fail(error) }
    }

    override func startElement(_ name: XMLName, _ attributes: XMLAttributes) {
        let n = name.bytes
        if inCell {
            switch n[0] {
            case UInt8(ascii: "v") where n[1] == 0:
                capture = .value
                hasValue = true
                value.removeAll(keepingCapacity: true)
            case UInt8(ascii: "f") where n[1] == 0:
                capture = .formula
                hasFormula = true
                formula.removeAll(keepingCapacity: true)
                sharedIndex = attributes.string("t") == "shared"
                    ? attributes.withValue("si") { RowAssemblerSupport.parseInt(RowAssemblerSupport.trimmed($0)) } ?? nil
                    : nil
            default:
                if name.is("is") {
                    inInline = true
                    hasInline = true
                    inline.removeAll(keepingCapacity: true)
                } else if name.is("rPh") {
                    phoneticDepth += 1
                } else if name.is("t"), inInline, phoneticDepth == 0 {
                    capture = .inlineText
                    inlineSegmentStart = inline.count
                    inlinePreserveSpace = attributes.string("space") == "preserve"
                }
            }
            return
        }
        if name.is("c"), inSheetData {
            inCell = true
            hasReference = attributes.withValue("r") { raw in
                reference.removeAll(keepingCapacity: true)
                reference.append(contentsOf: raw)
                return true
            } ?? false
            type = attributes.withValue("t") { RawCellType($0) } ?? .number
            style = attributes.withValue("s") { RowAssemblerSupport.parseInt(RowAssemblerSupport.trimmed($0)) ?? 0 } ?? 0
            hasValue = false
            hasFormula = false
            sharedIndex = nil
            hasInline = false
        } else if name.is("row"), inSheetData {
            run {
                let started: Bool? = try attributes.withValue("r") { r in
                    try assembler.startRow(r, emit: emit)
                    return true
                }
                if started == nil { try assembler.startRow(nil, emit: emit) }
            }
        } else if name.is("sheetData") {
            inSheetData = true
        } else if name.is("mergeCell") {
            guard let ref = attributes.string("ref") else { return }
            guard let range = CellRange(ref) else {
                fail(SpreadsheetError(.invalidCellReference(ref), at: location))
                return
            }
            merges.append(range)
        } else if name.is("dimension") {
            dimension = attributes.string("ref")
        }
    }

    override func endElement(_ name: XMLName) {
        let n = name.bytes
        if inCell {
            if n[0] == UInt8(ascii: "c"), n[1] == 0 {
                inCell = false
                finishCell()
            } else if (n[0] == UInt8(ascii: "v") || n[0] == UInt8(ascii: "f")) && n[1] == 0 {
                capture = .none
            } else if name.is("t") {
                if capture == .inlineText {
                    capture = .none
                    if !inlinePreserveSpace { OOXMLText.trimSegment(&inline, from: inlineSegmentStart) }
                }
            } else if name.is("rPh") {
                phoneticDepth = max(0, phoneticDepth - 1)
            } else if name.is("is") {
                inInline = false
            }
            return
        }
        if name.is("row"), inSheetData {
            run { try assembler.endRow(emit: emit) }
        } else if name.is("sheetData") {
            run { try assembler.endRow(emit: emit) }
            inSheetData = false
        }
    }

    override func characters(_ text: UnsafeBufferPointer<UInt8>) {
        switch capture {
        case .none: return
        case .value: value.append(contentsOf: text)
        case .formula: formula.append(contentsOf: text)
        case .inlineText: inline.append(contentsOf: text)
        }
        if value.count + formula.count + inline.count > maxStringBytes {
            fail(SpreadsheetError(.stringTooLong(limit: maxStringBytes), at: location))
        }
    }

    private func finishCell() {
        let inlineText: String? = hasInline ? OOXMLText.decodeEscapes(inline) : nil
        let hasFormulaText = hasFormula && !formula.isEmpty
        run {
            try value.withUnsafeBufferPointer { v in
                try reference.withUnsafeBufferPointer { r in
                    try formula.withUnsafeBufferPointer { f in
                        try assembler.addCell(reference: hasReference ? r : nil, type: type, style: style, value: v,
                                              hasValue: hasValue, formula: hasFormulaText ? f : nil,
                                              sharedFormula: hasFormula ? sharedIndex : nil,
                                              inlineText: inlineText, emit: emit)
                    }
                }
            }
        }
    }
}
