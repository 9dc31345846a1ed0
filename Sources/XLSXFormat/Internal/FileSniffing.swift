#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Spreadsheet

/// What the first bytes of a file say it is, before libzip is asked to open it.
enum FileSniffing {
    enum Kind: Equatable {
        case zip
        /// An OLE2/CFB container (复合文档): a legacy .xls, or an encrypted OOXML package.
        case ole2(encrypted: Bool)
        case empty
        case other
    }

    static let ole2Magic: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]

    /// Reads the file's signature; for OLE2 files also looks for the `EncryptedPackage` stream name
    /// (stored as UTF-16LE in the directory sectors).
    static func sniff(path: String, displayName: String) throws -> Kind {
        guard let f = fopen(path, "rb") else {
            let detail = String(cString: strerror(errno))
            throw SpreadsheetError(.cannotOpen(detail: detail), at: InputLocation(file: displayName))
        }
        defer { fclose(f) }
        var head = [UInt8](repeating: 0, count: 8)
        let n = fread(&head, 1, 8, f)
        if n == 0 { return .empty }
        if n >= 4, head[0] == 0x50, head[1] == 0x4B { return .zip }
        guard n == 8, head == ole2Magic else { return .other }
        return .ole2(encrypted: try containsEncryptedPackage(f))
    }

    /// Streams the container looking for `E\0n\0c\0r\0y\0p\0t\0e\0d\0P\0a\0c\0k\0a\0g\0e\0`.
    private static func containsEncryptedPackage(_ f: UnsafeMutablePointer<FILE>) throws -> Bool {
        let needle: [UInt8] = Array("EncryptedPackage".utf8).flatMap { [$0, UInt8(0)] }
        var carry: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 20)
        fseek(f, 0, SEEK_SET)
        while true {
            let n = fread(&chunk, 1, chunk.count, f)
            if n == 0 { return false }
            let window = carry + chunk[0..<n]
            if contains(window, needle) { return true }
            carry = Array(window.suffix(needle.count - 1))
        }
    }

    private static func contains(_ hay: [UInt8], _ needle: [UInt8]) -> Bool {
        guard let first = needle.first, hay.count >= needle.count else { return false }
        var i = 0
        let last = hay.count - needle.count
        while i <= last {
            if hay[i] == first, hay[i..<(i + needle.count)].elementsEqual(needle) { return true }
            i += 1
        }
        return false
    }
}
