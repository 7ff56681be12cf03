import Foundation
import Synchronization

/// Work done on a thread of its own while the caller goes on: a run's record encoded while its
/// frames are drawn, the previous manifest read while the network trains.
///
/// ``value()`` waits for the work and returns what it returned, or throws what it threw; it may
/// be asked any number of times.
final class Background<Value: Sendable>: Sendable {
    private let result = Mutex<Result<Value, any Error>?>(nil)
    private let done = DispatchGroup()

    /// Starts `work` on a new thread.
    init(_ work: @escaping @Sendable () throws -> Value) {
        done.enter()
        Thread { [self] in
            let outcome = Result { try work() }
            result.withLock { $0 = outcome }
            done.leave()
        }.start()
    }

    /// What the work returned, once it has ended.
    func value() throws -> Value {
        done.wait()
        guard let outcome = result.withLock({ $0 }) else {
            throw ErrorestError.writeFailed("Work on another thread ended without a result.")
        }
        return try outcome.get()
    }
}
