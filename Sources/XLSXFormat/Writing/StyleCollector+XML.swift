import Spreadsheet

/// `xl/styles.xml` built from the formats actually used.
extension StyleCollector {
    /// The whole styles part.
    func stylesXML() -> [UInt8] {
        let out = XMLOutputBuffer(capacity: 4096)
        out.ascii(PackageParts.declaration)
        out.ascii("<styleSheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">")
        if !customNumberFormats.isEmpty {
            out.ascii("<numFmts count=\"")
            out.int(customNumberFormats.count)
            out.ascii("\">")
            for (i, code) in customNumberFormats.enumerated() {
                out.ascii("<numFmt numFmtId=\"")
                out.int(164 + i)
                out.ascii("\" formatCode=\"")
                out.escapedAttribute(code)
                out.ascii("\"/>")
            }
            out.ascii("</numFmts>")
        }
        out.ascii("<fonts count=\"")
        out.int(fonts.count)
        out.ascii("\">")
        for font in fonts { write(font, to: out) }
        out.ascii("</fonts><fills count=\"")
        out.int(2 + fillColors.count)
        out.ascii("\"><fill><patternFill patternType=\"none\"/></fill><fill><patternFill patternType=\"gray125\"/></fill>")
        for color in fillColors {
            out.ascii("<fill><patternFill patternType=\"solid\"><fgColor rgb=\"")
            out.raw(color)
            out.ascii("\"/><bgColor indexed=\"64\"/></patternFill></fill>")
        }
        out.ascii("</fills><borders count=\"")
        out.int(borders.count)
        out.ascii("\">")
        for border in borders {
            out.ascii("<border>")
            side("left", border.left, to: out)
            side("right", border.right, to: out)
            side("top", border.top, to: out)
            side("bottom", border.bottom, to: out)
            out.ascii("<diagonal/></border>")
        }
        out.ascii("</borders><cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>")
        out.ascii("<cellXfs count=\"")
        out.int(formats.count)
        out.ascii("\">")
        for format in formats { write(format, to: out) }
        out.ascii("</cellXfs><cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles>")
        out.ascii("<dxfs count=\"0\"/><tableStyles count=\"0\" defaultTableStyle=\"TableStyleMedium9\" defaultPivotStyle=\"PivotStyleLight16\"/>")
        out.ascii("</styleSheet>")
        return out.takeBytes()
    }

    private func write(_ font: CellStyle.Font, to out: XMLOutputBuffer) {
        out.ascii("<font>")
        if font.bold { out.ascii("<b/>") }
        if font.italic { out.ascii("<i/>") }
        out.ascii("<sz val=\"")
        out.number(font.size)
        out.ascii("\"/>")
        if let color = font.color, let argb = try? Self.argb(color) {
            out.ascii("<color rgb=\"")
            out.raw(argb)
            out.ascii("\"/>")
        }
        out.ascii("<name val=\"")
        out.escapedAttribute(font.name)
        // Chinese fonts (宋体, 黑体, 仿宋_GB2312) carry the GB2312 character set, as Excel writes them.
        if font.name.utf8.contains(where: { $0 >= 0x80 }) {
            out.ascii("\"/><family val=\"3\"/><charset val=\"134\"/></font>")
        } else {
            out.ascii("\"/><family val=\"2\"/></font>")
        }
    }

    private func side(_ name: StaticString, _ line: CellStyle.Border.Line, to out: XMLOutputBuffer) {
        out.byte(UInt8(ascii: "<"))
        out.ascii(name)
        switch line {
        case .none:
            out.ascii("/>")
            return
        case .thin: out.ascii(" style=\"thin\">")
        case .medium: out.ascii(" style=\"medium\">")
        }
        out.ascii("<color indexed=\"64\"/></")
        out.ascii(name)
        out.byte(UInt8(ascii: ">"))
    }

    private func write(_ f: Format, to out: XMLOutputBuffer) {
        out.ascii("<xf numFmtId=\"")
        out.int(f.numberFormatID)
        out.ascii("\" fontId=\"")
        out.int(f.fontID)
        out.ascii("\" fillId=\"")
        out.int(f.fillID)
        out.ascii("\" borderId=\"")
        out.int(f.borderID)
        out.ascii("\" xfId=\"0\"")
        if f.numberFormatID != 0 { out.ascii(" applyNumberFormat=\"1\"") }
        if f.fontID != 0 { out.ascii(" applyFont=\"1\"") }
        if f.fillID != 0 { out.ascii(" applyFill=\"1\"") }
        if f.borderID != 0 { out.ascii(" applyBorder=\"1\"") }
        let a = f.alignment
        guard a != CellStyle.Alignment() else {
            out.ascii("/>")
            return
        }
        out.ascii(" applyAlignment=\"1\"><alignment")
        if a.horizontal != .general {
            out.ascii(" horizontal=\"")
            out.raw(a.horizontal.rawValue)
            out.byte(UInt8(ascii: "\""))
        }
        if a.vertical != .bottom {
            out.ascii(" vertical=\"")
            out.raw(a.vertical.rawValue)
            out.byte(UInt8(ascii: "\""))
        }
        if a.wrapText { out.ascii(" wrapText=\"1\"") }
        out.ascii("/></xf>")
    }
}
