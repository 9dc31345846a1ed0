import Testing

@testable import FinanceModel

@Suite("Units")
struct UnitTests {
    private func m(_ text: String) -> Money { Money(parsing: text) ?? Money(-999_999) }

    @Test("conversion is exact both ways")
    func conversion() {
        #expect(m("944.59").converted(from: .tenThousandYuan, to: .yuan) == m("9445900"))
        #expect(m("9445900").converted(from: .yuan, to: .tenThousandYuan) == m("944.59"))
        #expect(m("0.01").converted(from: .yuan, to: .tenThousandYuan) == m("0.000001"))
        #expect(m("1234.56").converted(from: .yuan, to: .thousandYuan) == m("1.23456"))
        #expect(m("1.23456").converted(from: .thousandYuan, to: .yuan) == m("1234.56"))
        #expect(m("7.5").converted(from: .tenThousandYuan, to: .thousandYuan) == m("75"))
        #expect(m("-3").converted(from: .thousandYuan, to: .tenThousandYuan) == m("-0.3"))
        let odd = m("1234.567891")
        let there = odd.converted(from: .yuan, to: .tenThousandYuan)
        #expect(there.description == "0.1234567891")
        #expect(there.converted(from: .tenThousandYuan, to: .yuan) == odd)
        for unit in Unit.allCases {
            #expect(odd.converted(from: unit, to: unit) == odd)
        }
    }

    @Test("a sum converted equals the converted parts summed")
    func sumsCommute() {
        let parts = ["402.53", "286.08", "10.27"].map(m)
        let inYuan = parts.map { $0.converted(from: .tenThousandYuan, to: .yuan) }.sum()
        #expect(inYuan == parts.sum().converted(from: .tenThousandYuan, to: .yuan))
        #expect(inYuan == m("6988800"))
    }

    @Test(
        "unit lines",
        arguments: [
            ("单位：万元", Unit.tenThousandYuan), ("金额单位：元", .yuan), ("单位:元", .yuan), ("(万元)", .tenThousandYuan),
            ("（万元）", .tenThousandYuan), ("单位： 千元", .thousandYuan), ("（单位：万元）", .tenThousandYuan),
            ("单位：人民币元", .yuan), ("万元", .tenThousandYuan), ("金额单位：万元（保留两位小数）", .tenThousandYuan),
            ("编制单位：益阳市资阳区商务局　　　单位：万元", .tenThousandYuan), ("编制部门：某局 金额单位：元", .yuan),
            ("2020年“三公”经费支出表（万元）", .tenThousandYuan), ("单位：万元；公开07表", .tenThousandYuan),
        ])
    func unitLines(line: String, unit: Unit) {
        #expect(Unit(line: line) == unit)
    }

    @Test("lines without a unit", arguments: [
            "编制单位：益阳市资阳区商务局", "单位：个", "2020年部门支出总表", "", "元旦", "编制单位：万元户协会", "项目（一）",
            "单位：万元户",
        ])
    func notUnitLines(line: String) {
        #expect(Unit(line: line) == nil)
    }
}
