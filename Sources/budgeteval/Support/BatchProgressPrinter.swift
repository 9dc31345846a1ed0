#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Dispatch
import Foundation
import Pipeline

/// Shows batch progress on stderr: a bar redrawn in place on a terminal (done / total, the department
/// being worked on, elapsed time and an estimate of what is left), one plain line per finished
/// department otherwise, nothing with `--quiet`. Events arrive from worker threads.
final class BatchProgressPrinter: @unchecked Sendable {
    enum Mode { case bar, lines, silent }

    private let mode: Mode
    private let lang: Language
    private let lock = NSLock()
    private let start = DispatchTime.now()
    private var total = 0
    private var done = 0
    private var current: String?
    private var timer: (any DispatchSourceTimer)?

    init(mode: Mode, lang: Language) {
        self.mode = mode
        self.lang = lang
    }

    /// The bar when both stdout and stderr are terminals, plain lines otherwise, nothing when quiet.
    static func mode(quiet: Bool) -> Mode {
        if quiet { return .silent }
        return isatty(STDOUT_FILENO) == 1 && isatty(STDERR_FILENO) == 1 ? .bar : .lines
    }

    func handle(_ event: BatchEvent) {
        lock.lock()
        defer { lock.unlock() }
        switch event {
        case .planned(let departments, let ungrouped):
            total = departments
            if mode != .silent {
                emit(lang == .zh
                    ? "共 \(departments) 个部门" + (ungrouped.isEmpty ? "" : "，\(ungrouped.count) 个文件未分组")
                    : "\(departments) departments" + (ungrouped.isEmpty ? "" : ", \(ungrouped.count) files ungrouped"))
            }
            if mode == .bar { startTimer() }
        case .started(let department):
            current = department
            if mode == .bar { redraw() }
        case .finished(let result):
            done += 1
            if mode == .lines { emit("[\(done)/\(total)] " + Self.line(result, lang)) }
            if mode == .bar {
                if result.status == .failed { emit(Self.line(result, lang)) }
                redraw()
            }
        }
    }

    /// Clears the bar and stops redrawing.
    func finish() {
        lock.lock()
        defer { lock.unlock() }
        timer?.cancel()
        timer = nil
        if mode == .bar { write("\r\u{1B}[2K") }
    }

    /// `甲局：成功，预算完成率 98.51%，总分 92.50（优），错误 0 / 警告 1 / 提示 1` or `坏局：失败 — 原因`.
    static func line(_ r: DepartmentResult, _ lang: Language) -> String {
        let english = lang == .en
        if r.status == .failed {
            return english ? "\(r.department): failed — \(r.reason?.en ?? "")" : "\(r.department)：失败 — \(r.reason?.zh ?? "")"
        }
        let rate = r.budgetExecutionRate?.percent() ?? "—"
        let score = r.totalScore.map { $0.formatted(decimals: 2) } ?? "—"
        let grade = r.grade.map { english ? " (\($0))" : "（\($0)）" } ?? ""
        return english
            ? "\(r.department): ok, execution \(rate), score \(score)\(grade), \(r.errors) errors / \(r.warnings) warnings / \(r.hints) hints"
            : "\(r.department)：成功，预算完成率 \(rate)，总分 \(score)\(grade)，错误 \(r.errors) / 警告 \(r.warnings) / 提示 \(r.hints)"
    }

    // MARK: drawing (lock held)

    private func emit(_ line: String) {
        write(mode == .bar ? "\r\u{1B}[2K" + line + "\n" : line + "\n")
        if mode == .bar { redraw() }
    }

    private func redraw() {
        guard total > 0 else { return }
        let width = 24
        let filled = done * width / total
        let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
        let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
        let eta = done > 0 && done < total ? Self.clock(elapsed / Double(done) * Double(total - done)) : "—"
        var name = current ?? ""
        if name.count > 16 { name = String(name.prefix(15)) + "…" }
        let text = lang == .zh
            ? "\(bar) \(done)/\(total) \(name)  已用 \(Self.clock(elapsed))  剩余约 \(eta)"
            : "\(bar) \(done)/\(total) \(name)  elapsed \(Self.clock(elapsed))  ETA \(eta)"
        write("\r\u{1B}[2K" + text)
    }

    private func startTimer() {
        let source = DispatchSource.makeTimerSource(queue: DispatchQueue.global(qos: .utility))
        source.schedule(deadline: .now() + 0.5, repeating: 0.5)
        source.setEventHandler { [weak self] in
            guard let self else { return }
            self.lock.lock()
            defer { self.lock.unlock() }
            if self.timer != nil { self.redraw() }
        }
        timer = source
        source.resume()
    }

    /// `1:05` or `1:02:03`.
    static func clock(_ seconds: Double) -> String {
        let s = Int(seconds.rounded())
        return s >= 3600
            ? String(format: "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
            : String(format: "%d:%02d", s / 60, s % 60)
    }

    private func write(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}
