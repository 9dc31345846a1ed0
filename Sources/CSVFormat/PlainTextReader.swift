public import Spreadsheet

/// Reads a whole plain-text file (a narrative report as .txt or .md) with the same encoding detection
/// and iconv decoding as the CSV reader: BOMs, UTF-8, GB18030 (GBK, GB2312), Windows-1252 as the last
/// resort — so no second module wraps iconv.
public enum PlainTextReader {
    /// The largest text file read (a report is far smaller).
    public static let maxBytes = 64 << 20

    /// The file's text and the encoding it was decoded from.
    ///
    /// - Parameter encoding: the encoding to use; nil detects it.
    /// - Throws: `SpreadsheetError` (`.cannotOpen`, `.ioFailure`, `.invalidEncoding` with the byte offset,
    ///   `.other` when the file is larger than `maxBytes`).
    public static func read(
        path: String, displayName: String? = nil, encoding: TextEncoding? = nil
    ) throws(SpreadsheetError) -> (text: String, encoding: TextEncoding) {
        let name = displayName ?? fileName(of: path)
        let file = try InputFile(path: path, displayName: name)
        var bytes: [UInt8] = []
        while try file.read(upTo: 1 << 20, into: &bytes) > 0 {
            if bytes.count > maxBytes {
                throw SpreadsheetError(
                    .other(zh: "文本文件超过 \(maxBytes >> 20) MiB，不像一份报告：请检查文件。",
                           en: "the text file is larger than \(maxBytes >> 20) MiB, too large for a report: check the file."),
                    at: InputLocation(file: name))
            }
        }
        return try decode(bytes: bytes, name: name, encoding: encoding)
    }

    /// Decodes text held in memory; `name` names errors.
    public static func decode(
        bytes: [UInt8], name: String, encoding: TextEncoding? = nil
    ) throws(SpreadsheetError) -> (text: String, encoding: TextEncoding) {
        let (utf8, found) = try bytes.withUnsafeBufferPointer { (raw) throws(SpreadsheetError) -> ([UInt8], TextEncoding) in
            do throws(IconvConverter.Failure) {
                if let encoding { return (try EncodingDetection.decodeToUTF8(raw, as: encoding), encoding) }
                let (detected, text) = try EncodingDetection.detectAndDecode(raw)
                return (text, detected)
            } catch {
                let announced = encoding ?? EncodingDetection.encodingFromBOM(raw) ?? .utf16LE
                throw CSVReader.encodingError(error, encoding: announced, name: name)
            }
        }
        var text = String(decoding: utf8, as: UTF8.self)
        if text.hasPrefix("\u{feff}") { text.removeFirst() }
        return (text, found)
    }
}
