import Dispatch
import Synchronization

/// Work numbered `0..<count` (an animation's frames, a sweep's figures) done on several threads,
/// each thread taking the next number not yet taken, so the work is started in order and a
/// ``FrameSequence`` holds few frames that come early.
package enum ParallelFrames {
    /// Calls `body` once for each index in `0..<count` on up to `threads` threads.
    ///
    /// After a failure no index above it starts; every index below it still runs (each was
    /// taken before it), so the error thrown is the one of the lowest index that fails — the
    /// error a loop in order would have stopped at, whatever the threads' timing.
    package static func forEach(
        count: Int, threads: Int, _ body: @Sendable (Int) throws -> Void
    ) throws {
        guard count > 0 else { return }
        let next = Mutex(0)
        let failure = Mutex<(index: Int, error: any Error)?>(nil)
        DispatchQueue.concurrentPerform(iterations: max(1, min(threads, count))) { _ in
            while true {
                let k = next.withLock { n -> Int in
                    defer { n += 1 }
                    return n
                }
                let stopped = failure.withLock { $0.map { $0.index < k } ?? false }
                guard k < count, !stopped else { return }
                do {
                    try body(k)
                } catch {
                    failure.withLock { current in
                        if let current, current.index < k { return }
                        current = (k, error)
                    }
                }
            }
        }
        if let failed = failure.withLock({ $0 }) { throw failed.error }
    }
}
