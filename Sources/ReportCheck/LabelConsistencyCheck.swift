import FinanceModel

/// The same label in the same context must carry the same figure everywhere in the report.
///
/// Context is the basis (预算 / 调整预算 / 决算) read from the words before the figure and the headings
/// above it: 本年收入合计 944.59 under the budget heading and 955.77 under the final-accounts heading are
/// two quantities. Figures whose basis nothing names (a fixed asset, an output indicator) are not
/// compared: without a basis, "净值" or "合同引资" in two sentences are rarely the same quantity; nor are
/// changes (比上年增加 …), which every line of a table may state, or labels shorter than three characters.
///
/// Labels match when equal, or when one is the other with at most two characters inserted inside
/// (离退休人员经费 / 离退休人员工作经费); a prefix or suffix changes the meaning (上年末结转 / 年末结转,
/// 项目支出 / 专项预算项目支出) and does not match. Two figures for one label are a 警告: the report
/// contradicts itself, and only the tables can say which figure is right.
struct LabelConsistencyCheck {
    static let rule = "report.sameLabel"

    var context: CheckContext

    func run(into result: inout ReportCheckResult) {
        let figures = context.amounts.filter {
            $0.basis != .unknown && $0.unit != .percent && !$0.isApproximate && !$0.isChange
                && $0.label.count >= 3 && !Self.genericLabels.contains($0.label)
        }
        var reported: Set<[Int]> = []
        for (j, later) in figures.enumerated() {
            for earlier in figures[..<j] where earlier.basis == later.basis && earlier.isComparable(with: later) {
                guard Self.sameLabel(earlier.label, later.label), earlier.baseValue != later.baseValue else { continue }
                // One finding per pair of statements.
                let key = [earlier.paragraphIndex, earlier.start, later.paragraphIndex, later.start]
                guard reported.insert(key).inserted else { continue }
                let identical = earlier.label == later.label
                let here = context.location(of: later)
                let there = context.location(of: earlier)
                let basis = later.basis.label
                let labels = identical ? "「\(later.label)」" : "「\(earlier.label)」与「\(later.label)」"
                let labelsEn = identical ? "“\(later.label)”" : "“\(earlier.label)” and “\(later.label)”"
                result.findings.append(ReportFinding(Finding(
                    severity: .warning, rule: Self.rule,
                    message: LocalizedText(
                        zh: "同一\(basis.zh)口径下\(labels)\(identical ? "" : "（名称几乎相同）")有两个金额："
                            + "\(there.section ?? "前文")写 \(earlier.text)，\(here.section ?? "此处")写 \(later.text)：请核对哪一个正确，并统一全文。",
                        en: "\(labelsEn)\(identical ? "" : " (near-identical names)") in the same \(basis.en) context carry two figures: "
                            + "\(earlier.text) in \(there.section ?? "an earlier section") and \(later.text) in \(here.section ?? "this section"); check which is right and use it throughout."),
                    expected: earlier.value.description, found: later.value.description),
                    at: here, related: [there]))
            }
        }
    }

    /// Labels that name nothing by themselves (what they total depends on the sentence before).
    static let genericLabels: Set<String> = ["资金总额", "总金额", "剩余资金", "其余资金", "资金合计", "累计金额"]

    /// Equal, or the longer is the shorter with a run of one or two characters inserted strictly inside.
    static func sameLabel(_ a: String, _ b: String) -> Bool {
        if a == b { return true }
        let (short, long) = a.count <= b.count ? (Array(a), Array(b)) : (Array(b), Array(a))
        let extra = long.count - short.count
        guard short.count >= 4, (1...2).contains(extra) else { return false }
        let prefix = zip(short, long).prefix(while: { $0 == $1 }).count
        guard prefix >= 2, prefix < short.count else { return false }
        return Array(long[(prefix + extra)...]) == Array(short[prefix...]) && short.count - prefix >= 2
    }
}
