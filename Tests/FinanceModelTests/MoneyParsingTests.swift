import Testing

@testable import FinanceModel

@Suite("Money parsing")
struct MoneyParsingTests {
    @Test(
        "accepted cell texts",
        arguments: [
            ("1234.56", "1234.56"),
            ("1,234.56", "1234.56"),
            ("（1,234.56）", "-1234.56"),
            ("(1,234.56)", "-1234.56"),
            ("-1234.56", "-1234.56"),
            ("－1234.56", "-1234.56"),
            ("−7", "-7"),
            ("+5", "5"),
            ("＋5", "5"),
            ("  12.5 ", "12.5"),
            ("\u{3000}12.5\u{3000}", "12.5"),
            ("１２３４．５６", "1234.56"),
            ("１，２３４．５６", "1234.56"),
            ("（１，２３４．５６）", "-1234.56"),
            ("1234.5600", "1234.56"),
            ("000123", "123"),
            ("1,234,567.89", "1234567.89"),
            (".5", "0.5"),
            ("5.", "5"),
            ("0.000001", "0.000001"),
            ("1.5E-3", "0.0015"),
            ("1.2345e+2", "123.45"),
            ("944.59", "944.59"),
            ("1032.19305", "1032.19305"),
            ("999999999999999999.999999", "999999999999999999.999999"),
            ("¥1,234.56", "1234.56"),
            ("￥5", "5"),
            ("-¥5", "-5"),
            ("(￥1,234.56)", "-1234.56"),
            ("1,234e2", "123400"),
            ("1e-6", "0.000001"),
            ("0.0", "0"),
            ("-0", "0"),
            ("(0.00)", "0"),
            ("123456789012345678", "123456789012345678"),
            ("0000000000000000000000000001.5", "1.5"),
        ])
    func accepted(text: String, expected: String) throws {
        #expect(try Money.parse(text).description == expected)
    }

    @Test("blank and dashes are zero", arguments: ["", "   ", "-", "—", "－", "--", "——", "–", "\u{3000}"])
    func zero(text: String) throws {
        #expect(try Money.parse(text) == .zero)
    }

    @Test(
        "garbage is rejected, never zero",
        arguments: [
            "abc", "12a", "元", "5元", "1,2", "12,34.5", "1,23,456", "1234,567", ",123", "12..3", "1.2.3", ".",
            "(5", "5)", "()", "(-5)", "--5", "+-5", "-+5", "1 234", "5%", "1e", "1e1234", "NaN", "inf", "0x10",
            "1,234.5,6", "1.2,3", "¥", "¥¥5", "5¥", "$5",
        ])
    func rejected(text: String) {
        #expect(throws: NumberParseError.self) { try Money.parse(text) }
        #expect(Money(parsing: text) == nil)
    }

    @Test("reasons say what is wrong")
    func reasons() {
        #expect(reason("abc") == .notANumber)
        #expect(reason(String(repeating: "1", count: 19)) == .outOfRange)
        #expect(reason(String(repeating: "1", count: 100)) == .tooLong)
        #expect(reason(String(repeating: "9", count: 100_000)) == .tooLong)
        #expect(reason("0.0000001") == .tooPrecise(decimals: 7))
        #expect(reason("1.12345678") == .tooPrecise(decimals: 8))
        #expect(reason("1e999") == .outOfRange)
        #expect(reason("1e-7") == .tooPrecise(decimals: 7))
        #expect(reason("\u{0001}5") == .notANumber)
        let message = (try? Money.parse("abc")) == nil
        #expect(message)
    }

    @Test("zero decimals beyond the limit are fine; others round only when asked")
    func excessDecimals() throws {
        #expect(try Money.parse("1.1234560000").description == "1.123456")
        #expect(try Money.parse("0.0000005", excessDecimals: .roundHalfUp).description == "0.000001")
        #expect(try Money.parse("0.00000049", excessDecimals: .roundHalfUp).description == "0")
        #expect(try Money.parse("-0.1234565", excessDecimals: .roundHalfUp).description == "-0.123457")
        #expect(try Money.parse("0.9999995", excessDecimals: .roundHalfUp).description == "1")
        #expect(try Money.parse("1e-15", excessDecimals: .roundHalfUp) == .zero)
        #expect(try Money.parse("123456789012345678.9999999", excessDecimals: .roundHalfUp).description == "123456789012345679")
    }

    @Test("the message names the text and says what to do")
    func message() {
        do {
            _ = try Money.parse("12a")
            Issue.record("12a parsed")
        } catch {
            #expect(error.message.zh.contains("12a"))
            #expect(error.message.zh.contains("不是数字"))
            #expect(error.message.en.contains("not a number"))
        }
    }

    @Test("JSON round trip keeps the exact text")
    func codable() throws {
        let money = try Money.parse("1032.19305")
        #expect(money.description == "1032.19305")
        #expect(try Money.parse(money.description) == money)
    }

    private func reason(_ text: String) -> NumberParseError.Reason? {
        do {
            _ = try Money.parse(text)
            return nil
        } catch {
            return error.reason
        }
    }
}
