import Testing
import Spreadsheet

/// `CellStyle` keeps its fields in a shared box: these check that it still behaves as a plain value.
@Suite struct CellStyleTests {
    @Test func settingAPropertyChangesOnlyThatCopy() {
        let original = CellStyle(font: CellStyle.Font(name: "黑体", bold: true), numberFormat: "#,##0.00")
        var copy = original
        copy.font.bold = false
        copy.numberFormat = "0.00%"
        copy.border = .all(.thin)
        #expect(original.font.bold)
        #expect(original.numberFormat == "#,##0.00")
        #expect(original.border == CellStyle.Border())
        #expect(copy.font.name == "黑体")
        #expect(!copy.font.bold)
        #expect(copy.numberFormat == "0.00%")
        #expect(copy.border == .all(.thin))
    }

    @Test func equalFieldsMakeEqualStylesWithEqualHashes() {
        let a = CellStyle(alignment: CellStyle.Alignment(horizontal: .center), fillColor: "FFEEDD", numberFormat: "0")
        var b = CellStyle(numberFormat: "0")
        #expect(a != b)
        b.alignment.horizontal = .center
        b.fillColor = "FFEEDD"
        #expect(a == b)
        #expect(a.hashValue == b.hashValue)
        #expect(Set([a, b, .numberFormat("0")]).count == 2)
    }

    /// A cell holds one reference for its style, not the style's fields (readers copy every cell).
    @Test func aStyleIsOneReferenceWide() {
        #expect(MemoryLayout<CellStyle>.size == MemoryLayout<AnyObject>.size)
        #expect(MemoryLayout<CellStyle?>.size == MemoryLayout<AnyObject>.size)
    }
}
