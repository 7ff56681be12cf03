import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A benchmark that could not run, with the reason.
struct BenchmarkError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// The benchmarks that failed: each said so on one line, and the process exits 1.
nonisolated(unsafe) var failures: [String] = []

/// Records a benchmark that could not run, with one line on stderr.
func fail(_ benchmark: String, _ error: any Error) {
    let line = "errorest-bench: \(benchmark) benchmark failed: \(error)"
    FileHandle.standardError.write(Data((line + "\n").utf8))
    failures.append(line)
}

/// The package's `Samples` folder, found from this source file's place (not the current folder),
/// so the benchmarks run from any folder of a clone.
func samplesFolder() -> URL {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Samples")
}

/// The peers' folder: `ERROREST_PEER`, or the package's own `Samples/peers`.
func peerFolder() -> String {
    if let folder = ProcessInfo.processInfo.environment["ERROREST_PEER"] { return folder }
    return samplesFolder().appendingPathComponent("peers").path
}

/// The peers' folder, once `script` is there and python3 imports `modules`; else a clear reason.
func requirePeer(_ script: String, modules: [String]) throws -> String {
    let folder = peerFolder()
    guard FileManager.default.fileExists(atPath: folder + "/" + script) else {
        throw BenchmarkError("the peer \(folder)/\(script) is missing (set ERROREST_PEER)")
    }
    do {
        try shell(["python3", "-c", "import " + modules.joined(separator: ", ")])
    } catch {
        throw BenchmarkError(
            "the peer \(script) needs python3 with \(modules.joined(separator: " and ")) "
                + "(pip install \(modules.joined(separator: " ")))")
    }
    return folder
}

/// Runs a command (found on the PATH) and returns its standard output; throws if it fails.
///
/// The command is started with `posix_spawnp`, not Foundation's `Process`: on this project's
/// machine `Process` takes about 50 ms to start even `/bin/true`, which a whole-process timing of
/// a 0.2 s job would count as the job's own.
@discardableResult
func shell(_ arguments: [String]) throws -> String {
    guard let program = arguments.first else { throw BenchmarkError("no command to run") }
    var pipe: [Int32] = [0, 0]
    guard Glibc.pipe(&pipe) == 0 else { throw BenchmarkError("no pipe for \(program)") }
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_adddup2(&actions, pipe[1], 1)
    posix_spawn_file_actions_addclose(&actions, pipe[0])
    posix_spawn_file_actions_addclose(&actions, pipe[1])
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
    let argv = arguments.map { strdup($0) } + [nil]
    defer { for pointer in argv { free(pointer) } }
    var pid: pid_t = 0
    let started = posix_spawnp(&pid, program, &actions, nil, argv, environ)
    close(pipe[1])
    guard started == 0 else {
        close(pipe[0])
        throw BenchmarkError("\(program) could not start: \(String(cString: strerror(started)))")
    }
    var output = [UInt8]()
    var chunk = [UInt8](repeating: 0, count: 65536)
    while true {
        let count = chunk.withUnsafeMutableBytes { read(pipe[0], $0.baseAddress, $0.count) }
        if count > 0 {
            output += chunk[0..<count]
        } else if count == 0 || errno != EINTR {
            break
        }
    }
    close(pipe[0])
    var status: Int32 = 0
    while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
    // Exited normally (no signal) with status 0.
    guard status & 0x7f == 0, (status >> 8) & 0xff == 0 else {
        throw BenchmarkError("\(arguments.joined(separator: " ")) exited with status \(status)")
    }
    return String(decoding: output, as: UTF8.self)
}

/// The calling thread's CPU time in seconds: unlike the wall clock, it does not count the time
/// other processes of a shared machine hold the core.
func threadCPUSeconds() -> Double {
    var t = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t)
    return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
}

/// The load averages of the last 1, 5 and 15 minutes, as `uptime` prints them.
func loadAverage() -> String {
    let text = (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8)) ?? ""
    return text.split(separator: " ").prefix(3).joined(separator: ", ")
}
