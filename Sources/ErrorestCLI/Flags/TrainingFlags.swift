import ArgumentParser
import Backprop
import Figures
import Foundation

/// Flags that override a run file's data, network, training and snapshot keys.
struct TrainingFlags: ParsableArguments {
    @Option(name: .setting(Keys.name), help: .setting(Keys.name))
    var name: String?

    @Option(name: .setting(Keys.file), help: .setting(Keys.file))
    var data: String?

    @Option(name: .setting(Keys.generator), help: .setting(Keys.generator))
    var generator: Generator?

    @OptionGroup var points: GeneratorFlags

    @Option(name: .setting(Keys.hidden), help: .setting(Keys.hidden), transform: Parse.hidden)
    var hidden: [Int]?

    @Option(name: .setting(Keys.activation), help: .setting(Keys.activation))
    var activation: Activation?

    @Option(
        name: .setting(Keys.trainingSeed), parsing: .unconditional,
        help: .setting(Keys.trainingSeed))
    var seed: UInt64?

    @Option(name: .setting(Keys.epochs), parsing: .unconditional, help: .setting(Keys.epochs))
    var epochs: Int?

    @Option(
        name: .setting(Keys.learningRate), parsing: .unconditional,
        help: .setting(Keys.learningRate))
    var learningRate: Double?

    @Option(
        name: .setting(Keys.batchSize), help: .setting(Keys.batchSize), transform: Parse.batchSize)
    var batchSize: BatchSize?

    @Flag(name: .setting(Keys.shuffle), inversion: .prefixedNo, help: .setting(Keys.shuffle))
    var shuffle: Bool?

    @Option(name: .setting(Keys.engine), help: .setting(Keys.engine))
    var engine: Engine?

    @Option(name: .setting(Keys.optimizer), help: .setting(Keys.optimizer))
    var optimizer: OptimizerKind?

    @Option(name: .setting(Keys.momentum), parsing: .unconditional, help: .setting(Keys.momentum))
    var momentum: Double?

    @Option(name: .setting(Keys.beta1), parsing: .unconditional, help: .setting(Keys.beta1))
    var beta1: Double?

    @Option(name: .setting(Keys.beta2), parsing: .unconditional, help: .setting(Keys.beta2))
    var beta2: Double?

    @Option(name: .setting(Keys.epsilon), parsing: .unconditional, help: .setting(Keys.epsilon))
    var epsilon: Double?

    @Option(name: .setting(Keys.l1), parsing: .unconditional, help: .setting(Keys.l1))
    var l1: Double?

    @Option(name: .setting(Keys.l2), parsing: .unconditional, help: .setting(Keys.l2))
    var l2: Double?

    @Option(name: .setting(Keys.test), parsing: .unconditional, help: .setting(Keys.test))
    var test: Double?

    @Option(name: .setting(Keys.testFile), help: .setting(Keys.testFile))
    var testFile: String?

    @Option(
        name: .setting(Keys.snapshots), help: .setting(Keys.snapshots), transform: Parse.schedule)
    var snapshots: SnapshotSchedule?

    @Option(
        name: .setting(Keys.domain), parsing: .unconditional, help: .setting(Keys.domain),
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
        try points.checkRanges()
        try applyData(to: &run)
        try Keys.hidden.apply(hidden, to: &run)
        try Keys.activation.apply(activation, to: &run)
        if let seed {
            if case .seed = run.initialization { run.initialization = .seed(seed) }
            run.training.seed = seed
        }
        try Keys.epochs.apply(epochs, to: &run)
        try Keys.learningRate.apply(learningRate, to: &run)
        try Keys.batchSize.apply(batchSize, to: &run)
        try Keys.shuffle.apply(shuffle, to: &run)
        try Keys.engine.apply(engine, to: &run)
        try Keys.optimizer.apply(optimizer, to: &run)
        try Keys.momentum.apply(momentum, to: &run)
        try Keys.beta1.apply(beta1, to: &run)
        try Keys.beta2.apply(beta2, to: &run)
        try Keys.epsilon.apply(epsilon, to: &run)
        // A flag the run's optimizer does not use is refused, as its key is in a run file.
        let owned: [(any AnySetting, Double?)] = [
            (Keys.momentum, momentum), (Keys.beta1, beta1), (Keys.beta2, beta2),
            (Keys.epsilon, epsilon),
        ]
        for (setting, value) in owned where value != nil {
            if let problem = SettingCatalog.ownerProblem(setting, optimizer: run.training.optimizer)
            {
                throw ErrorestError.usage(
                    "\(setting.flag ?? setting.key): \(problem) Drop the flag, or choose that "
                        + "optimizer.")
            }
        }
        try Keys.l1.apply(l1, to: &run)
        try Keys.l2.apply(l2, to: &run)
        if test != nil, testFile != nil {
            throw ErrorestError.usage("Give either --test or --test-file, not both.")
        }
        if let test { run.test = .share(test) }
        if let testFile {
            run.test = .file(URL(fileURLWithPath: testFile).standardizedFileURL, display: testFile)
        }
        try Keys.snapshots.apply(snapshots, to: &run)
        if let domain {
            do {
                run.domain = try Domain(x1: Array(domain[0...1]), x2: Array(domain[2...3]))
            } catch let error as BackpropError {
                throw ErrorestError.badInput("--domain: \(error.description)")
            }
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
    @Option(name: .setting(Keys.count), parsing: .unconditional, help: .setting(Keys.count))
    var count: Int?

    @Option(name: .setting(Keys.noise), parsing: .unconditional, help: .setting(Keys.noise))
    var noise: Double?

    @Option(
        name: .setting(Keys.dataSeed), parsing: .unconditional, help: .setting(Keys.dataSeed))
    var dataSeed: UInt64?

    /// True when any of the flags is given.
    var given: Bool { count != nil || noise != nil || dataSeed != nil }

    /// Checks each value given by the library's rules, naming the flag (exit 65).
    func checkRanges() throws {
        try RangeViolation.checkingFlags {
            try count.map(Keys.count.rule)
            try noise.map(Keys.noise.rule)
        }
    }
}
