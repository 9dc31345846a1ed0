import CLibZip
import Foundation

/// The entries of a written package, read back with libzip directly (independent of our reader).
struct ZipEntries {
    /// Entry names in archive order.
    var names: [String] = []
    var data: [String: [UInt8]] = [:]

    init(path: String) throws {
        var code: Int32 = 0
        guard let za = zip_open(path, ZIP_RDONLY | ZIP_CHECKCONS, &code) else {
            throw TestFailure("zip_open failed with code \(code)")
        }
        defer { zip_discard(za) }
        let count = zip_get_num_entries(za, 0)
        for i in 0..<count {
            guard let cname = zip_get_name(za, zip_uint64_t(i), 0) else { throw TestFailure("no name for entry \(i)") }
            let name = String(cString: cname)
            guard let file = zip_fopen_index(za, zip_uint64_t(i), 0) else { throw TestFailure("cannot open \(name)") }
            var bytes: [UInt8] = []
            var chunk = [UInt8](repeating: 0, count: 1 << 16)
            while true {
                let n = chunk.withUnsafeMutableBytes { zip_fread(file, $0.baseAddress, zip_uint64_t($0.count)) }
                if n < 0 { zip_fclose(file); throw TestFailure("read error in \(name)") }
                if n == 0 { break }
                bytes += chunk[0..<Int(n)]
            }
            zip_fclose(file)
            names.append(name)
            data[name] = bytes
        }
    }

    /// The text of one part.
    func text(_ name: String) -> String? {
        data[name].map { String(decoding: $0, as: UTF8.self) }
    }
}

struct TestFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// Local file headers of a zip, parsed from raw bytes: what Excel sees before the central directory.
struct LocalHeader {
    var name: String
    var versionNeeded: UInt16
    var flags: UInt16
    var method: UInt16
    var dosTime: UInt16
    var dosDate: UInt16
    var extraLength: UInt16

    static func all(in bytes: [UInt8]) -> [LocalHeader] {
        func u16(_ i: Int) -> UInt16 { UInt16(bytes[i]) | UInt16(bytes[i + 1]) << 8 }
        func u32(_ i: Int) -> UInt32 { UInt32(u16(i)) | UInt32(u16(i + 2)) << 16 }
        var out: [LocalHeader] = []
        var i = 0
        while i + 30 <= bytes.count, u32(i) == 0x0403_4B50 {
            let nameLength = Int(u16(i + 26)), extra = Int(u16(i + 28))
            let compressed = Int(u32(i + 18))
            let name = String(decoding: bytes[(i + 30)..<(i + 30 + nameLength)], as: UTF8.self)
            out.append(LocalHeader(name: name, versionNeeded: u16(i + 4), flags: u16(i + 6), method: u16(i + 8),
                                   dosTime: u16(i + 10), dosDate: u16(i + 12), extraLength: UInt16(extra)))
            i += 30 + nameLength + extra + compressed
            if u16(i - 0) == 0x4B50, u16(i + 2) == 0x0807 { i += 16 }  // data descriptor, if any
        }
        return out
    }
}
