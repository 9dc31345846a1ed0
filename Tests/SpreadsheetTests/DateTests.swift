import Testing
import Spreadsheet

@Suite struct LocalDateTimeTests {
    @Test(arguments: [(1.0, "1900-01-01"), (59.0, "1900-02-28"), (61.0, "1900-03-01"), (44196.0, "2020-12-31"),
                      (44196.354166666664, "2020-12-31T08:30:00"), (0.5, "12:00:00")])
    func serials1900(serial: Double, iso: String) {
        #expect(LocalDateTime(excelSerial: serial, date1904: false)?.iso8601 == iso)
    }

    @Test func serials1904() {
        #expect(LocalDateTime(excelSerial: 0, date1904: true)?.iso8601 == "1904-01-01")
        #expect(LocalDateTime(excelSerial: 42734, date1904: true)?.iso8601 == "2020-12-31")
    }

    @Test func serialRoundTrip() throws {
        for iso in ["2020-12-31", "1900-03-01", "2000-02-29T23:59:59", "1999-01-01T00:00:00.250"] {
            let d = try #require(LocalDateTime(iso8601: iso))
            let back = LocalDateTime(excelSerial: d.excelSerial(date1904: false), date1904: false, kind: d.kind)
            #expect(back == d, "\(iso)")
        }
    }

    @Test(arguments: ["2020-13-01", "2021-02-29", "2020-12-31X", "12:60:00", "abc"])
    func rejectsBadISO(text: String) {
        #expect(LocalDateTime(iso8601: text) == nil)
    }
}
