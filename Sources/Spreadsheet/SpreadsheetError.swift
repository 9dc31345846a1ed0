/// Where in an input a problem was found: file, then sheet or part, then cell, line or byte.
public struct InputLocation: Hashable, Sendable, CustomStringConvertible {
    /// The file's name as the user gave it.
    public var file: String
    /// A sheet name, or a package part such as `xl/sharedStrings.xml`.
    public var part: String?
    /// A cell (`D12`), a CSV line and field, or a byte offset, already in words.
    public var position: Position?

    public enum Position: Hashable, Sendable {
        case cell(CellAddress)
        /// One-based line and, when known, one-based field.
        case line(Int, field: Int?)
        /// Zero-based byte offset in the file or part.
        case byte(Int)
    }

    public init(file: String, part: String? = nil, position: Position? = nil) {
        self.file = file
        self.part = part
        self.position = position
    }

    /// `预算.xlsx › 支出表 › D12` (or the English wording of lines and bytes).
    public func text(_ lang: Language) -> String {
        var parts = [file]
        if let part { parts.append(part) }
        switch position {
        case .cell(let a)?: parts.append(a.description)
        case .line(let l, let f)?:
            switch lang {
            case .zh: parts.append(f.map { "第 \(l) 行第 \($0) 列" } ?? "第 \(l) 行")
            case .en: parts.append(f.map { "line \(l), field \($0)" } ?? "line \(l)")
            }
        case .byte(let b)?:
            parts.append(lang == .zh ? "第 \(b) 字节" : "byte \(b)")
        case nil: break
        }
        return parts.joined(separator: " › ")
    }

    public var description: String { text(.zh) }
}

/// A reader or writer failure: where it happened and what went wrong, rendered in Chinese or English.
///
/// Every case says what is wrong and what to do about it. Readers throw this; batch code collects it
/// per file instead of stopping.
public struct SpreadsheetError: Error, Hashable, Sendable, CustomStringConvertible {
    public var location: InputLocation
    public var reason: Reason

    public init(_ reason: Reason, at location: InputLocation) {
        self.reason = reason
        self.location = location
    }

    /// What went wrong. Cases carry exactly what their message needs.
    public enum Reason: Hashable, Sendable {
        /// The file does not exist or cannot be opened.
        case cannotOpen(detail: String)
        /// Reading or writing failed at the operating-system level.
        case ioFailure(detail: String)
        /// The file is not a format we read (neither XLSX nor CSV).
        case unsupportedFormat(detail: String)
        /// An OLE2 (.xls) file: old Excel format.
        case legacyXLS
        /// An OLE2 container holding `EncryptedPackage`: a password-protected workbook.
        case encrypted
        /// Not a zip file, or a damaged one.
        case corruptZip(detail: String)
        /// A part the package needs is missing.
        case missingPart(String)
        /// XML that is not well-formed, with libxml2's words.
        case malformedXML(detail: String)
        /// The XML carries a DOCTYPE (entities, DTDs): refused, never expanded.
        case xmlDoctype
        /// Inflating would exceed the byte cap (the flag raises it).
        case inflatedTooLarge(limit: Int64)
        /// An entry compresses better than any real sheet (a zip bomb).
        case compressionRatioTooHigh(ratio: Int64, limit: Int64)
        /// The package has more entries than allowed.
        case tooManyEntries(count: Int, limit: Int)
        /// A sheet declares or holds more cells than allowed.
        case tooManyCells(limit: Int)
        /// A cell reference outside A1…XFD1048576 or not of the A1 shape.
        case invalidCellReference(String)
        /// A shared-string index that the table does not have.
        case sharedStringOutOfRange(index: Int, count: Int)
        /// A cell style index (`s="…"`) beyond the styles part's `cellXfs`.
        case styleOutOfRange(index: Int, count: Int)
        /// A string longer than allowed.
        case stringTooLong(limit: Int)
        /// A CSV field longer than allowed (usually a quote that never closes).
        case csvFieldTooLong(limit: Int)
        /// A CSV record with more fields than a sheet has columns.
        case tooManyFields(limit: Int)
        /// A CSV record longer than allowed, in bytes.
        case csvRecordTooLong(limit: Int)
        /// Text that is not valid in its declared encoding.
        case invalidEncoding(detail: String)
        /// No sheet with that name or number.
        case noSuchSheet(String)
        /// A sheet name Excel rejects (empty, over 31 characters, `[]:*?/\`, or a duplicate).
        case invalidSheetName(name: String, detail: String)
        /// Anything else, already worded.
        case other(zh: String, en: String)
    }

    /// One or two lines: the location, what is wrong, and what to do.
    public func message(_ lang: Language) -> String {
        let (zh, en) = texts
        return "\(location.text(lang)): \(lang == .zh ? zh : en)"
    }

    public var description: String { message(.zh) }

    private var texts: (String, String) {
        switch reason {
        case .cannotOpen(let d):
            return ("无法打开文件（\(d)）。请检查路径和读取权限。", "cannot open the file (\(d)). Check the path and permissions.")
        case .ioFailure(let d):
            return ("读写失败（\(d)）。请检查磁盘空间和文件夹权限后重试。", "I/O failed (\(d)). Check disk space and folder permissions, then retry.")
        case .unsupportedFormat(let d):
            return ("不是可识别的 XLSX 或 CSV 文件（\(d)）。请在 Excel/WPS 中另存为 .xlsx 或 .csv。",
                    "not an XLSX or CSV file (\(d)). Save it as .xlsx or .csv in Excel/WPS.")
        case .legacyXLS:
            return ("这是旧版 Excel（.xls）文件，本工具不读取。请在 Excel/WPS 中“另存为” .xlsx 后再试。",
                    "this is a legacy Excel (.xls) file. Open it in Excel/WPS and save it as .xlsx.")
        case .encrypted:
            return ("工作簿设有打开密码（已加密）。请在 Excel/WPS 中取消密码后另存，再试。",
                    "the workbook is password-protected (encrypted). Remove the password in Excel/WPS, save, and retry.")
        case .corruptZip(let d):
            return ("文件已损坏或不完整（\(d)）。请重新导出或重新下载该文件。",
                    "the file is damaged or incomplete (\(d)). Export or download it again.")
        case .missingPart(let p):
            return ("工作簿缺少必需部件 \(p)，文件不完整。请用 Excel/WPS 打开后重新保存。",
                    "the workbook lacks the required part \(p). Open it in Excel/WPS and save it again.")
        case .malformedXML(let d):
            return ("XML 格式错误（\(d)）。文件可能已损坏，请用 Excel/WPS 重新保存。",
                    "malformed XML (\(d)). The file may be damaged; save it again in Excel/WPS.")
        case .xmlDoctype:
            return ("XML 含有 DOCTYPE/实体声明，出于安全原因拒绝读取。正常的 Excel 文件不含此类内容，请确认文件来源。",
                    "the XML declares a DOCTYPE/entities and is refused for safety. Real Excel files never do; check where the file came from.")
        case .inflatedTooLarge(let limit):
            return ("解压后的数据超过上限 \(limit) 字节，已停止读取（疑似压缩炸弹）。如确属正常大文件，请用 --max-inflated-bytes 提高上限。",
                    "inflated data exceeds the cap of \(limit) bytes (a possible zip bomb). For a genuinely large file raise it with --max-inflated-bytes.")
        case .compressionRatioTooHigh(let ratio, let limit):
            return ("压缩比 \(ratio):1 超过上限 \(limit):1，疑似压缩炸弹，已拒绝。如确属正常文件，请用 --max-compression-ratio 提高上限。",
                    "compression ratio \(ratio):1 exceeds the cap of \(limit):1 (a possible zip bomb). Raise it with --max-compression-ratio if the file is genuine.")
        case .tooManyEntries(let count, let limit):
            return ("压缩包内有 \(count) 个条目，超过上限 \(limit)，已拒绝。如确属正常文件，请用 --max-entries 提高上限。",
                    "the package holds \(count) entries, over the cap of \(limit). Raise it with --max-entries if the file is genuine.")
        case .tooManyCells(let limit):
            return ("单元格数量超过上限 \(limit)，已停止读取。如确属正常大表，请用 --max-cells 提高上限。",
                    "the sheet exceeds the cap of \(limit) cells. Raise it with --max-cells if the sheet is genuine.")
        case .invalidCellReference(let r):
            return ("单元格引用“\(r)”无效（超出 A1…XFD1048576）。文件可能已损坏，请用 Excel/WPS 重新保存。",
                    "invalid cell reference \"\(r)\" (outside A1…XFD1048576). Save the file again in Excel/WPS.")
        case .sharedStringOutOfRange(let i, let n):
            return ("共享字符串序号 \(i) 超出范围（共 \(n) 个）。文件已损坏，请用 Excel/WPS 重新保存。",
                    "shared-string index \(i) is out of range (\(n) strings). The file is damaged; save it again in Excel/WPS.")
        case .styleOutOfRange(let i, let n):
            return ("单元格样式序号 \(i) 超出范围（样式表共 \(n) 个）。文件已损坏，请用 Excel/WPS 重新保存。",
                    "cell style index \(i) is out of range (\(n) styles). The file is damaged; save it again in Excel/WPS.")
        case .stringTooLong(let limit):
            return ("文本长度超过上限 \(limit) 字节。如确属正常内容，请用 --max-string-bytes 提高上限。",
                    "a string exceeds the cap of \(limit) bytes. Raise it with --max-string-bytes if the text is genuine.")
        case .csvFieldTooLong(let limit):
            return ("字段长度超过上限 \(limit) 字节，已停止读取。常见原因是引号没有闭合：请检查从该行开始的双引号；如确属正常内容，请用 --max-string-bytes 提高上限。",
                    "a field exceeds the cap of \(limit) bytes; reading stopped. Usually a quote never closes: check the quotes from this line on, or raise the cap with --max-string-bytes if the text is genuine.")
        case .tooManyFields(let limit):
            return ("该行的字段超过 \(limit) 个（工作表的列数上限），已停止读取。文件可能不是逗号、制表符、分号、竖线或冒号分隔的表格，请检查后另存为标准 CSV。",
                    "the record has more than \(limit) fields (a sheet's column limit); reading stopped. The file may not be a comma-, tab-, semicolon-, pipe- or colon-separated table; check it and save it as a standard CSV.")
        case .csvRecordTooLong(let limit):
            return ("该行超过 \(limit) 字节上限，已停止读取。常见原因是引号没有闭合；如确属正常内容，请用 --max-string-bytes 提高上限。",
                    "the record exceeds the cap of \(limit) bytes; reading stopped. Usually a quote never closes; raise the cap with --max-string-bytes if the text is genuine.")
        case .invalidEncoding(let d):
            return ("文本编码无效（\(d)）。请用 --input-encoding 指定编码，或另存为 UTF-8。",
                    "invalid text encoding (\(d)). Name the encoding with --input-encoding or save as UTF-8.")
        case .noSuchSheet(let s):
            return ("找不到工作表“\(s)”。请用 budgeteval inspect 查看工作表名称和序号。",
                    "no sheet \"\(s)\". Run budgeteval inspect to list the sheets.")
        case .invalidSheetName(let name, let d):
            return ("工作表名称“\(name)”不合规（\(d)）：不超过 31 个字符、不含 []:*?/\\ 且不重复。",
                    "invalid sheet name \"\(name)\" (\(d)): at most 31 characters, none of []:*?/\\, unique.")
        case .other(let zh, let en):
            return (zh, en)
        }
    }
}
