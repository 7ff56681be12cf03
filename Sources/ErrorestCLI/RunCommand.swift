import ArgumentParser
import Backprop
import Foundation

/// `errorest run [RUNFILE]`: train and render.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Train a network and render every snapshot.",
        discussion: """
            Reads a run file (YAML or JSON, SPEC §4), trains, and writes run.json, manifest.json, \
            frames/frame-NNNN.png and figures/… into the output folder. Without a run file it \
            runs the built-in lesson (Samples/lesson.yaml). Flags override the run file's keys.

            A re-run removes the files its previous manifest listed and touches nothing else; if \
            it fails, the previous run's files stay as they were.
            """)

    @Argument(help: "A run file (.yaml, .yml or .json). Without one: the built-in lesson.")
    var runFile: String?

    @OptionGroup(title: "Data, network and training")
    var training: TrainingFlags

    @OptionGroup(title: "Figures")
    var render: RenderFlags

    @OptionGroup(title: "Output")
    var output: OutputOptions

    @OptionGroup(title: "Output")
    var jobs: JobsOption

    func run() throws {
        let started = ContinuousClock.now
        var (file, source) = try Pipeline.load(runFile)
        try training.apply(to: &file)
        try render.apply(to: &file.render)
        let (record, folder) = try Pipeline.train(
            file, source: source, render: file.render, output: output)
        let manifest = try Pipeline.write(
            run: record, stageRecord: true, settings: file.render,
            snapshots: Array(record.snapshots.indices), folder: folder, jobs: jobs.count,
            quiet: output.quiet, source: source)
        try Pipeline.report(manifest, run: record, folder: folder, output: output, started: started)
    }
}

/// `errorest train RUNFILE`: training only.
struct TrainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train",
        abstract: "Train a network and write its run record (run.json), without rendering.",
        discussion: """
            Writes run.json and a manifest listing no figures. Draw it later with \
            `errorest render <folder>/run.json`.
            """)

    @Argument(help: "A run file (.yaml, .yml or .json).")
    var runFile: String

    @OptionGroup(title: "Data, network and training")
    var training: TrainingFlags

    @OptionGroup(title: "Output")
    var output: OutputOptions

    func run() throws {
        let started = ContinuousClock.now
        var (file, source) = try Pipeline.load(runFile)
        try training.apply(to: &file)
        let (record, folder) = try Pipeline.train(file, source: source, render: nil, output: output)
        let manifest = try Pipeline.write(
            run: record, stageRecord: true, settings: nil, snapshots: [], folder: folder, jobs: 1,
            quiet: output.quiet, source: source)
        try Pipeline.report(manifest, run: record, folder: folder, output: output, started: started)
    }
}
