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
    static let rule = "同名数字不一致"

    var context: CheckContext

    /// Figures of one label in one context, in reading order.
    private struct Group {
        var label: String
        var figures: [TextAmount]
    }

    func run(into result: inout ReportCheckResult) {
        // Group by context (basis and currency) and label; compare every figure with the first of its
        // label, and the first figures of near-identical labels with each other — linear in the figures,
        // quadratic only in the distinct labels of one context.
        var contexts: [String: [Group]] = [:]
        var contextOrder: [String] = []
        for figure in context.amounts where figure.basis != .unknown && figure.unit != .percent
            && !figure.isApproximate && !figure.isChange && figure.label.count >= 3
            && !Self.genericLabels.contains(figure.label) {
            let key = figure.basis.rawValue + "|" + (figure.unit.currency ?? "")
            if contexts[key] == nil { contextOrder.append(key) }
            if let index = contexts[key]?.firstIndex(where: { $0.label == figure.label }) {
                contexts[key, default: []][index].figures.append(figure)
            } else {
                contexts[key, default: []].append(Group(label: figure.label, figures: [figure]))
            }
        }
        for key in contextOrder {
            let groups = contexts[key] ?? []
            for group in groups {
                guard let first = group.figures.first else { continue }
                for later in group.figures.dropFirst() where later.baseValue != first.baseValue {
                    report(earlier: first, later: later, into: &result)
                }
            }
            for (i, a) in groups.enumerated() {
                for b in groups[(i + 1)...] where Self.sameLabel(a.label, b.label) {
                    guard let x = a.figures.first, let y = b.figures.first, x.baseValue != y.baseValue else { continue }
                    let xFirst = (x.paragraphIndex, x.start) < (y.paragraphIndex, y.start)
                    report(earlier: xFirst ? x : y, later: xFirst ? y : x, into: &result)
                }
            }
        }
    }

    private func report(earlier: TextAmount, later: TextAmount, into result: inout ReportCheckResult) {
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
