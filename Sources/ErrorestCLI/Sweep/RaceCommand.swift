import ArgumentParser
import Foundation

/// `errorest race RUNFILE --vary KEY=V1,V2,…`: several runs from the same start, walking one
/// error surface.
struct RaceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "race",
        abstract: "Train runs that differ in one training key from the same start, and draw them "
            + "on one error surface.",
        discussion: """
            --vary optimizer=sgd,momentum,adam (or learningRate=0.5,2,8, or seed=1,2,3 for the \
            data order) makes one runner per value of a training key of the run file (a short \
            name, or the whole path such as training.optimizer). The runners are the runs of a \
            sweep of that key, written into <out>/runs/<name>/ as `errorest sweep` writes \
            them, with its index and its grid and errors figures; every runner starts from the \
            same weights W0, checked bit for bit before training. Then \
            <out>/figures/raceSurface.png draws every runner's path over one error surface: a \
            perceptron's exact (w1, w2) plane with the shared start's b held, or for a network \
            the plane through W0 spanned by the top two principal directions of all the paths, \
            with each path's share of its variance and its gap stated (also in index.json).
            """)

    @Argument(help: "A run file (.yaml, .yml or .json).")
    var runFile: String

    @Option(
        help: ArgumentHelp(
            "The training key the runners differ in, and its values (default: the run file's "
                + "race block).", valueName: "key=v1,v2,…"))
    var vary: String?

    @OptionGroup(title: "Data, network and training (for every runner)")
    var training: TrainingFlags

    @OptionGroup(title: "Figures (for every runner)")
    var render: RenderFlags

    @OptionGroup(title: "Output")
    var output: OutputOptions

    @OptionGroup(title: "Output")
    var jobs: JobsOption

    func run() throws {
        let session = SweepSession(
            training: training, render: render, output: output, threads: jobs.count)
        let url = URL(fileURLWithPath: runFile)
        var sweep: SweepFile
        do {
            let root = try RunFileNode.read(url, what: "run file", display: runFile)
            sweep = try SweepFile(
                root: try Self.adding(vary: try vary.map(Self.parse), to: root, file: runFile),
                file: runFile, folder: url.deletingLastPathComponent(),
                defaultName: RunName.fromFile(url))
        } catch {
            throw ErrorestError(error)
        }
        sweep.name = (training.name ?? sweep.name) + "-race"
        guard RunName.isValid(sweep.name) else {
            throw ErrorestError.usage("--name: " + RunName.problem(sweep.name))
        }
        let plan = try session.plan(sweep)
        let pending = session.pending(plan.runs, of: plan)
        let outcome = try session.train(pending, of: plan)
        try session.writeIndex(
            plan, label: plan.sweep.name,
            ran: SweepSession.summary(outcome, planned: plan.runs.count, pending: pending.count))
    }

    /// `optimizer=sgd,momentum,adam` as a key path and its values.
    static func parse(_ text: String) throws -> (key: String, values: [String]) {
        let parts = text.split(separator: "=", maxSplits: 1).map(String.init)
        guard parts.count == 2, !parts[0].isEmpty else {
            throw ErrorestError.usage(
                "--vary \"\(text)\" is not KEY=V1,V2,…; try --vary optimizer=sgd,momentum,adam.")
        }
        let values = parts[1].split(separator: ",", omittingEmptySubsequences: false).map {
            $0.trimmingCharacters(in: .whitespaces)
        }
        guard values.count >= 2, !values.contains(where: \.isEmpty) else {
            throw ErrorestError.usage(
                "--vary \(parts[0]) needs at least two values, separated by commas, such as "
                    + "\(parts[0])=a,b.")
        }
        let name = parts[0]
        let keys = SettingCatalog.all.map(\.key)
        if keys.contains(name) { return (name, values) }
        let matches = keys.filter { $0.hasSuffix("." + name) && $0.hasPrefix("training.") }
        guard matches.count == 1 else {
            throw ErrorestError.usage(
                "--vary: \"\(name)\" is not a training key; vary one such as optimizer, "
                    + "learningRate or seed (training.seed: the data order).")
        }
        return (matches[0], values)
    }

    /// The run file `root` with its `race` block (or `vary`, which replaces it) as the `sweep`
    /// block of one key that the runs of a sweep are planned from.
    static func adding(vary: (key: String, values: [String])?, to root: RunFileNode, file: String)
        throws -> RunFileNode
    {
        guard case .map(var entries) = root.value else {
            throw RunFileError(
                file: file, line: root.line, problem: "a run file is a mapping of keys.")
        }
        if let sweep = entries.first(where: { $0.key == "sweep" }) {
            throw RunFileError(
                file: file, line: sweep.line,
                problem: "a race's runners come from its \"race\" block or --vary; this file "
                    + "has a \"sweep\" block, which `errorest sweep` runs.")
        }
        let declared = entries.first { $0.key == "race" }
        entries.removeAll { $0.key == "race" }
        let block: RunFileNode
        if let vary {
            let values = try vary.values.map { text in
                RunFileNode(value: try RunFileNode.parseYAML(text, file: "--vary").value, line: nil)
            }
            block = RunFileNode(
                value: .map([
                    RunFileNode.Entry(
                        key: vary.key, line: nil,
                        value: RunFileNode(value: .list(values), line: nil))
                ]), line: nil)
        } else if let declared {
            guard case .map(let keys) = declared.value.value, keys.count == 1,
                SettingCatalog.raceableKeys.contains(keys[0].key)
            else {
                throw RunFileError(
                    file: file, line: declared.line,
                    problem: "\"race\" should name one training key and its values, such as "
                        + "training.optimizer: [sgd, momentum, adam].")
            }
            guard case .list(let values) = keys[0].value.value, values.count >= 2 else {
                throw RunFileError(
                    file: file, line: keys[0].line,
                    problem: "\"race.\(keys[0].key)\" should list at least two values.")
            }
            block = declared.value
        } else {
            throw ErrorestError.usage(
                "\(file) has no \"race\" block; give one, or --vary KEY=V1,V2,… such as "
                    + "--vary optimizer=sgd,momentum,adam.")
        }
        entries.append(RunFileNode.Entry(key: "sweep", line: declared?.line, value: block))
        // Every race figure, unless the file names those it wants.
        if !entries.contains(where: { $0.key == "figures" }) {
            entries.append(
                RunFileNode.Entry(
                    key: "figures", line: declared?.line,
                    value: RunFileNode(
                        value: .list([RunFileNode(value: .string(RaceFigure.all), line: nil)]),
                        line: declared?.line)))
        }
        return RunFileNode(value: .map(entries), line: root.line)
    }
}
