import Foundation
import Pipeline

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The server's jobs: each one a private folder (0700) holding its uploads and outputs, run in a child
/// process of the binary (`budgeteval serve-job`), at most `jobs` at once, deleted after `jobLifetime`,
/// on DELETE and at shutdown. No pipeline work runs here: this actor only spawns, waits and reads files.
actor JobStore {
    enum Status: String { case queued, running, done, failed }

    final class Job: @unchecked Sendable {
        let id: String
        let folder: URL
        let created: ContinuousClock.Instant
        let english: Bool
        var status = Status.queued
        var process: Process?
        var departments: String?
        var manifest: JobManifest?
        var downloads: Set<String> = []
        var error: String?
        var departmentCount = 0

        init(id: String, folder: URL, english: Bool) {
            self.id = id
            self.folder = folder
            self.english = english
            self.created = .now
        }

        var input: URL { folder.appendingPathComponent("in") }
        var output: URL { folder.appendingPathComponent("out") }
    }

    let configuration: ServerConfiguration
    /// The private folder all jobs live in.
    let root: URL
    private var jobs: [String: Job] = [:]
    private var running = 0
    private var waiting: [CheckedContinuation<Void, Never>] = []

    init(configuration: ServerConfiguration) throws {
        self.configuration = configuration
        var template = Array((configuration.temporaryDirectory as NSString).appendingPathComponent("budgeteval-serve-XXXXXX").utf8CString)
        guard let made = template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) else {
            throw ServerError.internalError("mkdtemp: \(String(cString: strerror(errno)))")
        }
        root = URL(fileURLWithPath: String(cString: made))
        chmod(root.path, 0o700)
    }

    /// A new private folder for an upload (not yet a job): `in/` and `out/` inside, each 0700.
    nonisolated func makeFolder() throws -> URL {
        let folder = root.appendingPathComponent(ServerConfiguration.randomHex())
        for url in [folder, folder.appendingPathComponent("in"), folder.appendingPathComponent("work")] {
            guard mkdir(url.path, 0o700) == 0 else { throw ServerError.internalError("mkdir: \(String(cString: strerror(errno)))") }
        }
        return folder
    }

    /// Registers a job whose uploads are in place and queues it.
    func submit(folder: URL, english: Bool) -> String {
        let id = ServerConfiguration.randomHex()
        let job = Job(id: id, folder: folder, english: english)
        jobs[id] = job
        Task { await self.run(job) }
        return id
    }

    func job(_ id: String) -> Job? {
        guard let job = jobs[id] else { return nil }
        if ContinuousClock.now - job.created > configuration.jobLifetime {
            remove(job)
            return nil
        }
        return job
    }

    /// What `GET /api/jobs/{id}` shows, read in one go.
    func snapshot(_ job: Job) -> (Status, String?, String?, Set<String>) {
        (job.status, job.departments, job.error, job.downloads)
    }

    func previews(_ job: Job) -> [String: CellPreview] { job.manifest?.previews ?? [:] }

    func ungrouped(_ job: Job) -> [JobManifest.Ungrouped] { job.manifest?.ungrouped ?? [] }

    /// `done total` as the child last wrote it.
    func progress(_ job: Job) -> (done: Int, total: Int) {
        if job.departments != nil { return (job.departmentCount, job.departmentCount) }
        guard let text = try? String(contentsOf: job.folder.appendingPathComponent("progress"), encoding: .utf8) else { return (0, 0) }
        let numbers = text.split(separator: " ").compactMap { Int($0) }
        return numbers.count == 2 ? (numbers[0], numbers[1]) : (0, 0)
    }

    /// Stops the job's child if it runs, deletes its folder; its id is unknown from now on.
    func delete(_ id: String) -> Bool {
        guard let job = job(id) else { return false }
        remove(job)
        return true
    }

    private func remove(_ job: Job) {
        jobs[job.id] = nil
        if let process = job.process, process.isRunning { Self.killTree(process.processIdentifier) }
        try? FileManager.default.removeItem(at: job.folder)
    }

    /// Deletes the jobs older than the lifetime.
    func sweep() {
        let now = ContinuousClock.now
        for job in jobs.values where now - job.created > configuration.jobLifetime { remove(job) }
    }

    /// Stops every child and removes every job's files.
    func shutdown() {
        for job in jobs.values { remove(job) }
        try? FileManager.default.removeItem(at: root)
    }

    /// Kills a job's child and what it started (batch's child per department), so that nothing writes
    /// into the folder about to be deleted: the tree is read from /proc first, then killed top down.
    static func killTree(_ pid: Int32) {
        var tree: [Int32] = [pid]
        var index = 0
        let all = (try? FileManager.default.contentsOfDirectory(atPath: "/proc"))?.compactMap { Int32($0) } ?? []
        var parents: [Int32: Int32] = [:]
        for candidate in all {
            // /proc/PID/stat: "pid (comm) state ppid …"; comm may hold spaces, so read after the last ')'.
            guard let stat = try? String(contentsOfFile: "/proc/\(candidate)/stat", encoding: .utf8),
                  let close = stat.lastIndex(of: ")") else { continue }
            let fields = stat[stat.index(after: close)...].split(separator: " ")
            if fields.count > 1, let parent = Int32(fields[1]) { parents[candidate] = parent }
        }
        while index < tree.count {
            let parent = tree[index]
            tree += parents.filter { $0.value == parent }.map(\.key)
            index += 1
        }
        for member in tree { kill(member, SIGKILL) }
    }

    // MARK: running

    private func acquire() async {
        if running < configuration.jobs {
            running += 1
            return
        }
        await withCheckedContinuation { waiting.append($0) }
    }

    private func release() {
        if waiting.isEmpty {
            running -= 1
        } else {
            waiting.removeFirst().resume()  // the slot passes on
        }
    }

    private func run(_ job: Job) async {
        await acquire()
        defer { release() }
        guard jobs[job.id] != nil else { return }
        job.status = .running
        let files = job.folder
        let request = JobRequest(
            input: job.input.path, output: job.output.path, work: files.appendingPathComponent("work").path,
            progress: files.appendingPathComponent("progress").path,
            departments: files.appendingPathComponent("departments.json").path,
            manifest: files.appendingPathComponent("manifest.json").path,
            executable: configuration.executable, downloadPrefix: "/api/jobs/\(job.id)/files/", english: job.english)
        let requestURL = files.appendingPathComponent("request.json")
        let stderrURL = files.appendingPathComponent("stderr.txt")
        let status: Int32
        do {
            try JSONEncoder().encode(request).write(to: requestURL)
            FileManager.default.createFile(atPath: stderrURL.path, contents: nil)
            let process = Process()
            process.executableURL = URL(fileURLWithPath: configuration.executable)
            process.arguments = ["serve-job", requestURL.path]
            var environment = ProcessInfo.processInfo.environment
            environment.merge(configuration.childEnvironment) { _, new in new }
            process.environment = environment
            process.currentDirectoryURL = files
            process.standardInput = FileHandle.nullDevice
            process.standardOutput = FileHandle.nullDevice
            process.standardError = try FileHandle(forWritingTo: stderrURL)
            status = try await withCheckedThrowingContinuation { continuation in
                process.terminationHandler = { continuation.resume(returning: $0.terminationStatus) }
                do {
                    try process.run()
                } catch {
                    process.terminationHandler = nil
                    continuation.resume(throwing: error)
                }
                job.process = process
            }
        } catch {
            job.status = .failed
            job.error = "\(error)"
            return
        }
        guard jobs[job.id] != nil else { return }  // deleted meanwhile
        let stderr = (try? String(contentsOf: stderrURL, encoding: .utf8)) ?? ""
        if status == 0,
           let departments = try? String(contentsOf: URL(fileURLWithPath: request.departments), encoding: .utf8),
           let manifest = try? JSONDecoder().decode(JobManifest.self, from: Data(contentsOf: URL(fileURLWithPath: request.manifest))) {
            job.departments = departments
            job.departmentCount = (try? JSONSerialization.jsonObject(with: Data(departments.utf8)) as? [Any])?.count ?? 0
            job.manifest = manifest
            job.downloads = Set(manifest.downloads)
            if let failure = manifest.failure {
                job.status = .failed
                job.error = failure
            } else {
                job.status = .done
            }
        } else {
            let lines = stderr.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            let line = lines.first { $0.contains("Fatal error") || $0.contains("fatal error") } ?? lines.first
            job.status = .failed
            job.error = line ?? (job.english ? "the job's process ended with status \(status)" : "任务进程异常结束（状态 \(status)）")
        }
        try? FileManager.default.removeItem(at: requestURL)
        try? FileManager.default.removeItem(at: files.appendingPathComponent("work"))
    }
}
