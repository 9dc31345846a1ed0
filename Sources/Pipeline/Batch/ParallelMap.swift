import Dispatch
import Foundation

/// Runs independent pieces of work on at most `jobs` threads and returns their results in input order.
///
/// Workers pull the next index from a shared counter, so at most `jobs` items are in flight and memory
/// stays bounded by the number of jobs, not the number of items. Results come back in input order
/// whatever the scheduling, which is what keeps batch outputs byte-identical for any `--jobs`.
enum ParallelMap {
    static func map<T: Sendable, R: Sendable>(
        _ items: [T], jobs: Int, _ body: @escaping @Sendable (Int, T) -> R
    ) -> [R] {
        guard !items.isEmpty else { return [] }
        let workers = max(1, min(jobs, items.count))
        let state = Locked(State<R>(results: Array(repeating: nil, count: items.count)))
        let work: @Sendable () -> Void = {
            while true {
                let index: Int? = state.withLock { s in
                    guard s.next < items.count else { return nil }
                    defer { s.next += 1 }
                    return s.next
                }
                guard let index else { return }
                let result = body(index, items[index])
                state.withLock { $0.results[index] = result }
            }
        }
        if workers == 1 {
            work()
        } else {
            // Plain threads rather than concurrentPerform: libdispatch caps the width at the core count,
            // and `--jobs N` should mean N even on a small machine.
            let group = DispatchGroup()
            for _ in 0..<workers {
                group.enter()
                let thread = Thread {
                    work()
                    group.leave()
                }
                thread.stackSize = 8 << 20
                thread.start()
            }
            group.wait()
        }
        // Every index was taken and written before its worker returned.
        return state.withLock { s in s.results.compactMap { $0 } }
    }

    private struct State<R> {
        var next = 0
        var results: [R?]
    }
}

/// A value behind a lock: the one piece of shared mutable state batch needs.
final class Locked<Value>: @unchecked Sendable {
    private var value: Value
    private let lock = NSLock()

    init(_ value: Value) { self.value = value }

    func withLock<R>(_ body: (inout Value) throws -> R) rethrows -> R {
        lock.lock()
        defer { lock.unlock() }
        return try body(&value)
    }
}
