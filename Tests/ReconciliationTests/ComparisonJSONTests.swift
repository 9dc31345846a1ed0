import FinanceModel
import Reconciliation
import TestSupport
import Testing

@Suite("ExecutionComparison JSON")
struct ComparisonJSONTests {
    /// A small department: a budget table in 万元, a 'both' final table in 元, a summary and two project lists.
    static func department() -> [AnyFinanceTable] {
        let budget = Build.budgetExpense([
            (nil, "合计", "1100.12345", "C6"), ("201", "一般公共服务支出", "1080.12345", "C7"), ("2011308", "招商引资", "1000", "C8"),
            ("2011350", "事业运行", "80.12345", "C9"), ("208", "社会保障和就业支出", "20", "C10"),
        ])
        func finalRow(_ code: String?, _ name: String, _ adjusted: String, _ actual: String, _ row: Int) -> ExpenseByFunctionRow {
            ExpenseByFunctionRow(
                code: code.flatMap { FunctionCode($0) }, name: name, role: code == nil ? .total : .detail,
                source: Build.cell("B\(row)", file: "决算.xlsx", sheet: "支出决算表"),
                total: Amounts(
                    adjustedBudget: Build.figure(adjusted, "D\(row)", file: "决算.xlsx", sheet: "支出决算表"),
                    actual: Build.figure(actual, "E\(row)", file: "决算.xlsx", sheet: "支出决算表")))
        }
        let final = AnyFinanceTable.expenseByFunction(
            ExpenseByFunctionTable(
                info: Build.info(.expenseByFunction, .finalAccounts, unit: .yuan, title: "支出决算表", file: "决算.xlsx", sheet: "支出决算表"),
                rows: [
                    finalRow(nil, "合计", "10700000", "10231300", 6), finalRow("201", "一般公共服务支出", "10500000", "10031300", 7),
                    finalRow("20113", "商贸事务", "10500000", "10031300", 8), finalRow("208", "社会保障和就业支出", "200000", "100000", 9),
                    finalRow("2080501", "行政单位离退休", "200000", "100000", 10), finalRow("2130599", "其他扶贫支出", "0", "100000", 11),
                ]))
        let list = ProjectAmountConflictRuleTests.list("28.71")
        let performance = ProjectAmountConflictRuleTests.list("28.87", file: "2020年项目绩效.xlsx", sheet: "项目资金", a1: "C11")
        return [budget, final, GrandTotalBalanceRuleTests.summary(), list, performance]
    }

    @Test("the reconcile --json document: exact amounts in 万元, 4-decimal rates, nulls, match rules and sources")
    func document() {
        let comparison = Reconciler.reconcile(Self.department())
        SnapshotCheck.assert(comparison.jsonDocument().rendered(), named: "comparison.json")
        SnapshotCheck.assert(comparison.jsonDocument(english: true).rendered(), named: "comparison.en.json")
    }

    @Test("amounts are exact, the rate half-up at 4 decimals, severity names in English")
    func values() throws {
        let comparison = Reconciler.reconcile(Self.department())
        let row = try #require(comparison.rows.first { $0.code == "201" })
        #expect(row.actual?.description == "1003.13")
        #expect(row.initialBudget?.description == "1080.12345")
        #expect(row.executionRate?.formatted(decimals: 4) == "0.9554")
        let text = comparison.jsonDocument().rendered()
        #expect(text.contains("\"initialBudget\": \"1100.12345\""))
        #expect(text.contains("\"severity\": \"error\""))
        #expect(text.contains("\"severity\": \"warning\""))
        #expect(text.contains("\"severity\": \"hint\""))
        #expect(text.contains("\"initialBudget\": null"))
    }

    @Test("check --json is {\"findings\": [...]}")
    func findingsDocument() {
        let finding = Finding(
            severity: .hint, rule: "总计平衡", message: LocalizedText(zh: "尾差", en: "rounding"),
            cells: [CitedCell(Build.cell("C32", file: "决算.xlsx", sheet: "总表"), value: "1297.24")], expected: "1297.23",
            found: "1297.24")
        let text = ExecutionComparison.findingsDocument([finding]).rendered()
        #expect(
            text == """
                {
                  "findings": [
                    {
                      "severity": "hint",
                      "rule": "总计平衡",
                      "message": "尾差",
                      "cells": [
                        "决算.xlsx › 总表 › C32"
                      ],
                      "expected": "1297.23",
                      "found": "1297.24"
                    }
                  ]
                }

                """)
    }
}
