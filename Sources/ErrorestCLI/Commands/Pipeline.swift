import Backprop
import Figures
import Foundation

/// The steps the commands share: read a run file, train, write the folder, report.
enum Pipeline {
    /// `run` and `train`: reads the run file and flags, trains, draws (unless `render` is `nil`),
    /// writes the folder and reports.
    static func run(
        _ input: TrainingInput, render: RenderFlags?, output: OutputOptions, jobs: Int
    ) throws {
        let started = ContinuousClock.now
        // The figures' fonts load on another core while the run file is read and the network
        // trains.
        if render != nil { _ = Background { Fonts.load() } }
        var (file, source) = try input.load()
        if let render { try render.apply(to: &file.render) }
        let settings = render == nil ? nil : file.render
        let (record, folder) = try train(file, source: source, render: settings, output: output)
        let manifest = try write(
            run: record, stageRecord: true, settings: settings,
            snapshots: settings == nil ? [] : Array(record.snapshots.indices), folder: folder,
            jobs: jobs, quiet: output.quiet, source: source)
        try report(manifest, run: record, folder: folder, output: output, started: started)
    }

    /// Reads a run file, or the built-in lesson when `path` is `nil`; returns it and its name
    /// for messages.
    static func load(_ path: String?) throws -> (RunFile, source: String) {
        do {
            guard let path else {
                let source = "the built-in lesson"
                let file = try RunFile(
                    data: BuiltInLesson.data, isJSON: false, file: source,
                    folder: URL(fileURLWithPath: FileManager.default.currentDirectoryPath),
                    defaultName: "lesson")
                return (file, source)
            }
            return (try RunFile(contentsOf: URL(fileURLWithPath: path), displayName: path), path)
        } catch {
            throw ErrorestError(error)
        }
    }

    /// Builds the trainer, checking the data, network, training and snapshot settings; it keeps
    /// the trajectory when a panel of the run file's figures needs it (whether or not this
    /// command draws them, so that `render` can later).
    static func prepare(_ file: RunFile, source: String) throws -> Trainer {
        do {
            var trainer = try file.trainer()
            let domain = file.domain ?? trainer.data.defaultDomain
            trainer.recordsTrajectory = file.render.needs(
                hidden: trainer.network.hidden, domain: domain
            ).contains(.trajectory)
            return trainer
        } catch {
            throw located(error, lines: file.keyLines, source: source)
        }
    }

    /// Checks the render settings before anything is trained or written: the surface's options
    /// against the network's `hidden` layers when a panel draws a landscape over `domain`, and
    /// the focus point against the number of `points`.
    static func check(
        _ settings: RenderSettings, hidden: [Int]? = nil, domain: Domain? = nil,
        points: Int? = nil, source: String
    ) throws {
        do {
            try settings.options.validate()
            if let points {
                try FigureRenderer.check(focus: settings.options.focus, points: points)
            }
            if let hidden, let domain {
                let needs = settings.needs(hidden: hidden, domain: domain)
                if needs.contains(.landscape) {
                    try settings.options.surface.validate(hidden: hidden)
                }
                // The hidden space draws the last hidden layer's units two at a time.
                if needs.contains(.hiddenSpace), (hidden.last ?? 0) < 2 {
                    throw BackpropError.badSurface(
                        "The hidden space needs a last hidden layer of at least 2 units; this "
                            + "network's hidden layers are \(hidden).")
                }
            }
            try settings.animation.validate()
            try FFmpeg.check(settings.formats)
        } catch {
            throw located(error, lines: settings.keyLines, source: source)
        }
    }

    /// `error` as a mistake at the line of the key it refuses, when the run file wrote that key
    /// (and no flag replaced it): a value refused once the data, network or epochs are known.
    static func located(_ error: any Error, lines: KeyLines, source: String) -> ErrorestError {
        var refused: (key: String, problem: String)?
        if let violation = RangeViolation(error) {
            refused = (violation.key, violation.keyProblem)
        } else if case BackpropError.badSchedule(let problem) = error {
            refused = (Keys.snapshots.key, problem)
        }
        guard let refused, let line = lines[refused.key] else {
            return ErrorestError(error, context: source)
        }
        return ErrorestError(RunFileError(file: source, line: line, problem: refused.problem))
    }

    /// Checks a run file, opens its output folder and trains: the steps `run` and `train` share.
    ///
    /// Everything that can be checked is checked before the folder is touched; if training
    /// fails, the folder's staging is removed and its files stay as they were.
    static func train(
        _ file: RunFile, source: String, render: RenderSettings?, output: OutputOptions
    ) throws -> (TrainingRun, OutputFolder) {
        let name = file.name ?? "run"
        let trainer = try prepare(file, source: source)
        if let render {
            let domain = file.domain ?? trainer.data.defaultDomain
            try check(
                render, hidden: trainer.network.hidden, domain: domain,
                points: trainer.data.count, source: source)
        }
        let folder = try openFolder(name, output: output)
        var record = try staging(folder, source: source) {
            try train(
                trainer, name: name, domain: file.domain, source: source, quiet: output.quiet)
        }
        // The record keeps the look it is drawn with, for `errorest render` to start from.
        record.render = render?.recorded
        return (record, folder)
    }

    /// Opens the output folder of the run or lesson `name` (or `--out`) for a new generation:
    /// its files stay as they are until the generation is committed.
    static func openFolder(_ name: String, output: OutputOptions) throws -> OutputFolder {
        let (url, display) = output.folder(for: name)
        return try OutputFolder(url: url, displayPath: display)
    }

    /// Runs `body`, which stages files in `folder`; on any failure the staging is removed, the
    /// folder's files stay as they were and the error names `source`.
    static func staging<T>(_ folder: OutputFolder, source: String?, _ body: () throws -> T)
        throws -> T
    {
        do {
            return try body()
        } catch {
            folder.discard()
            throw ErrorestError(error, context: source)
        }
    }

    /// The seconds since `started`, for the summary line.
    static func seconds(since started: ContinuousClock.Instant) -> Double {
        let elapsed = (ContinuousClock.now - started).components
        return Double(elapsed.seconds) + Double(elapsed.attoseconds) / 1e18
    }

    /// Trains, with a progress bar of epochs when stderr is a terminal.
    static func train(
        _ trainer: Trainer, name: String, domain: Domain?, source: String, quiet: Bool
    ) throws -> TrainingRun {
        let bar = ProgressBar(
            label: "training ", total: trainer.options.epochs, unit: "epochs", quiet: quiet)
        do {
            let run = try trainer.train(name: name, domain: domain) { bar?.update($0) }
            bar?.finish()
            return run
        } catch {
            bar?.finish()
            throw ErrorestError(error, context: source)
        }
    }

    /// Stages the run record (if asked) and the figures, then swaps them into the folder.
    ///
    /// The new manifest lists the `kept` entries of the previous one and the new files. On any
    /// failure the staging folder is removed and the previous files stay as they were. `inputs`
    /// is a sweep run's content hash, kept in the manifest.
    static func write(
        run: TrainingRun, stageRecord: Bool, settings: RenderSettings?, snapshots: [Int],
        folder: OutputFolder, keeping kept: [Manifest.Entry] = [], jobs: Int, quiet: Bool,
        inputs: String? = nil, source: String? = nil
    ) throws -> Manifest {
        try staging(folder, source: source) {
            var staged: [String] = []
            // The record is encoded and staged while the figures are drawn; its failure is the
            // one thrown, as when it was staged first.
            let record =
                stageRecord
                ? Background {
                    try folder.stage(at: "run.json") { try StreamedJSON.record(run, to: $0) }
                }
                : nil
            if stageRecord { staged.append("run.json") }
            var entries: [Manifest.Entry] = []
            do {
                entries = try drawFigures(
                    run: run, settings: settings, snapshots: snapshots, folder: folder, jobs: jobs,
                    quiet: quiet)
            } catch {
                try record?.value()
                throw error
            }
            try record?.value()
            staged += entries.map(\.path) + Array(Set(entries.compactMap(\.data))).sorted()
            let fresh = Set(entries.map(\.path))
            let files = (kept.filter { !fresh.contains($0.path) } + entries).sorted {
                ($0.path.hasPrefix("frames/") ? 0 : 1, $0.path)
                    < ($1.path.hasPrefix("frames/") ? 0 : 1, $1.path)
            }
            let manifest = Manifest(name: run.name, files: files, inputs: inputs)
            try folder.commit(manifest, staged: staged)
            return manifest
        }
    }

    /// Draws and stages `settings`' figures of `snapshots`, and the animations and pages made of
    /// them; returns their manifest entries.
    private static func drawFigures(
        run: TrainingRun, settings: RenderSettings?, snapshots: [Int], folder: OutputFolder,
        jobs: Int, quiet: Bool
    ) throws -> [Manifest.Entry] {
        var entries: [Manifest.Entry] = []
        if let settings, !settings.figures.isEmpty, !snapshots.isEmpty {
            var writer = FigureWriter(run: run, settings: settings, snapshots: snapshots)
            writer.sequences = try Animations.start(
                run: run, settings: settings, snapshots: snapshots, folder: folder)
            if FigureWriter.isSequence(snapshots, of: run) {
                writer.pages = try Pages.start(
                    run: run, settings: settings, snapshots: snapshots, folder: folder)
            }
            let bar = ProgressBar(
                label: "rendering", total: writer.jobs.count, unit: writer.unit, quiet: quiet)
            defer { bar?.finish() }
            entries = try writer.write(into: folder, threads: jobs, progress: bar)
            bar?.finish()
            entries += try Animations.finish(
                writer.sequences, run: run, settings: settings, folder: folder)
            entries += try Pages.finish(writer.pages, run: run, settings: settings)
        }
        return entries
    }

    /// Prints the manifest on stdout (`--json`) and a summary on stderr (unless `--quiet`).
    static func report(
        _ manifest: Manifest, run: TrainingRun, folder: OutputFolder, output: OutputOptions,
        started: ContinuousClock.Instant
    ) throws {
        if output.json {
            try StandardStreams.writeOutput(try manifest.jsonData())
        }
        if let warning = warning(run.errorTrend, learningRate: run.training.learningRate) {
            printError("errorest: warning: \(run.name): \(warning)")
        }
        guard !output.quiet else { return }
        let (first, last) = (run.errors.first ?? 0, run.errors.last ?? 0)
        let accuracy = (run.accuracies.last ?? 0) * 100
        let frames = manifest.files.filter { $0.path.hasPrefix("frames/frame-") }.count
        let others = manifest.files.count - frames
        var written: [String] = []
        if frames > 0 { written.append("\(frames) frame" + (frames == 1 ? "" : "s")) }
        if others > 0 { written.append("\(others) figure" + (others == 1 ? "" : "s")) }
        written.append("run.json")
        let elapsed = seconds(since: started)
        printError(
            "\(run.name): E(W) \(ErrorTrend.number(first)) → \(ErrorTrend.number(last)), accuracy "
                + String(format: "%.1f%%", accuracy) + " after \(run.training.epochs) epochs; "
                + written.joined(separator: ", ") + " in \(folder.displayPath) "
                + String(format: "(%.1f s)", elapsed))
    }

    /// A warning for a run whose error ended above its start (``ErrorTrend/endedAbove``), or
    /// `nil`; it is a warning and not an error (the run is written, the exit code is 0), since a
    /// teacher may show such a run on purpose.
    static func warning(_ trend: ErrorTrend?, learningRate: Double) -> String? {
        guard let words = trend?.endedAboveWords else { return nil }
        return "\(words); the learning rate \(ErrorTrend.number(learningRate)) may be too large."
    }
}
