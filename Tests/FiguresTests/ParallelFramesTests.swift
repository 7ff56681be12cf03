import Foundation
import Synchronization
import Testing

@testable import Figures

/// The one parallel loop of a race's animation, its benchmark, a sweep's figures and a folder's
/// removal: every index done once, and the failure reported the one a loop in order would stop
/// at.
@Suite struct ParallelFramesTests {
    struct Failed: Error, Equatable {
        let index: Int
    }

    @Test(arguments: [1, 2, 4, 16], [false, true])
    func everyIndexIsDoneExactlyOnce(threads: Int, blocking: Bool) throws {
        let done = Mutex<[Int]>([])
        try ParallelFrames.forEach(count: 257, threads: threads, blocking: blocking) { k in
            done.withLock { $0.append(k) }
        }
        let order = done.withLock { $0 }
        #expect(order.sorted() == Array(0..<257))
        if threads == 1 { #expect(order == Array(0..<257)) }
    }

    @Test func nothingIsDoneForNoWork() throws {
        try ParallelFrames.forEach(count: 0, threads: 4) { _ in
            Issue.record("called for no work")
        }
    }

    @Test func oneThreadStopsAtTheFirstFailure() {
        let done = Mutex<[Int]>([])
        #expect(throws: Failed(index: 3)) {
            try ParallelFrames.forEach(count: 10, threads: 1) { k in
                done.withLock { $0.append(k) }
                if k == 3 || k == 7 { throw Failed(index: k) }
            }
        }
        #expect(done.withLock { $0 } == [0, 1, 2, 3])
    }

    /// Index 3 fails late (after 7 has failed on another thread): the error is still 3's, and
    /// every index below 3 was done, each once. (When the system's threads are all busy,
    /// Dispatch runs the loop on this thread alone: 7 never starts and 3's error is the only one.)
    @Test(arguments: [2, 4, 8], [false, true])
    func theLowestFailureIsReportedWhateverFailsFirst(threads: Int, blocking: Bool) {
        let done = Mutex<[Int]>([])
        let sevenFailed = Mutex(false)
        #expect(throws: Failed(index: 3)) {
            try ParallelFrames.forEach(count: 40, threads: threads, blocking: blocking) { k in
                done.withLock { $0.append(k) }
                if k == 3 {
                    // Wait (at most 0.5 s) for index 7 to fail first on another thread.
                    for _ in 0..<500 where !sevenFailed.withLock({ $0 }) {
                        Thread.sleep(forTimeInterval: 0.001)
                    }
                    throw Failed(index: 3)
                }
                if k == 7 {
                    sevenFailed.withLock { $0 = true }
                    throw Failed(index: 7)
                }
            }
        }
        let order = done.withLock { $0 }
        #expect(Set(order).count == order.count, "an index done twice: \(order)")
        #expect(Set(0...3).isSubset(of: Set(order)))
    }

    /// Work that waits (a removal's `unlink` on a disk with online discard) runs on as many
    /// threads as asked, beyond the cores: eight indices that each wait for all eight to be
    /// running at once (at most 2 s) all see eight.
    @Test func blockingWorkRunsOnAsManyThreadsAsAsked() throws {
        let running = Mutex(0)
        let seen = Mutex<[Int]>([])
        try ParallelFrames.forEach(count: 8, threads: 8, blocking: true) { _ in
            running.withLock { $0 += 1 }
            for _ in 0..<2000 where running.withLock({ $0 }) < 8 {
                Thread.sleep(forTimeInterval: 0.001)
            }
            let now = running.withLock { $0 }
            seen.withLock { $0.append(now) }
        }
        #expect(seen.withLock { $0 } == Array(repeating: 8, count: 8))
    }

    /// Every thread of blocking work has let go of the work when the call returns, however
    /// often it is called: a thread that still held it would trap the process (Swift checks
    /// that a closure passed without escaping did not escape).
    @Test func blockingWorkIsDoneWhenTheCallReturnsEveryTime() throws {
        for round in 0..<300 {
            let done = Mutex(0)
            try ParallelFrames.forEach(count: 16, threads: 8, blocking: true) { _ in
                done.withLock { $0 += 1 }
            }
            #expect(done.withLock { $0 } == 16, "round \(round)")
        }
    }
}
