import Backprop
import Foundation

/// One run of a sweep, ready to train: its place in the grid, its values, its checked run file
/// and the content hash of its inputs.
struct PlannedRun: Sendable {
    /// The run's place in the grid, from 0.
    var position: Int
    var name: String
    /// The index of each key's value.
    var choice: [Int]
    var file: RunFile
    /// SHA-256 of the run's settings and data (see ``RunInputs``).
    var inputs: String
    /// The run's folder, relative to the sweep's folder: `runs/<name>`.
    var folder: String
}

/// What a run's folder holds.
enum RunState: Sendable {
    /// A complete run for these inputs: its manifest, written last, names them.
    case done(Manifest, TrainingRun)
    /// Training these inputs diverged; the failure is recorded (`failed.json`).
    case failed(RunFailure)
    /// Nothing for these inputs yet (nothing at all, a run of other inputs, or a run cut short).
    case pending
}

/// The runs of a sweep file a command needs (every run, or one shard's), with the command line's
/// flags applied, checked before anything is trained or written.
///
/// Planning costs what the runs planned cost: a shard of a sweep of 10⁶ runs plans its own runs
/// only. What concerns every run is checked from the keys alone: the count (``SweepFile/count``),
/// names that cannot repeat (each key's values read differently), and flags that set a swept key.
struct SweepPlan: Sendable {
    var sweep: SweepFile
    /// The runs planned, by position.
    var runs: [PlannedRun]
    /// The sweep's output folder and how the user names it.
    var folder: URL
    var displayPath: String
    /// The render settings of the first run planned: the formats and size of the comparison
    /// figures (the merge plans every run).
    var render: RenderSettings

    /// Plans the runs of `sweep` in `shard` (every run when it is nil) and applies `adjust`
    /// (the flags) to each; each run is named by its position and values.
    ///
    /// Throws the first mistake found, before anything is written.
    init(
        _ sweep: SweepFile, out: String?, shard: Shard? = nil,
        adjust: (inout RunFile) throws -> Void
    ) throws {
        self.sweep = sweep
        displayPath = out ?? "Output/\(sweep.name)"
        folder = URL(fileURLWithPath: displayPath).standardizedFileURL
        try SweepPlan.checkFlags(
            sweep, first: try sweep.runFile(sweep.choice(at: 0)), adjust: adjust)
        // A race's runners are checked against its first (also when a shard leaves it out).
        var first: (name: String, trainer: Trainer)?
        if !sweep.raceFigures.isEmpty {
            var file = try sweep.runFile(sweep.choice(at: 0))
            try adjust(&file)
            first = (
                sweep.runName(at: 0),
                try Pipeline.prepare(file, source: sweep.source)
            )
        }
        var runs: [PlannedRun] = []
        for position in SweepPlan.positions(of: shard, count: sweep.count) {
            let choice = sweep.choice(at: position)
            let name = sweep.runName(at: position)
            guard RunName.isValid(name) else {
                throw ErrorestError.badInput(
                    "\(sweep.source): the run name \"\(name)\" made from its values is not "
                        + "usable: " + RunName.problem(name))
            }
            var file = try sweep.runFile(choice)
            try adjust(&file)
            file.name = name
            let trainer = try Pipeline.prepare(file, source: sweep.source)
            if let first {
                try RaceFigures.checkSharedStart(trainer, of: name, first: first, sweep: sweep)
            }
            try Pipeline.check(file.render, source: sweep.source)
            let inputs = RunInputs.hash(file, data: trainer.data)
            runs.append(
                PlannedRun(
                    position: position, name: name, choice: choice, file: file, inputs: inputs,
                    folder: "runs/\(name)"))
        }
        self.runs = runs
        render = runs.first?.file.render ?? RenderSettings()
    }

    /// The positions of the runs of `shard` among `count`, from the shard's first: a stride, so
    /// that nothing is made for the positions of other shards.
    static func positions(of shard: Shard?, count: Int) -> StrideTo<Int> {
        guard let shard else { return stride(from: 0, to: count, by: 1) }
        return stride(from: shard.index - 1, to: count, by: shard.count)
    }

    /// Refuses (64) a flag that sets a key the sweep varies: it would give every run the flag's
    /// value while the names, the index and the grid say the sweep's.
    ///
    /// A key is overridden when two runs that differ only in its value are the same run once the
    /// flags are applied.
    static func checkFlags(
        _ sweep: SweepFile, first: RunFile, adjust: (inout RunFile) throws -> Void
    ) throws {
        for (k, key) in sweep.keys.enumerated() where key.nodes.count > 1 {
            var choice = [Int](repeating: 0, count: sweep.keys.count)
            choice[k] = 1
            var one = first
            var other = try sweep.runFile(choice)
            try adjust(&one)
            try adjust(&other)
            guard settingsText(one) == settingsText(other) else { continue }
            let flags = SettingCatalog.all.filter { $0.key == key.path }.compactMap(\.flag)
            let flag = flags.first ?? "a flag"
            throw ErrorestError.usage(
                "\(flag) sets \(key.path), which \(sweep.source)"
                    + (key.line.map { " (line \($0))" } ?? "")
                    + " sweeps; drop the flag, or the key from the sweep block.")
        }
    }

    /// Every setting of a run file but its name, as text to compare.
    private static func settingsText(_ file: RunFile) -> String {
        var settings = file
        settings.name = nil
        var text = ""
        dump(settings, to: &text)
        return text
    }

    /// The folder of a run.
    func url(of run: PlannedRun) -> URL {
        folder.appendingPathComponent(run.folder)
    }

    /// The folder of a run as the user would write it.
    func display(of run: PlannedRun) -> String {
        (displayPath as NSString).appendingPathComponent(run.folder)
    }

    /// What a run's folder holds for its inputs.
    ///
    /// Reads only; writes nothing.
    func state(of run: PlannedRun) -> RunState {
        let url = url(of: run)
        // Done only when the manifest names these inputs, every file it lists is there and the
        // run record reads back whole: a damaged record is a run to do again, like a lost frame.
        if let bytes = FileManager.default.contents(
            atPath: url.appendingPathComponent("manifest.json").path),
            let manifest = Manifest.read(bytes), manifest.inputs == run.inputs,
            manifest.ownedPaths.allSatisfy({
                FileManager.default.fileExists(atPath: url.appendingPathComponent($0).path)
            }),
            let recordBytes = FileManager.default.contents(
                atPath: url.appendingPathComponent(manifest.run).path),
            let record = try? TrainingRun(jsonData: recordBytes, source: manifest.run)
        {
            return .done(manifest, record)
        }
        if let failure = RunFailure.read(in: url), failure.inputs == run.inputs {
            return .failed(failure)
        }
        return .pending
    }
}

/// The content hash that tells whether a run's folder already holds this run.
enum RunInputs {
    /// SHA-256 over Errorest's version, every setting of the run file (after flags) and the
    /// points themselves (so an edited CSV file counts as new data, wherever it lives).
    static func hash(_ file: RunFile, data: Dataset) -> String {
        var settings = file
        settings.data = .file(URL(fileURLWithPath: "/"), display: "")  // hashed by content below
        var text = "errorest \(ErrorestCommand.configuration.version)\n"
        dump(settings, to: &text)
        var digest = SHA256()
        digest.update(text)
        for (point, label) in zip(data.points, data.labels) {
            for word in [point.x1.bitPattern, point.x2.bitPattern, UInt64(label)] {
                digest.update((0..<8).map { UInt8(truncatingIfNeeded: word >> (8 * $0)) })
            }
        }
        return digest.hexDigest()
    }
}

/// A run whose training diverged, recorded in its folder as `failed.json` so that a retried
/// task does not train it again and the index and figures can show it.
struct RunFailure: Codable, Equatable, Sendable {
    static let fileName = "failed.json"
    var format = "errorest-failure"
    var version = 1
    var name: String
    /// The content hash of the inputs that failed.
    var inputs: String
    /// What went wrong, as the one-line message `errorest run` would print.
    var message: String

    init(name: String, inputs: String, message: String) {
        self.name = name
        self.inputs = inputs
        self.message = message
    }

    static func read(in folder: URL) -> RunFailure? {
        guard
            let bytes = FileManager.default.contents(
                atPath: folder.appendingPathComponent(fileName).path),
            let failure = try? JSONDecoder().decode(RunFailure.self, from: bytes),
            failure.format == "errorest-failure"
        else { return nil }
        return failure
    }

    func jsonData() throws -> Data {
        try JSONText.data(self)
    }
}
