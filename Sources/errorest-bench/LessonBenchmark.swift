import ArgumentParser
import Foundation

/// `errorest-bench lesson`: the whole built-in lesson (training, the search, slides, PDF,
/// handout, contact sheet, animation) by the release `errorest lesson`, against its budget of 10 s;
/// with the processor time it and ffmpeg took, which a busy machine does not inflate.
struct LessonBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lesson",
        abstract: "The whole built-in lesson by errorest lesson, in seconds (budget: 10 s).")

    @Option(help: "Times to run it; the median is reported.")
    var tries = 3

    func run() { runLessonBenchmark(tries: max(1, tries)) }
}

func runLessonBenchmark(tries: Int) {
    do {
        let binary = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
            .deletingLastPathComponent().appendingPathComponent("errorest").path
        guard FileManager.default.isExecutableFile(atPath: binary) else {
            throw BenchmarkError(
                "no errorest binary beside errorest-bench (swift build -c release)")
        }
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("errorest-bench-lesson-\(getpid())")
        defer { try? FileManager.default.removeItem(at: folder) }
        var times: [Double] = []
        var cpu: [Double] = []
        for _ in 0..<tries {
            let start = ContinuousClock.now
            let used = childCPUSeconds()
            _ = try shell([binary, "lesson", "--out", folder.path, "--quiet"])
            times.append((ContinuousClock.now - start) / .seconds(1))
            cpu.append(childCPUSeconds() - used)
        }
        let median = times.sorted()[times.count / 2]
        print(
            "lesson: the built-in lesson (2 runs, 13 beats: slides PNG + PDF, handout, index, "
                + "animation)")
        print(
            String(format: "  median %.2f s of %d tries (", median, tries)
                + times.map { String(format: "%.2f", $0) }.joined(separator: ", ")
                + "); budget 10 s: " + (median <= 10 ? "within" : "over")
                + String(
                    format: "; processor time (user + system) median %.2f s",
                    cpu.sorted()[cpu.count / 2]))
    } catch {
        fail("lesson", error)
    }
}

/// User and system time of the waited-for child processes (errorest and its ffmpeg), in seconds.
private func childCPUSeconds() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_CHILDREN.rawValue, &usage)
    return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
        + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
}
