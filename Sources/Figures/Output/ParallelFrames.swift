import Dispatch
import Foundation
import Synchronization

/// Work numbered `0..<count` (an animation's frames, a sweep's figures, a folder's files to
/// remove) done on several threads, each thread taking the next number not yet taken, so the
/// work is started in order and a ``FrameSequence`` holds few frames that come early.
package enum ParallelFrames {
    /// Calls `body` once for each index in `0..<count` on up to `threads` threads.
    ///
    /// After a failure no index above it starts; every index below it still runs (each was
    /// taken before it), so the error thrown is the one of the lowest index that fails — the
    /// error a loop in order would have stopped at, whatever the threads' timing.
    ///
    /// Work that computes runs on Dispatch's threads, at most one a core whatever `threads`
    /// asks. Work that mostly waits (`blocking`: a file system's `unlink` waiting on the disk)
    /// gets `threads` threads of its own, so that its waits overlap beyond the cores.
    package static func forEach(
        count: Int, threads: Int, blocking: Bool = false, _ body: @Sendable (Int) throws -> Void
    ) throws {
        guard count > 0 else { return }
        let next = Mutex(0)
        let failure = Mutex<(index: Int, error: any Error)?>(nil)
        let workers = max(1, min(threads, count))
        /// One thread's loop: the next index not yet taken, until none is left or one below
        /// has failed.
        @Sendable func work() {
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
        if blocking && workers > 1 {
            withoutActuallyEscaping(work) { work in
                let done = DispatchGroup()
                for _ in 0..<workers {
                    done.enter()
                    Thread {
                        work()
                        done.leave()
                    }.start()
                }
                done.wait()
            }
        } else {
            DispatchQueue.concurrentPerform(iterations: workers) { _ in work() }
        }
        if let failed = failure.withLock({ $0 }) { throw failed.error }
    }
}
