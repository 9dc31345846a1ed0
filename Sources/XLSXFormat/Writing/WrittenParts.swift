import Spreadsheet

/// The small fixed parts of a package, worded as Excel writes them: content types, relationships,
/// `xl/workbook.xml` and the document properties.
enum PackageParts {
    /// The XML declaration Excel puts on every part, with its CR LF.
    static let declaration: StaticString = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\r\n"

    /// What the workbook part needs to know about one sheet.
    struct SheetEntry {
        var name: String
        var state: Sheet.State
        var repeatRows: ClosedRange<Int>?
        var printColumns: ClosedRange<Int>? = nil
        /// Rows the print area spans (the used rows), so it reads `$A$1:$I$40` as Excel and openpyxl expect.
        var printRows: Int = 1
    }

    static func contentTypes(sheetCount: Int, hasSharedStrings: Bool) -> [UInt8] {
        let out = XMLOutputBuffer(capacity: 2048)
        out.ascii(declaration)
        out.ascii("<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">")
        out.ascii("<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>")
        out.ascii("<Default Extension=\"xml\" ContentType=\"application/xml\"/>")
        out.ascii("<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>")
        for i in 0..<sheetCount {
            out.ascii("<Override PartName=\"/xl/worksheets/sheet")
            out.int(i + 1)
            out.ascii(".xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>")
        }
        out.ascii("<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>")
        if hasSharedStrings {
            out.ascii("<Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml\"/>")
        }
        out.ascii("<Override PartName=\"/docProps/core.xml\" ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>")
        out.ascii("<Override PartName=\"/docProps/app.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.extended-properties+xml\"/>")
        out.ascii("</Types>")
        return out.takeBytes()
    }

    static func rootRelationships() -> [UInt8] {
        let out = XMLOutputBuffer(capacity: 1024)
        out.ascii(declaration)
        out.ascii("<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">")
        out.ascii("<Relationship Id=\"rId3\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties\" Target=\"docProps/app.xml\"/>")
        out.ascii("<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties\" Target=\"docProps/core.xml\"/>")
        out.ascii("<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/>")
        out.ascii("</Relationships>")
        return out.takeBytes()
    }

    /// Sheets are `rId1…rIdN`, then styles and shared strings.
    static func workbookRelationships(sheetCount: Int, hasSharedStrings: Bool) -> [UInt8] {
        let out = XMLOutputBuffer(capacity: 2048)
        out.ascii(declaration)
        out.ascii("<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">")
        for i in 0..<sheetCount {
            out.ascii("<Relationship Id=\"rId")
            out.int(i + 1)
            out.ascii("\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet")
            out.int(i + 1)
            out.ascii(".xml\"/>")
        }
        out.ascii("<Relationship Id=\"rId")
        out.int(sheetCount + 1)
        out.ascii("\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>")
        if hasSharedStrings {
            out.ascii("<Relationship Id=\"rId")
            out.int(sheetCount + 2)
            out.ascii("\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings\" Target=\"sharedStrings.xml\"/>")
        }
        out.ascii("</Relationships>")
        return out.takeBytes()
    }

    /// `xl/workbook.xml`: sheet list, the active tab (the first visible sheet), print titles and
    /// `fullCalcOnLoad` so Excel recomputes formulas whose cached values we wrote.
    static func workbook(sheets: [SheetEntry], date1904: Bool) -> [UInt8] {
        let out = XMLOutputBuffer(capacity: 4096)
        out.ascii(declaration)
        out.ascii("<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">")
        out.ascii("<fileVersion appName=\"xl\" lastEdited=\"4\" lowestEdited=\"4\" rupBuild=\"4505\"/>")
        out.ascii(date1904 ? "<workbookPr date1904=\"1\"/>" : "<workbookPr/>")
        out.ascii("<bookViews><workbookView xWindow=\"240\" yWindow=\"15\" windowWidth=\"16095\" windowHeight=\"9660\"")
        let active = sheets.firstIndex { $0.state == .visible } ?? 0
        if active > 0 {
            out.ascii(" firstSheet=\"")
            out.int(active)
            out.ascii("\" activeTab=\"")
            out.int(active)
            out.byte(UInt8(ascii: "\""))
        }
        out.ascii("/></bookViews><sheets>")
        for (i, sheet) in sheets.enumerated() {
            out.ascii("<sheet name=\"")
            out.escapedAttribute(sheet.name)
            out.ascii("\" sheetId=\"")
            out.int(i + 1)
            switch sheet.state {
            case .visible: out.byte(UInt8(ascii: "\""))
            case .hidden: out.ascii("\" state=\"hidden\"")
            case .veryHidden: out.ascii("\" state=\"veryHidden\"")
            }
            out.ascii(" r:id=\"rId")
            out.int(i + 1)
            out.ascii("\"/>")
        }
        out.ascii("</sheets>")
        let titled = sheets.enumerated().filter { $0.element.repeatRows != nil || $0.element.printColumns != nil }
        if !titled.isEmpty {
            out.ascii("<definedNames>")
            // Excel lists Print_Area before Print_Titles.
            for (i, sheet) in titled {
                guard let columns = sheet.printColumns else { continue }
                out.ascii("<definedName name=\"_xlnm.Print_Area\" localSheetId=\"")
                out.int(i)
                out.ascii("\">")
                out.escapedText(quotedSheetName(sheet.name))
                out.escapedText("!$" + CellAddress.columnName(columns.lowerBound) + "$1:$"
                    + CellAddress.columnName(columns.upperBound) + "$" + String(sheet.printRows))
                out.ascii("</definedName>")
            }
            for (i, sheet) in titled {
                guard let rows = sheet.repeatRows else { continue }
                out.ascii("<definedName name=\"_xlnm.Print_Titles\" localSheetId=\"")
                out.int(i)
                out.ascii("\">")
                // 'Sheet''s name'!$1:$4 — quoting is always valid; apostrophes double.
                out.escapedText(quotedSheetName(sheet.name))
                out.ascii("!$")
                out.int(rows.lowerBound + 1)
                out.ascii(":$")
                out.int(rows.upperBound + 1)
                out.ascii("</definedName>")
            }
            out.ascii("</definedNames>")
        }
        out.ascii("<calcPr calcId=\"124519\" fullCalcOnLoad=\"1\"/></workbook>")
        return out.takeBytes()
    }

    static func quotedSheetName(_ name: String) -> String {
        var quoted = "'"
        for ch in name.unicodeScalars {
            if ch == "'" { quoted += "''" } else { quoted.unicodeScalars.append(ch) }
        }
        return quoted + "'"
    }
}
