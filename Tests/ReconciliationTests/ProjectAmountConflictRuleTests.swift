import FinanceModel
import Reconciliation
import Testing

@Suite("项目金额矛盾")
struct ProjectAmountConflictRuleTests {
    static func list(_ initial: String, file: String = "2020年部门预算.xlsx", sheet: String = "项目支出表", a1: String = "E12") -> AnyFinanceTable {
        .projectFunds(
            ProjectFundsTable(
                info: Build.info(.projectFunds, .budget, title: "项目支出表", file: file, sheet: sheet),
                projects: [
                    Project(
                        name: "离退休人员经费", source: Build.cell("B12", file: file, sheet: sheet), unit: .tenThousandYuan,
                        funds: ProjectFunds(total: Amounts(initialBudget: Build.figure(initial, a1, file: file, sheet: sheet))))
                ]))
    }

    @Test("离退休人员经费 28.71 in the budget list vs 28.87 in the performance workbook is an 错误 citing both cells")
    func seedMismatch() throws {
        let budget = Self.list("28.71")
        let performance = Self.list("28.87", file: "2020年项目绩效.xlsx", sheet: "项目资金", a1: "C11")
        let findings = Build.findings([budget, performance], rules: [ProjectAmountConflictRule()])
        let finding = try #require(findings.first)
        #expect(findings.count == 1)
        #expect(finding.severity == .error)
        #expect(finding.rule == "项目金额矛盾")
        #expect(finding.cellNames == ["2020年部门预算.xlsx › 项目支出表 › E12", "2020年项目绩效.xlsx › 项目资金 › C11"])
        #expect(finding.cells.map(\.value) == ["28.71", "28.87"])
        #expect(finding.expected == "28.87")
        #expect(finding.found == "28.71")
        #expect(finding.message.zh.hasPrefix("两张表对同一项目的金额互相矛盾"))
    }

    @Test("equal figures (a list and a form) give nothing; CrossTableRule leaves projects alone")
    func agreeing() {
        let budget = Self.list("28.71")
        let form = Self.list("28.71", file: "2020年项目绩效.xlsx", sheet: "项目自评表", a1: "E8")
        #expect(Build.findings([budget, form], rules: [ProjectAmountConflictRule()]).isEmpty)
        let performance = Self.list("28.87", file: "2020年项目绩效.xlsx", sheet: "项目资金", a1: "C11")
        #expect(Build.findings([budget, performance], rules: [CrossTableRule()]).isEmpty)
    }
}
