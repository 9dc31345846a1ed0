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

@Suite("项目金额矛盾: a 合计 explained by one project is not reported twice")
struct ProjectTotalExplainedTests {
    static func list(_ retired: String, total: String, file: String, sheet: String, column: String) -> AnyFinanceTable {
        func project(_ name: String, _ amount: String, _ row: Int) -> Project {
            Project(
                name: name, source: Build.cell("B\(row)", file: file, sheet: sheet), unit: .tenThousandYuan,
                funds: ProjectFunds(total: Amounts(initialBudget: Build.figure(amount, "\(column)\(row)", file: file, sheet: sheet))))
        }
        return .projectFunds(
            ProjectFundsTable(
                info: Build.info(.projectFunds, .budget, title: "项目", file: file, sheet: sheet),
                projects: [project("重大招商", "130", 5), project("离退休人员经费", retired, 11)],
                total: ProjectFunds(total: Amounts(initialBudget: Build.figure(total, "\(column)14", file: file, sheet: sheet)))))
    }

    @Test("28.71 vs 28.87 with totals 158.71 vs 158.87: one finding, on the project")
    func explained() throws {
        let budget = Self.list("28.71", total: "158.71", file: "预算.xlsx", sheet: "项目支出表", column: "E")
        let performance = Self.list("28.87", total: "158.87", file: "项目绩效.xlsx", sheet: "项目资金", column: "C")
        let findings = Build.findings([budget, performance], rules: [ProjectAmountConflictRule()])
        #expect(findings.count == 1)
        #expect(findings.first?.cellNames == ["预算.xlsx › 项目支出表 › E11", "项目绩效.xlsx › 项目资金 › C11"])
    }

    @Test("a 合计 that differs by more than its projects do is reported too")
    func unexplained() {
        let budget = Self.list("28.71", total: "158.71", file: "预算.xlsx", sheet: "项目支出表", column: "E")
        let performance = Self.list("28.87", total: "159.87", file: "项目绩效.xlsx", sheet: "项目资金", column: "C")
        let findings = Build.findings([budget, performance], rules: [ProjectAmountConflictRule()])
        #expect(findings.count == 2)
        #expect(findings.contains { $0.cellNames.first == "预算.xlsx › 项目支出表 › E14" })
    }
}

@Suite("项目金额矛盾: funding sources")
struct ProjectSourceConflictTests {
    static func table(fiscal: String, file: String, sheet: String?, a1: String, unit: MoneyUnit = .tenThousandYuan) -> AnyFinanceTable {
        .projectFunds(
            ProjectFundsTable(
                info: Build.info(.projectFunds, .finalAccounts, unit: unit, title: "项目资金", file: file, sheet: sheet),
                projects: [
                    Project(
                        name: "农贸市场管理工作经费", source: Build.cell("B13", file: file, sheet: sheet), unit: unit,
                        funds: ProjectFunds(fiscalAppropriation: Amounts(actual: Build.figure(fiscal, a1, file: file, sheet: sheet))))
                ]))
    }

    @Test("当年财政拨款 4.3 in the list vs 4.5 in the form is an 错误 citing both cells; 43000 元 agrees with 4.3 万元")
    func sources() throws {
        let list = Self.table(fiscal: "4.3", file: "项目绩效.xlsx", sheet: "项目资金", a1: "F13")
        let form = Self.table(fiscal: "4.5", file: "项目绩效.xlsx", sheet: "项目自评表-农贸市场", a1: "G8")
        let finding = try #require(Build.findings([list, form], rules: [ProjectAmountConflictRule()]).first)
        #expect(finding.severity == .error)
        #expect(finding.cellNames == ["项目绩效.xlsx › 项目资金 › F13", "项目绩效.xlsx › 项目自评表-农贸市场 › G8"])
        #expect(finding.message.zh.contains("当年财政拨款"))
        let yuan = Self.table(fiscal: "43000", file: "项目.csv", sheet: nil, a1: "F2", unit: .yuan)
        #expect(Build.findings([list, yuan], rules: [ProjectAmountConflictRule()]).isEmpty)
    }
}
