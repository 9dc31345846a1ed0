import CLibZip
import Spreadsheet

/// A zip package opened read-only with libzip (压缩包), with the bomb caps of `ReadLimits` applied.
///
/// Entry names are looked up the way real files need: backslashes read as slashes, a leading `/`
/// dropped, and case ignored (`[content_types].xml`, `xl/SharedStrings.xml`).
final class ZipPackage {
    private let archive: OpaquePointer
    let displayName: String
    let limits: ReadLimits
    /// Normalised (lower-case, `/`-separated) name → entry index.
    private var index: [String: UInt64] = [:]
    /// Every entry's name as stored, by index.
    private(set) var names: [String] = []
    /// Bytes inflated so far across all entries (counted against `maxInflatedBytes`).
    private var inflatedTotal: Int64 = 0

    init(path: String, displayName: String, limits: ReadLimits) throws {
        self.displayName = displayName
        self.limits = limits
        var code: Int32 = 0
        guard let za = zip_open(path, ZIP_RDONLY, &code) else {
            throw SpreadsheetError(.corruptZip(detail: Self.describe(code: code)),
                                   at: InputLocation(file: displayName))
        }
        archive = za
        let count = zip_get_num_entries(za, 0)
        // From here on `deinit` discards the archive when the initializer throws (Swift runs it once
        // every stored property is set), so these paths must not call zip_discard themselves.
        guard count >= 0, count <= Int64(limits.maxEntries) else {
            throw SpreadsheetError(.tooManyEntries(count: Int(count), limit: limits.maxEntries),
                                   at: InputLocation(file: displayName))
        }
        names.reserveCapacity(Int(count))
        for i in 0..<UInt64(count) {
            let name = zip_get_name(za, i, zip_flags_t(ZIP_FL_ENC_GUESS)).map { String(cString: $0) } ?? ""
            if name.replacingBackslashes().split(separator: "/").contains("..") {
                throw SpreadsheetError(.corruptZip(detail: "条目名“\(name)”含 ../，不是合法的 Excel 部件 / "
                                                   + "the entry name \"\(name)\" climbs out with ../, which no Excel part does"),
                                       at: InputLocation(file: displayName))
            }
            names.append(name)
            let key = Self.normalize(name)
            if index[key] == nil { index[key] = i }
        }
    }

    deinit { zip_discard(archive) }

    /// `xl\Worksheets\Sheet1.xml` and `/xl/worksheets/sheet1.xml` both become `xl/worksheets/sheet1.xml`.
    static func normalize(_ name: String) -> String {
        var s = name.replacingBackslashes().lowercased()
        while s.hasPrefix("/") { s.removeFirst() }
        return s
    }

    /// Whether the package holds a part of this name (any case, any slash style).
    func contains(_ part: String) -> Bool { index[Self.normalize(part)] != nil }

    /// The stored name of the part, when present.
    func storedName(_ part: String) -> String? { index[Self.normalize(part)].map { names[Int($0)] } }

    /// Opens a part for streaming, after checking its declared size and ratio against the caps.
    func open(_ part: String) throws -> ZipEntryStream {
        guard let i = index[Self.normalize(part)] else {
            throw SpreadsheetError(.missingPart(part), at: InputLocation(file: displayName))
        }
        var st = zip_stat_t()
        zip_stat_init(&st)
        let location = InputLocation(file: displayName, part: part)
        guard zip_stat_index(archive, i, 0, &st) == 0 else {
            throw SpreadsheetError(.corruptZip(detail: lastError()), at: location)
        }
        let sizeKnown = st.valid & zip_uint64_t(ZIP_STAT_SIZE) != 0
        let size = sizeKnown ? Int64(clamping: st.size) : 0
        let compressed = st.valid & zip_uint64_t(ZIP_STAT_COMP_SIZE) != 0 ? Int64(clamping: st.comp_size) : 0
        try checkRatio(inflated: size, compressed: compressed, at: location)
        if size > limits.maxInflatedBytes - inflatedTotal {
            throw SpreadsheetError(.inflatedTooLarge(limit: limits.maxInflatedBytes), at: location)
        }
        guard let file = zip_fopen_index(archive, i, 0) else {
            throw SpreadsheetError(.corruptZip(detail: lastError()), at: location)
        }
        return ZipEntryStream(package: self, file: file, location: location, compressedSize: compressed,
                              declaredSize: sizeKnown ? size : nil)
    }

    /// Reads a whole (small) part into memory: workbook, relationships, styles.
    func readAll(_ part: String) throws -> [UInt8] {
        let stream = try open(part)
        defer { stream.close() }
        var out: [UInt8] = []
        let chunk = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 16, alignment: 1)
        defer { chunk.deallocate() }
        while true {
            let n = try stream.read(into: chunk)
            if n == 0 { break }
            out.append(contentsOf: UnsafeRawBufferPointer(rebasing: chunk[0..<n]))
        }
        return out
    }

    fileprivate func checkRatio(inflated: Int64, compressed: Int64, at location: InputLocation) throws {
        guard inflated > limits.ratioFloorBytes else { return }
        let ratio = inflated / max(compressed, 1)
        if ratio > limits.maxCompressionRatio {
            throw SpreadsheetError(.compressionRatioTooHigh(ratio: ratio, limit: limits.maxCompressionRatio),
                                   at: location)
        }
    }

    fileprivate func countInflated(_ n: Int, at location: InputLocation) throws {
        inflatedTotal += Int64(n)
        if inflatedTotal > limits.maxInflatedBytes {
            throw SpreadsheetError(.inflatedTooLarge(limit: limits.maxInflatedBytes), at: location)
        }
    }

    fileprivate func lastError() -> String {
        zip_error_strerror(zip_get_error(archive)).map { String(cString: $0) } ?? "libzip error"
    }

    static func describe(code: Int32) -> String {
        var error = zip_error_t()
        zip_error_init_with_code(&error, code)
        defer { zip_error_fini(&error) }
        return zip_error_strerror(&error).map { String(cString: $0) } ?? "libzip error \(code)"
    }
}

/// One entry being inflated, read in chunks; every byte counts against the package's caps.
final class ZipEntryStream {
    private let package: ZipPackage
    private var file: OpaquePointer?
    let location: InputLocation
    private let compressedSize: Int64
    /// The inflated size the directory declares; libzip inflates past it when it lies (a zip bomb
    /// declaring 1 KB), so the stream stops there itself.
    private let declaredSize: Int64?
    /// Bytes delivered so far (the position used in error messages).
    private(set) var offset: Int64 = 0

    fileprivate init(package: ZipPackage, file: OpaquePointer, location: InputLocation, compressedSize: Int64,
                     declaredSize: Int64?) {
        self.package = package
        self.declaredSize = declaredSize
        self.file = file
        self.location = location
        self.compressedSize = compressedSize
    }

    deinit { close() }

    /// Fills up to `buffer.count` bytes; returns 0 at the end of the entry.
    func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        guard let file, let base = buffer.baseAddress, buffer.count > 0 else { return 0 }
        let n = zip_fread(file, base, zip_uint64_t(buffer.count))
        if n < 0 {
            let detail = zip_error_strerror(zip_file_get_error(file)).map { String(cString: $0) } ?? "read error"
            throw SpreadsheetError(.corruptZip(detail: detail),
                                   at: InputLocation(file: location.file, part: location.part,
                                                     position: .byte(Int(offset))))
        }
        offset += n
        if let declaredSize, offset > declaredSize {
            throw SpreadsheetError(.corruptZip(detail: "条目解压后超过其声明的 \(declaredSize) 字节（疑似压缩炸弹）/ "
                                               + "the entry inflates past its declared \(declaredSize) bytes (a possible zip bomb)"),
                                   at: InputLocation(file: location.file, part: location.part,
                                                     position: .byte(Int(declaredSize))))
        }
        try package.countInflated(Int(n), at: location)
        try package.checkRatio(inflated: offset, compressed: compressedSize, at: location)
        return Int(n)
    }

    func close() {
        if let file { zip_fclose(file) }
        file = nil
    }
}

extension String {
    func replacingBackslashes() -> String {
        guard utf8.contains(UInt8(ascii: "\\")) else { return self }
        return String(decoding: utf8.map { $0 == UInt8(ascii: "\\") ? UInt8(ascii: "/") : $0 }, as: UTF8.self)
    }
}
