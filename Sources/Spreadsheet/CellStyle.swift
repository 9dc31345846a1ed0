/// How a cell looks: font, alignment, borders, fill and number format.
///
/// A plain value: writers collect the distinct styles they meet into one style table.
public struct CellStyle: Hashable, Sendable {
    public var font: Font
    public var alignment: Alignment
    public var border: Border
    /// Background colour as `RRGGBB` hex, or nil for none.
    public var fillColor: String?
    /// Excel number format code, e.g. `#,##0.00`, `0.00%`, `yyyy-mm-dd`; nil is `General`.
    public var numberFormat: String?

    public init(font: Font = Font(), alignment: Alignment = Alignment(), border: Border = Border(),
                fillColor: String? = nil, numberFormat: String? = nil) {
        self.font = font
        self.alignment = alignment
        self.border = border
        self.fillColor = fillColor
        self.numberFormat = numberFormat
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
