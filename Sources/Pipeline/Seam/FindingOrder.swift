public import FinanceModel
import Spreadsheet

/// The one order of findings everywhere (text, JSON, 检查结果, 检查报告.txt): severity (错误 first), then
/// file, sheet, row, column of the first cited cell, then rule. Findings without a cell come first
/// within their severity; equal keys keep their order.
public enum FindingOrder {
    public static func sorted(_ findings: [Finding]) -> [Finding] {
        findings.enumerated().sorted { a, b in
            let x = a.element, y = b.element
            if x.severity != y.severity { return x.severity > y.severity }
            let kx = key(x), ky = key(y)
            if kx.file != ky.file { return kx.file < ky.file }
            if kx.sheet != ky.sheet { return kx.sheet < ky.sheet }
            if kx.row != ky.row { return kx.row < ky.row }
            if kx.column != ky.column { return kx.column < ky.column }
            if x.rule != y.rule { return x.rule < y.rule }
            return a.offset < b.offset
        }.map(\.element)
    }

    /// `findings` without repeats, first occurrence kept.
    public static func unique(_ findings: [Finding]) -> [Finding] {
        var seen: Set<Finding> = []
        return findings.filter { seen.insert($0).inserted }
    }

    private static func key(_ finding: Finding) -> (file: String, sheet: String, row: Int, column: Int) {
        guard let location = finding.cells.first?.location else { return ("", "", -1, -1) }
        let first = location.cell.split(separator: ":").first.map(String.init) ?? location.cell
        let address = CellAddress(first)
        return (location.file, location.sheet ?? "", address?.row ?? -1, address?.column ?? -1)
    }
}
