import Backprop
import Figures
import Foundation
import Synchronization

/// One file to draw: a figure of a snapshot in a format, and where it goes.
struct FigureJob: Sendable {
    var kind: FigureKind
    var format: FileFormat
    /// Index into the run's snapshots.
    var snapshot: Int
    var path: String
    /// The frame's place in the sequence: its index among the drawn snapshots.
    var frameIndex: Int = 0
    /// False for a PNG drawn only for an animation, which is not written as a file of its own.
    var staged = true
}

/// Draws a run's figures on several threads and stages each file as soon as it is drawn, so
/// memory holds at most one figure per thread whatever the number of frames.
struct FigureWriter {
    var run: TrainingRun
    var settings: RenderSettings
    /// Indices into `run.snapshots`, in epoch order.
    var snapshots: [Int]
    /// The animations being assembled, by figure: each receives that figure's PNG frames.
    var sequences: [FigureKind: Animation] = [:]
    /// The lesson pages being written, by figure: each receives that figure's PNG frames.
    var pages: [FigureKind: Page] = [:]

    /// True when `snapshots` are every snapshot of `run`: their PNG frames make the sequence
    /// `frames/`; fewer are stills, which never replace it.
    static func isSequence(_ snapshots: [Int], of run: TrainingRun) -> Bool {
        snapshots == Array(run.snapshots.indices)
    }

    /// Every file to draw: snapshot by snapshot, figure by figure, format by format.
    ///
    /// PNG frames of a sequence are numbered in this order, from 0.
    var jobs: [FigureJob] {
        var jobs: [FigureJob] = []
        let sequence = FigureWriter.isSequence(snapshots, of: run)
        let stills = settings.formats.filter { !$0.isAnimation }
        let names = EpochNames(run: run)
        for (frameIndex, snapshot) in snapshots.enumerated() {
            for kind in settings.figures {
                for format in stills {
                    let path = Manifest.Entry.path(
                        kind: kind, format: format, epoch: run.snapshots[snapshot].epoch,
                        fraction: run.snapshots[snapshot].stepFraction,
                        frameIndex: sequence ? frameIndex : nil, names: names)
                    jobs.append(
                        FigureJob(
                            kind: kind, format: format, snapshot: snapshot, path: path,
                            frameIndex: frameIndex))
                }
                if sequences[kind] != nil || pages[kind] != nil, !stills.contains(.png) {
                    jobs.append(
                        FigureJob(
                            kind: kind, format: .png, snapshot: snapshot, path: "",
                            frameIndex: frameIndex, staged: false))
                }
            }
        }
        return jobs
    }

    /// What the progress bar counts: frames when only PNG frames are drawn, files otherwise.
    var unit: String {
        settings.figures == [.frame] && settings.formats == [.png] ? "frames" : "files"
    }

    /// Draws every job on `threads` threads, stages the files in `folder` and hands each PNG
    /// of an animated figure to its sequence.
    ///
    /// Returns the manifest entries in job order. The first failure (in job order) is thrown
    /// after the other threads stop.
    func write(into folder: OutputFolder, threads: Int, progress: ProgressBar?) throws
        -> [Manifest.Entry]
    {
        let renderer = try FigureRenderer(run: run, options: settings.options)
        if settings.figures.contains(.frame), let note = renderer.leftOut(.frame) {
            printError("errorest: note: \(run.name): \(note)")
        }
        let jobs = self.jobs
        let run = self.run
        let results = Mutex([Manifest.Entry?](repeating: nil, count: jobs.count))
        let staged = Mutex(Set<String>())
        try ParallelFrames.forEach(count: jobs.count, threads: threads) { index in
            let job = jobs[index]
            let figure = try renderer.render(
                job.kind, snapshot: job.snapshot, format: job.format)
            if job.format == .png, let sequence = sequences[job.kind] {
                try sequence.add(frame: job.frameIndex, figure: figure)
            }
            if job.format == .png, let page = pages[job.kind] {
                try page.add(frame: job.frameIndex, figure: figure)
            }
            if job.staged {
                try folder.stage(figure.data, at: job.path)
                if index == 0 { FaultPoint.reach("figure") }
                var entry = Manifest.Entry(
                    path: job.path, figure: figure,
                    error: run.snapshots[job.snapshot].error)
                // Surfaces and hidden space: their numbers beside them, written once.
                if let table = try renderer.table(job.kind, snapshot: job.snapshot) {
                    let path = Manifest.Entry.dataPath(
                        table: table.name, epoch: figure.epoch,
                        fraction: figure.stepFraction, names: EpochNames(run: run))
                    let first = staged.withLock { $0.insert(path).inserted }
                    if first { try folder.stage(table.data, at: path) }
                    entry.data = path
                }
                results.withLock { $0[index] = entry }
                if job.kind == .panel(.surface) || job.kind == .panel(.mountain) {
                    FaultPoint.reach("landscape")
                }
            }
            progress?.advance()
        }
        return results.withLock { $0.compactMap { $0 } }
    }
}
