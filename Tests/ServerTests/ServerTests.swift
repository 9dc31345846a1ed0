import Foundation
import Hummingbird
import HummingbirdTesting
import Pipeline
import Server
import TestSupport
import Testing

/// `budgeteval serve` in process (HummingbirdTesting's router mode), with each job in a child process of the
/// built `.build/debug/budgeteval`: what it returns equals what the command line prints and writes.
@Suite("Server")
struct ServerTests {
    static let root = Fixtures.repositoryRoot()
    static let binary = root.appendingPathComponent(".build/debug/budgeteval").path
    static let departments = ["益阳市资阳区商务局", "某县农业农村局"]

    // MARK: results equal the CLI's

    @Test func samplesGiveTheCLIsFindingsFormsComparisonAndBytes() async throws {
        let scratch = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: scratch) }
        // The CLI over the same folders.
        let input = scratch.appendingPathComponent("in")
        for department in Self.departments {
            try FileManager.default.copyItem(
                at: Self.root.appendingPathComponent("Samples/\(department)"), to: input.appendingPathComponent(department))
        }
        let batchOut = scratch.appendingPathComponent("out")
        let batch = try CLI.run(["batch", input.path, "-o", batchOut.path, "--jobs", "1", "--quiet"])
        #expect([0, 3].contains(batch.status), "\(batch.stderr)")
        let expectedFiles = try TestFolder.contents(batchOut)

        try await withServer { server, client in
            for uploaded in [[Self.departments[0]], Self.departments] {
                let id = try await upload(client, Self.sampleParts(uploaded))
                let job = try await waitForJob(client, id)
                #expect(job["status"] as? String == "done", "\(job)")
                let departments = job["departments"] as? [[String: Any]] ?? []
                #expect(departments.map { $0["name"] as? String } == uploaded.sorted(), "sorted by name, as batch sorts them")
                for department in departments {
                    let name = department["name"] as? String ?? ""
                    // Run from IN_DIR, as the job runs them, so that messages name 部门/文件 alike.
                    let folder = input.appendingPathComponent(name).path
                    let check = try CLI.json(["check", name, "--json"], in: input)
                    #expect(same(department["findings"], check["findings"]), "findings of \(name)")
                    let reconcile = try CLI.json(["reconcile", name, "--json"], in: input)
                    #expect(same(department["comparison"], reconcile), "comparison of \(name)")
                    let split = scratch.appendingPathComponent("split-\(name)")
                    let forms = try CLI.json([
                        "forms", name, "-o", scratch.appendingPathComponent("\(name).xlsx").path, "--split", split.path, "--json",
                    ], in: input)
                    #expect(same(department["forms"], forms), "forms of \(name)")
                    let files = department["files"] as? [[String: Any]] ?? []
                    let names = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
                    #expect(files.count == names.count)
                    for (file, fileName) in zip(files, names) {
                        let inspect = try CLI.json(["inspect", "\(name)/\(fileName)", "--json"], in: input)
                        #expect(same(file, inspect), "inspect of \(fileName)")
                    }
                    let group = department["group"] as? [String: Any]
                    #expect(group?["year"] as? Int == 2020)
                    #expect(group?["scope"] as? String != nil)
                    // Downloads: batch's bytes, and forms --split's per-project workbooks.
                    let downloads = department["downloads"] as? [String: String] ?? [:]
                    #expect(downloads["自评表.xlsx"] != nil && downloads["检查报告.txt"] != nil, "\(downloads.keys)")
                    for (relative, url) in downloads {
                        let bytes = try await download(client, url)
                        if relative.hasPrefix("项目/") {
                            let expected = try Data(contentsOf: split.appendingPathComponent(String(relative.dropFirst(3))))
                            #expect(bytes == expected, "\(name)/\(relative) equals forms --split")
                        } else {
                            #expect(bytes == expectedFiles["\(name)/\(relative)"], "\(name)/\(relative) equals batch")
                        }
                    }
                    #expect(downloads.keys.contains { $0.hasPrefix("项目/") }, "per-project workbooks: \(downloads.keys)")
                }
                let summaries = job["downloads"] as? [String: String] ?? [:]
                #expect(Set(summaries.keys) == ["汇总.xlsx", "汇总.json"])
                if uploaded.count == 2 {
                    for (name, url) in summaries {
                        #expect(try await download(client, url) == expectedFiles[name], "\(name) equals batch")
                    }
                }
                // A cited cell's preview: the cell and ±3 rows and columns around it.
                let cited = departments.lazy.compactMap { department -> (String, [String])? in
                    let findings = department["findings"] as? [[String: Any]] ?? []
                    guard let cell = findings.lazy.compactMap({ ($0["cells"] as? [String])?.first }).first(where: { $0.components(separatedBy: " › ").count == 3 })
                    else { return nil }
                    return (department["name"] as? String ?? "", cell.components(separatedBy: " › "))
                }.first
                if let (department, parts) = cited {
                    var components = URLComponents()
                    components.queryItems = [
                        .init(name: "file", value: "\(department)/\(parts[0])"), .init(name: "sheet", value: parts[1]),
                        .init(name: "cell", value: parts[2]),
                    ]
                    let query = components.percentEncodedQuery ?? ""
                    try await client.execute(uri: "/api/jobs/\(id)/preview?\(query)", method: .get) { response in
                        #expect(response.status == .ok, "\(String(buffer: response.body))")
                        let preview = try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any]
                        #expect(preview?["cell"] as? String == parts[2])
                        let rows = preview?["rows"] as? [[String]] ?? []
                        #expect((4...7).contains(rows.count))
                        #expect((4...7).contains(rows.first?.count ?? 0))
                        // The cited cell sits at its offset from the zero-based origin.
                        let first = (preview?["firstRow"] as? Int ?? -1, preview?["firstColumn"] as? Int ?? -1)
                        #expect(first.0 >= 0 && first.1 >= 0)
                    }
                } else {
                    Issue.record("no cited cell among the findings")
                }
                try await client.execute(uri: "/api/jobs/\(id)", method: .delete) { #expect($0.status == .noContent) }
                try await client.execute(uri: "/api/jobs/\(id)", method: .get) { #expect($0.status == .notFound) }
            }
            _ = server
        }
    }

    @Test func looseFilesAreGroupedAsBatchGroupsThem() async throws {
        let department = Self.departments[1]
        let folder = Self.root.appendingPathComponent("Samples/\(department)")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        let parts = try names.map { ($0, try Data(contentsOf: folder.appendingPathComponent($0))) }
            + [("无单位.csv", Data("项目,金额\n甲,1\n乙,2\n".utf8))]
        try await withServer { _, client in
            let id = try await upload(client, parts)
            let job = try await waitForJob(client, id)
            #expect(job["status"] as? String == "done", "\(job)")
            let departments = job["departments"] as? [[String: Any]] ?? []
            #expect(departments.map { $0["name"] as? String } == [department])
            #expect(((job["ungrouped"] as? [[String: Any]]) ?? []).map { $0["name"] as? String } == ["无单位.csv"])
            let check = try CLI.json(["check"] + names + ["--json"], in: folder)
            #expect(same(departments.first?["findings"], check["findings"]), "the loose files' findings are check's")
        }
    }

    // MARK: safety

    @Test func oversizeAndTooManyFilesAre413AndLeaveNothing() async throws {
        try await withServer(maxUploadMB: 1, maxFiles: 2) { server, client in
            let big = Data(repeating: 0x41, count: 1_200_000)
            try await client.execute(uri: "/api/jobs", method: .post, headers: Self.multipartHeaders, body: Self.multipart([("部门A/big.csv", big)])) {
                #expect($0.status == .contentTooLarge)
                #expect(Self.errorCode($0) == "too_large")
            }
            let small = Data("a,b\n1,2\n".utf8)
            let three = [("部门A/1.csv", small), ("部门A/2.csv", small), ("部门A/3.csv", small)]
            try await client.execute(uri: "/api/jobs", method: .post, headers: Self.multipartHeaders, body: Self.multipart(three)) {
                #expect($0.status == .contentTooLarge)
                #expect(Self.errorCode($0) == "too_many_files")
            }
            #expect(try FileManager.default.contentsOfDirectory(atPath: server.jobsFolder).isEmpty, "refused uploads leave no folder")
        }
    }

    @Test func traversalAbsoluteAndNULNamesAreRefused() async throws {
        try await withServer { server, client in
            let body = Data("a,b\n1,2\n".utf8)
            for name in ["../evil.csv", "部门A/../../evil.csv", "/tmp/evil.csv", "C:\\evil.csv", "..\\evil.csv", "a\u{0}b.csv", "部门A//x.csv", "./x.csv"] {
                try await client.execute(uri: "/api/jobs?lang=en", method: .post, headers: Self.multipartHeaders, body: Self.multipart([(name, body)])) {
                    #expect($0.status == .badRequest, "\(name)")
                    #expect(Self.errorCode($0) == "bad_file_name", "\(name): \(String(buffer: $0.body))")
                }
            }
            #expect(!FileManager.default.fileExists(atPath: "/tmp/evil.csv"))
            #expect(try FileManager.default.contentsOfDirectory(atPath: server.jobsFolder).isEmpty)
            // A file URL that climbs out of the job is just unknown.
            let id = try await upload(client, Self.sampleParts([Self.departments[1]]))
            for path in ["..%2F..%2Fin%2F某县农业农村局%2F2020年决算.xlsx", "../../in/x", "%2Fetc%2Fpasswd", "某县农业农村局%2F..%2F..%2Frequest.json"] {
                try await client.execute(uri: "/api/jobs/\(id)/files/\(path)", method: .get) {
                    #expect($0.status == .notFound, "\(path)")
                }
            }
            _ = try await waitForJob(client, id)
        }
    }

    @Test func unknownDeletedAndExpiredIdsAre404() async throws {
        try await withServer(lifetime: .seconds(2)) { server, client in
            for uri in ["/api/jobs/0123456789abcdef0123456789abcdef", "/api/jobs/x/files/汇总.json", "/api/jobs/nope/preview?file=a&sheet=b&cell=A1"] {
                try await client.execute(uri: uri, method: .get) {
                    #expect($0.status == .notFound)
                    #expect(Self.errorCode($0) == "not_found")
                }
            }
            try await client.execute(uri: "/api/jobs/0123?lang=en", method: .get) {
                #expect(Self.errorMessage($0)?.hasPrefix("no such job") == true)
            }
            try await client.execute(uri: "/api/jobs/0123", method: .get) {
                #expect(Self.errorMessage($0)?.hasPrefix("没有这个任务") == true)
            }
            try await client.execute(uri: "/api/jobs/0123", method: .delete) { #expect($0.status == .notFound) }
            // A running job deleted: its children stop, its folder goes, its id is unknown.
            let running = try await upload(client, Self.sampleParts(Self.departments))
            try await Task.sleep(for: .milliseconds(300))
            try await client.execute(uri: "/api/jobs/\(running)", method: .delete) { #expect($0.status == .noContent) }
            try await client.execute(uri: "/api/jobs/\(running)", method: .get) { #expect($0.status == .notFound) }
            try await Task.sleep(for: .milliseconds(500))
            #expect(try FileManager.default.contentsOfDirectory(atPath: server.jobsFolder).isEmpty, "a deleted job's files are gone")
            let id = try await upload(client, Self.sampleParts([Self.departments[1]]))
            #expect(id.count == 32 && id.allSatisfy(\.isHexDigit), "a 128-bit id: \(id)")
            try await Task.sleep(for: .seconds(2.5))
            try await client.execute(uri: "/api/jobs/\(id)", method: .get) { #expect($0.status == .notFound, "expired") }
            await server.sweep()
            #expect(try FileManager.default.contentsOfDirectory(atPath: server.jobsFolder).isEmpty, "expired job's files deleted")
        }
    }

    @Test func aTokenIsRequiredWhenSet() async throws {
        let token = "0123456789abcdef0123456789abcdef"
        try await withServer(token: token) { _, client in
            try await client.execute(uri: "/api/jobs/abc", method: .get) {
                #expect($0.status == .unauthorized)
                #expect(Self.errorCode($0) == "unauthorized")
            }
            try await client.execute(uri: "/api/jobs/abc", method: .get, headers: [.authorization: "Bearer wrong"]) {
                #expect($0.status == .unauthorized)
            }
            try await client.execute(uri: "/api/jobs", method: .post, headers: Self.multipartHeaders, body: Self.multipart([("a.csv", Data("x".utf8))])) {
                #expect($0.status == .unauthorized)
            }
            try await client.execute(uri: "/api/jobs/abc", method: .get, headers: [.authorization: "Bearer \(token)"]) {
                #expect($0.status == .notFound)
            }
            try await client.execute(uri: "/", method: .get) { #expect($0.status == .unauthorized) }
            try await client.execute(uri: "/?token=\(token)", method: .get) {
                #expect($0.status == .ok)
                #expect(String(buffer: $0.body).contains("BudgetEval"))
            }
            // A download link carries ?token= (a plain <a href> sends no header); an API call may not.
            try await client.execute(uri: "/api/jobs/abc/files/x.txt?token=\(token)", method: .get) { #expect($0.status == .notFound) }
            try await client.execute(uri: "/api/jobs/abc/files/x.txt?token=wrong", method: .get) { #expect($0.status == .unauthorized) }
            try await client.execute(uri: "/api/jobs/abc?token=\(token)", method: .get) { #expect($0.status == .unauthorized) }
        }
    }

    @Test func hostAndOriginMustBeTheBoundAddress() async throws {
        // Bound to another address, a request for Host localhost is refused (DNS rebinding).
        try await withServer(host: "192.0.2.10", token: "0123456789abcdef0123456789abcdef") { _, client in
            try await client.execute(uri: "/", method: .get) {
                #expect($0.status == .forbidden)
                #expect(Self.errorCode($0) == "forbidden_host")
            }
        }
        try await withServer { _, client in
            try await client.execute(uri: "/", method: .get) { #expect($0.status == .ok) }
            try await client.execute(uri: "/api/jobs/abc", method: .get, headers: [.origin: "http://evil.example"]) {
                #expect($0.status == .forbidden)
                #expect(Self.errorCode($0) == "forbidden_origin")
            }
            try await client.execute(uri: "/api/jobs/abc", method: .get, headers: [.origin: "http://localhost:8080"]) {
                #expect($0.status == .notFound)
            }
        }
    }

    @Test func aHostileFileGetsTheCLIsRefusalAndTheServerStaysUp() async throws {
        let hostile = Self.root.appendingPathComponent("Tests/HostileTests/Fixtures/hostile_xxe_url.xlsx")
        try await withServer { _, client in
            let id = try await upload(client, [("坏部门/预算.xlsx", try Data(contentsOf: hostile))])
            let job = try await waitForJob(client, id)
            #expect(job["status"] as? String == "done", "\(job)")
            let department = (job["departments"] as? [[String: Any]])?.first
            #expect(department?["status"] as? String == "failed")
            let scratch = try Fixtures.temporaryDirectory()
            defer { try? FileManager.default.removeItem(at: scratch) }
            let folder = scratch.appendingPathComponent("坏部门")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: hostile, to: folder.appendingPathComponent("预算.xlsx"))
            let cli = try CLI.run(["check", "坏部门", "--json"], in: scratch)
            #expect(cli.status == 1)
            let message = ((department?["error"] as? [String: Any])?["message"] as? String) ?? ""
            #expect(!message.isEmpty && message == cli.stderr.trimmingCharacters(in: .newlines), "\(message) vs \(cli.stderr)")
            // Still serving.
            let next = try await upload(client, Self.sampleParts([Self.departments[1]]))
            #expect(try await waitForJob(client, next)["status"] as? String == "done")
        }
    }

    @Test func aTrappingDepartmentFailsItsJobAndTheServerStaysUp() async throws {
        try await withServer(environment: ["BUDGETEVAL_TEST_TRAP": "某县农业农村局"]) { _, client in
            let id = try await upload(client, Self.sampleParts(Self.departments))
            let job = try await waitForJob(client, id)
            #expect(job["status"] as? String == "failed")
            let error = (job["error"] as? [String: Any])?["message"] as? String ?? ""
            #expect(error.contains("某县农业农村局") && error.contains("内部错误"), "\(error)")
            let departments = job["departments"] as? [[String: Any]] ?? []
            #expect(departments.first { $0["name"] as? String == "益阳市资阳区商务局" }?["status"] as? String == "ok")
            let next = try await upload(client, Self.sampleParts([Self.departments[0]]))
            #expect(try await waitForJob(client, next)["status"] as? String == "done", "the server still runs jobs")
        }
    }

    // MARK: helpers

    static let boundary = "----budgeteval-test-boundary"
    static let multipartHeaders: HTTPFields = [.contentType: "multipart/form-data; boundary=\(boundary)"]

    static func multipart(_ parts: [(String, Data)]) -> ByteBuffer {
        var data = Data()
        for (name, bytes) in parts {
            let escaped = name.replacingOccurrences(of: "\"", with: "%22")
            data += Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"files\"; filename=\"\(escaped)\"\r\nContent-Type: application/octet-stream\r\n\r\n".utf8)
            data += bytes
            data += Data("\r\n".utf8)
        }
        data += Data("--\(boundary)--\r\n".utf8)
        return ByteBuffer(bytes: data)
    }

    static func sampleParts(_ departments: [String]) throws -> [(String, Data)] {
        try departments.flatMap { department in
            let folder = root.appendingPathComponent("Samples/\(department)")
            return try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted().map {
                ("\(department)/\($0)", try Data(contentsOf: folder.appendingPathComponent($0)))
            }
        }
    }

    static func errorObject(_ response: TestResponse) -> [String: Any]? {
        let object = try? JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any]
        return object?["error"] as? [String: Any]
    }
    static func errorCode(_ response: TestResponse) -> String? { errorObject(response)?["code"] as? String }
    static func errorMessage(_ response: TestResponse) -> String? { errorObject(response)?["message"] as? String }
}

/// Runs `body` against a server of the built binary, then shuts it down (every job's files deleted).
func withServer(
    host: String = "127.0.0.1", token: String? = nil, maxUploadMB: Int = 200, maxFiles: Int = 500,
    lifetime: Duration = .seconds(3600), environment: [String: String] = [:],
    _ body: @escaping @Sendable (BudgetEvalServer, any TestClientProtocol) async throws -> Void
) async throws {
    guard FileManager.default.isExecutableFile(atPath: ServerTests.binary) else {
        Issue.record("build the binary first: swift build")
        return
    }
    let temporary = try Fixtures.temporaryDirectory("budgeteval-serve-test")
    defer { try? FileManager.default.removeItem(at: temporary) }
    let server = try BudgetEvalServer(ServerConfiguration(
        host: host, port: 8080, token: token, maxUploadMB: maxUploadMB, maxFiles: maxFiles, jobs: 2,
        executable: ServerTests.binary, temporaryDirectory: temporary.path, jobLifetime: lifetime, childEnvironment: environment))
    do {
        try await server.application().test(.router) { client in try await body(server, client) }
    } catch {
        await server.shutdown()
        throw error
    }
    await server.shutdown()
    #expect(!FileManager.default.fileExists(atPath: server.jobsFolder), "shutdown deletes every job")
}

func upload(_ client: any TestClientProtocol, _ parts: [(String, Data)]) async throws -> String {
    try await client.execute(uri: "/api/jobs", method: .post, headers: ServerTests.multipartHeaders, body: ServerTests.multipart(parts)) { response in
        #expect(response.status == .created, "\(String(buffer: response.body))")
        let object = try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any]
        return object?["id"] as? String ?? ""
    }
}

func waitForJob(_ client: any TestClientProtocol, _ id: String) async throws -> [String: Any] {
    let deadline = ContinuousClock.now + .seconds(300)
    while ContinuousClock.now < deadline {
        let job = try await client.execute(uri: "/api/jobs/\(id)", method: .get) { response in
            #expect(response.status == .ok, "\(String(buffer: response.body))")
            return try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any] ?? [:]
        }
        if let status = job["status"] as? String, status == "done" || status == "failed" { return job }
        try await Task.sleep(for: .milliseconds(200))
    }
    Issue.record("job \(id) did not finish")
    return [:]
}

func download(_ client: any TestClientProtocol, _ url: String) async throws -> Data {
    try await client.execute(uri: url, method: .get) { response in
        #expect(response.status == .ok, "\(url)")
        #expect(response.headers[.contentDisposition]?.contains("filename*=UTF-8''") == true)
        return Data(buffer: response.body)
    }
}

/// Structural JSON equality (key order aside).
func same(_ a: Any?, _ b: Any?) -> Bool {
    guard let a, let b else { return a == nil && b == nil }
    func canonical(_ value: Any) -> Data? { try? JSONSerialization.data(withJSONObject: [value], options: [.sortedKeys]) }
    return canonical(a) != nil && canonical(a) == canonical(b)
}

/// The built binary, run as the command line is, without the test-only trap trigger.
enum CLI {
    static func run(_ arguments: [String], in directory: URL? = nil) throws -> Run {
        try Run.budgeteval(arguments, environment: ["BUDGETEVAL_TEST_TRAP": nil], in: directory)
    }

    static func json(_ arguments: [String], in directory: URL? = nil) throws -> [String: Any] {
        let output = try run(arguments, in: directory)
        #expect([0, 3].contains(output.status), "\(arguments): \(output.stderr)")
        return try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any] ?? [:]
    }
}
