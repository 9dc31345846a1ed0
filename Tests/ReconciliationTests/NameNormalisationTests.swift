import Reconciliation
import Testing

@Suite("NameNormalisation")
struct NameNormalisationTests {
    @Test("width, spaces, brackets, quotes, 其中 and list markers", arguments: [
        ("一般公共服务支出", "一般公共服务支出"),
        ("  一般 公共　服务支出 ", "一般公共服务支出"),
        ("其中：一般公共服务支出", "一般公共服务支出"),
        ("其中:一般公共服务支出", "一般公共服务支出"),
        ("一、财政拨款收入", "财政拨款收入"),
        ("（一）财政拨款收入", "财政拨款收入"),
        ("1.财政拨款收入", "财政拨款收入"),
        ("因公出国（境）费", "因公出国(境)费"),
        ("因公出国【境】费", "因公出国(境)费"),
        ("“三公”经费", "三公经费"),
        ("ＡＢＣ１２", "ABC12"),
        ("一", "一"),
    ])
    func normalises(input: String, expected: String) {
        #expect(NameNormalisation.key(input) == expected)
    }
}
