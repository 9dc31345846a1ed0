// xlsx-write-bench CSV OUT.xlsx — converts a UTF-8 CSV to XLSX with XLSXWriter alone (a minimal CSV
// splitter, no encoding detection); write_bench.sh runs it beside `budgeteval convert` with STANDIN=1.
//
// Typing follows issue 3: a field becomes a number only when it is a plain decimal (optional `-`,
// no leading zero before another digit, optional fraction, at most 15 significant digits); every
// other field stays text. libxlsxwriter_bench.c and xlsxwriter_bench.py apply the same rule.
#if canImport(Glibc)
import Glibc
#endif
import Spreadsheet
import XLSXFormat

func isNumber(_ f: UnsafeBufferPointer<UInt8>) -> Bool {
    var i = 0
    let n = f.count
    if i < n, f[i] == UInt8(ascii: "-") { i += 1 }
    let start = i
    var significant = 0
    while i < n, f[i] &- 48 < 10 { if significant > 0 || f[i] != 48 { significant += 1 }; i += 1 }
    let intDigits = i - start
    guard intDigits > 0, !(intDigits > 1 && f[start] == 48) else { return false }
    if i < n {
        guard f[i] == UInt8(ascii: "."), i + 1 < n else { return false }
        i += 1
        while i < n, f[i] &- 48 < 10 { if significant > 0 || f[i] != 48 { significant += 1 }; i += 1 }
        guard i == n else { return false }
    }
    return significant <= 15
}

/// Streams a CSV file in 1 MiB chunks, calling `body` with each record: its unquoted bytes and the
/// end offset of each field in them.
func readCSV(_ path: String, _ body: (UnsafeBufferPointer<UInt8>, [Int]) throws -> Void) throws {
    guard let file = fopen(path, "rb") else { throw BenchError("cannot open \(path)") }
    defer { fclose(file) }
    var buffer = [UInt8](repeating: 0, count: 1 << 20)
    var record: [UInt8] = []
    var ends: [Int] = []
    var inQuotes = false, afterQuote = false
    while true {
        let n = buffer.withUnsafeMutableBytes { fread($0.baseAddress, 1, $0.count, file) }
        if n == 0 { break }
        for i in 0..<n {
            let b = buffer[i]
            if inQuotes {
                if b == UInt8(ascii: "\"") { inQuotes = false; afterQuote = true } else { record.append(b) }
                continue
            }
            switch b {
            case UInt8(ascii: "\""):
                if afterQuote { record.append(b) }
                inQuotes = true
                afterQuote = false
            case UInt8(ascii: ","):
                ends.append(record.count); afterQuote = false
            case UInt8(ascii: "\r"):
                afterQuote = false
            case UInt8(ascii: "\n"):
                ends.append(record.count); afterQuote = false
                try record.withUnsafeBufferPointer { try body($0, ends) }
                record.removeAll(keepingCapacity: true)
                ends.removeAll(keepingCapacity: true)
            default:
                record.append(b); afterQuote = false
            }
        }
    }
    if !record.isEmpty || !ends.isEmpty {
        ends.append(record.count)
        try record.withUnsafeBufferPointer { try body($0, ends) }
    }
}

struct BenchError: Error, CustomStringConvertible {
    var description: String
    init(_ d: String) { description = d }
}

let args = CommandLine.arguments
guard args.count == 3 else {
    print("usage: xlsx-write-bench IN.csv OUT.xlsx")
    exit(2)
}
do {
    let writer = try XLSXWriter(path: args[2])
    try writer.beginSheet(name: "Sheet1")
    var row = Row(index: 0)
    try readCSV(args[1]) { record, ends in
        row.cells.removeAll(keepingCapacity: true)
        var start = 0
        for (column, end) in ends.enumerated() {
            defer { start = end }
            guard end > start else { continue }
            let f = UnsafeBufferPointer(rebasing: record[start..<end])
            let text = String(decoding: f, as: UTF8.self)
            row.cells.append(Cell(column: column, value: isNumber(f) ? .number(text) : .text(text)))
        }
        try writer.write(row: row)
        row.index += 1
    }
    try writer.endSheet()
    try writer.close()
} catch {
    print("error: \(error)")
    exit(1)
}
