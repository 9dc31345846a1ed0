/// Recognition — finds the finance tables inside a `Sheet` and maps them onto `FinanceModel` types.
///
/// It skips title rows, reads 编制单位, the unit line and the table code, flattens merged multi-row
/// headers into column paths, maps columns to model fields by synonym tables kept as data, and finds
/// the data and totals rows. It works on grids already read; it must never open a file or see C.
///
/// Entry points: `TableRecognizer.recognize(sheet:file:isCSV:mapping:)` (one sheet → its tables) and
/// `DepartmentAssembler.assemble(tables:)` (every table → one `Department`). Header wordings live in
/// `Data/Synonyms.json` (`Vocabulary`); the table kinds are documented in docs/TABLE-KINDS.md.
import FinanceModel
import Spreadsheet

/// Finds and reads the finance table in a sheet (识别表格).
public enum TableRecognizer {
    /// The tables in a sheet (one per sheet today), typed and located.
    ///
    /// - Parameters:
    ///   - file: the file name as the user gave it (for every `SourceLocation`).
    ///   - isCSV: a CSV has no sheet name in locations.
    ///   - mapping: overrides for odd layouts (`--mapping FILE`).
    ///   - forcedSide: the side the user named for this file (`--budget` / `--final`): columns that do not
    ///     say 年初 / 全年 / 决算 are read on that side, and the table gets that side.
    /// - Throws: `RecognitionError` saying what was found, what is missing and the rows searched.
    public static func recognize(
        sheet: Sheet, file: String, isCSV: Bool, mapping: Mapping? = nil, forcedSide: TableSide? = nil,
        vocabulary: Vocabulary = .standard
    ) throws(RecognitionError) -> [RecognizedTable] {
        let grid = Grid(sheet: sheet, file: file, isCSV: isCSV)
        let origin = grid.location(0, 0)
        let sheetLocation = SourceLocation(file: file, sheet: grid.sheetName, cell: "A1")
        guard grid.rowCount > 0 else { throw RecognitionError(.emptySheet, at: sheetLocation) }
        let entry = mapping?.entry(file: file, sheet: grid.sheetName)
        if entry?.kind == nil || entry?.kind == .projectForm, ProjectFormReader.looksLikeForm(grid) {
            return [try ProjectFormReader.read(grid, vocabulary: vocabulary)]
        }
        if entry?.kind == nil {
            let top = TitleBlock(grid: grid, before: min(grid.rowCount, 4))
            let title = top.title.isEmpty ? (grid.sheetName ?? "") : top.title
            if KindClassifier.isOtherTable(title: title) {
                throw RecognitionError(.otherTable(title: title), at: sheetLocation)
            }
        }
        let headerRows: ClosedRange<Int>?
        let dataRows: ClosedRange<Int>?
        let forcedRoles: [Int: ColumnRole]
        do {
            // Rows past the sheet's last hold nothing: "3-1048576" (to the end) reads no further.
            let lastRow = grid.rowCount - 1
            func clamped(_ rows: ClosedRange<Int>?) -> ClosedRange<Int>? {
                rows.map { $0.lowerBound...max($0.lowerBound, min($0.upperBound, lastRow)) }
            }
            headerRows = clamped(try TableMapping.rows(entry?.headerRows, field: "headerRows"))
            dataRows = clamped(try TableMapping.rows(entry?.dataRows, field: "dataRows"))
            forcedRoles = try entry?.columnRoles() ?? [:]
        } catch {
            throw RecognitionError(.badMapping(detail: error.detail), at: origin)
        }
        guard let start = headerRows?.lowerBound ?? HeaderLayout.findHeaderStart(grid, vocabulary: vocabulary) else {
            let searched = 1...max(1, min(grid.rowCount, HeaderLayout.searchLimit))
            let texts = (0..<min(grid.rowCount, 8)).flatMap { grid.texts(ofRow: $0).map(\.text) }
            throw RecognitionError(.noHeader(searchedRows: searched, firstTexts: texts), at: sheetLocation)
        }
        let layout = HeaderLayout(
            grid: grid, headerStart: start, headerEnd: headerRows?.upperBound, dataRange: dataRows,
            vocabulary: vocabulary)
        var titleBlock = TitleBlock(grid: grid, before: start)
        if let title = entry?.title { titleBlock.title = title }
        titleBlock.fillYear(sheetName: grid.sheetName, fileName: file)
        if let unitText = entry?.unit {
            guard let unit = MoneyUnit(line: unitText) else {
                throw RecognitionError(.badMapping(detail: "unit: “\(unitText)” 不是 元/千元/万元"), at: origin)
            }
            titleBlock.unit = unit
            titleBlock.unitText = unit.rawValue
        }
        let titleForKind = titleBlock.title.isEmpty ? (grid.sheetName ?? file) : titleBlock.title
        guard let kind = entry?.kind
            ?? KindClassifier.kind(title: titleForKind, headers: layout.headerTexts, vocabulary: vocabulary)
            ?? KindClassifier.kind(title: grid.sheetName ?? file, headers: layout.headerTexts, vocabulary: vocabulary)
        else {
            throw RecognitionError(
                .unknownKind(
                    title: titleBlock.title, headers: layout.headerTexts,
                    headerRows: (layout.headerRows.lowerBound + 1)...(layout.headerRows.upperBound + 1)),
                at: grid.location(start, layout.firstColumn))
        }
        var assignment = ColumnAssignment(
            kind: kind, layout: layout, title: titleBlock.title, year: titleBlock.year, sheetName: grid.sheetName,
            fileName: file, forcedSide: forcedSide, vocabulary: vocabulary)
        for (column, role) in forcedRoles { assignment.roles[column] = role }
        if !forcedRoles.isEmpty { assignment.side = Self.side(of: assignment.roles) ?? assignment.side }
        if let side = entry?.side ?? (kind.carriesAmounts ? forcedSide : nil) { assignment.side = side }
        let context = TableContext(
            grid: grid, layout: layout, titleBlock: titleBlock, kind: kind, assignment: assignment,
            vocabulary: vocabulary)
        return [try context.build()]
    }

    /// The side the amount roles imply, nil when there are none.
    static func side(of roles: [Int: ColumnRole]) -> TableSide? {
        let columns = Set(roles.values.compactMap { $0.amount?.column })
        guard !columns.isEmpty else { return nil }
        let budget = columns.contains(.initialBudget) || columns.contains(.adjustedBudget)
        return budget && columns.contains(.actual) ? .both : columns.contains(.actual) ? .finalAccounts : .budget
    }
}
