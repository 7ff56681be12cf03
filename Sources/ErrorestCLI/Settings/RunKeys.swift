import Backprop
import Figures
import Foundation

/// The run file's keys, each declared once (see ``Declared``); the run file's reader, the flags,
/// `--help`, the docs' key table and the run file's schema are made from these.
enum Keys {
    // MARK: The top level and the data

    static let name = Declared<RunFile, String>(
        "name", flags: ["name"], help: "The run's name; it names the output folder",
        doc: "The run's name and its output folder's: 1 to 120 letters, digits, `.`, `_` or `-`.",
        type: .text, schema: ["type": "string", "pattern": "^[A-Za-z0-9._-]{1,120}$"],
        defaultText: "the run file's name without its extension")

    static let generator = Declared<RunFile, Generator>(
        "data.generator", flags: ["generator"], valueName: "name",
        help: "Generate the points (see `errorest datasets`)",
        doc: "The generator of the points, seeded: the same seed gives the same points on every "
            + "machine (`errorest datasets` lists them).", type: .choice, defaultText: "wedge")

    static let count = Declared<RunFile, Int>(
        "data.count", flags: ["count"], valueName: "n", help: "Points the generator makes",
        doc: "Points the generator makes, 4 to 1000000.", type: .integer,
        schema: .within(Generator.countRange), library: [.backprop(.count)],
        rule: { try Generator.check(count: $0) }, defaultText: "\(DataSource.defaultCount)")

    static let noise = Declared<RunFile, Double>(
        "data.noise", flags: ["noise"], valueName: "sigma",
        help: "Standard deviation of the noise added to generated points",
        doc: "The standard deviation of the noise added to each generated coordinate, 0 to 10.",
        type: .number, schema: .within(Generator.noiseRange), library: [.backprop(.noise)],
        rule: { try Generator.check(noise: $0) }, defaultText: "\(DataSource.defaultNoise)")

    static let dataSeed = Declared<RunFile, UInt64>(
        "data.seed", flags: ["data-seed"], valueName: "n", help: "Seed of the generator",
        doc: "The generator's seed; with `data.file` and `data.test`, the seed that draws the "
            + "held-out points.", type: .seed, defaultText: "\(DataSource.defaultSeed)")

    static let file = Declared<RunFile, String>(
        "data.file", flags: ["data"], valueName: "csv",
        help: "Read points from this CSV file (x1,x2,label) instead of a generator",
        doc: "A CSV file of `x1,x2,label` rows instead of a generator (a header is optional, "
            + "labels are 0 or 1, blank lines and `#` comments are allowed), relative to the run "
            + "file's folder; a run gives either a file or a generator's keys.", type: .text,
        defaultText: "none")

    static let test = Declared<RunFile, Double>(
        "data.test", flags: ["test"], valueName: "share",
        help: "Hold out ⌈share × n⌉ of the n points as test points, stratified by label and "
            + "drawn by the data seed",
        doc: "Holds out ⌈share × n⌉ of the n points as test points, never trained on: "
            + "stratified by label within that total (scikit-learn's `train_test_split`), drawn "
            + "by `data.seed`, at least one point of each label on each side; above 0 and below 1.",
        type: .number, schema: ["type": "number", "exclusiveMinimum": 0, "exclusiveMaximum": 1],
        defaultText: "none")

    static let testFile = Declared<RunFile, String>(
        "data.testFile", flags: ["test-file"], valueName: "csv",
        help: "Read held-out test points from this CSV file",
        doc: "A CSV file of held-out test points, like `data.file`; either this or `data.test`.",
        type: .text, defaultText: "none")

    // MARK: The network

    static let hidden = Declared<RunFile, [Int]>(
        "network.hidden", flags: ["hidden"], valueName: "sizes",
        help: "Units per hidden layer, e.g. 2 or 8,8; `none` is the single perceptron",
        doc: "Units per hidden layer, 1 to 64 each, at most 8 layers; `[]` is the single "
            + "perceptron.", type: .hiddenSizes,
        library: [.backprop(.hiddenLayers), .backprop(.hiddenUnits)],
        rule: { try Network.check(hidden: $0) }, optional: \.hidden, defaultText: "[2]")

    static let activation = Declared<RunFile, Activation>(
        "network.activation", flags: ["activation"], valueName: "name",
        help: "The hidden layers' activation",
        doc: "The hidden layers' activation; the output is one sigmoid unit.", type: .choice,
        path: \.activation)

    static let initSeed = Declared<RunFile, UInt64>(
        "network.init.seed",
        doc: "Seed of the first weights, drawn from Normal(0, 1/fan_in) with zero biases "
            + "(flag `--seed`, which sets `training.seed` too).", type: .seed, defaultText: "1")

    static let initLayers = Declared<RunFile, [Layer]>(
        "network.init.layers",
        doc: "The first weights given explicitly instead of `seed`: a list of layers, each its "
            + "`weights` and `biases`, "
            + "hidden layers first and the output layer last; `weights[j][i]` is the weight from "
            + "input `i` to unit `j`.", type: .layers, defaultText: "none")

    // MARK: Training

    static let epochs = Declared<RunFile, Int>(
        "training.epochs", flags: ["epochs"], valueName: "n", help: "Passes over the data",
        doc: "Passes over the data, 0 to 10000000.", type: .integer,
        schema: .within(0...TrainingOptions.maximumEpochs), library: [.backprop(.epochs)],
        rule: { try TrainingOptions.check(epochs: $0) }, path: \.training.epochs)

    static let learningRate = Declared<RunFile, Double>(
        "training.learningRate", flags: ["learning-rate"], valueName: "eta",
        help: "The step size η", doc: "The step size η, above 0.", type: .number,
        schema: ["type": "number", "exclusiveMinimum": 0], library: [.backprop(.learningRate)],
        rule: { try TrainingOptions.check(learningRate: $0) }, path: \.training.learningRate)

    static let batchSize = Declared<RunFile, BatchSize>(
        "training.batchSize", flags: ["batch-size"], valueName: "full|n",
        help: "`full` (one step per epoch) or points per step",
        doc: "`full` (one step per epoch) or the points each step averages over, at least 1.",
        type: .batchSize, library: [.backprop(.batchSize)],
        rule: { try TrainingOptions.check(batchSize: $0) }, path: \.training.batchSize)

    static let shuffle = Declared<RunFile, Bool>(
        "training.shuffle", flags: ["shuffle"],
        help: "Reshuffle the points every epoch when batches are smaller than the data",
        doc: "Reshuffles the points every epoch, when batches are smaller than the data.",
        type: .bool, path: \.training.shuffle)

    static let trainingSeed = Declared<RunFile, UInt64>(
        "training.seed", flags: ["seed"], valueName: "n",
        help: "Seed of the shuffle and, as network.init.seed, of the initial weights",
        doc: "Seed of the shuffle (flag `--seed`, which sets `network.init.seed` too).",
        type: .seed, path: \.training.seed)

    static let engine = Declared<RunFile, Engine>(
        "training.engine", flags: ["engine"], valueName: "name",
        help: "Which code trains: fast or reference, the lesson's plain functions; the same "
            + "numbers to 1e-12",
        doc: "Which code trains: `fast`, or `reference`, the lesson's plain functions; the same "
            + "numbers to 1e-12.", type: .choice, path: \.training.engine)

    static let optimizer = Declared<RunFile, OptimizerKind>(
        "training.optimizer", flags: ["optimizer"], valueName: "name",
        help: "The update rule: sgd, momentum or adam, as PyTorch defines them",
        doc: "The update rule, as PyTorch defines it: `sgd`; `momentum`, v ← β·v + g, "
            + "w ← w − η·v (no dampening, no Nesterov); `adam`, bias-corrected running means of "
            + "g and g², w ← w − η·m̂ / (√v̂ + ε). Each run starts its state from zero.",
        type: .choice, path: \.training.optimizer)

    static let momentum = Declared<RunFile, Double>(
        "training.momentum", flags: ["momentum"], valueName: "beta",
        help: "β of momentum, 0 to below 1", doc: "β of `momentum`, at least 0 and below 1.",
        type: .number, schema: .decay, optimizer: .momentum, library: [.backprop(.momentum)],
        rule: { try TrainingOptions.check(.momentum, $0) }, path: \.training.momentum)

    static let beta1 = Declared<RunFile, Double>(
        "training.beta1", flags: ["beta1"], valueName: "beta", help: "β₁ of adam",
        doc: "β₁ of `adam`, at least 0 and below 1.", type: .number, schema: .decay,
        optimizer: .adam, library: [.backprop(.beta1)],
        rule: { try TrainingOptions.check(.beta1, $0) }, path: \.training.beta1)

    static let beta2 = Declared<RunFile, Double>(
        "training.beta2", flags: ["beta2"], valueName: "beta", help: "β₂ of adam",
        doc: "β₂ of `adam`, at least 0 and below 1.", type: .number, schema: .decay,
        optimizer: .adam, library: [.backprop(.beta2)],
        rule: { try TrainingOptions.check(.beta2, $0) }, path: \.training.beta2)

    static let epsilon = Declared<RunFile, Double>(
        "training.epsilon", flags: ["epsilon"], valueName: "eps", help: "ε of adam",
        doc: "ε of `adam`, above 0.", type: .number,
        schema: ["type": "number", "exclusiveMinimum": 0], optimizer: .adam,
        library: [.backprop(.epsilon)], rule: { try TrainingOptions.check(epsilon: $0) },
        path: \.training.epsilon)

    static let l1 = Declared<RunFile, Double>(
        "training.l1", flags: ["l1"], valueName: "lambda",
        help: "L1 penalty λ·Σ|w| on the weights, not the biases",
        doc: "The L1 penalty λ·Σ|w| on the weights (not the biases), at least 0.", type: .number,
        schema: ["type": "number", "minimum": 0], library: [.backprop(.l1)],
        rule: { try TrainingOptions.check(.l1, penalty: $0) }, path: \.training.l1)

    static let l2 = Declared<RunFile, Double>(
        "training.l2", flags: ["l2"], valueName: "lambda",
        help: "L2 penalty λ/2·Σw² on the weights, not the biases",
        doc: "The L2 penalty λ/2·Σw² on the weights (not the biases), at least 0.",
        type: .number, schema: ["type": "number", "minimum": 0], library: [.backprop(.l2)],
        rule: { try TrainingOptions.check(.l2, penalty: $0) }, path: \.training.l2)

    // MARK: Snapshots and the view

    static let snapshots = Declared<RunFile, SnapshotSchedule>(
        "snapshots", flags: ["snapshots"], valueName: "schedule",
        help: "Epochs to snapshot: \"paced 60\", \"log 60\", \"linear 100\", \"every 10\", "
            + "\"all\" or \"0,5,10\"",
        doc: "The epochs kept as snapshots: `paced N`, `log N`, `linear N`, `every N`, `all`, or "
            + "a list of epochs; every schedule includes epoch 0 and the last (see Snapshots).",
        type: .schedule, path: \.snapshots)

    static let domain = Declared<RunFile, Domain>(
        "render.domain", flags: ["domain"], valueName: "box",
        help: "The view of the plane, x1min,x1max,x2min,x2max",
        doc: "The view of the plane, `[[x1min, x1max], [x2min, x2max]]`.", type: .domain,
        optional: \.domain, defaultText: "the data's bounds plus a margin")
}

extension SchemaValue {
    /// A decay rate of an optimizer: at least 0 and below 1.
    static let decay: SchemaValue = ["type": "number", "minimum": 0, "exclusiveMaximum": 1]
}
