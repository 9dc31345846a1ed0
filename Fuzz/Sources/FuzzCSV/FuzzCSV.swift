/// libFuzzer target: the CSV reader in every encoding, and the writer's round trip.
///
/// Byte 0 picks the encoding (detected, or one of `TextEncoding.allCases`), byte 1 the delimiter
/// (sniffed, or one of `, \t ; | :`); the rest is the file. Checks:
/// - whole-file reading and streaming (`forEachRecord` over a scratch file) give the same records;
/// - every field's type inference returns without trapping;
/// - whatever was read, written back with `CSVWriter` (UTF-8) and read again, gives the same records.
import CSVFormat
import FuzzSupport
import Spreadsheet

let input = FuzzScratch.path("csv")
let output = FuzzScratch.path("out.csv")
let delimiters: [UInt8?] = [nil, 0x2C, 0x09, 0x3B, 0x7C, 0x3A]

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCSV(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    guard size >= 2 else { return 0 }
    let encodings: [TextEncoding?] = [nil] + TextEncoding.allCases
    let encoding = encodings[Int(data[0]) % encodings.count]
    let delimiter = delimiters[Int(data[1]) % delimiters.count]
    let body = UnsafeBufferPointer(start: data + 2, count: size - 2)
    let options = CSVReadOptions(encoding: encoding, delimiter: delimiter)

    let whole: CSVReadResult
    do {
        whole = try CSVReader.read(bytes: Array(body), name: "fuzz.csv", options: options)
    } catch {
        if error.location.file != "fuzz.csv" || error.message(.zh).isEmpty { fuzzFinding("bad error \(error)") }
        return 0
    }
    let records = whole.sheet.rows.map { $0.cells.map(\.value.csvText) }
    for record in records {
        for field in record { _ = CSVTypeInference.infer(field, dates: true) }
    }

    FuzzScratch.write(UnsafeRawBufferPointer(body), to: input)
    var streamed: [[String]] = []
    do {
        try CSVReader.forEachRecord(path: input, displayName: "fuzz.csv", options: options) { fields, _ in
            streamed.append(fields)
        }
        if streamed != records { fuzzFinding("streaming read differs from whole-file read") }
    } catch let error as SpreadsheetError {
        fuzzFinding("whole-file read succeeded, streaming failed: \(error)")
    } catch {
        fuzzFinding("non-SpreadsheetError thrown: \(error)")
    }

    do {
        let writer = try CSVWriter(path: output)
        for record in records { try writer.write(row: record) }
        try writer.finish()
        var again: [[String]] = []
        try CSVReader.forEachRecord(path: output, displayName: "out.csv",
                                    options: CSVReadOptions(encoding: .utf8, delimiter: 0x2C)) { fields, _ in
            again.append(fields)
        }
        if again != records { fuzzFinding("write/read round trip differs: \(records) → \(again)") }
    } catch {
        fuzzFinding("writing what was read failed: \(error)")
    }
    return 0
}

/// The process entry (see `runFuzzer`).
@_cdecl("FuzzCSV_main")
public func FuzzCSVMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    runFuzzer(argc, argv) { data, size in fuzzCSV(data, size) }
}
