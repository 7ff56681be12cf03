import Foundation

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

/// Runs a command and returns its standard output; throws if it fails.
@discardableResult
func shell(_ arguments: [String]) throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = arguments
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = FileHandle.nullDevice
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else {
        throw BenchmarkError(
            "\(arguments.joined(separator: " ")) exited \(process.terminationStatus)")
    }
    return String(decoding: data, as: UTF8.self)
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
