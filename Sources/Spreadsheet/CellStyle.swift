/// How a cell looks: font, alignment, borders, fill and number format.
///
/// A plain value: writers collect the distinct styles they meet into one style table.
public struct CellStyle: Hashable, Sendable {
    /// The fields live in one shared, immutable box: a `Cell` then holds a single reference instead
    /// of five fields with four strings, and copying a cell (which readers do for every cell) retains
    /// one object. Setting a property replaces the box, so `CellStyle` keeps value semantics.
    private final class Storage: Sendable {
        let font: Font
        let alignment: Alignment
        let border: Border
        let fillColor: String?
        let numberFormat: String?

        init(font: Font, alignment: Alignment, border: Border, fillColor: String?, numberFormat: String?) {
            self.font = font
            self.alignment = alignment
            self.border = border
            self.fillColor = fillColor
            self.numberFormat = numberFormat
        }
    }

    private var storage: Storage

    public var font: Font {
        get { storage.font }
        set { storage = Storage(font: newValue, alignment: alignment, border: border, fillColor: fillColor,
                                numberFormat: numberFormat) }
    }
    public var alignment: Alignment {
        get { storage.alignment }
        set { storage = Storage(font: font, alignment: newValue, border: border, fillColor: fillColor,
                                numberFormat: numberFormat) }
    }
    public var border: Border {
        get { storage.border }
        set { storage = Storage(font: font, alignment: alignment, border: newValue, fillColor: fillColor,
                                numberFormat: numberFormat) }
    }
    /// Background colour as `RRGGBB` hex, or nil for none.
    public var fillColor: String? {
        get { storage.fillColor }
        set { storage = Storage(font: font, alignment: alignment, border: border, fillColor: newValue,
                                numberFormat: numberFormat) }
    }
    /// Excel number format code, e.g. `#,##0.00`, `0.00%`, `yyyy-mm-dd`; nil is `General`.
    public var numberFormat: String? {
        get { storage.numberFormat }
        set { storage = Storage(font: font, alignment: alignment, border: border, fillColor: fillColor,
                                numberFormat: newValue) }
    }

    public init(font: Font = Font(), alignment: Alignment = Alignment(), border: Border = Border(),
                fillColor: String? = nil, numberFormat: String? = nil) {
        storage = Storage(font: font, alignment: alignment, border: border, fillColor: fillColor,
                          numberFormat: numberFormat)
    }

    public static func == (a: CellStyle, b: CellStyle) -> Bool {
        if a.storage === b.storage { return true }
        return a.numberFormat == b.numberFormat && a.font == b.font && a.alignment == b.alignment
            && a.border == b.border && a.fillColor == b.fillColor
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(font)
        hasher.combine(alignment)
        hasher.combine(border)
        hasher.combine(fillColor)
        hasher.combine(numberFormat)
    }

    /// A style that only sets a number format.
    public static func numberFormat(_ code: String) -> CellStyle { CellStyle(numberFormat: code) }

    public struct Font: Hashable, Sendable {
        /// Font name, e.g. `宋体`, `黑体`, `仿宋_GB2312`.
        public var name: String
        /// Size in points.
        public var size: Double
        public var bold: Bool
        public var italic: Bool
        /// Text colour as `RRGGBB` hex, or nil for automatic.
        public var color: String?

        public init(name: String = "宋体", size: Double = 11, bold: Bool = false, italic: Bool = false,
                    color: String? = nil) {
            self.name = name
            self.size = size
            self.bold = bold
            self.italic = italic
            self.color = color
        }
    }

    public struct Alignment: Hashable, Sendable {
        public enum Horizontal: String, Hashable, Sendable { case general, left, center, right }
        public enum Vertical: String, Hashable, Sendable { case top, center, bottom }
        public var horizontal: Horizontal
        public var vertical: Vertical
        public var wrapText: Bool

        public init(horizontal: Horizontal = .general, vertical: Vertical = .bottom, wrapText: Bool = false) {
            self.horizontal = horizontal
            self.vertical = vertical
            self.wrapText = wrapText
        }
    }

    public struct Border: Hashable, Sendable {
        public enum Line: String, Hashable, Sendable { case none, thin, medium }
        public var left: Line
        public var right: Line
        public var top: Line
        public var bottom: Line

        public init(left: Line = .none, right: Line = .none, top: Line = .none, bottom: Line = .none) {
            self.left = left
            self.right = right
            self.top = top
            self.bottom = bottom
        }

        /// The same line on all four sides.
        public static func all(_ line: Line) -> Border { Border(left: line, right: line, top: line, bottom: line) }
    }
}
