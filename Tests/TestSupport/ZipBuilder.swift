import Foundation

/// Writes zip files by hand, so a test can make the names, sizes and directory lie as hostile files do.
/// The Swift twin of `Tests/HostileTests/Fixtures/make_hostile.py`'s `Zip` (same layout, Zip64 end records past 65,535 entries).
public struct ZipBuilder {
    public init() {}

    public private(set) var data: [UInt8] = []
    private var directory: [UInt8] = []
    public private(set) var count = 0

    /// Adds an entry. `payload` is what is stored (raw deflate for `method` 8); `declaredSize` and `crc`
    /// are what the headers claim (default: the truth for a stored entry).
    public mutating func add(_ name: String, payload: [UInt8], method: UInt16 = 0, declaredSize: UInt32? = nil,
                      crc: UInt32? = nil) {
        let nameBytes = Array(name.utf8)
        let size = declaredSize ?? UInt32(payload.count)
        let checksum = crc ?? CRC32.of(payload)
        let offset = UInt32(data.count)
        var local: [UInt8] = []
        local.le32(0x0403_4B50); local.le16(20); local.le16(0x800); local.le16(method); local.le16(0); local.le16(0x5821)
        local.le32(checksum); local.le32(UInt32(payload.count)); local.le32(size)
        local.le16(UInt16(nameBytes.count)); local.le16(0)
        data += local + nameBytes + payload
        var central: [UInt8] = []
        central.le32(0x0201_4B50); central.le16(20); central.le16(20); central.le16(0x800); central.le16(method)
        central.le16(0); central.le16(0x5821); central.le32(checksum); central.le32(UInt32(payload.count))
        central.le32(size); central.le16(UInt16(nameBytes.count)); central.le16(0); central.le16(0); central.le16(0)
        central.le16(0); central.le32(0); central.le32(offset)
        directory += central + nameBytes
        count += 1
    }

    /// A stored entry holding UTF-8 text.
    public mutating func add(_ name: String, text: String) {
        add(name, payload: Array(text.utf8))
    }

    /// The finished file.
    public func bytes() -> [UInt8] {
        var end: [UInt8] = []
        var shown = count
        let size = UInt64(directory.count), offset = UInt64(data.count)
        if count > 0xFFFF {
            end.le32(0x0606_4B50); end.le64(44); end.le16(45); end.le16(45); end.le32(0); end.le32(0)
            end.le64(UInt64(count)); end.le64(UInt64(count)); end.le64(size); end.le64(offset)
            end.le32(0x0706_4B50); end.le32(0); end.le64(offset + size); end.le32(1)
            shown = 0xFFFF
        }
        end.le32(0x0605_4B50); end.le16(0); end.le16(0); end.le16(UInt16(shown)); end.le16(UInt16(shown))
        end.le32(UInt32(size)); end.le32(UInt32(offset)); end.le16(0)
        return data + directory + end
    }

    /// Writes the file into `folder` and returns its path.
    public func write(to folder: URL, name: String) throws -> String {
        let url = folder.appendingPathComponent(name)
        try Data(bytes()).write(to: url)
        return url.path
    }
}

/// The parts of a minimal one-sheet workbook (the sheet part left to the caller).
public enum MinimalWorkbook {
    public static let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    public static let rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

    public static func add(to zip: inout ZipBuilder) {
        zip.add("[Content_Types].xml", text: """
            <?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
            <Default Extension="xml" ContentType="application/xml"/></Types>
            """)
        zip.add("_rels/.rels", text: """
            <?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
            <Relationship Id="rId1" Type="\(rel)/officeDocument" Target="xl/workbook.xml"/></Relationships>
            """)
        zip.add("xl/workbook.xml", text: """
            <?xml version="1.0"?><workbook xmlns="\(main)" xmlns:r="\(rel)"><sheets>\
            <sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>
            """)
        zip.add("xl/_rels/workbook.xml.rels", text: """
            <?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
            <Relationship Id="rId1" Type="\(rel)/worksheet" Target="worksheets/sheet1.xml"/></Relationships>
            """)
    }

    /// A zip bomb: the sheet inflates to `mebibytes` MiB of XML whitespace (from `kernel`, raw deflate of
    /// 1 MiB of spaces ending in a full flush) while the directory declares `declaredSize` bytes.
    public static func bomb(kernel: [UInt8], mebibytes: Int, declaredSize: UInt32) -> ZipBuilder {
        var zip = ZipBuilder()
        add(to: &zip)
        let head = Array("""
            <?xml version="1.0"?><worksheet xmlns="\(main)"><sheetData><row r="1"><c r="A1"><v>1</v></c></row>\
            </sheetData></worksheet>
            """.utf8)
        var payload: [UInt8] = [0]  // a stored, non-final deflate block holding the XML
        payload.le16(UInt16(head.count)); payload.le16(~UInt16(head.count))
        payload += head
        payload.reserveCapacity(payload.count + kernel.count * mebibytes + 5)
        for _ in 0..<mebibytes { payload += kernel }
        payload += [0x01, 0x00, 0x00, 0xFF, 0xFF]  // the final, empty stored block
        zip.add("xl/worksheets/sheet1.xml", payload: payload, method: 8, declaredSize: declaredSize, crc: 0)
        return zip
    }
}

extension MinimalWorkbook {
    /// A stored (uncompressed) one-sheet workbook with `rows` identical rows (no `r` attributes) of two
    /// cells: the inline string `行 row text` and the number `1.25`. 10,000 rows make about 1 MB of XML.
    public static func rows(_ rows: Int) -> ZipBuilder {
        var zip = ZipBuilder()
        add(to: &zip)
        let row = Array("<row><c t=\"inlineStr\"><is><t>行 row text</t></is></c><c><v>1.25</v></c></row>".utf8)
        var xml = Array("<?xml version=\"1.0\"?><worksheet xmlns=\"\(main)\"><sheetData>".utf8)
        xml.reserveCapacity(xml.count + row.count * rows + 30)
        for _ in 0..<rows { xml.append(contentsOf: row) }
        xml.append(contentsOf: "</sheetData></worksheet>".utf8)
        zip.add("xl/worksheets/sheet1.xml", payload: xml)
        return zip
    }
}

/// CRC-32 (IEEE), as zip headers carry it.
public enum CRC32 {
    static let table: [UInt32] = (0..<256).map { n in
        var c = UInt32(n)
        for _ in 0..<8 { c = c & 1 != 0 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
        return c
    }

    public static func of(_ bytes: [UInt8]) -> UInt32 {
        var c: UInt32 = 0xFFFF_FFFF
        table.withUnsafeBufferPointer { t in
            bytes.withUnsafeBufferPointer { b in
                for i in 0..<b.count { c = t[Int((c ^ UInt32(b[i])) & 0xFF)] ^ (c >> 8) }
            }
        }
        return c ^ 0xFFFF_FFFF
    }
}

extension [UInt8] {
    public mutating func le16(_ v: UInt16) { append(UInt8(v & 0xFF)); append(UInt8(v >> 8)) }
    public mutating func le32(_ v: UInt32) { le16(UInt16(v & 0xFFFF)); le16(UInt16(v >> 16)) }
    public mutating func le64(_ v: UInt64) { le32(UInt32(v & 0xFFFF_FFFF)); le32(UInt32(v >> 32)) }
}
