import FinanceModel
import Reconciliation
import Spreadsheet

/// The 预算执行情况对照表 as a readable terminal table: one block per section, amounts rounded half-up
/// to 2 decimals for display (the JSON and the XLSX keep them exact), columns aligned for CJK text.
public struct ComparisonText: Sendable {
    public var language: Language

    public init(language: Language = .zh) { self.language = language }

    private var english: Bool { language == .en }

    public func text(_ comparison: ExecutionComparison) -> String {
        let unit = english ? comparison.unit.englishName : comparison.unit.rawValue
        var out = english
            ? "Budget execution comparison (unit: \(unit); amounts shown rounded half-up to 2 decimals)\n"
            : "预算执行情况对照表（单位：\(unit)；金额四舍五入显示两位小数）\n"
        let header = english
            ? ["code", "name", "initial", "adjusted", "actual", "difference", "rate", "match"]
            : ["编码", "名称", "年初预算数", "全年预算数", "决算数", "差额", "执行率", "匹配"]
        for section in ComparisonSection.allCases {
            let rows = comparison.rows(in: section)
            guard !rows.isEmpty else { continue }
            out += "\n" + section.title.text(english: english) + "\n"
            let body = rows.map { row in
                [
                    row.code ?? "", row.name, amount(row.initialBudget), amount(row.adjustedBudget), amount(row.actual),
                    amount(row.difference), row.executionRate?.percent(decimals: 2) ?? "—",
                    row.match.label.text(english: english),
                ]
            }
            out += Self.align([header] + body, rightAligned: [2, 3, 4, 5, 6])
        }
        return out
    }

    private func amount(_ value: Money?) -> String { value?.formatted(decimals: 2, grouping: true) ?? "—" }

    /// Rows padded to the widest cell of each column (CJK characters count two columns).
    static func align(_ rows: [[String]], rightAligned: Set<Int>) -> String {
        guard let columns = rows.map(\.count).max() else { return "" }
        var widths = [Int](repeating: 0, count: columns)
        for row in rows {
            for (index, cell) in row.enumerated() { widths[index] = max(widths[index], displayWidth(cell)) }
        }
        return rows.map { row in
            row.enumerated().map { index, cell in
                let pad = String(repeating: " ", count: widths[index] - displayWidth(cell))
                return rightAligned.contains(index) ? pad + cell : cell + pad
            }.joined(separator: "  ").replacingTrailingSpaces() + "\n"
        }.joined()
    }

    /// Terminal columns: East Asian wide and full-width characters take two.
    static func displayWidth(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { width, scalar in
            switch scalar.value {
            case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
                0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6:
                width + 2
            case 0x0300...0x036F, 0x200B...0x200F: width
            default: width + 1
            }
        }
    }
}

extension String {
    fileprivate func replacingTrailingSpaces() -> String {
        var text = self
        while text.last == " " { text.removeLast() }
        return text
    }
}
