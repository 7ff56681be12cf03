import ArgumentParser
import Foundation

/// `errorest sweep FILE`: every run of a sweep file, or one shard of them, then the index and
/// comparison figures.
struct SweepCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sweep",
        abstract: "Train and render every run of a sweep file, or one shard of them.",
        discussion: """
            A sweep file is a run file with a `sweep` block of keys and their values, such as \
            `training.learningRate: [0.5, 2, 8]`. Its runs are every combination of the values, \
            in the order of nested loops over the keys as written (the last key changes \
            fastest), each named by its position and values (03_lr-2_seed-3: `ls` lists them \
            in that order) and written into <out>/runs/<name>/ as `errorest run` would. Then \
            <out>/index.json lists every run, \
            its values and its files, and <out>/figures/ holds the grid and errors figures.

            --shard I/N runs only the runs at positions ≡ I−1 (mod N) and writes no index; \
            --shard-from-env takes I and N from a Slurm, Kubernetes or AWS Batch array task. A \
            run whose folder already holds it (same settings and data) is skipped, so a retried \
            task redoes nothing. After every shard: `errorest sweep FILE --merge`.
            """)

    @Argument(help: "A sweep file (.yaml, .yml or .json).")
    var sweepFile: String

    @Option(
        help: ArgumentHelp(
            "Run only shard I of N (from 1): the runs at positions ≡ I−1 (mod N).",
            valueName: "I/N"))
    var shard: String?

    @Flag(
        help: ArgumentHelp(
            "Take the shard from SLURM_ARRAY_TASK_ID (with _MIN and _COUNT), "
                + "JOB_COMPLETION_INDEX (with --shard-count) or AWS_BATCH_JOB_ARRAY_INDEX "
                + "(with AWS_BATCH_JOB_ARRAY_SIZE)."))
    var shardFromEnv = false

    @Option(
        help: ArgumentHelp(
            "The number of shards, for --shard-from-env where the engine does not say "
                + "(a Kubernetes Indexed Job's completions).", valueName: "n"))
    var shardCount: Int?

    @Flag(help: "Write the index and comparison figures from the runs already done; train nothing.")
    var merge = false

    @Flag(
        help: ArgumentHelp(
            "Print every run's position, name, folder and state (done, diverged or pending); "
                + "run nothing. Give it the flags the sweep ran with: a state is for the "
                + "settings they make."))
    var list = false

    @OptionGroup(title: "Data, network and training (for every run)")
    var training: TrainingFlags

    @OptionGroup(title: "Figures (for every run)")
    var render: RenderFlags

    @OptionGroup(title: "Output")
    var output: OutputOptions

    @OptionGroup(title: "Output")
    var jobs: JobsOption

    func validate() throws {
        if shard != nil && shardFromEnv {
            throw ValidationError("Give either --shard or --shard-from-env, not both.")
        }
        if merge && (shard != nil || shardFromEnv) {
            throw ValidationError("--merge reads every shard's runs; it takes no shard.")
        }
        if shardCount != nil && !shardFromEnv {
            throw ValidationError("--shard-count goes with --shard-from-env.")
        }
    }

    func run() throws {
        let session = SweepSession(
            training: training, render: render, output: output, threads: jobs.count)
        let shard = try chosenShard()
        var sweep: SweepFile
        do {
            sweep = try SweepFile(
                contentsOf: URL(fileURLWithPath: sweepFile), displayName: sweepFile)
        } catch {
            throw ErrorestError(error)
        }
        // --name names the sweep (and its folder); each run is named by its position and values.
        if let name = training.name {
            guard RunName.isValid(name) else {
                throw ErrorestError.usage("--name: " + RunName.problem(name))
            }
            sweep.name = name
        }
        let plan = try session.plan(sweep, shard: shard?.shard)
        if let shard, shardFromEnv, !output.quiet {
            printError("errorest: \(plan.sweep.name): \(shard.origin)")
        }
        if list {
            var lines: [String] = []
            var others = 0  // pending runs whose folders hold a run of other settings
            for run in plan.runs {
                let state: String
                switch plan.state(of: run) {
                case .done: state = "done"
                case .failed: state = "diverged"
                case .pending:
                    state = "pending"
                    let manifest = plan.url(of: run).appendingPathComponent("manifest.json")
                    if FileManager.default.fileExists(atPath: manifest.path) { others += 1 }
                }
                lines.append("\(run.position)\t\(run.name)\t\(plan.display(of: run))\t\(state)\n")
            }
            try StandardStreams.writeOutput(lines.joined())
            if others > 0 {
                let held = others == 1 ? "run's folder holds a run" : "runs' folders hold runs"
                printError(
                    "errorest: note: \(others) pending \(held) of other settings; if the sweep "
                        + "ran with flags, give --list the same flags.")
            }
            return
        }
        let label = plan.sweep.name + (shard.map { " shard \($0.shard)" } ?? "")
        if merge {
            try session.writeIndex(plan, label: label, ran: nil)
            return
        }
        let mine = plan.runs
        if mine.isEmpty, let shard {
            if !output.quiet {
                printError(
                    "\(label): this shard has no runs (\(plan.sweep.source) has "
                        + "\(plan.sweep.count) run\(plan.sweep.count == 1 ? "" : "s"), fewer than "
                        + "\(shard.shard.count) shards); nothing written.")
            }
            return
        }
        let pending = session.pending(mine, of: plan)
        if pending.isEmpty && shard != nil {
            if !output.quiet {
                printError(
                    "\(label): all \(mine.count) run\(mine.count == 1 ? " is" : "s are") "
                        + "already done in \(plan.displayPath); nothing written.")
            }
            return
        }
        let outcome = try session.train(pending, of: plan)
        let summary = SweepSession.summary(outcome, planned: mine.count, pending: pending.count)
        if shard != nil {
            if !output.quiet {
                printError(
                    "\(label): \(summary) in \(plan.displayPath) "
                        + "\(session.timing(pending.count)); "
                        + "after every shard: errorest sweep \(sweepFile) --merge")
            }
            return
        }
        try session.writeIndex(plan, label: label, ran: summary)
    }

    /// The shard asked for, and where it came from, or `nil` for the whole sweep.
    private func chosenShard() throws -> (shard: Shard, origin: String)? {
        if let shard {
            let parsed = try Shard(parsing: shard)
            return (parsed, "shard \(parsed) from --shard")
        }
        guard shardFromEnv else { return nil }
        return try Shard.fromEnvironment(ProcessInfo.processInfo.environment, count: shardCount)
    }
}
