import ArgumentParser
import Backprop
import Figures
import Foundation

/// Flags that override a run file's data, network, training and snapshot keys.
struct TrainingFlags: ParsableArguments {
    @Option(help: ArgumentHelp("The run's name (key name); it names the output folder."))
    var name: String?

    @Option(
        help: ArgumentHelp(
            "Read points from this CSV file (x1,x2,label) instead of a generator.",
            valueName: "csv"))
    var data: String?

    @Option(
        help: ArgumentHelp(
            "Generate the points (key data.generator; see `errorest datasets`).",
            valueName: "name"))
    var generator: Generator?

    @OptionGroup var points: GeneratorFlags

    @Option(
        help: ArgumentHelp(
            "Units per hidden layer, e.g. 2 or 8,8; `none` is the single perceptron "
                + "(key network.hidden).", valueName: "sizes"),
        transform: Parse.hidden)
    var hidden: [Int]?

    @Option(
        help: ArgumentHelp(
            "The hidden layers' activation (key network.activation).",
            valueName: "name"))
    var activation: Activation?

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp(
            "Seed of the initial weights and of the shuffle (keys network.init.seed, "
                + "training.seed).", valueName: "n"))
    var seed: UInt64?

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp("Passes over the data (key training.epochs).", valueName: "n"))
    var epochs: Int?

    @Option(
        name: .customLong("learning-rate"), parsing: .unconditional,
        help: ArgumentHelp("The step size η (key training.learningRate).", valueName: "eta"))
    var learningRate: Double?

    @Option(
        name: .customLong("batch-size"),
        help: ArgumentHelp(
            "`full` (one step per epoch) or points per step (key training.batchSize).",
            valueName: "full|n"),
        transform: Parse.batchSize)
    var batchSize: BatchSize?

    @Flag(
        inversion: .prefixedNo,
        help: ArgumentHelp(
            "Reshuffle the points every epoch when batches are smaller than the data "
                + "(key training.shuffle)."))
    var shuffle: Bool?

    @Option(
        help: ArgumentHelp(
            "Which code trains: fast (the default) or reference, the lesson's plain functions; "
                + "the same numbers to 1e-12 (key training.engine).", valueName: "name"))
    var engine: Engine?

    @Option(
        help: ArgumentHelp(
            "The update rule: sgd, momentum or adam, as PyTorch defines them "
                + "(key training.optimizer).", valueName: "name"))
    var optimizer: OptimizerKind?

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp(
            "β of momentum, 0 to below 1 (key training.momentum).", valueName: "beta"))
    var momentum: Double?

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp("β₁ of adam (key training.beta1).", valueName: "beta"))
    var beta1: Double?

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp("β₂ of adam (key training.beta2).", valueName: "beta"))
    var beta2: Double?

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp("ε of adam (key training.epsilon).", valueName: "eps"))
    var epsilon: Double?

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp(
            "L1 penalty λ·Σ|w| on the weights, not the biases (key training.l1).",
            valueName: "lambda"))
    var l1: Double?

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp(
            "L2 penalty λ/2·Σw² on the weights, not the biases (key training.l2).",
            valueName: "lambda"))
    var l2: Double?

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp(
            "Hold out this share of the points as test points, stratified by label and drawn "
                + "by the data seed (key data.test).", valueName: "share"))
    var test: Double?

    @Option(
        name: .customLong("test-file"),
        help: ArgumentHelp(
            "Read held-out test points from this CSV file (key data.testFile).",
            valueName: "csv"))
    var testFile: String?

    @Option(
        help: ArgumentHelp(
            "Epochs to snapshot: \"paced 60\", \"log 60\", \"linear 100\", \"every 10\", \"all\" or "
                + "\"0,5,10\" (key snapshots).", valueName: "schedule"),
        transform: Parse.schedule)
    var snapshots: SnapshotSchedule?

    @Option(
        help: ArgumentHelp(
            "The view of the plane, x1min,x1max,x2min,x2max (key render.domain).",
            valueName: "box"),
        transform: Parse.domain)
    var domain: [Double]?

    /// The name of a run whose data the flags give: the data file's name without its extension,
    /// or the generator's; `nil` when the flags name no data.
    var dataName: String? {
        if let data { return RunName.fromFile(URL(fileURLWithPath: data)) }
        return generator?.rawValue
    }

    /// Applies every flag given to `run`; flags win over the run file's keys.
    func apply(to run: inout RunFile) throws {
        if let name {
            guard RunName.isValid(name) else {
                throw ErrorestError.usage("--name: " + RunName.problem(name))
            }
            run.name = name
        }
        try checkRanges()
        try applyData(to: &run)
        if let hidden { run.hidden = hidden }
        if let activation { run.activation = activation }
        if let seed {
            if case .seed = run.initialization { run.initialization = .seed(seed) }
            run.training.seed = seed
        }
        if let epochs { run.training.epochs = epochs }
        if let learningRate { run.training.learningRate = learningRate }
        if let batchSize { run.training.batchSize = batchSize }
        if let shuffle { run.training.shuffle = shuffle }
        if let engine { run.training.engine = engine }
        if let optimizer { run.training.optimizer = optimizer }
        if let momentum { run.training.momentum = momentum }
        if let beta1 { run.training.beta1 = beta1 }
        if let beta2 { run.training.beta2 = beta2 }
        if let epsilon { run.training.epsilon = epsilon }
        if let l1 { run.training.l1 = l1 }
        if let l2 { run.training.l2 = l2 }
        if test != nil, testFile != nil {
            throw ErrorestError.usage("Give either --test or --test-file, not both.")
        }
        if let test { run.test = .share(test) }
        if let testFile {
            run.test = .file(URL(fileURLWithPath: testFile).standardizedFileURL, display: testFile)
        }
        if let snapshots { run.snapshots = snapshots }
        if let domain {
            do {
                run.domain = try Domain(x1: Array(domain[0...1]), x2: Array(domain[2...3]))
            } catch let error as BackpropError {
                throw ErrorestError.badInput("--domain: \(error.description)")
            }
        }
    }

    /// Checks each value given by the library's rules, naming the flag (exit 65).
    private func checkRanges() throws {
        try points.checkRanges()
        try RangeViolation.checkingFlags {
            if let hidden { try Network.check(hidden: hidden) }
            if let epochs { try TrainingOptions.check(epochs: epochs) }
            if let learningRate { try TrainingOptions.check(learningRate: learningRate) }
            if let batchSize { try TrainingOptions.check(batchSize: batchSize) }
        }
    }

    private func applyData(to run: inout RunFile) throws {
        if let data {
            if generator != nil {
                throw ErrorestError.usage("Give either --data or --generator, not both.")
            }
            run.data = .file(URL(fileURLWithPath: data).standardizedFileURL, display: data)
        }
        guard generator != nil || points.given else { return }
        var (kind, n, sigma, s) = (
            Generator.wedge, DataSource.defaultCount, DataSource.defaultNoise,
            DataSource.defaultSeed
        )
        switch run.data {
        case .generator(let g, let count, let noise, let seed):
            (kind, n, sigma, s) = (g, count, noise, seed)
        case .file where generator == nil:
            throw ErrorestError.usage(
                "--count, --noise and --data-seed apply to generated points; this run reads a "
                    + "CSV file (add --generator to generate instead).")
        case .file: break
        }
        run.data = .generator(
            generator ?? kind, count: points.count ?? n, noise: points.noise ?? sigma,
            seed: points.dataSeed ?? s)
    }
}

/// The flags of a generator's points, shared by `run`, `train` and `datasets`.
struct GeneratorFlags: ParsableArguments {
    @Option(
        parsing: .unconditional,
        help: ArgumentHelp(
            "Points the generator makes (key data.count; default \(DataSource.defaultCount)).",
            valueName: "n"))
    var count: Int?

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp(
            "Standard deviation of the noise added to generated points (key data.noise; "
                + "default \(DataSource.defaultNoise)).", valueName: "sigma"))
    var noise: Double?

    @Option(
        name: .customLong("data-seed"), parsing: .unconditional,
        help: ArgumentHelp(
            "Seed of the generator (key data.seed; default \(DataSource.defaultSeed)).",
            valueName: "n"))
    var dataSeed: UInt64?

    /// True when any of the flags is given.
    var given: Bool { count != nil || noise != nil || dataSeed != nil }

    /// Checks each value given by the library's rules, naming the flag (exit 65).
    func checkRanges() throws {
        try RangeViolation.checkingFlags {
            if let count { try Generator.check(count: count) }
            if let noise { try Generator.check(noise: noise) }
        }
    }
}
