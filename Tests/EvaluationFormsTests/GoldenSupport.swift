import Foundation
import Spreadsheet
import Testing
import TestSupport

/// Golden files under `Golden/`: compared byte for byte; `RECORD_SNAPSHOTS=1` rewrites them and fails
/// the run so a recording never passes silently.
enum Golden {
    static func url(_ name: String, file: StaticString = #filePath) -> URL {
        URL(fileURLWithPath: "\(file)").deletingLastPathComponent().appendingPathComponent("Golden")
            .appendingPathComponent(name)
    }

    static func check(_ text: String, named name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let url = url(name)
        if ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1" {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
            Issue.record("recorded \(name); run again without RECORD_SNAPSHOTS=1", sourceLocation: sourceLocation)
            return
        }
        let expected = try String(contentsOf: url, encoding: .utf8)
        if expected != text {
            let a = expected.split(separator: "\n", omittingEmptySubsequences: false)
            let b = text.split(separator: "\n", omittingEmptySubsequences: false)
            let line = (0..<min(a.count, b.count)).first { a[$0] != b[$0] } ?? min(a.count, b.count)
            Issue.record(
                "\(name) differs at line \(line + 1):\n- \(line < a.count ? String(a[line]) : "<end>")\n+ \(line < b.count ? String(b[line]) : "<end>")\n(RECORD_SNAPSHOTS=1 re-records)",
                sourceLocation: sourceLocation)
        }
    }

    /// The text dump with styles, plus each sheet's widths, heights, frozen pane and print setup.
    static func dump(_ workbook: Workbook) -> String {
        var out = TextDump.dump(workbook, styles: true)
        for sheet in workbook.sheets {
            let layout = sheet.layout
            out += "# layout \"\(sheet.name)\"\n"
            out += "widths " + layout.columnWidths.keys.sorted().map { "\(CellAddress.columnName($0))=\(layout.columnWidths[$0]!)" }
                .joined(separator: " ") + "\n"
            if !layout.rowHeights.isEmpty {
                out += "heights " + layout.rowHeights.keys.sorted().map { "\($0 + 1)=\(layout.rowHeights[$0]!)" }
                    .joined(separator: " ") + "\n"
            }
            if let frozen = layout.frozenAt { out += "frozen \(frozen)\n" }
            let p = layout.print
            out += "print a4=\(p.a4) \(p.orientation.rawValue) fitToWidth=\(p.fitToWidth)"
                + (p.repeatRows.map { " repeat=\($0.lowerBound + 1)-\($0.upperBound + 1)" } ?? "") + "\n"
        }
        return out
    }
}
