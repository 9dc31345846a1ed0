import Spreadsheet
import FinanceModel

/// A sheet being laid out: cells by (row, column), merged areas styled cell by cell so borders print.
struct FormGrid {
    var sheet: Sheet
    init(name: String) { sheet = Sheet(name: name) }

    mutating func put(_ row: Int, _ column: Int, _ value: CellValue, _ style: CellStyle) {
        sheet.set(CellAddress(row: row, column: column), Self.fitted(value), style: style)
    }

    /// Excel's most characters (UTF-16 units) in one cell; the writer refuses more.
    static let maxText = 32_767
    static let cutMarker = "…（内容过长，已截断）"

    /// The value, with text longer than a cell holds cut at a whole character and marked: a finding
    /// citing thousands of cells, or quoting a huge name from a cell, must not stop the whole workbook.
    static func fitted(_ value: CellValue) -> CellValue {
        guard case .text(let text) = value, text.utf16.count > maxText else { return value }
        let limit = maxText - cutMarker.utf16.count
        var kept = ""
        var count = 0
        for character in text {
            let size = character.utf16.count
            if count + size > limit { break }
            kept.append(character)
            count += size
        }
        return .text(kept + cutMarker)
    }

    mutating func put(_ row: Int, _ column: Int, _ text: String, _ style: CellStyle) {
        put(row, column, .text(text), style)
    }

    /// A live formula with its cached value.
    mutating func formula(_ row: Int, _ column: Int, _ formula: String, _ cached: CellValue, _ style: CellStyle) {
        sheet.set(CellAddress(row: row, column: column), cached, formula: formula, style: style)
    }

    /// 执行率 (H) and 执行率得分 (I) of a funds row: formulas over 全年预算数 (E), 全年执行数 (F) and 分值 (G)
    /// when the rate is computable; the 得分 only when the profile weights the row.
    mutating func executionCells(_ row: Int, _ execution: ExecutionScore) {
        if let rate = execution.rate {
            formula(row, 7, FormFormulas.executionRate(row: row), FormValue.exactRate(rate), FormStyles.rate)
        } else {
            put(row, 7, "无法计算", FormStyles.centered)
        }
        if let score = execution.score {
            formula(row, 8, FormFormulas.executionScore(row: row), FormValue.exactScore(score), FormStyles.score)
        } else {
            put(row, 8, "—", FormStyles.centered)
        }
    }

    /// 总分 (H) and 等级 (I) of a form's last row as formulas over its score cells.
    mutating func totalCells(_ row: Int, _ cells: FormFormulas.ScoreCells, _ tally: ScoreTally, bands: GradeBands) {
        let total = tally.totalScore.map(FormValue.exactScore) ?? .text("")
        formula(row, 7, cells.total, total, FormStyles.score)
        formula(
            row, 8, cells.grade(totalCell: FormFormulas.ref(row, 7), fullWeight: tally.fullWeight, bands: bands),
            .text(FormFormulas.gradeText(tally)), FormStyles.centered)
    }

    /// Puts `value` in the top-left cell of rows `rows` × columns `columns`, merges them when the area has
    /// more than one cell, and gives every cell of it `style`.
    mutating func merge(
        _ rows: ClosedRange<Int>, _ columns: ClosedRange<Int>, _ value: CellValue, _ style: CellStyle
    ) {
        for r in rows {
            for c in columns {
                sheet.set(
                    CellAddress(row: r, column: c), r == rows.lowerBound && c == columns.lowerBound ? Self.fitted(value) : .empty,
                    style: style)
            }
        }
        if rows.count > 1 || columns.count > 1 {
            sheet.merges.append(CellRange(
                CellAddress(row: rows.lowerBound, column: columns.lowerBound),
                CellAddress(row: rows.upperBound, column: columns.upperBound)))
        }
    }

    mutating func merge(_ rows: ClosedRange<Int>, _ columns: ClosedRange<Int>, _ text: String, _ style: CellStyle) {
        merge(rows, columns, .text(text), style)
    }

    /// An amount cell, or a centred "—" when the figure is absent.
    mutating func amount(_ row: Int, _ column: Int, _ figure: Figure?) {
        if let figure {
            put(row, column, .number(figure.value.description), FormStyles.amount)
        } else {
            put(row, column, "—", FormStyles.centered)
        }
    }

    /// Column widths in character units, from column A.
    mutating func widths(_ widths: [Int]) { sheet.setColumnWidths(widths) }

    /// One row's height in points.
    mutating func height(_ row: Int, _ points: Int) { sheet.setRowHeight(row, points: points) }

    /// The sheet with each row tall enough for its wrapped text.
    func finished() -> Sheet {
        var result = sheet
        result.fitRowsToWrappedText()
        result.capRowHeights(atPoints: FindingsLayout.maxRowHeight)
        return result
    }
}
