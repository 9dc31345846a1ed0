import Foundation
import Spreadsheet
import Testing
import TestSupport
@testable import XLSXFormat

/// Where the reference lives (outside the suite: its own `@Suite` trait cannot refer to the suite).
private enum ExcelReference {
    static let path = Fixtures.repositoryRoot().deletingLastPathComponent()
        .appendingPathComponent("shared/corpus/xlsx/xlsxwriter-shared_strings01.xlsx").path
    static var exists: Bool { FileManager.default.fileExists(atPath: path) }
}

/// Our parts against files Excel itself saved (../shared/corpus/xlsx/xlsxwriter-*.xlsx, read in
/// place, never copied): same content types and relationship types, and the children of each root
/// element in the order Excel writes them.
@Suite(.enabled(if: ExcelReference.exists, "../shared/corpus/xlsx/xlsxwriter-shared_strings01.xlsx not found"))
struct ReferenceTests {
    /// The Excel-saved reference with shared strings (the suite runs only when it exists).
    static func reference() throws -> ZipEntries {
        try ZipEntries(path: ExcelReference.path)
    }

    /// Names of the root element's children, in document order (one element per line, normalised).
    static func children(_ xml: String) -> [String] {
        var names: [String] = []
        var depth = 0
        let bytes = Array(xml.utf8)
        var i = 0
        while i < bytes.count {
            guard bytes[i] == UInt8(ascii: "<"), i + 1 < bytes.count else { i += 1; continue }
            let next = bytes[i + 1]
            if next == UInt8(ascii: "?") || next == UInt8(ascii: "!") { i += 2; continue }
            if next == UInt8(ascii: "/") { depth -= 1; i += 2; continue }
            var j = i + 1
            while j < bytes.count, !" />\r\n\t".utf8.contains(bytes[j]) { j += 1 }
            let name = String(decoding: bytes[(i + 1)..<j], as: UTF8.self)
            if depth == 1 { names.append(name) }
            var k = j
            while k < bytes.count, bytes[k] != UInt8(ascii: ">") { k += 1 }
            if bytes[k - 1] != UInt8(ascii: "/") { depth += 1 }
            i = k + 1
        }
        return names
    }

    /// Whether the elements both lists share come in the same relative order.
    static func sameOrder(_ ours: [String], _ excel: [String]) -> Bool {
        let shared = Set(ours).intersection(excel)
        func firstSeen(_ list: [String]) -> [String] {
            var seen = Set<String>()
            return list.filter { shared.contains($0) && seen.insert($0).inserted }
        }
        return firstSeen(ours) == firstSeen(excel)
    }

    /// `attribute="value"` pairs of every `element` in `xml`, as `key → value`.
    static func pairs(_ xml: String, element: String, key: String, value: String) -> [String: String] {
        var out: [String: String] = [:]
        for tag in xml.components(separatedBy: "<\(element) ").dropFirst() {
            func attribute(_ name: String) -> String? {
                guard let r = tag.range(of: " \(name)=\"") ?? (tag.hasPrefix("\(name)=\"") ? tag.range(of: "\(name)=\"") : nil)
                else { return nil }
                return String(tag[r.upperBound...].prefix { $0 != "\"" })
            }
            if let k = attribute(key), let v = attribute(value) { out[k] = v }
        }
        return out
    }

    @Test func contentTypesAndRelationshipsMatchExcel() throws {
        let excel = try Self.reference()
        let ours = try ZipEntries(path: try Samples.write(Samples.form()))
        let ourTypes = Self.pairs(try #require(ours.text("[Content_Types].xml")), element: "Override", key: "PartName", value: "ContentType")
        let excelTypes = Self.pairs(try #require(excel.text("[Content_Types].xml")), element: "Override", key: "PartName", value: "ContentType")
        #expect(ourTypes.count == 6)
        for (part, type) in ourTypes {
            #expect(excelTypes[part] == type, "\(part)")
        }
        for rels in ["_rels/.rels", "xl/_rels/workbook.xml.rels"] {
            let ourRels = Self.pairs(try #require(ours.text(rels)), element: "Relationship", key: "Target", value: "Type")
            let excelRels = Self.pairs(try #require(excel.text(rels)), element: "Relationship", key: "Target", value: "Type")
            for (target, type) in ourRels {
                #expect(excelRels[target] == type, "\(rels) \(target)")
            }
        }
    }

    @Test(arguments: ["xl/workbook.xml", "xl/styles.xml", "xl/worksheets/sheet1.xml", "xl/sharedStrings.xml",
                      "docProps/app.xml", "docProps/core.xml"])
    func partsKeepExcelsElementOrder(part: String) throws {
        let excel = try Self.reference()
        var options = XLSXWriteOptions()
        options.documentProperties = .init(title: "t", creator: "c", company: "co", created: LocalDateTime(year: 2020, month: 1, day: 1))
        let ours = try ZipEntries(path: try Samples.write(Samples.form(), options: options))
        let mine = Self.children(try #require(ours.text(part)))
        let theirs = Self.children(try #require(excel.text(part)))
        #expect(!mine.isEmpty)
        #expect(Self.sameOrder(mine, theirs), "\(part): ours \(mine), Excel \(theirs)")
        // The XML declaration is byte-for-byte Excel's, CR LF included.
        #expect(ours.data[part]?.prefix(58) == excel.data[part]?.prefix(58))
    }
}
