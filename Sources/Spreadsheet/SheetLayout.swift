/// Page and grid layout of a sheet that a writer reproduces: widths, heights, frozen panes, printing.
public struct SheetLayout: Hashable, Sendable {
    /// Column widths in Excel character units, by zero-based column.
    public var columnWidths: [Int: Double]
    /// Row heights in points, by zero-based row (rows may also carry their own `height`).
    public var rowHeights: [Int: Double]
    /// The first unfrozen cell (e.g. `A5` freezes rows 1–4), or nil.
    public var frozenAt: CellAddress?
    public var print: PrintSetup

    public init(columnWidths: [Int: Double] = [:], rowHeights: [Int: Double] = [:], frozenAt: CellAddress? = nil,
                print: PrintSetup = PrintSetup()) {
        self.columnWidths = columnWidths
        self.rowHeights = rowHeights
        self.frozenAt = frozenAt
        self.print = print
    }

    /// How the sheet prints.
    public struct PrintSetup: Hashable, Sendable {
        public enum Orientation: String, Hashable, Sendable { case portrait, landscape }
        /// A4 when true (Excel paper size 9); the writer's default otherwise.
        public var a4: Bool
        public var orientation: Orientation
        /// Scale to one page wide (any number of pages tall).
        public var fitToWidth: Bool
        /// Rows repeated at the top of each printed page (zero-based, inclusive), e.g. `0...3`.
        public var repeatRows: ClosedRange<Int>?
        /// Margins in inches: left, right, top, bottom.
        public var margins: (left: Double, right: Double, top: Double, bottom: Double)
        public var centerHorizontally: Bool
        /// The columns that print (zero-based, inclusive), e.g. `0...8` keeps an explanatory column J off the
        /// page; nil prints every used column.
        public var printColumns: ClosedRange<Int>? = nil
        /// Manual page breaks: each zero-based row here starts a new printed page.
        public var rowBreaks: [Int] = []

        public init(a4: Bool = false, orientation: Orientation = .portrait, fitToWidth: Bool = false,
                    repeatRows: ClosedRange<Int>? = nil,
                    margins: (left: Double, right: Double, top: Double, bottom: Double) = (0.7, 0.7, 0.75, 0.75),
                    centerHorizontally: Bool = false) {
            self.a4 = a4
            self.orientation = orientation
            self.fitToWidth = fitToWidth
            self.repeatRows = repeatRows
            self.margins = margins
            self.centerHorizontally = centerHorizontally
        }

        public static func == (a: PrintSetup, b: PrintSetup) -> Bool {
            a.a4 == b.a4 && a.orientation == b.orientation && a.fitToWidth == b.fitToWidth
                && a.repeatRows == b.repeatRows && a.centerHorizontally == b.centerHorizontally
                && a.margins.left == b.margins.left && a.margins.right == b.margins.right
                && a.margins.top == b.margins.top && a.margins.bottom == b.margins.bottom
                && a.printColumns == b.printColumns && a.rowBreaks == b.rowBreaks
        }

        public func hash(into h: inout Hasher) {
            h.combine(a4); h.combine(orientation); h.combine(fitToWidth); h.combine(repeatRows)
            h.combine(centerHorizontally); h.combine(printColumns); h.combine(rowBreaks)
            h.combine(margins.left); h.combine(margins.right); h.combine(margins.top); h.combine(margins.bottom)
        }
    }
}
