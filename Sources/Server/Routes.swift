import Foundation
import Hummingbird
import Pipeline

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The page and the JSON API (docs/API.md) on a Hummingbird router.
struct Routes: Sendable {
    let store: JobStore
    let configuration: ServerConfiguration
    let allowedHosts: Set<String>
    /// The port actually bound (0 until the server runs, when `port` was 0).
    let boundPort: Locked<Int>

    func router() -> Router<BasicRequestContext> {
        let router = Router(context: BasicRequestContext.self)
        router.add(middleware: Guard(routes: self))
        router.get("/") { request, _ in self.page(request) }
        router.post("/api/jobs") { request, _ in try await self.upload(request) }
        router.get("/api/jobs/{id}") { request, context in try await self.status(request, context) }
        router.delete("/api/jobs/{id}") { request, context in try await self.delete(request, context) }
        router.get("/api/jobs/{id}/preview") { request, context in try await self.preview(request, context) }
        router.get("/api/jobs/{id}/files/**") { request, context in try await self.file(request, context) }
        return router
    }

    // MARK: - checks on every request

    /// Host and Origin against the bound address, then the token; errors as `{"error": …}`.
    struct Guard: RouterMiddleware {
        typealias Context = BasicRequestContext
        let routes: Routes

        func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
            let english = Routes.english(request)
            if !routes.hostAllowed(request.head.authority) { return Routes.error(.badHost, english) }
            if let origin = request.headers[.origin], !routes.originAllowed(origin) { return Routes.error(.badOrigin, english) }
            if let token = routes.configuration.token {
                // The page and a download link (a plain <a href>) carry ?token=; every other call the header.
                let path = request.uri.path
                let header = request.headers[.authorization] ?? ""
                var given = header.hasPrefix("Bearer ") ? String(header.dropFirst(7)).trimmingCharacters(in: .whitespaces) : nil
                if given == nil, request.method == .get, path == "/" || Routes.isFilePath(path) {
                    given = queryValue(request, "token")
                }
                guard let given, Routes.constantTimeEqual(given, token) else { return Routes.error(.unauthorized, english) }
            }
            do {
                return try await next(request, context)
            } catch let error as ServerError {
                return Routes.error(error, english)
            } catch let error as HTTPError where error.status == .notFound {
                return Routes.error(.routeNotFound, english)
            } catch let error as HTTPError {
                return Routes.error(ServerError(status: error.status, code: "http", zh: "请求有误（\(error.status.code)）。", en: "bad request (\(error.status.code))."), english)
            }
        }
    }

    func hostAllowed(_ authority: String?) -> Bool {
        guard let authority, let (host, port) = Self.split(authority: authority) else { return false }
        guard allowedHosts.contains(host) else { return false }
        if let port { return port == boundPort.get() }
        return true
    }

    func originAllowed(_ origin: String) -> Bool {
        guard origin.lowercased().hasPrefix("http://") else { return false }
        return hostAllowed(String(origin.dropFirst("http://".count)))
    }

    /// `host[:port]` or `[v6][:port]`, lower-cased, brackets removed.
    static func split(authority: String) -> (String, Int?)? {
        let text = authority.lowercased()
        if text.hasPrefix("[") {
            guard let close = text.firstIndex(of: "]") else { return nil }
            let host = String(text[text.index(after: text.startIndex)..<close])
            let rest = text[text.index(after: close)...]
            if rest.isEmpty { return (host, nil) }
            guard rest.hasPrefix(":"), let port = Int(rest.dropFirst()) else { return nil }
            return (host, port)
        }
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        if parts.count == 1 { return (text, nil) }
        guard parts.count == 2, let port = Int(parts[1]) else { return nil }
        return (String(parts[0]), port)
    }

    static func constantTimeEqual(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        var difference = UInt8(x.count == y.count ? 0 : 1)
        for index in 0..<max(x.count, y.count) {
            difference |= (index < x.count ? x[index] : 0) ^ (index < y.count ? y[index] : 0)
        }
        return difference == 0
    }

    static func english(_ request: Request) -> Bool { queryValue(request, "lang") == "en" }

    /// `/api/jobs/{id}/files/…`.
    static func isFilePath(_ path: String) -> Bool {
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        return parts.count >= 6 && parts[1] == "api" && parts[2] == "jobs" && parts[4] == "files"
    }

    static func error(_ error: ServerError, _ english: Bool) -> Response {
        json(error.json(english), status: error.status)
    }

    static func json(_ text: String, status: HTTPResponse.Status = .ok) -> Response {
        Response(
            status: status, headers: [.contentType: "application/json; charset=utf-8", .cacheControl: "no-store"],
            body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
    }

    // MARK: - routes

    func page(_ request: Request) -> Response {
        Response(
            status: .ok,
            headers: [
                .contentType: "text/html; charset=utf-8", .cacheControl: "no-store",
                .contentSecurityPolicy: "default-src 'self'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src 'self' blob: data:",
                .init("X-Frame-Options")!: "DENY", .init("Referrer-Policy")!: "no-referrer",
            ],
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: EmbeddedData.file(named: "index.html") ?? Data())))
    }

    /// `POST /api/jobs`: the parts named `files`, streamed into a new private folder.
    func upload(_ request: Request) async throws -> Response {
        let english = Self.english(request)
        if let length = request.headers[.contentLength].flatMap({ Int($0) }), length > configuration.maxUploadBytes {
            throw ServerError.tooLarge(configuration.maxUploadBytes / (1024 * 1024))
        }
        guard let contentType = request.headers[.contentType], let boundary = MultipartParser.boundary(contentType: contentType) else {
            throw ServerError.badRequest(
                "上传须为 multipart/form-data，文件字段名为 files。", "the upload must be multipart/form-data with parts named files.")
        }
        let folder = try store.makeFolder()
        var receiver = UploadReceiver(input: folder.appendingPathComponent("in"), configuration: configuration)
        do {
            var parser = MultipartParser(boundary: boundary)
            var total = 0
            for try await buffer in request.body {
                total += buffer.readableBytes
                if total > configuration.maxUploadBytes { throw ServerError.tooLarge(configuration.maxUploadBytes / (1024 * 1024)) }
                try parser.feed(buffer.readableBytesView) { event in try receiver.handle(event) }
            }
            guard parser.isFinished else {
                throw ServerError.badRequest("上传内容不完整（multipart 未结束）。", "the upload is incomplete (the multipart body did not end).")
            }
            try receiver.finish()
        } catch let error as MultipartParser.Failure {
            receiver.abandon()
            try? FileManager.default.removeItem(at: folder)
            if case .malformed(let detail) = error {
                throw ServerError.badRequest("上传内容格式有误（\(detail)）。", "the upload is malformed (\(detail)).")
            }
            throw error
        } catch {
            receiver.abandon()
            try? FileManager.default.removeItem(at: folder)
            throw error
        }
        let id = await store.submit(folder: folder, english: english)
        return Self.json(JSONText.object([("id", .string(id))]).rendered, status: .created)
    }

    /// `GET /api/jobs/{id}`.
    func status(_ request: Request, _ context: BasicRequestContext) async throws -> Response {
        let job = try await job(context)
        let (status, departments, error, downloads) = await store.snapshot(job)
        let progress = await store.progress(job)
        let ungrouped = await store.ungrouped(job)
        let prefix = "/api/jobs/\(job.id)/files/"
        let summaries = [BatchRunner.summaryWorkbookName, BatchRunner.summaryJSONName].filter(downloads.contains).map {
            ($0, JSONText.string(prefix + JobRunner.percentEncoded($0)))
        }
        let document = JSONText.object([
            ("id", .string(job.id)),
            ("status", .string(status.rawValue)),
            ("progress", .object([("done", .number(progress.done)), ("total", .number(progress.total))])),
            ("error", error.map { .object([("message", .string($0))]) } ?? .null),
            ("departments", departments.map { .raw($0) } ?? .array([])),
            ("ungrouped", .array(ungrouped.map { .object([("name", .string($0.name)), ("reason", .string($0.reason))]) })),
            ("downloads", .object(summaries)),
        ])
        return Self.json(document.rendered)
    }

    /// `DELETE /api/jobs/{id}`.
    func delete(_ request: Request, _ context: BasicRequestContext) async throws -> Response {
        guard let id = context.parameters.get("id"), await store.delete(id) else { throw ServerError.notFound }
        return Response(status: .noContent)
    }

    /// `GET /api/jobs/{id}/files/{path}`: only a file the job's batch wrote, looked up by name, never opened by it.
    func file(_ request: Request, _ context: BasicRequestContext) async throws -> Response {
        let job = try await job(context)
        var components: [String] = []
        for raw in context.parameters.getCatchAll() {
            guard let decoded = String(raw).removingPercentEncoding, !decoded.isEmpty, decoded != ".", decoded != "..",
                  !decoded.contains("/"), !decoded.unicodeScalars.contains(where: { $0.value < 0x20 }) else { throw ServerError.notFound }
            components.append(decoded)
        }
        let relative = components.joined(separator: "/")
        let (_, _, _, downloads) = await store.snapshot(job)
        guard downloads.contains(relative) else { throw ServerError.notFound }
        let path = job.output.appendingPathComponent(relative).path
        let body = try await FileIO().loadFile(path: path, context: context)
        let name = components.last ?? "file"
        let ascii = String(name.unicodeScalars.map { $0.isASCII && $0 != "\"" && $0 != "\\" && $0.value >= 0x20 ? Character($0) : "_" })
        let encoded = name.addingPercentEncoding(withAllowedCharacters: .urlPathComponentAllowed) ?? ascii
        return Response(
            status: .ok,
            headers: [
                .contentType: Self.mediaType(name), .cacheControl: "no-store",
                .contentDisposition: "attachment; filename=\"\(ascii)\"; filename*=UTF-8''\(encoded)",
                .init("X-Content-Type-Options")!: "nosniff",
            ],
            body: body)
    }

    /// `GET /api/jobs/{id}/preview?file=部门/文件&sheet=&cell=`: a cited cell and its neighbours.
    func preview(_ request: Request, _ context: BasicRequestContext) async throws -> Response {
        let job = try await job(context)
        guard let file = queryValue(request, "file"), let sheet = queryValue(request, "sheet"),
              let cell = queryValue(request, "cell"), !file.isEmpty, !cell.isEmpty else {
            throw ServerError.badRequest("预览需要 file、sheet、cell 三个参数。", "a preview needs file, sheet and cell.")
        }
        let previews = await store.previews(job)
        var found: CellPreviewText?
        if let slash = file.firstIndex(of: "/") {
            let key = JobManifest.previewKey(
                department: String(file[..<slash]), file: String(file[file.index(after: slash)...]), sheet: sheet, cell: cell)
            found = previews[key].map(CellPreviewText.init)
        }
        if found == nil {
            // A plain file name, when only one department has a file of that name.
            let matches = previews.filter { $0.key.hasSuffix("\u{1F}" + [file, sheet, cell.uppercased()].joined(separator: "\u{1F}")) }
            if matches.count == 1 { found = matches.first.map { CellPreviewText($0.value) } }
        }
        guard let found else { throw ServerError.noPreview }
        return Self.json(found.json)
    }

    private func job(_ context: BasicRequestContext) async throws -> JobStore.Job {
        guard let id = context.parameters.get("id"), let job = await store.job(id) else { throw ServerError.notFound }
        return job
    }

    static func mediaType(_ name: String) -> String {
        switch (name as NSString).pathExtension.lowercased() {
        case "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        case "json": "application/json; charset=utf-8"
        case "txt": "text/plain; charset=utf-8"
        case "csv": "text/csv; charset=utf-8"
        default: "application/octet-stream"
        }
    }
}


/// A preview as the API's JSON: `{"file", "sheet", "cell", "firstRow", "firstColumn", "rows": [[text…]…]}`.
struct CellPreviewText {
    var json: String
    init(_ preview: CellPreview) {
        json = JSONText.object([
            ("file", .string(preview.file)), ("sheet", .string(preview.sheet)), ("cell", .string(preview.cell)),
            ("firstRow", .number(preview.firstRow)), ("firstColumn", .number(preview.firstColumn)),
            ("rows", .array(preview.rows.map { row in .array(row.map { .string($0) }) })),
        ]).rendered
    }
}

/// The query's parameters as a form encodes them (`+` is a space, then percent-decoding), first value wins.
func queryValue(_ request: Request, _ name: String) -> String? {
    guard let query = request.uri.query else { return nil }
    for pair in query.split(separator: "&") {
        let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
        let key = String(parts[0]).replacingOccurrences(of: "+", with: " ").removingPercentEncoding
        guard key == name else { continue }
        let value = parts.count > 1 ? String(parts[1]) : ""
        return value.replacingOccurrences(of: "+", with: " ").removingPercentEncoding
    }
    return nil
}
