/// libFuzzer target: whole departments built from the bytes, through the finance layers.
///
/// `FinanceFuzzing` (Tests/FinanceFuzzing, shared with the seeded property test) turns the bytes into
/// files of sheets — titles, unit lines, headers from the recognition vocabulary, codes, amounts,
/// blanks, merges, several tables and files — and runs them through TableRecognizer,
/// DepartmentAssembler, Reconciler, FormsEvaluator and the form layouts, ReportCheck and XLSXWriter.
/// A trap is a finding; so is a broken invariant (a Chinese message showing an internal identifier,
/// the writer refusing the forms).
import FinanceFuzzing
import FuzzSupport
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzFinanceLayers(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let input = FinanceFuzzing.input(from: bytes)
    // The writer every 16th input by the first byte: writing is slow, and its code paths are few.
    let scratch: String? = (bytes.first ?? 0) & 0x0F == 0 ? scratchDirectory : nil
    do {
        _ = try FinanceFuzzing.run(input, scratch: scratch)
    } catch {
        fuzzFinding(error.description)
    }
    return 0
}

/// The temporary folder (fuzz.sh gives each target its own); the forms file in it is named by process.
private let scratchDirectory: String = getenv("TMPDIR").map { String(cString: $0) } ?? "/tmp"

/// The process entry (see `runFuzzer`).
@_cdecl("FuzzFinanceLayers_main")
public func FuzzFinanceLayersMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    runFuzzer(argc, argv) { data, size in fuzzFinanceLayers(data, size) }
}
