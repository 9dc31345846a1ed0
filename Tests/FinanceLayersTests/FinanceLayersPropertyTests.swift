import FinanceFuzzing
import FinanceModel
import Foundation
import Reconciliation
import Testing

/// SplitMix64: a small, fixed generator, so every run of the property tests sees the same inputs.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE5_E9B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

@Suite("Finance layers: any generated department goes through without a trap")
struct FinanceLayersPropertyTests {
    /// The same driver as the libFuzzer target FuzzFinanceLayers, over seeded random bytes: sheets built
    /// from the recognition vocabulary, through recognition, assembly, reconciliation, forms, the report
    /// check and the XLSX writer.
    @Test("200 seeded departments: no trap, no broken invariant, and the layers are reached")
    func seededDepartments() throws {
        var random = SeededGenerator(seed: 20_201_231)
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("finance-layers-\(getpid())")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        var tables = 0
        var findings = 0
        for index in 0..<200 {
            let length = Int.random(in: 16...1_200, using: &random)
            let bytes = (0..<length).map { _ in UInt8.random(in: 0...255, using: &random) }
            let input = FinanceFuzzing.input(from: bytes)
            do {
                // Writing every form workbook is the slow part: every tenth case is enough for the writer.
                let outcome = try FinanceFuzzing.run(input, scratch: index % 10 == 0 ? scratch.path : nil)
                tables += outcome.tables.count
                findings += outcome.findings.count
            } catch {
                Issue.record("case \(index): \(error)")
            }
        }
        #expect(tables > 100, "the generator should give recognisable tables")
        #expect(findings > 100, "and tables the rules have something to say about")
    }

    /// 收入决算表s with a random code tree and random blank sources, consistent by construction (a blank
    /// cell adds nothing): 类=Σ款 and 合计=Σ类 find nothing; one parent cell moved by 10 gives exactly one
    /// finding, naming that source in Chinese.
    @Test("consistent income tables give no sum finding; one changed cell gives exactly one, in Chinese")
    func incomeTablesWithBlankSources() throws {
        var random = SeededGenerator(seed: 7)
        for _ in 0..<200 {
            var table = Self.consistentIncomeTable(using: &random)
            let clean = Reconciler.reconcile([.incomeByFunction(table)], rules: [SubjectSumRule()]).findings
            #expect(clean.isEmpty, "\(clean.map { $0.message.zh })")
            // Change one source cell of a row that has children, by 10.
            let parents = table.rows.indices.filter { i in
                guard let code = table.rows[i].code?.digits, code.count == 3 else { return false }
                return table.rows.contains { $0.code?.digits.hasPrefix(code) == true && $0.code?.digits != code }
            }
            guard let row = parents.randomElement(using: &random),
                  let source = table.rows[row].bySource.keys.sorted(by: { $0.rawValue < $1.rawValue })
                      .randomElement(using: &random),
                  let actual = table.rows[row].bySource[source]?.actual
            else { continue }
            table.rows[row].bySource[source]?.actual = Figure(actual.value + Money(10), at: actual.source)
            let changed = Reconciler.reconcile([.incomeByFunction(table)], rules: [SubjectSumRule()]).findings
            let sums = changed.filter { $0.rule == "类=Σ款" }
            #expect(sums.count == 1)
            if let finding = sums.first {
                #expect(finding.message.zh.contains(source.title.zh))
                #expect(!finding.message.zh.contains(source.rawValue))
            }
        }
    }

    static func consistentIncomeTable(using random: inout SeededGenerator) -> IncomeByFunctionTable {
        let sources = IncomeSource.allCases
        func cell(_ a1: String) -> FinanceModel.SourceLocation { FinanceModel.SourceLocation(file: "决算.xlsx", sheet: "收入决算表", cell: a1) }
        func figure(_ amount: Money, _ r: Int) -> Figure { Figure(amount, at: cell("C\(r)")) }
        var rows: [IncomeByFunctionRow] = []
        var totals: [IncomeSource: Money] = [:]
        var grandTotal = Money.zero
        var r = 6
        for c in 0..<Int.random(in: 1...4, using: &random) {
            let classCode = String(201 + c * 7)
            var children: [IncomeByFunctionRow] = []
            var classSums: [IncomeSource: Money] = [:]
            var classTotal = Money.zero
            for s in 0..<Int.random(in: 1...4, using: &random) {
                let code = classCode + String(format: "%02d", s + 1)
                var row = IncomeByFunctionRow(code: FunctionCode(code), name: "款\(code)", source: cell("A\(r)"))
                var rowTotal = Money.zero
                for source in sources where Bool.random(using: &random) {
                    let amount = Money(Int.random(in: 0...9_999, using: &random))
                    row.bySource[source] = Amounts(actual: figure(amount, r))
                    classSums[source, default: .zero] += amount
                    rowTotal += amount
                }
                row.total = Amounts(actual: figure(rowTotal, r))
                classTotal += rowTotal
                children.append(row)
                r += 1
            }
            var classRow = IncomeByFunctionRow(code: FunctionCode(classCode), name: "类\(classCode)", source: cell("A\(r)"))
            classRow.total = Amounts(actual: figure(classTotal, r))
            for (source, amount) in classSums {
                classRow.bySource[source] = Amounts(actual: figure(amount, r))
                totals[source, default: .zero] += amount
            }
            grandTotal += classTotal
            rows.append(classRow)
            rows += children
            r += 1
        }
        var total = IncomeByFunctionRow(code: nil, name: "合计", role: .total, source: cell("A5"))
        total.total = Amounts(actual: figure(grandTotal, 5))
        for (source, amount) in totals { total.bySource[source] = Amounts(actual: figure(amount, 5)) }
        let info = TableInfo(
            kind: .incomeByFunction, side: .finalAccounts, unit: .tenThousandYuan, title: "收入决算表",
            source: TableSource(file: "决算.xlsx", sheet: "收入决算表", range: "A1:I40"))
        return IncomeByFunctionTable(info: info, rows: [total] + rows)
    }
}
