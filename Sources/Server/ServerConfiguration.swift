import Foundation

/// How `budgeteval serve` runs: where it listens, who may call it, how much it accepts.
public struct ServerConfiguration: Sendable {
    public var host: String
    /// 0 picks a free port (the URL printed names it).
    public var port: Int
    /// Required from every API call as `Authorization: Bearer …` (and from the page as `?token=`) when set.
    public var token: String?
    public var maxUploadBytes: Int
    public var maxFiles: Int
    /// Jobs run at once; the rest queue.
    public var jobs: Int
    /// The `budgeteval` binary each job's child process runs.
    public var executable: String
    /// Where jobs keep their files; a private folder (0700) made inside it, removed at shutdown.
    public var temporaryDirectory: String
    /// How long a job and its files are kept.
    public var jobLifetime: Duration
    /// Extra environment for the child processes (tests: `BUDGETEVAL_TEST_TRAP`).
    public var childEnvironment: [String: String]

    public init(
        host: String = "127.0.0.1", port: Int = 8080, token: String? = nil, maxUploadMB: Int = 200, maxFiles: Int = 500,
        jobs: Int = 1, executable: String, temporaryDirectory: String = NSTemporaryDirectory(),
        jobLifetime: Duration = .seconds(3600), childEnvironment: [String: String] = [:]
    ) {
        self.host = host
        self.port = port
        self.token = token
        self.maxUploadBytes = max(1, maxUploadMB) * 1024 * 1024
        self.maxFiles = max(1, maxFiles)
        self.jobs = max(1, jobs)
        self.executable = executable
        self.temporaryDirectory = temporaryDirectory
        self.jobLifetime = jobLifetime
        self.childEnvironment = childEnvironment
    }

    /// 127.0.0.0/8, ::1 and localhost.
    public var isLoopback: Bool { Self.isLoopback(host) }

    static func isLoopback(_ host: String) -> Bool {
        let bare = host.trimmingCharacters(in: CharacterSet(charactersIn: "[]")).lowercased()
        return bare == "localhost" || bare == "::1" || bare.hasPrefix("127.")
    }

    /// The host names a request's `Host` (and `Origin`) may carry: the bound address, and for loopback
    /// or a wildcard address the loopback names and (wildcard) this machine's own addresses and name.
    func allowedHostNames() -> Set<String> {
        let bare = host.trimmingCharacters(in: CharacterSet(charactersIn: "[]")).lowercased()
        var names: Set<String> = [bare]
        if isLoopback || bare == "0.0.0.0" || bare == "::" {
            names.formUnion(["localhost", "127.0.0.1", "::1"])
        }
        if bare == "0.0.0.0" || bare == "::" {
            names.formUnion(Self.localAddresses())
            var buffer = [CChar](repeating: 0, count: 256)
            if gethostname(&buffer, buffer.count) == 0 {
                let name = String(cString: buffer).lowercased()
                names.insert(name)
                names.insert(name + ".local")
            }
        }
        return names
    }

    /// Every address of this machine's interfaces.
    static func localAddresses() -> Set<String> {
        var result: Set<String> = []
        var list: UnsafeMutablePointer<ifaddrs>?
        guard getifaddrs(&list) == 0, let first = list else { return result }
        defer { freeifaddrs(list) }
        var cursor: UnsafeMutablePointer<ifaddrs>? = first
        while let entry = cursor {
            if let address = entry.pointee.ifa_addr {
                let family = Int32(address.pointee.sa_family)
                if family == AF_INET || family == AF_INET6 {
                    var buffer = [CChar](repeating: 0, count: Int(NI_MAXHOST))
                    let length = socklen_t(family == AF_INET ? MemoryLayout<sockaddr_in>.size : MemoryLayout<sockaddr_in6>.size)
                    if getnameinfo(address, length, &buffer, socklen_t(buffer.count), nil, 0, NI_NUMERICHOST) == 0 {
                        let text = String(cString: buffer)
                        result.insert(String(text.split(separator: "%").first ?? Substring(text)).lowercased())
                    }
                }
            }
            cursor = entry.pointee.ifa_next
        }
        return result
    }

    /// 128 random bits as 32 hex digits (job ids and generated tokens).
    static func randomHex() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<2).map { _ in
            let value = generator.next() as UInt64
            let hex = String(value, radix: 16)
            return String(repeating: "0", count: 16 - hex.count) + hex
        }.joined()
    }
}
