import FinanceModel
import Foundation
import Spreadsheet

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// How batch runs each department.
public enum DepartmentIsolation: Sendable, Hashable {
    /// In this process, on a worker thread (the stages given; what tests with scripted stages use).
    case inProcess
    /// In a child process of `executable` (`budgeteval batch-department REQUEST`), so that a trap ends
    /// that department only: it becomes `failed` with reason 内部错误 and the trap's first line.
    case childProcess(executable: String)
}

/// What a child process is asked to do: one department, with the options of the whole batch.
public struct DepartmentRequest: Sendable, Codable {
    public var plan: PlannedDepartment
    public var output: URL
    public var english: Bool
    public var profilePath: String?
    public var options: InputOptions
}

/// Runs one department in a child process and reads back its result (子进程处理一个部门).
enum DepartmentProcess {
    /// The department's result; a child that trapped or said nothing readable gives a `failed` result
    /// whose report the parent writes, after removing whatever half-written files the child left.
    static func run(
        _ plan: PlannedDepartment, executable: String, output: URL, english: Bool, profilePath: String?,
        options: InputOptions
    ) throws(BatchError) -> DepartmentResult {
        let request = DepartmentRequest(
            plan: plan, output: output, english: english, profilePath: profilePath, options: options)
        let requestURL = FileManager.default.temporaryDirectory
            .appendingPathComponent("budgeteval-department-\(UUID().uuidString).json")
        defer { try? FileManager.default.removeItem(at: requestURL) }
        let (status, stdout, stderr, pid): (Int32, Data, Data, Int32)
        do {
            if case .failure(let error) = TemporaryFile.write(Array(try JSONEncoder().encode(request)), to: requestURL.path) {
                throw BatchError(.outputUnwritable(path: requestURL.path, detail: String(cString: strerror(error.code))))
            }
            (status, stdout, stderr, pid) = try spawn(executable, ["batch-department", requestURL.path])
        } catch {
            throw BatchError(.outputUnwritable(path: requestURL.path, detail: "\(error)"))
        }
        if status == 0, let result = try? JSONDecoder().decode(DepartmentResult.self, from: stdout) {
            return result
        }
        return try trapped(plan, output: output, english: english, pid: pid, stderr: stderr, status: status)
    }

    /// The department after its child died: failed, reason 内部错误 and the trap's first line, no
    /// half-written file left, and a 检查报告.txt saying so.
    static func trapped(
        _ plan: PlannedDepartment, output: URL, english: Bool, pid: Int32, stderr: Data, status: Int32
    ) throws(BatchError) -> DepartmentResult {
        let text = String(decoding: stderr, as: UTF8.self)
        let lines = text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        let line = lines.first { $0.contains("Fatal error") || $0.contains("fatal error") } ?? lines.first
            ?? (english ? "exit status \(status)" : "退出状态 \(status)")
        let folder = output.appendingPathComponent(plan.name, isDirectory: true)
        for name in (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [] {
            // The child's temporary files (.<name>.tmp-<pid>@host-…) and a forms workbook it may not have finished.
            if name.hasPrefix("."), name.contains(".tmp-\(pid)@") || name.contains(".tmp-\(pid)-") {
                try? FileManager.default.removeItem(at: folder.appendingPathComponent(name))
            }
        }
        try? FileManager.default.removeItem(at: folder.appendingPathComponent(DepartmentJob.formsName))
        let result = DepartmentResult(
            department: plan.name, grouping: plan.grouping, preparedBy: plan.grouping.preparedBy, year: nil,
            files: plan.dataFiles.map { DepartmentFile(name: $0.name, roles: []) }
                + plan.narratives.map { DepartmentFile(name: $0.name, roles: [.narrative]) }
                + plan.ignored.map { DepartmentFile(name: $0.name, roles: [.ignored]) },
            status: .failed,
            reason: LocalizedText(
                zh: "内部错误：\(line)。这是本工具的缺陷，不是您文件的问题；其他部门不受影响。请把该部门的文件和本报告发给维护者。",
                en: "internal error: \(line). This is a bug in the tool, not a problem with your files; other departments are not affected. Please send this department's files and this report to the maintainers."),
            budgetExecutionRate: nil, totalScore: nil, grade: nil, errors: 1, warnings: 0, hints: 0, wroteForms: false)
        try OutputFiles.makeFolder(folder)
        let entry = BatchReportEntry(
            severity: .error, location: nil, message: result.reason ?? LocalizedText(zh: line, en: line),
            rule: "内部错误", notes: [])
        try OutputFiles.write(
            InspectionReport.text(result: result, entries: [entry], english: english),
            to: folder.appendingPathComponent(DepartmentJob.reportName))
        return result
    }

    /// Runs `executable` with `arguments`; both pipes are drained on their own threads.
    static func spawn(_ executable: String, _ arguments: [String]) throws -> (Int32, Data, Data, Int32) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let pid = process.processIdentifier
        let box = Locked<Data>(Data())
        let drained = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            let data = err.fileHandleForReading.readDataToEndOfFile()
            box.withLock { $0 = data }
            drained.signal()
        }
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        drained.wait()
        process.waitUntilExit()
        return (process.terminationStatus, stdout, box.withLock { $0 }, pid)
    }

    /// The child's side: runs the request's department in this process and returns its result as JSON.
    static func runRequest(at path: String) throws -> Data {
        let request = try JSONDecoder().decode(DepartmentRequest.self, from: Data(contentsOf: URL(fileURLWithPath: path)))
        // Test-only: BUDGETEVAL_TEST_TRAP=<department> makes that department trap here the way a bug would
        // (an index out of range), so the tests can prove that a trap ends one department only.
        if ProcessInfo.processInfo.environment["BUDGETEVAL_TEST_TRAP"] == request.plan.name {
            let none: [Int] = []
            _ = none[none.count]
        }
        let stages = try PipelineStages(profilePath: request.profilePath, options: request.options)
        let job = DepartmentJob(
            plan: request.plan, stages: stages, outputDirectory: request.output, english: request.english)
        return try JSONEncoder().encode(try job.run())
    }
}

extension Commands {
    /// The hidden `budgeteval batch-department REQUEST` that batch runs once per department.
    public static func batchDepartment(request path: String) -> CommandOutcome {
        do {
            let data = try DepartmentProcess.runRequest(at: path)
            return CommandOutcome(stdout: String(decoding: data, as: UTF8.self))
        } catch let error as BatchError {
            return CommandOutcome(stderr: [error.message(.zh)], exitCode: 1)
        } catch {
            return CommandOutcome(stderr: ["\(error)"], exitCode: 1)
        }
    }
}
