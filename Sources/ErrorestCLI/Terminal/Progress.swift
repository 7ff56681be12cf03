import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A one-line progress bar on stderr, drawn only when stderr is a terminal.
///
/// Safe to update from many threads; redraws at most about 20 times a second.
final class ProgressBar: Sendable {
    private struct State {
        var done = 0
        var drawn = -1
        var lastDraw = ContinuousClock.now - .seconds(1)
        var finished = false
    }
    private let label: String
    private let unit: String
    private let total: Int
    private let state = Mutex(State())

    /// A bar counting to `total` `unit`s, or `nil` when it should not be shown.
    init?(label: String, total: Int, unit: String, quiet: Bool) {
        guard !quiet, total > 0, isatty(STDERR_FILENO) == 1 else { return nil }
        self.label = label
        self.total = total
        self.unit = unit
    }

    /// Sets the count done.
    func update(_ done: Int) {
        state.withLock { state in
            state.done = min(done, total)
            let now = ContinuousClock.now
            guard state.done != state.drawn,
                state.done == total || now - state.lastDraw >= .milliseconds(50)
            else { return }
            state.lastDraw = now
            state.drawn = state.done
            draw(state.done)
        }
    }

    /// Adds one to the count.
    func advance() {
        let done = state.withLock { state -> Int in
            state.done += 1
            return state.done
        }
        update(done)
    }

    /// Draws the full bar and ends its line.
    func finish() {
        state.withLock { state in
            guard !state.finished else { return }
            state.finished = true
            if state.drawn != total { draw(total) }
            FileHandle.standardError.write(Data("\n".utf8))
        }
    }

    private func draw(_ done: Int) {
        let width = 30
        let filled = total == 0 ? width : width * done / total
        let bar =
            String(repeating: "█", count: filled) + String(repeating: "·", count: width - filled)
        let percent = 100 * done / max(total, 1)
        let line = "\r\(label) \(bar) \(percent)%  \(done)/\(total) \(unit)\u{1B}[K"
        FileHandle.standardError.write(Data(line.utf8))
    }
}

/// Writes one line to stderr.
func printError(_ line: String) {
    FileHandle.standardError.write(Data((line + "\n").utf8))
}
