import Dispatch
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

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
            JoinedThreads.run(workers, work)
        } else {
            DispatchQueue.concurrentPerform(iterations: workers) { _ in work() }
        }
        if let failed = failure.withLock({ $0 }) { throw failed.error }
    }
}

/// Threads of their own for work that waits, each joined before ``run(_:_:)`` returns.
enum JoinedThreads {
    /// What a thread runs: the work, held only until the thread has run it.
    private final class Job: @unchecked Sendable {
        let work: @Sendable () -> Void
        init(_ work: @escaping @Sendable () -> Void) { self.work = work }
    }

    /// Runs `work` on `count` threads at once and returns when every one has ended.
    ///
    /// `work` does not escape: each thread lets go of it before it ends, and every thread is
    /// joined (`pthread_join`) before this returns — a `Thread` may still hold its closure
    /// after the work has signalled that it is done. Where a thread cannot be started, its
    /// share runs on the calling thread.
    static func run(_ count: Int, _ work: @Sendable () -> Void) {
        #if canImport(Glibc)
            withoutActuallyEscaping(work) { work in
                var threads: [pthread_t] = []
                for _ in 0..<count {
                    let job = Unmanaged.passRetained(Job(work)).toOpaque()
                    var thread = pthread_t()
                    let started = pthread_create(
                        &thread, nil,
                        { context in
                            guard let context else { return nil }
                            Unmanaged<Job>.fromOpaque(context).takeRetainedValue().work()
                            return nil
                        }, job)
                    if started == 0 {
                        threads.append(thread)
                    } else {
                        Unmanaged<Job>.fromOpaque(job).release()
                        work()
                    }
                }
                for thread in threads { pthread_join(thread, nil) }
            }
        #else
            DispatchQueue.concurrentPerform(iterations: count) { _ in work() }
        #endif
    }
}
