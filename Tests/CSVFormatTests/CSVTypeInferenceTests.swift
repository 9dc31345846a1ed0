import Testing
import CSVFormat
import Spreadsheet

@Suite struct CSVTypeInferenceTests {
    @Test(arguments: [
        ("000858", CellValue.text("000858"), nil as String?),
        ("0101", .text("0101"), nil),
        ("1,234.56", .number("1234.56"), "#,##0.00"),
        ("1,23", .text("1,23"), nil),
        ("1234,567", .text("1234,567"), nil),
        ("-22.83%", .number("-0.2283"), "0.00%"),
        ("5%", .number("0.05"), "0%"),
        ("123456789012345678", .text("123456789012345678"), nil),
        ("123456789012345", .number("123456789012345"), nil),
        ("0.5", .number("0.5"), nil),
        ("00.5", .text("00.5"), nil),
        ("1e5", .text("1e5"), nil),
        ("2020-12-31", .text("2020-12-31"), nil),
        ("-", .text("-"), nil),
        ("+7", .number("7"), nil),
        ("-0", .number("0"), nil),
        ("1.50", .number("1.5"), "0.00"),
        (".5", .text(".5"), nil),
        ("5.", .text("5."), nil),
        (" 12", .text(" 12"), nil),
        ("", .empty, nil),
        ("１２３", .text("１２３"), nil),
    ])
    func inference(field: String, expected: CellValue, format: String?) {
        let got = CSVTypeInference.infer(field, dates: false)
        #expect(got.value == expected)
        #expect(got.numberFormat == format)
        #expect(CSVTypeInference.value(for: field, dates: false) == expected)
    }

    @Test func datesAreOptIn() {
        #expect(CSVTypeInference.value(for: "2020-12-31", dates: true)
            == .date(LocalDateTime(year: 2020, month: 12, day: 31)))
        #expect(CSVTypeInference.value(for: "2020-12-31T08:30:00", dates: true)
            == .date(LocalDateTime(year: 2020, month: 12, day: 31, hour: 8, minute: 30)))
        #expect(CSVTypeInference.value(for: "2021-02-29", dates: true) == .text("2021-02-29"))
        #expect(CSVTypeInference.value(for: "2020-13-01", dates: true) == .text("2020-13-01"))
        #expect(CSVTypeInference.value(for: "2020-12-31x", dates: true) == .text("2020-12-31x"))
    }
}
