import Figures
import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Trains and renders a sweep's runs, several at once, each into its own folder through the
/// same steps as `errorest run`.
struct SweepRunner {
    var plan: SweepPlan
    /// Threads in all: runs in flight × render threads per run.
    var threads: Int
    var quiet: Bool

    /// What happened to the runs given.
    struct Outcome {
        var done = 0
        var diverged: [String] = []
    }

    /// Runs every run of `runs` (those still pending), at most `threads` at once.
    ///
    /// Training is one thread per run and rendering shares the threads among the runs in
    /// progress: with at least as many runs as threads, every run renders on one thread; as the
    /// last runs finish, the others render on the threads they left.
    /// A run that diverges is recorded and the others go on; any other failure stops new runs
    /// from starting and is thrown once the runs in flight end.
    func run(_ runs: [PlannedRun]) throws -> Outcome {
        let inFlight = max(1, min(threads, runs.count))
        let threads = self.threads
        // Runs in progress: a run about to render takes its share of the threads, so the last
        // runs of a sweep render on the cores the finished ones left.
        let active = Mutex(0)
        let outcome = Mutex(Outcome())
        let bar = ProgressBar(label: "runs     ", total: runs.count, unit: "runs", quiet: quiet)
        let plan = self.plan
        // The folders every run shares are made first, so that a run which fails and removes
        // the folders it made cannot pull them from under a run still starting.
        let shared = plan.folder.appendingPathComponent("runs")
        let made = [shared, plan.folder].filter { !FileManager.default.fileExists(atPath: $0.path) }
        try OutputFolder.makeFolder(shared, displayPath: plan.displayPath)
        defer { for folder in made { rmdir(folder.path) } }  // only succeeds when empty
        do {
            try ParallelFrames.forEach(count: runs.count, threads: inFlight) { index in
                let run = runs[index]
                active.withLock { $0 += 1 }
                defer { active.withLock { $0 -= 1 } }
                if let message = try SweepRunner.execute(
                    run, plan: plan,
                    renderThreads: { max(1, threads / max(1, active.withLock { $0 })) })
                {
                    outcome.withLock { $0.diverged.append("\(run.name): \(message)") }
                } else {
                    outcome.withLock { $0.done += 1 }
                }
                bar?.advance()
            }
        } catch {
            bar?.finish()
            throw ErrorestError(error)
        }
        bar?.finish()
        return outcome.withLock { $0 }
    }

    /// Trains and renders one run into its folder; returns the message when training diverged
    /// (recorded in the folder as `failed.json`), `nil` when the run is done.
    private static func execute(
        _ run: PlannedRun, plan: SweepPlan, renderThreads: () -> Int
    ) throws
        -> String?
    {
        let url = plan.url(of: run)
        let output = try OutputOptions.parse(["--out", plan.display(of: run), "--quiet"])
        let failureURL = url.appendingPathComponent(RunFailure.fileName)
        do {
            let (record, folder) = try Pipeline.train(
                run.file, source: plan.sweep.source, render: run.file.render, output: output)
            _ = try Pipeline.write(
                run: record, stageRecord: true, settings: run.file.render,
                snapshots: Array(record.snapshots.indices), folder: folder, jobs: renderThreads(),
                quiet: true, inputs: run.inputs)
            try? FileManager.default.removeItem(at: failureURL)
            return nil
        } catch let error as ErrorestError where error.exitCode == 65 {
            // Everything was checked before the sweep began: what is left is training itself
            // diverging, an outcome of these inputs that a retry would only repeat.
            let failure = RunFailure(name: run.name, inputs: run.inputs, message: error.description)
            try SweepFiles.write(failure.jsonData(), to: failureURL, display: plan.display(of: run))
            return error.description
        }
    }
}

/// Whole-file writes for the sweep's own files (the index, comparison figures, failure records).
enum SweepFiles {
    /// Writes `data` to a temporary file beside `url` and renames it into place, so the file is
    /// either the old one or the new one, never half of either.
    static func write(_ data: Data, to url: URL, display: String) throws {
        let folder = url.deletingLastPathComponent()
        try OutputFolder.makeFolder(folder, displayPath: display)
        let temporary = folder.appendingPathComponent(
            ".\(url.lastPathComponent).errorest-\(getpid())")
        do {
            try data.write(to: temporary)
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw ErrorestError.writeFailed(
                "Cannot write \((display as NSString).appendingPathComponent(url.lastPathComponent))"
                    + "\(systemReason(error)).")
        }
        guard rename(temporary.path, url.path) == 0 else {
            let code = errno
            try? FileManager.default.removeItem(at: temporary)
            throw ErrorestError.writeFailed(
                "Cannot write \(url.lastPathComponent) in \(display): \(systemMessage(code)).")
        }
    }
}
