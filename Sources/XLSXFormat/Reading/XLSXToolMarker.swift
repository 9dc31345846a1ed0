/// The marker this tool writes into the `docProps/app.xml` of its report workbooks — forms, 对照表, 汇总
/// (`<Application>BudgetEval Report</Application>`) — and the check that finds it, so `forms` and `batch` can
/// skip the workbooks they wrote themselves when those lie among their inputs. A workbook `convert` writes is
/// the user's data in another format and carries no marker (`XLSXWriteOptions.report` sets it).
public enum XLSXToolMarker {
    /// The `<Application>` text of the tool's report workbooks.
    public static let application = "BudgetEval Report"

    /// True when `path` is an XLSX package whose `docProps/app.xml` names this tool as its application.
    /// Never throws: a file that cannot be opened, or has no such part, is simply not the tool's output.
    public static func isToolOutput(path: String, limits: ReadLimits = ReadLimits()) -> Bool {
        let name = String(path.split(separator: "/").last ?? Substring(path))
        guard (try? FileSniffing.sniff(path: path, displayName: name)) == .zip,
            let package = try? ZipPackage(path: path, displayName: name, limits: limits),
            package.contains("docProps/app.xml"),
            let bytes = try? package.readAll("docProps/app.xml")
        else { return false }
        return isToolOutput(appProperties: bytes)
    }

    /// Whether the bytes of a `docProps/app.xml` carry the marker.
    static func isToolOutput(appProperties bytes: [UInt8]) -> Bool {
        let needle = Array("<Application>\(application)</Application>".utf8)
        guard bytes.count >= needle.count else { return false }
        for start in 0...(bytes.count - needle.count) where bytes[start] == needle[0] {
            if bytes[start..<(start + needle.count)].elementsEqual(needle) { return true }
        }
        return false
    }
}
