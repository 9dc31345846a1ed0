import Spreadsheet

/// Decodes a file to UTF-8 chunk by chunk, for `CSVReader.forEachRow`.
///
/// A byte-order mark (or BOM-less UTF-16) is recognised in the first chunk. Otherwise the encoding is
/// chosen at the first chunk that holds a byte above 0x7F: until then the text is pure ASCII, which
/// reads the same in every encoding we detect, so a big GBK file whose first megabytes are codes and
/// figures is still recognised. Error offsets count from the start of the file.
final class StreamingDecoder {
    private(set) var encoding: TextEncoding?
    private var converter: IconvConverter?
    /// File offset of the first byte given to `converter`.
    private var converterBase = 0
    /// File offset of the next chunk.
    private var offset = 0
    private let name: String

    init(forced: TextEncoding?, name: String) {
        encoding = forced
        self.name = name
    }

    /// Appends the UTF-8 text of `chunk`, the next bytes of the file, to `text`; `final` marks the last.
    func decode(_ chunk: UnsafeBufferPointer<UInt8>, final: Bool, into text: inout [UInt8]) throws(SpreadsheetError) {
        defer { offset += chunk.count }
        if encoding == nil && offset == 0 {
            encoding = EncodingDetection.encodingFromBOM(chunk) ?? EncodingDetection.guessUTF16WithoutBOM(chunk)
        }
        if encoding == nil {
            if !final && !chunk.contains(where: { $0 >= 0x80 }) {
                text.append(contentsOf: chunk)
                return
            }
            encoding = EncodingDetection.detect(chunk, complete: final)
        }
        let encoding = self.encoding ?? .utf8
        var body = chunk
        if converter == nil {
            let bom = offset == 0 ? EncodingDetection.bomLength(chunk, for: encoding) : 0
            body = UnsafeBufferPointer(rebasing: chunk[bom...])
            converterBase = offset + bom
            do {
                converter = try IconvConverter(from: EncodingDetection.iconvName(encoding), to: "UTF-8",
                                               latin1Fallback: encoding == .windows1252)
            } catch {
                throw CSVReader.encodingError(error, encoding: encoding, name: name)
            }
        }
        do {
            try converter?.convert(body, into: &text, final: final)
        } catch {
            switch error {
            case .invalidSequence(let o):
                throw CSVReader.encodingError(.invalidSequence(offset: o + converterBase), encoding: encoding, name: name)
            case .truncatedSequence(let o):
                throw CSVReader.encodingError(.truncatedSequence(offset: o + converterBase), encoding: encoding, name: name)
            case .unsupported:
                throw CSVReader.encodingError(error, encoding: encoding, name: name)
            }
        }
    }
}
