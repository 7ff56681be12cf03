import ArgumentParser
import Backprop
import Foundation

/// `errorest run [RUNFILE]`: train and render.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Train a network and render every snapshot.",
        discussion: """
            Reads a run file (YAML or JSON; every key is in "The run file", \
            Sources/ErrorestCLI/ErrorestCLI.docc/RunFileFormat.md), trains, and writes \
            run.json, manifest.json, frames/frame-NNNN.png and figures/… into the output \
            folder. Without a run file it runs the built-in lesson \
            (Samples/lesson.yaml). Flags override the run file's keys.

            A re-run removes the files its previous manifest listed and touches nothing else; if \
            it fails, the previous run's files stay as they were.
            """)

    @OptionGroup var input: TrainingInput

    @OptionGroup var drawing: DrawingOptions

    func run() throws {
        try Pipeline.run(
            input, render: drawing.render, output: drawing.output, jobs: drawing.jobs.count)
    }
}

/// `errorest train [RUNFILE]`: training only.
struct TrainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train",
        abstract: "Train a network and write its run record (run.json), without rendering.",
        discussion: """
            Takes the same run file and flags as `errorest run` (without one: the built-in \
            lesson). Writes run.json and a manifest listing no figures. Draw it later with \
            `errorest render <folder>/run.json`.
            """)

    @OptionGroup var input: TrainingInput

    @OptionGroup(title: "Output")
    var output: OutputOptions

    func run() throws {
        try Pipeline.run(input, render: nil, output: output, jobs: 1)
    }
}

/// What `run` and `train` train: a run file (or the built-in lesson) and the flags over it.
struct TrainingInput: ParsableArguments {
    @Argument(
        help: ArgumentHelp(
            "A run file (.yaml, .yml or .json). Without one: the built-in lesson, or with "
                + "--data or --generator a run of those points named after them."))
    var runFile: String?

    @OptionGroup(title: "Data, network and training")
    var training: TrainingFlags

    /// The run file with every flag applied, and its name for messages.
    ///
    /// Without a run file, flags that name the data (`--data`, `--generator`) make a run of
    /// their own: every other key at its default, named after the data file or the generator.
    /// Other flags alone adjust the built-in lesson.
    func load() throws -> (RunFile, source: String) {
        var (file, source): (RunFile, String)
        if runFile == nil, let name = training.dataName {
            (file, source) = (RunFile(), "the command line")
            file.name = name
        } else {
            (file, source) = try Pipeline.load(runFile)
        }
        try training.apply(to: &file)
        return (file, source)
    }
}
