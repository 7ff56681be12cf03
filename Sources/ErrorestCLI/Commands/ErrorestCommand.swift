import ArgumentParser
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The `errorest` command: trains small networks on 2-D points and renders how they learn.
public struct ErrorestCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "errorest",
        abstract: "Train a small neural network on 2-D points and render how it learns.",
        discussion: """
            Exit codes: 0 done; 64 usage; 65 bad data, run file or run record; 66 input \
            missing; 69 a program it runs (ffmpeg) missing or failing; 73 cannot create the \
            output folder; 74 I/O error while writing. The run \
            file, the run record (run.json), the manifest and a sweep's index are described in \
            the documentation, Sources/ErrorestCLI/ErrorestCLI.docc (`swift package \
            generate-documentation --target ErrorestCLI`), with their JSON Schemas in \
            Samples/schemas.
            """,
        version: "1.0.0",
        subcommands: [
            RunCommand.self, TrainCommand.self, RenderCommand.self, DatasetsCommand.self,
            SweepCommand.self, RaceCommand.self, LessonCommand.self,
        ])

    public init() {}

    /// Runs the command line and exits with a sysexits code; every failure is one line on
    /// stderr.
    public static func main() {
        main(Array(CommandLine.arguments.dropFirst()))
    }

    /// Runs `arguments` (without the program name) and exits.
    public static func main(_ arguments: [String]) -> Never {
        // A file-size limit must surface as a write error (74), not kill the process.
        signal(SIGXFSZ, SIG_IGN)
        // A closed pipe (`errorest sweep --list | head -1`) is a write error (74), not a signal.
        signal(SIGPIPE, SIG_IGN)
        StandardStreams.guardClosedDescriptors()
        // Ctrl-C and kill stop a run even if the parent left them blocked; nothing is lost.
        var stops = sigset_t()
        sigemptyset(&stops)
        for stop in [SIGINT, SIGTERM, SIGHUP] { sigaddset(&stops, stop) }
        pthread_sigmask(SIG_UNBLOCK, &stops, nil)
        do {
            var command = try parseAsRoot(arguments)
            try command.run()
            terminate(0)
        } catch let error as ErrorestError {
            fail(error)
        } catch let error where ErrorestError.handles(error) {
            fail(ErrorestError(error))
        } catch {
            // The argument parser's own errors: help and version requests, usage errors.
            if exitCode(for: error) == .success {
                do {
                    try StandardStreams.writeOutput(fullMessage(for: error) + "\n")
                } catch {
                    fail(ErrorestError(error))
                }
                terminate(0)
            }
            let message = self.message(for: error).split(separator: "\n").first.map(String.init)
            let names = configuration.subcommands.map { $0._commandName }
            let sub = names.first { arguments.first == $0 }
            var hint = ""
            if sub == nil, let first = arguments.first, !first.hasPrefix("-"),
                let near = names.first(where: { editDistance(first, $0) <= 2 })
            {
                hint = ((message ?? "").hasSuffix(".") ? "" : ".") + " Did you mean \"\(near)\"?"
            }
            printError(
                "errorest: \(message ?? "the command line is not valid.")\(hint) "
                    + "(see errorest \(sub.map { "\($0) " } ?? "")--help)")
            terminate(64)
        }
    }

    private static func fail(_ error: ErrorestError) -> Never {
        // One line, whatever the problem: a run file with several mistakes names them all in it.
        printError("errorest: \(error.description)")
        terminate(error.exitCode)
    }
}

/// The number of single-letter insertions, deletions, substitutions and swaps of neighbours that
/// turn `a` into `b` (the optimal string alignment distance): `rnu` is 1 from `run`.
func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a)
    let b = Array(b)
    var d = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
    for i in 0...a.count { d[i][0] = i }
    for j in 0...b.count { d[0][j] = j }
    for i in stride(from: 1, through: a.count, by: 1) {
        for j in stride(from: 1, through: b.count, by: 1) {
            let cost = a[i - 1] == b[j - 1] ? 0 : 1
            d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
            if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1)
            }
        }
    }
    return d[a.count][b.count]
}

/// Ends the process; a free function, since `ParsableCommand` has an `exit` of its own.
private func terminate(_ code: Int32) -> Never {
    exit(code)
}
