import Spreadsheet

/// `docProps/core.xml` and `docProps/app.xml`: only what the caller set, never the clock.
extension PackageParts {
    static func coreProperties(_ p: XLSXWriteOptions.DocumentProperties) -> [UInt8] {
        let out = XMLOutputBuffer(capacity: 2048)
        out.ascii(declaration)
        out.ascii("<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\" xmlns:dcmitype=\"http://purl.org/dc/dcmitype/\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">")
        if let title = p.title {
            out.ascii("<dc:title>")
            out.escapedText(title)
            out.ascii("</dc:title>")
        }
        if let subject = p.subject {
            out.ascii("<dc:subject>")
            out.escapedText(subject)
            out.ascii("</dc:subject>")
        }
        if let creator = p.creator {
            out.ascii("<dc:creator>")
            out.escapedText(creator)
            out.ascii("</dc:creator><cp:lastModifiedBy>")
            out.escapedText(creator)
            out.ascii("</cp:lastModifiedBy>")
        }
        if let created = p.created {
            let stamp = w3cdtf(created)
            out.ascii("<dcterms:created xsi:type=\"dcterms:W3CDTF\">")
            out.raw(stamp)
            out.ascii("</dcterms:created><dcterms:modified xsi:type=\"dcterms:W3CDTF\">")
            out.raw(stamp)
            out.ascii("</dcterms:modified>")
        }
        out.ascii("</cp:coreProperties>")
        return out.takeBytes()
    }

    /// `2020-12-31T08:30:00Z` (whole seconds, as Excel writes it).
    static func w3cdtf(_ t: LocalDateTime) -> String {
        var whole = t
        whole.millisecond = 0
        whole.kind = .dateTime
        return whole.iso8601 + "Z"
    }

    static func appProperties(sheetNames: [String], company: String?, application: String) -> [UInt8] {
        let out = XMLOutputBuffer(capacity: 2048)
        out.ascii(declaration)
        out.ascii("<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\" xmlns:vt=\"http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes\">")
        out.ascii("<Application>")
        out.escapedText(application)
        out.ascii("</Application><DocSecurity>0</DocSecurity><ScaleCrop>false</ScaleCrop>")
        out.ascii("<HeadingPairs><vt:vector size=\"2\" baseType=\"variant\"><vt:variant><vt:lpstr>Worksheets</vt:lpstr></vt:variant><vt:variant><vt:i4>")
        out.int(sheetNames.count)
        out.ascii("</vt:i4></vt:variant></vt:vector></HeadingPairs><TitlesOfParts><vt:vector size=\"")
        out.int(sheetNames.count)
        out.ascii("\" baseType=\"lpstr\">")
        for name in sheetNames {
            out.ascii("<vt:lpstr>")
            out.escapedText(name)
            out.ascii("</vt:lpstr>")
        }
        out.ascii("</vt:vector></TitlesOfParts>")
        if let company {
            out.ascii("<Company>")
            out.escapedText(company)
            out.ascii("</Company>")
        }
        out.ascii("<LinksUpToDate>false</LinksUpToDate><SharedDoc>false</SharedDoc><HyperlinksChanged>false</HyperlinksChanged><AppVersion>12.0000</AppVersion></Properties>")
        return out.takeBytes()
    }
}
