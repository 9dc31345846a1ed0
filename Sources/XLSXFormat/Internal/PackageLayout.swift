import Spreadsheet

/// Where a package keeps its parts: the workbook (found through `_rels/.rels`), its sheets in order
/// with their kinds, the shared strings and the styles. Tolerates what real producers write:
/// absolute targets, parts at the package root, odd case, backslashes, Strict OOXML type URIs.
struct PackageLayout {
    var sheets: [SheetInfo] = []
    var sheetParts: [String?] = []
    var date1904 = false
    var sharedStringsPart: String?
    var stylesPart: String?

    init(package: ZipPackage) throws {
        let file = package.displayName
        let workbookPart = try Self.findWorkbook(package)
        let workbook = WorkbookHandler(location: InputLocation(file: file, part: workbookPart))
        try XMLStreamParser.parse(try package.open(workbookPart), handler: workbook)
        date1904 = workbook.date1904

        var relationships: [Relationship] = []
        let relsPart = PartName.relationships(of: workbookPart)
        if package.contains(relsPart) {
            let handler = RelationshipsHandler(location: InputLocation(file: file, part: relsPart))
            try XMLStreamParser.parse(bytes: try package.readAll(relsPart), handler: handler)
            relationships = handler.relationships.filter { !$0.external }
        }
        func part(of rel: Relationship) -> String {
            PartName.resolve(rel.target, from: workbookPart)
        }
        var byID: [String: Relationship] = [:]
        for r in relationships where byID[r.id] == nil { byID[r.id] = r }

        for (i, entry) in workbook.sheets.enumerated() {
            var kind = Sheet.Kind.worksheet
            var partName: String?
            if let id = entry.relationshipID, let rel = byID[id] {
                let p = part(of: rel)
                partName = p
                if rel.kind.lowercased() == "chartsheet" || p.lowercased().contains("chartsheets/") { kind = .chartsheet }
            }
            guard let resolved = partName else {
                throw SpreadsheetError(
                    .missingPart("\(relsPart) → \(entry.relationshipID.flatMap { $0.isEmpty ? nil : $0 } ?? "r:id (空/empty)")"),
                    at: InputLocation(file: file, part: entry.name))
            }
            if kind == .worksheet, !package.contains(resolved) {
                throw SpreadsheetError(.missingPart(resolved), at: InputLocation(file: file, part: entry.name))
            }
            sheets.append(SheetInfo(index: i + 1, name: entry.name, state: entry.state, kind: kind))
            sheetParts.append(kind == .worksheet ? package.storedName(resolved) ?? resolved : nil)
        }

        let folder = PartName.folder(of: workbookPart)
        func find(_ kind: String, _ fallback: String) -> String? {
            if let rel = relationships.first(where: { $0.kind.lowercased() == kind.lowercased() }),
               package.contains(part(of: rel)) {
                return package.storedName(part(of: rel))
            }
            let guess = folder.isEmpty ? fallback : "\(folder)/\(fallback)"
            return package.storedName(guess)
        }
        sharedStringsPart = find("sharedStrings", "sharedStrings.xml")
        stylesPart = find("styles", "styles.xml")
    }

    /// `_rels/.rels`'s officeDocument target, else the usual places.
    private static func findWorkbook(_ package: ZipPackage) throws -> String {
        if package.contains("_rels/.rels") {
            let handler = RelationshipsHandler(location: InputLocation(file: package.displayName, part: "_rels/.rels"))
            try XMLStreamParser.parse(bytes: try package.readAll("_rels/.rels"), handler: handler)
            if let rel = handler.relationships.first(where: { $0.kind == "officeDocument" }) {
                let p = PartName.resolve(rel.target, from: "")
                if let stored = package.storedName(p) { return stored.replacingBackslashes() }
            }
        }
        for guess in ["xl/workbook.xml", "workbook.xml"] {
            if let stored = package.storedName(guess) { return stored.replacingBackslashes() }
        }
        if let any = package.names.first(where: { ZipPackage.normalize($0).hasSuffix("workbook.xml") }) {
            return any.replacingBackslashes()
        }
        throw SpreadsheetError(.missingPart("xl/workbook.xml"), at: InputLocation(file: package.displayName))
    }
}
