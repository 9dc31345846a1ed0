#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CSVFormat
import Spreadsheet

/// Where a converted sheet goes: a CSV file written atomically by `CSVWriter`, or standard output.
///
/// Standard output is relayed through a temporary file, so that a sheet which has to be reread (a
/// damaged workbook that repeats a row) never leaves half a table on the terminal.
final class CSVTarget: @unchecked Sendable {
    private var writer: CSVWriter
    private let relay: String?

    init(path: String, options: CSVWriteOptions = .init()) throws {
        if path == "-" {
            var template = Array("/tmp/budgeteval-stdout-XXXXXX".utf8CString)
            let fd = mkstemp(&template)
            guard fd >= 0 else {
                throw SpreadsheetError(.ioFailure(detail: String(cString: strerror(errno))), at: InputLocation(file: "stdout"))
            }
            close(fd)
            let temp = String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
            relay = temp
            writer = try CSVWriter(path: temp, options: options)
        } else {
            relay = nil
            writer = try CSVWriter(path: path, options: options)
        }
    }

    deinit { if let relay { unlink(relay) } }

    func write(row: [String]) throws { try writer.write(row: row) }

    /// One sheet row from column A: the cells' CSV text, empty fields for the gaps.
    func write(cells: [Cell]) throws { try writer.write(cells: cells) }

    /// One sheet row from column A, from its cells' texts.
    func write(text: RowText) throws { try writer.write(text: text) }

    /// Renames the file into place, or copies the relay to standard output.
    func finish() throws {
        try writer.finish()
        guard let relay else { return }
        defer { unlink(relay) }
        guard let input = fopen(relay, "rb") else {
            throw SpreadsheetError(.ioFailure(detail: String(cString: strerror(errno))), at: InputLocation(file: "stdout"))
        }
        defer { fclose(input) }
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = fread(&chunk, 1, chunk.count, input)
            if n == 0 { break }
            var written = 0
            while written < n {
                let w = chunk.withUnsafeBytes { bytes -> Int in
                    guard let base = bytes.baseAddress else { return -1 }
                    return Glibc.write(1, base + written, n - written)
                }
                guard w > 0 else {
                    throw SpreadsheetError(.ioFailure(detail: String(cString: strerror(errno))), at: InputLocation(file: "stdout"))
                }
                written += w
            }
        }
    }

    /// Drops the output; an existing file at the target stays as it was.
    func cancel() { writer.cancel() }
}
