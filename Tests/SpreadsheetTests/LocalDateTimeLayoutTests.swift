import Spreadsheet
import Testing

/// `LocalDateTime` is stored compactly, so `CellValue` (and every `Cell`) stays small.
@Suite struct LocalDateTimeLayoutTests {
    @Test func storageIsCompact() {
        #expect(MemoryLayout<LocalDateTime>.size <= 12)
        #expect(MemoryLayout<CellValue>.stride <= 24)
    }

    @Test func fieldsKeepTheirValuesThroughTheCompactStorage() {
        var d = LocalDateTime(year: 9999, month: 12, day: 31, hour: 23, minute: 59, second: 59, millisecond: 999)
        #expect([d.year, d.month, d.day, d.hour, d.minute, d.second, d.millisecond] == [9999, 12, 31, 23, 59, 59, 999])
        #expect(d.kind == .dateTime)
        d.year = -4713
        d.millisecond = 0
        #expect(d.year == -4713 && d.millisecond == 0)
        #expect(d.iso8601 == "-4713-12-31T23:59:59")
        // Out-of-range values clamp instead of trapping.
        d.hour = 1_000
        #expect(d.hour == 255)
        #expect(LocalDateTime(year: 2020, month: 2, day: 29) == LocalDateTime(iso8601: "2020-02-29"))
    }
}
