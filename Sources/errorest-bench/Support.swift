import Foundation

/// A benchmark that could not run, with the reason.
struct BenchmarkError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// The peer's folder: `ERROREST_PEER`, or `../shared/peer` beside the package.
func peerFolder() -> String {
    if let folder = ProcessInfo.processInfo.environment["ERROREST_PEER"] { return folder }
    return URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        .deletingLastPathComponent().appendingPathComponent("shared/peer").path
}

/// Runs a command and returns its standard output; throws if it fails.
@discardableResult
func shell(_ arguments: [String]) throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = arguments
    let pipe = Pipe()
    process.standardOutput = pipe
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
