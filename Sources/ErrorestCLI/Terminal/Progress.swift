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
            StandardStreams.writeError("\n")
        }
    }

    private func draw(_ done: Int) {
        let width = 30
        let filled = total == 0 ? width : width * done / total
        let bar =
            String(repeating: "█", count: filled) + String(repeating: "·", count: width - filled)
        let percent = 100 * done / max(total, 1)
        let line = "\r\(label) \(bar) \(percent)%  \(done)/\(total) \(unit)\u{1B}[K"
        StandardStreams.writeError(line)
    }
}

/// Writes one line to stderr, with control characters escaped so it stays one line.
func printError(_ line: String) {
    StandardStreams.writeError(oneLine(line) + "\n")
}

/// `text` with line breaks and other control characters written as escapes (`\n`, `\u{1B}`).
func oneLine(_ text: String) -> String {
    guard text.unicodeScalars.contains(where: isControl) else { return text }
    var result = ""
    for scalar in text.unicodeScalars {
        switch scalar {
        case "\n": result += "\\n"
        case "\r": result += "\\r"
        case "\t": result += "\\t"
        case _ where isControl(scalar):
            result += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
        default: result.unicodeScalars.append(scalar)
        }
    }
    return result
}

private func isControl(_ scalar: Unicode.Scalar) -> Bool {
    scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || scalar.value == 0x2028
        || scalar.value == 0x2029
}

/// Standard output and error written with `write(2)`, so a full disk, a closed stream or
/// `/dev/full` is an error to report (stdout) or to ignore (stderr), never a trap.
enum StandardStreams {
    /// Writes to stdout.
    ///
    /// - Throws: ``ErrorestError/writeFailed(_:)`` when the bytes cannot all be written.
    static func writeOutput(_ data: Data) throws {
        let code = FileSystem.writeAll(STDOUT_FILENO, data)
        if code != 0 {
            throw ErrorestError.writeFailed(
                "Cannot write to standard output: \(systemMessage(code)).")
        }
    }

    /// Writes text to stdout.
    static func writeOutput(_ text: String) throws {
        try writeOutput(Data(text.utf8))
    }

    /// Writes to stderr; a failure is ignored, since there is nowhere left to report it.
    static func writeError(_ text: String) {
        _ = FileSystem.writeAll(STDERR_FILENO, Data(text.utf8))
    }

    /// Points any of stdin, stdout and stderr that is closed at a descriptor that refuses
    /// writes, so no file opened later takes its number and receives the output.
    static func guardClosedDescriptors() {
        for fd in [STDIN_FILENO, STDOUT_FILENO, STDERR_FILENO] where fcntl(fd, F_GETFD) < 0 {
            let placeholder = open("/dev/null", O_RDONLY)
            if placeholder >= 0 && placeholder != fd {
                dup2(placeholder, fd)
                close(placeholder)
            }
        }
    }
}
