/// ReportCheck — finds the figures in a narrative self-evaluation report (预算绩效自评报告) and checks
/// them against each other and against the department's tables.
///
/// It sees plain text (paragraphs) and the finance model, never a file format or C: the .docx text
/// comes from XLSXFormat's `DocxText`, a .txt/.md file's from CSVFormat's text decoding, both through
/// Pipeline. Findings use the shared `Finding` shape, wrapped in `ReportFinding` with the paragraph,
/// line and quoted sentence.
///
/// Rules: `report.partsSum` (合计 = 其中各项, 一是/二是/三是), `report.percentShare` (占 x %),
/// `report.netValue` (原值 − 累计折旧 = 净值), `report.sameLabel` (one label, one figure per context),
/// `report.table` (a figure against the table cell it names).
public import FinanceModel

/// The entry point.
public enum ReportCheck {
    /// Checks a report on its own and, when `department` is given, against its tables.
    public static func check(_ document: ReportDocument, department: Department? = nil) -> ReportCheckResult {
        let context = CheckContext(document: document)
        var result = ReportCheckResult(figureCount: context.amounts.count)
        BreakdownCheck(context: context).run(into: &result)
        NetValueCheck(context: context).run(into: &result)
        LabelConsistencyCheck(context: context).run(into: &result)
        if let department {
            TableCrosscheck(context: context, department: department).run(into: &result)
        }
        // Reading order; within a paragraph, the most severe first, then by rule (a stable, total order).
        result.findings.sort {
            ($0.location.paragraph, -$0.severity.order, $0.finding.rule, $0.finding.found ?? "")
                < ($1.location.paragraph, -$1.severity.order, $1.finding.rule, $1.finding.found ?? "")
        }
        result.confirmed.sort { ($0.location.paragraph, $0.rule) < ($1.location.paragraph, $1.rule) }
        return result
    }
}

extension Severity {
    /// 0 for 提示, 1 for 警告, 2 for 错误.
    var order: Int { Severity.allCases.firstIndex(of: self) ?? 0 }
}
