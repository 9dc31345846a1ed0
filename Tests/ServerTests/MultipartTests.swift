import Foundation
@testable import Server
import Testing

/// The streaming multipart parser gives the same parts whatever the chunk sizes, and keeps its buffers bounded.
@Suite("Multipart parser and upload names")
struct MultipartTests {
    static let body = Array((
        "preamble\r\n--XyZ\r\nContent-Disposition: form-data; name=\"files\"; filename=\"部门A/预算.csv\"\r\n"
        + "Content-Type: text/csv\r\n\r\na,b\r\n--Xy\r\n1,2\r\n--XyZ\r\n"
        + "Content-Disposition: form-data; name=\"files\"; filename*=UTF-8''%E5%86%B3%E7%AE%97.xlsx\r\n\r\n"
        + "\r\n\r\n--XyZ--\r\nepilogue").utf8)

    static func parse(_ bytes: [UInt8], chunk: Int) throws -> [(String?, [UInt8])] {
        var parser = MultipartParser(boundary: "XyZ")
        var parts: [(String?, [UInt8])] = []
        var index = 0
        while index < bytes.count {
            let end = min(bytes.count, index + chunk)
            try parser.feed(bytes[index..<end]) { event in
                switch event {
                case .headers(let headers):
                    parts.append((headers.first { $0.0 == "content-disposition" }.flatMap { ContentDisposition($0.1).filename }, []))
                case .body(let slice): parts[parts.count - 1].1 += slice
                case .partEnd: break
                }
            }
            index = end
        }
        #expect(parser.isFinished)
        return parts
    }

    @Test func everyChunkSizeGivesTheSameParts() throws {
        for chunk in 1...Self.body.count {
            let parts = try Self.parse(Self.body, chunk: chunk)
            #expect(parts.map(\.0) == ["部门A/预算.csv", "决算.xlsx"], "chunk \(chunk)")
            #expect(parts.map { String(decoding: $0.1, as: UTF8.self) } == ["a,b\r\n--Xy\r\n1,2", "\r\n"], "chunk \(chunk)")
        }
    }

    @Test func endlessHeadersAndBadBoundariesAreRefused() throws {
        var parser = MultipartParser(boundary: "b", maxHeaderBytes: 1024)
        let endless = Array(("--b\r\n" + String(repeating: "X-A: 1\r\n", count: 400)).utf8)
        #expect(throws: MultipartParser.Failure.self) { try parser.feed(endless) { _ in } }
        #expect(MultipartParser.boundary(contentType: "multipart/form-data; boundary=") == nil)
        #expect(MultipartParser.boundary(contentType: "multipart/form-data") == nil)
        #expect(MultipartParser.boundary(contentType: "text/plain; boundary=abc") == nil)
        #expect(MultipartParser.boundary(contentType: "multipart/form-data; boundary=\"a b\"") == nil)
        #expect(MultipartParser.boundary(contentType: "multipart/form-data; boundary=----x1") == "----x1")
    }

    @Test func namesAreCheckedComponentByComponent() {
        #expect(UploadName.check("部门A/2020年决算.xlsx") == .accepted(UploadName(components: ["部门A", "2020年决算.xlsx"])))
        #expect(UploadName.check("部门A\\sub\\x.csv") == .accepted(UploadName(components: ["部门A", "sub", "x.csv"])))
        #expect(UploadName.check("部门A/.DS_Store") == .skipped)
        #expect(UploadName.check("~$预算.xlsx") == .skipped)
        for bad in ["../x", "a/../../x", "/etc/passwd", "\\\\server\\share\\x", "C:\\x.xlsx", "c:x", "a\u{0}.xlsx", "a\n.xlsx", "a//b", "./a", "a/.", "", String(repeating: "a/", count: 9) + "x"] {
            if case .refused = UploadName.check(bad) {} else { Issue.record("accepted \(bad.debugDescription)") }
        }
        #expect(ContentDisposition(#"form-data; name="files"; filename="a\"b.csv""#).filename == "a\"b.csv")
        #expect(ContentDisposition(#"form-data; name="files"; filename="..\x.csv""#).filename == "..\\x.csv")
    }
}
