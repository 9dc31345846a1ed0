/// The 一级指标 groups of a form, which `Sheet.rowBreaks(keepingTogether:header:)` keeps on one printed page
/// each (FORMS.md §4a).
enum Pagination {
    /// The runs of equal 一级指标 labels starting at row `first`.
    static func runs(_ labels: [String], first: Int) -> [ClosedRange<Int>] {
        var result: [ClosedRange<Int>] = []
        var start = 0
        while start < labels.count {
            var end = start
            while end + 1 < labels.count, labels[end + 1] == labels[start] { end += 1 }
            result.append((first + start)...(first + end))
            start = end + 1
        }
        return result
    }
}
