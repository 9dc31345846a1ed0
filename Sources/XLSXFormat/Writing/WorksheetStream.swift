import Spreadsheet

/// One worksheet's XML (`xl/worksheets/sheetN.xml`) streamed row by row, deflated on a second
/// thread into a temporary file.
///
/// Rows and the footer (merges, print setup) form the main deflate stream. The header, which holds
/// the used range (`<dimension>`) known only at the end, is deflated separately at `finish` and ends
/// on a byte boundary without a final block, so the entry is simply header stream + main stream.
final class WorksheetStream {
    let name: String
    let layout: SheetLayout
    /// The temporary file holding this sheet's deflated rows (already unlinked; closed by the zip source).
    let descriptor: Int32
    private let tabSelected: Bool
    private let compressionLevel: Int
    let fileName: String
    let out: XMLOutputBuffer
    let strings: SharedStringCollector
    let styles: StyleCollector
    let date1904: Bool

    private var lastRow = -1
    private var minRow = Int.max, minColumn = Int.max, maxRow = -1, maxColumn = -1
    /// Row heights from the layout, sorted, and the next one not yet written.
    private let layoutHeights: [(row: Int, height: Double)]
    private var nextLayoutHeight = 0
    /// The last style seen per column and its index: most columns repeat one style.
    private var styleCache: [(style: CellStyle, id: Int)?] = []

    /// The finished entry: deflated header, then the file's deflated rows (set by `finish`).
    private(set) var compressed: (header: [UInt8], fileLength: Int, size: Int, crc: UInt32)?

    init(name: String, tabSelected: Bool, layout: SheetLayout, descriptor: Int32, fileName: String,
         out: XMLOutputBuffer, strings: SharedStringCollector, styles: StyleCollector, date1904: Bool,
         compressionLevel: Int) throws {
        self.tabSelected = tabSelected
        self.compressionLevel = compressionLevel
        self.name = name
        self.layout = layout
        self.descriptor = descriptor
        self.fileName = fileName
        self.out = out
        self.strings = strings
        self.styles = styles
        self.date1904 = date1904
        layoutHeights = layout.rowHeights.sorted { $0.key < $1.key }.map { (row: $0.key, height: $0.value) }
        for (row, height) in layoutHeights {
            guard row >= 0, row < CellAddress.maxRows else {
                throw error(WriteProblem(zh: "行高设置的行号 \(row + 1) 超出范围", en: "a row height names row \(row + 1), out of range"))
            }
            try checkHeight(height, row: row)
        }
        if let frozen = layout.frozenAt, frozen.row >= CellAddress.maxRows || frozen.column >= CellAddress.maxColumns {
            throw error(WriteProblem(zh: "冻结位置超出范围", en: "the frozen-pane cell is out of range"))
        }
        for (column, width) in layout.columnWidths {
            guard column >= 0, column < CellAddress.maxColumns else {
                throw error(WriteProblem(zh: "列宽设置的列号 \(column + 1) 超出 A–XFD", en: "a column width names column \(column + 1), outside A–XFD"))
            }
            guard width >= 0, width <= 255 else {
                throw error(WriteProblem(zh: "\(CellAddress.columnName(column)) 列宽 \(width) 超出 0–255", en: "column \(CellAddress.columnName(column)) width \(width) is outside 0–255"))
            }
        }
        do {
            let pipeline = try DeflatePipeline(descriptor: descriptor, level: compressionLevel, bufferCapacity: out.capacity)
            out.attach(pipeline: pipeline)
        } catch {
            throw SpreadsheetError(.ioFailure(detail: error.detail), at: InputLocation(file: fileName, part: name))
        }
        out.ascii("<sheetData>")
    }

    /// Stops compressing without finishing (cancel or failure).
    func abandon() {
        out.abandonPipeline()
    }

    // MARK: header and footer

    /// Everything before `<sheetData>`, with the final used range.
    private func header() -> [UInt8] {
        let out = XMLOutputBuffer(capacity: 4096)
        out.ascii(PackageParts.declaration)
        out.ascii("<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">")
        if layout.print.fitToWidth { out.ascii("<sheetPr><pageSetUpPr fitToPage=\"1\"/></sheetPr>") }
        out.ascii("<dimension ref=\"")
        if maxRow < 0 {
            out.ascii("A1")
        } else {
            out.raw(CellRange(CellAddress(row: minRow, column: minColumn), CellAddress(row: maxRow, column: maxColumn)).description)
        }
        out.ascii("\"/><sheetViews><sheetView")
        if tabSelected { out.ascii(" tabSelected=\"1\"") }
        out.ascii(" workbookViewId=\"0\"")
        if let frozen = layout.frozenAt, frozen.row > 0 || frozen.column > 0 {
            writePane(frozen, to: out)
        } else {
            out.ascii("/>")
        }
        out.ascii("</sheetViews><sheetFormatPr defaultRowHeight=\"13.5\"/>")
        writeColumns(to: out)
        return out.takeBytes()
    }

    private func writePane(_ frozen: CellAddress, to out: XMLOutputBuffer) {
        out.ascii("><pane")
        if frozen.column > 0 {
            out.ascii(" xSplit=\"")
            out.int(frozen.column)
            out.byte(UInt8(ascii: "\""))
        }
        if frozen.row > 0 {
            out.ascii(" ySplit=\"")
            out.int(frozen.row)
            out.byte(UInt8(ascii: "\""))
        }
        out.ascii(" topLeftCell=\"")
        out.cellReference(row: frozen.row, column: frozen.column)
        switch (frozen.row > 0, frozen.column > 0) {
        case (true, true):
            out.ascii("\" activePane=\"bottomRight\" state=\"frozen\"/><selection pane=\"topRight\"/><selection pane=\"bottomLeft\"/><selection pane=\"bottomRight\"/></sheetView>")
        case (true, false):
            out.ascii("\" activePane=\"bottomLeft\" state=\"frozen\"/><selection pane=\"bottomLeft\"/></sheetView>")
        default:
            out.ascii("\" activePane=\"topRight\" state=\"frozen\"/><selection pane=\"topRight\"/></sheetView>")
        }
    }

    private func writeColumns(to out: XMLOutputBuffer) {
        guard !layout.columnWidths.isEmpty else { return }
        out.ascii("<cols>")
        for (column, width) in layout.columnWidths.sorted(by: { $0.key < $1.key }) {
            out.ascii("<col min=\"")
            out.int(column + 1)
            out.ascii("\" max=\"")
            out.int(column + 1)
            out.ascii("\" width=\"")
            out.number(width)
            out.ascii("\" customWidth=\"1\"/>")
        }
        out.ascii("</cols>")
    }

    /// Writes the rest of the rows' heights, the merges and the print setup, then fixes the dimension.
    func finish(merges: [CellRange]) throws {
        try writeLayoutHeights(before: CellAddress.maxRows)
        out.ascii("</sheetData>")
        try writeMerges(merges)
        let print = layout.print
        if print.centerHorizontally { out.ascii("<printOptions horizontalCentered=\"1\"/>") }
        let m = print.margins
        for margin in [m.left, m.right, m.top, m.bottom] where !(margin >= 0 && margin < 49) {
            throw error(WriteProblem(zh: "页边距 \(margin) 英寸超出 0–49", en: "margin \(margin) inches is outside 0–49"))
        }
        out.ascii("<pageMargins left=\"")
        out.number(m.left)
        out.ascii("\" right=\"")
        out.number(m.right)
        out.ascii("\" top=\"")
        out.number(m.top)
        out.ascii("\" bottom=\"")
        out.number(m.bottom)
        out.ascii("\" header=\"0.3\" footer=\"0.3\"/>")
        if print.a4 || print.orientation == .landscape || print.fitToWidth {
            out.ascii("<pageSetup")
            if print.a4 { out.ascii(" paperSize=\"9\"") }
            if print.fitToWidth { out.ascii(" fitToHeight=\"0\"") }
            out.ascii(print.orientation == .landscape ? " orientation=\"landscape\"/>" : " orientation=\"portrait\"/>")
        }
        let breaks = Array(Set(print.rowBreaks)).sorted()
        if let bad = breaks.first(where: { $0 < 1 || $0 >= CellAddress.maxRows }) {
            throw error(WriteProblem(zh: "分页位置第 \(bad + 1) 行超出范围", en: "the page break before row \(bad + 1) is out of range"))
        }
        if !breaks.isEmpty {
            // <brk id="N"> breaks after 1-based row N, i.e. before zero-based row N.
            out.ascii("<rowBreaks count=\"")
            out.int(breaks.count)
            out.ascii("\" manualBreakCount=\"")
            out.int(breaks.count)
            out.ascii("\">")
            for row in breaks {
                out.ascii("<brk id=\"")
                out.int(row)
                out.ascii("\" max=\"16383\" man=\"1\"/>")
            }
            out.ascii("</rowBreaks>")
        }
        out.ascii("</worksheet>")
        do {
            let body = try out.finishPipeline()
            let head = header()
            var deflated: [UInt8] = []
            try RawDeflater(level: compressionLevel).deflate(head, count: head.count, mode: .sync) { (bytes, n) throws(WriterIOFailure) in
                deflated.append(contentsOf: UnsafeBufferPointer(start: bytes, count: n))
            }
            let crc = RawDeflater.combine(RawDeflater.crc(0, head, head.count), body.crc, lengthOfB: body.rawLength)
            compressed = (deflated, body.compressedLength, head.count + body.rawLength, crc)
        } catch {
            throw SpreadsheetError(.ioFailure(detail: error.detail), at: InputLocation(file: fileName, part: name))
        }
    }

    private func writeMerges(_ merges: [CellRange]) throws {
        let ranges = merges.filter { $0.start != $0.end }
        guard !ranges.isEmpty else { return }
        for range in ranges where range.end.row >= CellAddress.maxRows || range.end.column >= CellAddress.maxColumns
            || range.start.row < 0 || range.start.column < 0 {
            throw error(WriteProblem(zh: "合并区域超出 A1:XFD1048576", en: "a merged range lies outside A1:XFD1048576"))
        }
        // Overlapping merges make Excel repair the file: sweep the ranges in row order.
        let sorted = ranges.sorted { ($0.start.row, $0.start.column) < ($1.start.row, $1.start.column) }
        var open: [CellRange] = []
        for range in sorted {
            open.removeAll { $0.end.row < range.start.row }
            if let other = open.first(where: {
                $0.start.column <= range.end.column && range.start.column <= $0.end.column
            }) {
                throw error(WriteProblem(zh: "合并区域 \(range) 与 \(other) 重叠", en: "merged ranges \(range) and \(other) overlap"))
            }
            open.append(range)
        }
        out.ascii("<mergeCells count=\"")
        out.int(ranges.count)
        out.ascii("\">")
        for range in ranges {
            out.ascii("<mergeCell ref=\"")
            out.raw(range.description)
            out.ascii("\"/>")
        }
        out.ascii("</mergeCells>")
    }

    // MARK: rows

    /// Writes one row; its index must exceed the previous row's.
    func write(_ row: Row) throws {
        if let problem = WriteRules.rowIndexProblem(row.index, after: lastRow) {
            throw error(problem, CellAddress(row: max(0, min(row.index, CellAddress.maxRows - 1)), column: 0))
        }
        try writeLayoutHeights(before: row.index)
        var height: Double? = row.height
        if nextLayoutHeight < layoutHeights.count, layoutHeights[nextLayoutHeight].row == row.index {
            height = height ?? layoutHeights[nextLayoutHeight].height
            nextLayoutHeight += 1
        }
        lastRow = row.index
        guard !row.cells.isEmpty || height != nil else { return }
        if let height, row.height != nil { try checkHeight(height, row: row.index) }
        out.ascii("<row r=\"")
        out.int(row.index + 1)
        out.byte(UInt8(ascii: "\""))
        if let height {
            out.ascii(" ht=\"")
            out.number(height)
            out.ascii("\" customHeight=\"1\"")
        }
        out.byte(UInt8(ascii: ">"))
        var previousColumn = -1
        for cell in row.cells {
            guard cell.column > previousColumn, cell.column < CellAddress.maxColumns else {
                let problem = cell.column >= CellAddress.maxColumns || cell.column < 0
                    ? WriteProblem(zh: "列号 \(cell.column + 1) 超出 Excel 的 A–XFD（16384 列）", en: "column \(cell.column + 1) is outside Excel's A–XFD (16,384 columns)")
                    : WriteProblem(zh: "同一行的单元格须按列递增", en: "cells of a row must be in increasing column order")
                throw error(problem, CellAddress(row: row.index, column: max(0, min(cell.column, CellAddress.maxColumns - 1))))
            }
            previousColumn = cell.column
            do {
                try write(cell, row: row.index)
            } catch {
                throw self.error(error, CellAddress(row: row.index, column: cell.column))
            }
        }
        out.ascii("</row>")
        do {
            try out.flushIfFull()
        } catch {
            throw SpreadsheetError(.ioFailure(detail: error.detail), at: InputLocation(file: fileName, part: name))
        }
    }

    private func writeLayoutHeights(before limit: Int) throws {
        while nextLayoutHeight < layoutHeights.count, layoutHeights[nextLayoutHeight].row < limit {
            let (row, height) = layoutHeights[nextLayoutHeight]
            nextLayoutHeight += 1
            out.ascii("<row r=\"")
            out.int(row + 1)
            out.ascii("\" ht=\"")
            out.number(height)
            out.ascii("\" customHeight=\"1\"/>")
        }
    }

    private func checkHeight(_ height: Double, row: Int) throws {
        guard height >= 0, height <= 409 else {
            throw error(WriteProblem(zh: "第 \(row + 1) 行行高 \(height) 超出 0–409 磅", en: "row \(row + 1) height \(height) is outside 0–409 points"))
        }
    }

    /// The last used row (zero-based), -1 when nothing was written.
    var lastUsedRow: Int { maxRow }

    /// Records a written cell in the used range (`<dimension>`).
    @inline(__always)
    func noteUsed(row: Int, column: Int) {
        if row < minRow { minRow = row }
        if row > maxRow { maxRow = row }
        if column < minColumn { minColumn = column }
        if column > maxColumn { maxColumn = column }
    }

    /// The format index of `style`, remembering the last one per column.
    @inline(__always)
    func cachedStyleIndex(_ style: CellStyle, column: Int) throws(WriteProblem) -> Int {
        if column < styleCache.count, let cached = styleCache[column], cached.style == style { return cached.id }
        let id = try styles.index(for: style)
        if column >= styleCache.count { styleCache += Array(repeating: nil, count: column + 1 - styleCache.count) }
        styleCache[column] = (style, id)
        return id
    }

    func error(_ problem: WriteProblem, _ address: CellAddress? = nil) -> SpreadsheetError {
        SpreadsheetError(.other(zh: "无法写入：\(problem.zh)。请修正后重试。", en: "cannot write: \(problem.en). Fix it and retry."),
                         at: InputLocation(file: fileName, part: name, position: address.map { .cell($0) }))
    }
}
