import FinanceModel
import Reconciliation

/// The seed department's "三公" tables: budget 158.08 = 接待 154.58 + 车辆运行 3.5; final 77.86 (接待).
enum ThreePublicTables {
    static func budget(total: String = "158.08", subtotal: String? = "3.5", operation: String = "3.5", reception: String = "154.58", unit: MoneyUnit = .tenThousandYuan, file: String = "预算.xlsx") -> AnyFinanceTable {
        let sheet = "“三公”经费支出表"
        func f(_ text: String, _ a1: String) -> Figure { Build.figure(text, a1, file: file, sheet: sheet) }
        return .threePublic(
            ThreePublicTable(
                info: Build.info(.threePublic, .budget, unit: unit, title: "“三公”经费支出表", file: file, sheet: sheet),
                total: Amounts(initialBudget: f(total, "A6")), overseasTravel: Amounts(initialBudget: f("0", "B6")),
                officialCars: OfficialCars(
                    subtotal: Amounts(initialBudget: subtotal.map { f($0, "C6") }), purchase: Amounts(initialBudget: f("0", "D6")),
                    operation: Amounts(initialBudget: f(operation, "E6"))),
                reception: Amounts(initialBudget: f(reception, "F6"))))
    }
}
