import CSpawn
import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A program run to its end under a time limit: in a process group of its own that errorest's
/// stop signals (SIGINT, SIGTERM, SIGHUP) end first, killed by the kernel when errorest dies of
/// anything else (SIGKILL included; Linux's parent-death signal), its standard error kept as a
/// tail of at most ``tailLimit`` bytes however much it writes.
enum Supervised {
    /// What became of the program.
    struct Outcome: Sendable {
        /// Its exit status, or nil when a signal ended it.
        var status: Int32?
        /// True when the time limit ended it.
        var timedOut: Bool
        /// The end of its standard error.
        var tail: String

        /// The last line of its standard error that says something.
        var lastLine: String? {
            tail.split(whereSeparator: \.isNewline).last {
                !$0.trimmingCharacters(in: .whitespaces).isEmpty
            }.map(String.init)
        }
    }

    /// The bytes of standard error kept: its end, where programs say what went wrong.
    static let tailLimit = 16 * 1024

    /// Runs `program` with `arguments`, its input and output `/dev/null`, and waits at most
    /// `timeout` for it; past that its process group is killed.
    ///
    /// `faultPoint` names the moment just after the program has started, for the kill tests
    /// (``FaultPoint``; nothing in a release build).
    ///
    /// - Returns: the outcome, or the `errno` of a program that could not be started.
    static func run(
        _ program: String, _ arguments: [String], timeout: Duration, faultPoint: String? = nil
    ) -> Result<Outcome, SpawnFailure> {
        var fds: [Int32] = [-1, -1]
        // Close-on-exec from the start: a program another thread starts meanwhile must not hold
        // the write end (its reader would wait for that program too).
        let piped = errorest_pipe(&fds)
        guard piped == 0 else { return .failure(SpawnFailure(code: piped)) }
        let (readEnd, writeEnd) = (fds[0], fds[1])
        defer { close(readEnd) }
        let argv = ([program] + arguments).map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        // The stop signals wait until the child's group is known, so none can miss it.
        ChildGroups.installHandlers()
        var stops = sigset_t()
        sigemptyset(&stops)
        for signal in ChildGroups.stops { sigaddset(&stops, signal) }
        var previous = sigset_t()
        pthread_sigmask(SIG_BLOCK, &stops, &previous)
        var pid: pid_t = 0
        // Its own group, stdin and stdout /dev/null, stderr the pipe, and on Linux SIGKILL when
        // this thread ends (errorest killed included), so it never outlives errorest.
        let code = errorest_spawn(&pid, program, argv, environ, writeEnd)
        let slot = code == 0 ? ChildGroups.add(pid) : nil
        pthread_sigmask(SIG_SETMASK, &previous, nil)
        close(writeEnd)
        guard code == 0 else { return .failure(SpawnFailure(code: code)) }
        defer { if let slot { ChildGroups.remove(slot) } }
        if let faultPoint { FaultPoint.reach(faultPoint) }

        let deadline = ContinuousClock.now + timeout
        var tail: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        var timedOut = false
        var open = true
        var status: Int32 = 0
        while true {
            if ContinuousClock.now >= deadline {
                timedOut = true
                kill(-pid, SIGKILL)
                while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
                break
            }
            if open {
                var poller = pollfd(fd: readEnd, events: Int16(POLLIN), revents: 0)
                if poll(&poller, 1, 100) > 0 {
                    let n = read(readEnd, &buffer, buffer.count)
                    if n > 0 {
                        tail.append(contentsOf: buffer[..<n])
                        if tail.count > tailLimit { tail.removeFirst(tail.count - tailLimit) }
                    } else if n == 0 || errno != EINTR {
                        open = false
                    }
                }
            } else {
                usleep(10_000)
            }
            let ended = waitpid(pid, &status, WNOHANG)
            if ended == pid {
                // What it wrote last may still be in the pipe.
                while open {
                    let n = read(readEnd, &buffer, buffer.count)
                    guard n > 0 else { break }
                    tail.append(contentsOf: buffer[..<n])
                    if tail.count > tailLimit { tail.removeFirst(tail.count - tailLimit) }
                }
                break
            }
        }
        // Anything the program left running in its group ends with it.
        kill(-pid, SIGKILL)
        let exited = status & 0x7f == 0
        return .success(
            Outcome(
                status: exited && !timedOut ? (status >> 8) & 0xff : nil, timedOut: timedOut,
                tail: String(decoding: tail, as: UTF8.self)))
    }

    /// A program that could not be started, with the reason.
    struct SpawnFailure: Error, CustomStringConvertible {
        var code: Int32
        var description: String { systemMessage(code) }
    }
}

/// The process groups of the programs errorest is waiting for, in fixed slots a signal handler
/// can read: a stop signal to errorest kills them, then ends errorest as it would have.
private enum ChildGroups {
    static let stops = [SIGINT, SIGTERM, SIGHUP]
    static let capacity = 256
    nonisolated(unsafe) static let slots: UnsafeMutablePointer<Int32> = {
        let slots = UnsafeMutablePointer<Int32>.allocate(capacity: capacity)
        slots.initialize(repeating: 0, count: capacity)
        return slots
    }()
    static let claims = Mutex<Set<Int>>([])
    static let installed = Mutex(false)

    static func add(_ group: pid_t) -> Int? {
        claims.withLock { taken in
            guard let free = (0..<capacity).first(where: { !taken.contains($0) }) else {
                return nil
            }
            taken.insert(free)
            slots[free] = group
            return free
        }
    }

    static func remove(_ slot: Int) {
        claims.withLock { taken in
            slots[slot] = 0
            taken.remove(slot)
        }
    }

    /// Installs the stop signals' handler once (before the first child is started).
    static func installHandlers() {
        _ = slots
        installed.withLock { done in
            guard !done else { return }
            done = true
            for stop in stops {
                var action = sigaction()
                action.__sigaction_handler.sa_handler = { signal in
                    for i in 0..<ChildGroups.capacity where ChildGroups.slots[i] > 0 {
                        kill(-ChildGroups.slots[i], SIGKILL)
                    }
                    Glibc.signal(signal, SIG_DFL)
                    raise(signal)
                }
                sigemptyset(&action.sa_mask)
                sigaction(stop, &action, nil)
            }
        }
    }
}
