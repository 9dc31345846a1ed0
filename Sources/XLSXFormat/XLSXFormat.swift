/// XLSXFormat — the streaming XLSX reader and the styled, deterministic XLSX writer.
///
/// The only module that sees libzip and libxml2: every C call lives in `Internal/`, and no C type
/// appears in a public signature. It must never expand XML entities, load DTDs or touch the network,
/// never hold a whole worksheet's XML in memory, and never alter cell text.
public import Spreadsheet

/// Caps that keep hostile packages (zip bombs, huge dimensions) from exhausting the machine.
public struct ReadLimits: Hashable, Sendable, Codable {
    /// Total bytes all inflated parts may reach (default 4 GiB: a 200 MB sheet passes easily).
    public var maxInflatedBytes: Int64
    /// Largest inflated/compressed ratio accepted for an entry bigger than `ratioFloorBytes`.
    public var maxCompressionRatio: Int64
    /// Entries smaller than this are not ratio-checked (tiny XML compresses very well).
    public var ratioFloorBytes: Int64
    /// Most entries a package may have.
    public var maxEntries: Int
    /// Most cells one sheet may hold or declare.
    public var maxCells: Int
    /// Longest string, in UTF-8 bytes (Excel allows 32,767 characters).
    public var maxStringBytes: Int

    public init(maxInflatedBytes: Int64 = 4 << 30, maxCompressionRatio: Int64 = 200,
                ratioFloorBytes: Int64 = 16 << 20, maxEntries: Int = 10_000,
                maxCells: Int = 100_000_000, maxStringBytes: Int = 1 << 20) {
        self.maxInflatedBytes = maxInflatedBytes
        self.maxCompressionRatio = maxCompressionRatio
        self.ratioFloorBytes = ratioFloorBytes
        self.maxEntries = maxEntries
        self.maxCells = maxCells
        self.maxStringBytes = maxStringBytes
    }
}
