import ArgumentParser
import Foundation

/// `errorest-bench lesson`: the whole built-in lesson (training, the search, slides, PDF,
/// handout, contact sheet) by the release `errorest lesson`, against its budget of 10 s.
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
        for _ in 0..<tries {
            let start = ContinuousClock.now
            _ = try shell([binary, "lesson", "--out", folder.path, "--quiet"])
            times.append((ContinuousClock.now - start) / .seconds(1))
        }
        let median = times.sorted()[times.count / 2]
        print(
            "lesson: the built-in lesson (2 runs, 13 beats: slides PNG + PDF, handout, index)")
        print(
            String(format: "  median %.2f s of %d tries (", median, tries)
                + times.map { String(format: "%.2f", $0) }.joined(separator: ", ")
                + "); budget 10 s: " + (median <= 10 ? "within" : "over"))
    } catch {
        fail("lesson", error)
    }
}
