/// A streaming `multipart/form-data` parser (RFC 7578), just what the upload route needs: it is fed the
/// body chunk by chunk as it arrives and hands each part's headers, then its bytes, to the caller, so an
/// upload is never held in memory. Every buffer it keeps is bounded: a part's header block is at most
/// `maxHeaderBytes`, and body bytes are passed on as soon as they cannot be the start of a boundary.
///
/// Written here rather than taken from multipart-kit: that parser grows header names and values without
/// a bound, traps (`precondition`) on an empty boundary, and would add a package for ~150 lines.
struct MultipartParser {
    enum Event {
        /// A part begins: its raw header lines (name, value), in order.
        case headers([(String, String)])
        /// Bytes of the current part's body.
        case body(ArraySlice<UInt8>)
        /// The current part ended.
        case partEnd
    }

    enum Failure: Error, Equatable {
        case malformed(String)
    }

    private enum State { case preamble, headers, body, done }

    private let delimiter: [UInt8]  // "\r\n--" + boundary
    private var state = State.preamble
    private var pending: [UInt8] = []
    let maxHeaderBytes: Int

    /// The boundary from a `Content-Type: multipart/form-data; boundary=…` value; nil when missing or invalid.
    static func boundary(contentType: String) -> String? {
        let parts = contentType.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
        guard let kind = parts.first, kind.lowercased() == "multipart/form-data" else { return nil }
        for part in parts.dropFirst() {
            let pair = part.split(separator: "=", maxSplits: 1).map(String.init)
            guard pair.count == 2, pair[0].lowercased() == "boundary" else { continue }
            var value = pair[1]
            if value.hasPrefix("\""), value.hasSuffix("\""), value.count >= 2 { value = String(value.dropFirst().dropLast()) }
            guard (1...70).contains(value.utf8.count), value.utf8.allSatisfy({ $0 > 0x20 && $0 < 0x7F }) else { return nil }
            return value
        }
        return nil
    }

    init(boundary: String, maxHeaderBytes: Int = 16 * 1024) {
        // The first delimiter may open the body without a CRLF before it; `pending` starts with one so
        // that every delimiter looks the same.
        delimiter = Array("\r\n--\(boundary)".utf8)
        pending = [13, 10]
        self.maxHeaderBytes = maxHeaderBytes
    }

    var isFinished: Bool { state == .done }

    /// Feeds the next chunk; `emit` gets the events it completes.
    mutating func feed(_ chunk: some Sequence<UInt8>, _ emit: (Event) throws -> Void) throws {
        pending.append(contentsOf: chunk)
        var start = 0
        defer { pending.removeFirst(start) }
        while start < pending.count {
            switch state {
            case .done:
                start = pending.count  // the epilogue is ignored
            case .preamble:
                guard let found = find(delimiter, from: start) else {
                    // A preamble is allowed, but not an endless one.
                    if pending.count > 64 * 1024 { throw Failure.malformed("no boundary") }
                    return
                }
                guard let after = try afterDelimiter(found + delimiter.count) else {
                    start = found
                    return
                }
                if after.final { state = .done; start = pending.count; return }
                start = after.next
                state = .headers
            case .headers:
                guard let end = find([13, 10, 13, 10], from: start) else {
                    if pending.count - start > maxHeaderBytes { throw Failure.malformed("part headers too long") }
                    // A part with no header at all starts with CRLF straight away.
                    if pending.count - start >= 2, pending[start] == 13, pending[start + 1] == 10 {
                        try emit(.headers([]))
                        start += 2
                        state = .body
                        continue
                    }
                    return
                }
                if end - start > maxHeaderBytes { throw Failure.malformed("part headers too long") }
                var headers: [(String, String)] = []
                for line in pending[start..<end].split(separator: 10, omittingEmptySubsequences: true) {
                    let text = String(decoding: line.last == 13 ? line.dropLast() : line, as: UTF8.self)
                    guard let colon = text.firstIndex(of: ":") else { throw Failure.malformed("bad header line") }
                    headers.append((
                        text[..<colon].trimmingCharacters(in: .whitespaces).lowercased(),
                        text[text.index(after: colon)...].trimmingCharacters(in: .whitespaces)))
                }
                try emit(.headers(headers))
                start = end + 4
                state = .body
            case .body:
                if let found = find(delimiter, from: start) {
                    guard let after = try afterDelimiter(found + delimiter.count) else {
                        if found > start { try emit(.body(pending[start..<found])) }
                        start = found
                        return
                    }
                    if found > start { try emit(.body(pending[start..<found])) }
                    try emit(.partEnd)
                    start = after.next
                    state = after.final ? .done : .headers
                } else {
                    // Everything but a tail that could begin the delimiter is body.
                    let safe = max(start, pending.count - delimiter.count + 1)
                    if safe > start { try emit(.body(pending[start..<safe])) }
                    start = safe
                    return
                }
            }
        }
    }

    /// After a delimiter: `--` (the last one) or optional whitespace then CRLF. Nil when more bytes are needed.
    private func afterDelimiter(_ index: Int) throws -> (next: Int, final: Bool)? {
        guard index + 2 <= pending.count else { return nil }
        if pending[index] == 45, pending[index + 1] == 45 { return (index + 2, true) }
        var i = index
        while i < pending.count, pending[i] == 32 || pending[i] == 9 { i += 1 }
        guard i + 2 <= pending.count else { return nil }
        guard pending[i] == 13, pending[i + 1] == 10 else { throw Failure.malformed("bad delimiter line") }
        return (i + 2, false)
    }

    private func find(_ needle: [UInt8], from start: Int) -> Int? {
        guard let first = needle.first, pending.count - start >= needle.count else { return nil }
        var i = start
        let last = pending.count - needle.count
        while i <= last {
            if pending[i] == first {
                var j = 1
                while j < needle.count, pending[i + j] == needle[j] { j += 1 }
                if j == needle.count { return i }
            }
            i += 1
        }
        return nil
    }
}

/// The parameters of a part's `Content-Disposition: form-data; name="files"; filename="…"` header.
struct ContentDisposition {
    var name: String?
    var filename: String?

    /// Parses the value; `filename*=UTF-8''…` (RFC 5987) wins over `filename="…"`.
    init(_ value: String) {
        var extended: String?
        var index = value.startIndex
        // Skip the disposition type.
        while index < value.endIndex, value[index] != ";" { index = value.index(after: index) }
        while index < value.endIndex {
            index = value.index(after: index)  // past ';'
            while index < value.endIndex, value[index] == " " || value[index] == "\t" { index = value.index(after: index) }
            var key = ""
            while index < value.endIndex, value[index] != "=", value[index] != ";" {
                key.append(value[index])
                index = value.index(after: index)
            }
            var parameter = ""
            if index < value.endIndex, value[index] == "=" {
                index = value.index(after: index)
                if index < value.endIndex, value[index] == "\"" {
                    index = value.index(after: index)
                    while index < value.endIndex, value[index] != "\"" {
                        // `\"` is a quote; any other backslash is kept (a Windows path separator, checked later).
                        if value[index] == "\\", value.index(after: index) < value.endIndex, value[value.index(after: index)] == "\"" {
                            index = value.index(after: index)
                        }
                        parameter.append(value[index])
                        index = value.index(after: index)
                    }
                    if index < value.endIndex { index = value.index(after: index) }
                    while index < value.endIndex, value[index] != ";" { index = value.index(after: index) }
                } else {
                    while index < value.endIndex, value[index] != ";" {
                        parameter.append(value[index])
                        index = value.index(after: index)
                    }
                    parameter = parameter.trimmingCharacters(in: .whitespaces)
                }
            }
            switch key.trimmingCharacters(in: .whitespaces).lowercased() {
            case "name": name = parameter
            case "filename": filename = parameter
            case "filename*":
                let pieces = parameter.split(separator: "'", maxSplits: 2, omittingEmptySubsequences: false)
                if pieces.count == 3, pieces[0].lowercased() == "utf-8" {
                    extended = String(pieces[2]).removingPercentEncoding
                }
            default: break
            }
        }
        if let extended { filename = extended }
    }
}

import Foundation
