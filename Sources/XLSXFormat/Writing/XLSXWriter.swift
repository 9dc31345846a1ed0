#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
public import Spreadsheet

/// The streaming XLSX writer (XLSX 写入器): sheets row by row into one deterministic `.xlsx`.
///
///     let writer = try XLSXWriter(path: "自评表.xlsx")
///     try writer.beginSheet(name: "支出表", layout: layout)
///     for row in rows { try writer.write(row: row) }
///     try writer.endSheet(merges: [CellRange("A1:H1")!])
///     try writer.close()
///
/// Each sheet's XML goes through 1 MiB buffers to a second thread that deflates it into an unlinked
/// temporary file beside the target, so memory stays flat however many rows there are (the
/// shared-string table aside) and generating and compressing overlap on two cores. `close()` packages
/// everything with libzip into a hidden temporary file (`.<name>.tmp-<pid>@<host>-XXXXXX`) that is renamed
/// into place: until then, and after any failure or `cancel()`, the target is untouched, and a killed
/// process leaves only hidden files, which the next write to the target removes. The same calls always give the same bytes
/// (fixed zip timestamps and part order, no clock in the document properties).
///
/// Any error leaves the writer failed: later calls throw it again, and `close()` writes nothing.
public final class XLSXWriter {
    private let path: String
    private let options: XLSXWriteOptions
    private let directory: String
    private let out = XMLOutputBuffer()
    private let strings = SharedStringCollector()
    private let styles = StyleCollector()
    private var finished: [FinishedSheet] = []
    private var current: (stream: WorksheetStream, state: Sheet.State)?
    private var failure: SpreadsheetError?
    private var isDone = false

    /// A sheet whose XML is complete: deflated header in memory, deflated rows in its temporary file.
    private struct FinishedSheet {
        var entry: PackageParts.SheetEntry
        /// Open until handed to the zip (then -1).
        var descriptor: Int32
        var header: [UInt8]
        var fileLength: Int
        var size: Int
        var crc: UInt32
    }

    /// The deflate level actually used (libzip and zlib take 1…9).
    private var compressionLevel: Int { min(9, max(1, options.compressionLevel)) }

    /// Prepares to write `path`; checks that its folder exists and is writable. Throws `SpreadsheetError`.
    public init(path: String, options: XLSXWriteOptions = .init()) throws {
        self.path = path
        self.options = options
        if let slash = path.lastIndex(of: "/") {
            let dir = String(path[..<slash])
            directory = dir.isEmpty ? "/" : dir
        } else {
            directory = "."
        }
        var info = stat()
        if path.isEmpty || path.hasSuffix("/") || (stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR) {
            throw SpreadsheetError(.cannotOpen(detail: "不是文件路径 / not a file path"), at: InputLocation(file: path))
        }
        if access(directory, W_OK) != 0 {
            throw SpreadsheetError(.ioFailure(detail: "\(directory): \(String(cString: strerror(errno)))"),
                                   at: InputLocation(file: path))
        }
    }

    deinit { cancel() }

    /// Starts a new sheet; its name must follow Excel's rules (≤ 31 characters, none of `[]:*?/\`,
    /// not empty, not starting or ending with `'`, unique ignoring case).
    public func beginSheet(name: String, state: Sheet.State = .visible, layout: SheetLayout = .init()) throws {
        try checkUsable()
        guard current == nil else {
            throw fail(.other(zh: "上一个工作表尚未调用 endSheet，不能开始新工作表。", en: "the previous sheet was not ended with endSheet."), part: name)
        }
        if let (zh, en) = WriteRules.sheetNameProblem(name, existing: finished.map(\.entry.name)) {
            throw fail(.invalidSheetName(name: name, detail: "\(zh) / \(en)"), part: name)
        }
        if let rows = layout.print.repeatRows, rows.lowerBound < 0 || rows.upperBound >= CellAddress.maxRows {
            throw fail(.other(zh: "打印标题行 \(rows) 超出范围。", en: "the repeated print rows \(rows) are out of range."), part: name)
        }
        if let columns = layout.print.printColumns, columns.lowerBound < 0 || columns.upperBound >= CellAddress.maxColumns {
            throw fail(.other(zh: "打印区域列 \(columns) 超出范围。", en: "the print columns \(columns) are out of range."), part: name)
        }
        let descriptor = try temporaryFile(part: name)
        let tabSelected = state == .visible && !finished.contains { $0.entry.state == .visible }
        do {
            let stream = try WorksheetStream(name: name, tabSelected: tabSelected, layout: layout, descriptor: descriptor,
                                             fileName: path, out: out, strings: strings, styles: styles,
                                             date1904: options.date1904, compressionLevel: compressionLevel)
            current = (stream, state)
        } catch let error as SpreadsheetError {
            closeDescriptor(descriptor)
            out.detach()
            failure = error
            throw error
        }
    }

    /// Writes one row of the current sheet; rows come in increasing `index` order, cells by column.
    public func write(row: Row) throws {
        try checkUsable()
        guard let (stream, _) = current else {
            throw fail(.other(zh: "写入行之前须先调用 beginSheet。", en: "call beginSheet before writing rows."), part: nil)
        }
        do {
            try stream.write(row)
        } catch let error as SpreadsheetError {
            failure = error
            abandonCurrentSheet()
            throw error
        }
    }

    /// Ends the current sheet, adding its merged ranges (which must not overlap).
    public func endSheet(merges: [CellRange] = []) throws {
        try checkUsable()
        guard let (stream, state) = current else {
            throw fail(.other(zh: "没有正在写入的工作表。", en: "no sheet is being written."), part: nil)
        }
        do {
            try stream.finish(merges: merges)
        } catch let error as SpreadsheetError {
            failure = error
            abandonCurrentSheet()
            throw error
        }
        current = nil
        guard let done = stream.compressed else { throw fail(.ioFailure(detail: "sheet not finished"), part: stream.name) }
        finished.append(FinishedSheet(entry: .init(name: stream.name, state: state, repeatRows: stream.layout.print.repeatRows,
                                                       printColumns: stream.layout.print.printColumns,
                                                       printRows: max(stream.lastUsedRow, 0) + 1),
                                      descriptor: stream.descriptor, header: done.header, fileLength: done.fileLength,
                                      size: done.size, crc: done.crc))
    }

    /// Packages everything into the target file atomically. A sheet still open is ended first.
    public func close() throws {
        try checkUsable()
        if current != nil { try endSheet() }
        guard !finished.isEmpty else {
            throw fail(.other(zh: "工作簿至少需要一个工作表。", en: "a workbook needs at least one sheet."), part: nil)
        }
        guard finished.contains(where: { $0.entry.state == .visible }) else {
            throw fail(.other(zh: "工作簿至少需要一个可见的工作表。", en: "a workbook needs at least one visible sheet."), part: nil)
        }
        do {
            try package()
        } catch let error as SpreadsheetError {
            failure = error
            releaseFiles()
            throw error
        }
        isDone = true
        releaseFiles()
    }

    /// Abandons the workbook: temporary files go, the target file is left as it was.
    public func cancel() {
        abandonCurrentSheet()
        releaseFiles()
        isDone = true
    }

    /// Stops the open sheet's compressor and drops its temporary file.
    private func abandonCurrentSheet() {
        guard let (stream, _) = current else { return }
        stream.abandon()
        closeDescriptor(stream.descriptor)
        current = nil
    }

    // MARK: packaging

    private func package() throws {
        let hasStrings = strings.referenceCount > 0
        let sheetCount = finished.count
        var stringsDescriptor: Int32 = -1
        defer { if stringsDescriptor >= 0 { closeDescriptor(stringsDescriptor) } }
        if hasStrings {
            stringsDescriptor = try temporaryFile(part: "xl/sharedStrings.xml")
            out.attach(descriptor: stringsDescriptor)
            defer { out.detach() }
            do {
                try writeSharedStrings()
            } catch {
                throw SpreadsheetError(.ioFailure(detail: error.detail), at: InputLocation(file: path, part: "xl/sharedStrings.xml"))
            }
        }
        do {
            let zip = try ZipPackageWriter(path: path, compressionLevel: compressionLevel)
            try zip.add(name: "[Content_Types].xml", bytes: PackageParts.contentTypes(sheetCount: sheetCount, hasSharedStrings: hasStrings))
            try zip.add(name: "_rels/.rels", bytes: PackageParts.rootRelationships())
            try zip.add(name: "xl/_rels/workbook.xml.rels",
                        bytes: PackageParts.workbookRelationships(sheetCount: sheetCount, hasSharedStrings: hasStrings))
            try zip.add(name: "xl/workbook.xml", bytes: PackageParts.workbook(sheets: finished.map(\.entry), date1904: options.date1904))
            if hasStrings {
                let descriptor = stringsDescriptor
                stringsDescriptor = -1
                try zip.add(name: "xl/sharedStrings.xml", descriptor: descriptor)
            }
            try zip.add(name: "xl/styles.xml", bytes: styles.stylesXML())
            for i in finished.indices {
                let sheet = finished[i]
                finished[i].descriptor = -1
                let entry = PrecompressedEntry(prefix: sheet.header, descriptor: sheet.descriptor, fileLength: sheet.fileLength,
                                               uncompressedSize: sheet.size, crc: sheet.crc)
                try zip.add(name: "xl/worksheets/sheet\(i + 1).xml", precompressed: entry)
            }
            try zip.add(name: "docProps/core.xml", bytes: PackageParts.coreProperties(options.documentProperties))
            try zip.add(name: "docProps/app.xml",
                        bytes: PackageParts.appProperties(
                            sheetNames: finished.map(\.entry.name), company: options.documentProperties.company,
                            application: options.documentProperties.application))
            try zip.commit()
        } catch {
            throw SpreadsheetError(.ioFailure(detail: error.detail), at: InputLocation(file: path))
        }
    }

    private func writeSharedStrings() throws(WriterIOFailure) {
        out.ascii(PackageParts.declaration)
        out.ascii("<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" count=\"")
        out.int(strings.referenceCount)
        out.ascii("\" uniqueCount=\"")
        out.int(strings.uniqueCount)
        out.ascii("\">")
        var failure: WriterIOFailure?
        strings.forEach { text in
            out.ascii(XMLOutputBuffer.needsSpacePreserve(text) ? "<si><t xml:space=\"preserve\">" : "<si><t>")
            out.escapedText(text)
            out.ascii("</t></si>")
            if failure == nil {
                do throws(WriterIOFailure) { try out.flushIfFull() } catch { failure = error }
            }
        }
        if let failure { throw failure }
        out.ascii("</sst>")
        try out.flush()
    }

    // MARK: helpers

    /// An unlinked temporary file in the target's folder (so it never outlives the process).
    private func temporaryFile(part: String) throws -> Int32 {
        var template = Array("\(directory)/.budgeteval-xlsx-XXXXXX".utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else {
            throw fail(.ioFailure(detail: "\(directory): \(String(cString: strerror(errno)))"), part: part)
        }
        template.withUnsafeBufferPointer { _ = unlink($0.baseAddress!) }
        return descriptor
    }

    private func releaseFiles() {
        for i in finished.indices where finished[i].descriptor >= 0 {
            closeDescriptor(finished[i].descriptor)
            finished[i].descriptor = -1
        }
    }

    private func checkUsable() throws {
        if let failure { throw failure }
        if isDone {
            throw SpreadsheetError(.other(zh: "写入器已关闭或已取消。", en: "the writer is already closed or cancelled."),
                                   at: InputLocation(file: path))
        }
    }

    private func fail(_ reason: SpreadsheetError.Reason, part: String?) -> SpreadsheetError {
        let error = SpreadsheetError(reason, at: InputLocation(file: path, part: part))
        failure = error
        return error
    }
}

/// Closes a file descriptor (a free function: inside `XLSXWriter`, `close` names the method).
private func closeDescriptor(_ descriptor: Int32) {
    close(descriptor)
}
