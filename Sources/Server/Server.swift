import Foundation
import Hummingbird
import Pipeline

/// Server — `budgeteval serve`: a local web page and its JSON API (docs/API.md), one more view of Pipeline.
///
/// Every job runs in a child process of the binary (`budgeteval serve-job`, which runs the same batch as
/// `budgeteval batch`), so a trap ends that job and never the server, and no pipeline work runs in this
/// process. It must never turn a client-supplied string into a path unchecked, never serve a file it did not
/// list, and never answer a request whose Host, Origin or token is wrong.
public struct BudgetEvalServer: Sendable {
    public let configuration: ServerConfiguration
    let store: JobStore
    let routes: Routes

    public init(_ configuration: ServerConfiguration) throws {
        self.configuration = configuration
        store = try JobStore(configuration: configuration)
        routes = Routes(
            store: store, configuration: configuration, allowedHosts: configuration.allowedHostNames(),
            boundPort: Locked(configuration.port))
    }

    /// The Hummingbird application; `onRunning` gets the port it listens on.
    public func application(onRunning: @escaping @Sendable (Int) -> Void = { _ in }) -> some ApplicationProtocol {
        let boundPort = routes.boundPort
        return Application(
            router: routes.router(),
            configuration: ApplicationConfiguration(address: .hostname(configuration.host, port: configuration.port), serverName: nil),
            onServerRunning: { channel in
                let port = channel.localAddress?.port ?? 0
                boundPort.set(port)
                onRunning(port)
            })
    }

    /// Deletes the jobs older than the lifetime (the serve loop calls it each minute).
    public func sweep() async { await store.sweep() }

    /// Stops every job and deletes every job's files.
    public func shutdown() async { await store.shutdown() }

    /// The folder that holds every job (0700).
    public var jobsFolder: String { store.root.path }

    /// The URL to open: the bound address (a wildcard shows this machine's address) and `?token=`.
    public func url(port: Int) -> String {
        var host = configuration.host
        if host == "0.0.0.0" || host == "::" {
            host = ServerConfiguration.localAddresses().filter { !$0.contains(":") && !$0.hasPrefix("127.") }.sorted().first ?? "127.0.0.1"
        }
        if host.contains(":"), !host.hasPrefix("[") { host = "[\(host)]" }
        let token = configuration.token.map { "?token=\($0)" } ?? ""
        return "http://\(host):\(port)/\(token)"
    }
}

extension BudgetEvalServer {
    /// `budgeteval serve`: binds, prints the URL, serves until SIGINT or SIGTERM, then deletes every job.
    /// Binding anything but loopback requires a token: one is generated when none is given, and a
    /// one-line warning is printed.
    public static func serve(_ given: ServerConfiguration, language: Language) -> CommandOutcome {
        var configuration = given
        let english = language == .en
        var stderr: [String] = []
        if !configuration.isLoopback {
            if configuration.token == nil { configuration.token = ServerConfiguration.randomHex() }
            let warning = english
                ? "warning: listening on \(configuration.host), not loopback: anyone on the network who has the URL with its token can upload files and read the results."
                : "警告：监听地址 \(configuration.host) 不是本机回环地址，网络上任何拿到含令牌网址的人都能上传文件、查看结果。"
            FileHandle.standardError.write(Data((warning + "\n").utf8))
        }
        let server: BudgetEvalServer
        do {
            server = try BudgetEvalServer(configuration)
        } catch {
            return CommandOutcome(stderr: ["\(error)"], exitCode: 1)
        }
        let finished = DispatchSemaphore(value: 0)
        let failure = Locked<String?>(nil)
        Task {
            let sweeper = Task {
                while !Task.isCancelled {
                    try? await Task.sleep(for: .seconds(60))
                    await server.sweep()
                }
            }
            let app = server.application { port in
                let url = server.url(port: port)
                let line = english
                    ? "BudgetEval is serving at \(url)\nOpen it in a browser; press Ctrl-C to stop (every job and its files are deleted then).\n"
                    : "BudgetEval 服务已启动：\(url)\n请在浏览器中打开该网址；按 Ctrl-C 停止（停止时删除所有任务及其文件）。\n"
                FileHandle.standardOutput.write(Data(line.utf8))
            }
            do {
                try await app.runService()
            } catch {
                failure.set("\(error)")
            }
            sweeper.cancel()
            await server.shutdown()
            finished.signal()
        }
        finished.wait()
        if let message = failure.get() {
            stderr.append(english ? "cannot serve on \(configuration.host):\(configuration.port): \(message)" : "无法在 \(configuration.host):\(configuration.port) 上提供服务：\(message)")
            return CommandOutcome(stderr: stderr, exitCode: 1)
        }
        return CommandOutcome(stderr: stderr)
    }
}
