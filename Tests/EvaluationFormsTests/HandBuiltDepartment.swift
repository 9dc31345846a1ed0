import FinanceModel
@testable import EvaluationForms

/// A small department built by hand (figures modelled on the seed department, 万元 and 元 mixed) for the
/// department-indicator tests and the layout golden test.
enum HandBuilt {
    static func info(_ kind: TableKind, _ side: TableSide, _ title: String, unit: Unit = .tenThousandYuan, sheet: String)
        -> TableInfo
    {
        TableInfo(
            kind: kind, side: side, unit: unit, title: title, preparedBy: "示例局", year: 2020,
            source: TableSource(file: "示例.xlsx", sheet: sheet, range: nil))
    }

    static func f(_ text: String, _ sheet: String, _ a1: String) -> Figure {
        Figure(Make.money(text), at: SourceLocation(file: "示例.xlsx", sheet: sheet, cell: a1))
    }

    static var budgetSummary: AnyFinanceTable {
        .incomeExpenseSummary(IncomeExpenseSummary(
            info: info(.incomeExpenseSummary, .budget, "部门收支总表", sheet: "收支总表"),
            totalIncome: Amounts(initialBudget: f("944.59", "收支总表", "B10")),
            totalExpenditure: Amounts(initialBudget: f("944.59", "收支总表", "D10"))))
    }

    /// Final accounts with 全年预算数, in 元 (as the internal 财决01 export).
    static var finalSummary: AnyFinanceTable {
        .incomeExpenseSummary(IncomeExpenseSummary(
            info: info(.incomeExpenseSummary, .both, "收入支出决算总表", unit: .yuan, sheet: "Z01"),
            totalIncome: Amounts(actual: f("9557700", "Z01", "E10")),
            carryoverStart: Amounts(actual: f("3414700", "Z01", "E12")),
            totalExpenditure: Amounts(
                initialBudget: f("9445900", "Z01", "J20"), adjustedBudget: f("10500000", "Z01", "K20"),
                actual: f("10231300", "Z01", "L20")),
            carryoverEnd: Amounts(actual: f("2741000", "Z01", "L22"))))
    }

    static var expenseTable: AnyFinanceTable {
        .expenseByFunction(ExpenseByFunctionTable(
            info: info(.expenseByFunction, .finalAccounts, "支出决算表", sheet: "支出决算表"),
            rows: [ExpenseByFunctionRow(
                code: nil, name: "合计", role: .total, source: nil,
                total: Amounts(actual: f("1023.13", "支出决算表", "C6")),
                basicExpenditure: Amounts(actual: f("885.75", "支出决算表", "D6")),
                projectExpenditure: Amounts(actual: f("137.38", "支出决算表", "E6")))]))
    }

    static var basicBudget: AnyFinanceTable {
        .basicExpenseByEconomic(BasicExpenseByEconomicTable(
            info: info(.basicExpenseByEconomic, .budget, "一般公共预算基本支出表", sheet: "基本支出表"),
            rows: [BasicExpenseRow(
                code: nil, name: "合计", role: .total, source: nil, total: Amounts(initialBudget: f("698.88", "基本支出表", "C5")),
                officeCost: Amounts(initialBudget: f("286.08", "基本支出表", "E5")))]))
    }

    static var basicFinal: AnyFinanceTable {
        .basicExpenseByEconomic(BasicExpenseByEconomicTable(
            info: info(.basicExpenseByEconomic, .finalAccounts, "一般公共预算财政拨款基本支出决算表", sheet: "基本支出决算表"),
            rows: [BasicExpenseRow(
                code: nil, name: "合计", role: .total, source: nil, total: Amounts(actual: f("885.75", "基本支出决算表", "C20")),
                officeCost: Amounts(actual: f("300.12", "基本支出决算表", "F20")))]))
    }

    static var threeBudget: AnyFinanceTable {
        .threePublic(ThreePublicTable(
            info: info(.threePublic, .budget, "“三公”经费支出表", sheet: "三公"),
            total: Amounts(initialBudget: f("158.08", "三公", "A6"))))
    }

    static var threeFinal: AnyFinanceTable {
        .threePublic(ThreePublicTable(
            info: info(.threePublic, .finalAccounts, "财政拨款“三公”经费支出决算表", sheet: "三公决算"),
            total: Amounts(adjustedBudget: f("77.89", "三公决算", "A7"), actual: f("77.86", "三公决算", "B7"))))
    }

    static var facts: DepartmentFacts {
        let sheet = "部门基本情况"
        func cell(_ a1: String) -> SourceLocation { SourceLocation(file: "示例.xlsx", sheet: sheet, cell: a1) }
        return DepartmentFacts(
            unit: .tenThousandYuan, departmentName: Sourced("示例局", at: cell("B2")),
            authorizedStaff: Sourced(Make.q("33"), at: cell("B3")), staffInPost: Sourced(Make.q("33"), at: cell("B4")),
            fixedAssetsInUse: f("24.5", sheet, "B6"), fixedAssetsTotal: f("26.19", sheet, "B7"),
            priorYearThreePublic: f("96.35", sheet, "B8"),
            annualGoal: AnnualGoal(
                expected: Sourced("完成招商引资任务", at: cell("B9")), achieved: Sourced("全面完成", at: cell("C9"))))
    }

    static var departmentIndicators: AnyFinanceTable {
        .projectIndicators(ProjectIndicatorsTable(
            info: info(.projectIndicators, .both, "部门整体绩效指标", sheet: "部门指标"),
            indicators: [
                Indicator(
                    level1: "产出指标", level2: "数量指标", name: "引进市域外资金", source: nil, direction: .atLeast,
                    target: IndicatorValue(parsing: "≥90亿元", source: SourceLocation(file: "示例.xlsx", sheet: "部门指标", cell: "D3")),
                    actual: IndicatorValue(parsing: "97.62亿元", source: SourceLocation(file: "示例.xlsx", sheet: "部门指标", cell: "E3")),
                    weight: Sourced(Make.q("20"), at: nil))
            ]))
    }

    static var project: Project {
        let sheet = "项目资金"
        return Project(
            name: "日常招商引资工作经费（含外商直接投资等多项指标的长名称项目）专项", source: nil, competentDepartment: "示例局",
            implementingUnit: "示例局", unit: .tenThousandYuan,
            funds: ProjectFunds(
                fiscalAppropriation: Amounts(
                    initialBudget: f("130", sheet, "B3"), adjustedBudget: f("130", sheet, "C3"), actual: f("120.5", sheet, "D3")),
                carryover: Amounts(initialBudget: f("0", sheet, "B4"), adjustedBudget: f("10", sheet, "C4"), actual: f("10", sheet, "D4"))),
            annualGoal: AnnualGoal(expected: Sourced("引进外资", at: nil), achieved: Sourced("部分完成", at: nil)),
            indicators: [
                Make.indicator("外商直接投资", target: "≥200万美元", actual: "148万美元", weight: "30", row: 3),
                Make.indicator("新签约项目", target: "≥40个", actual: "46个", weight: "20", row: 4),
                Make.indicator("群体性事件", direction: .equal, target: "=0", actual: "0", weight: "0", applicable: false, row: 5),
                Make.indicator("营商环境", level1: "效益指标", direction: .qualitative, target: "明显改善", actual: "部分达成",
                    weight: "30", reason: "项目落地周期长", row: 6),
                Make.indicator("企业满意度", level1: "满意度指标", target: "≥90%", actual: "95%", weight: "10", row: 7),
            ])
    }

    static var department: Department {
        Department(
            name: "示例局", year: 2020,
            tables: [budgetSummary, finalSummary, expenseTable, basicBudget, basicFinal, threeBudget, threeFinal,
                     departmentIndicators],
            projects: [project, project2], facts: facts)
    }

    static var project2: Project {
        Project(
            name: "维稳经费", source: nil, unit: .tenThousandYuan,
            funds: ProjectFunds(total: Amounts(initialBudget: f("8", "项目资金", "B9"), adjustedBudget: f("0", "项目资金", "C9"),
                                               actual: f("0", "项目资金", "D9"))),
            indicators: [Make.indicator("越级上访", direction: .equal, target: "=0", actual: "0", weight: "90", row: 12)])
    }
}
