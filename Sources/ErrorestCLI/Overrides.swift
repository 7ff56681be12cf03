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
            "Generate the points: wedge, xor, circle, gauss, spiral or moons (see "
                + "`errorest datasets`).", valueName: "name"),
        transform: { try Parse.one($0, "generator") as Generator })
    var generator: Generator?

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp("Points the generator makes (key data.count).", valueName: "n"))
    var count: Int?

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp(
            "Standard deviation of the noise added to generated points (key data.noise).",
            valueName: "sigma"))
    var noise: Double?

    @Option(
        name: .customLong("data-seed"), parsing: .unconditional,
        help: ArgumentHelp("Seed of the generator (key data.seed).", valueName: "n"))
    var dataSeed: UInt64?

    @Option(
        help: ArgumentHelp(
            "Units per hidden layer, e.g. 2 or 8,8; `none` is the single perceptron "
                + "(key network.hidden).", valueName: "sizes"),
        transform: Parse.hidden)
    var hidden: [Int]?

    @Option(
        help: ArgumentHelp(
            "Hidden activation: sigmoid, tanh or relu (key network.activation).",
            valueName: "name"),
        transform: { try Parse.one($0, "activation") as Activation })
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
                + "the same numbers to 1e-12 (key training.engine).", valueName: "name"),
        transform: { try Parse.one($0, "training engine") as Engine })
    var engine: Engine?

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
        if let snapshots { run.snapshots = snapshots }
        if let domain {
            do {
                run.domain = try Domain(x1: Array(domain[0...1]), x2: Array(domain[2...3]))
            } catch let error as BackpropError {
                throw ErrorestError.badInput("--domain: \(error.description)")
            }
        }
    }

    /// Checks each value given against its range, naming the flag (exit 65).
    private func checkRanges() throws {
        func bad(_ flag: String, _ value: Any, _ rule: String) -> ErrorestError {
            .badInput("\(flag) is \(value); it must be \(rule).")
        }
        if let count, !(4...Generator.maximumCount).contains(count) {
            throw bad("--count", count, "between 4 and \(Generator.maximumCount)")
        }
        if let noise, !(noise.isFinite && (0...10).contains(noise)) {
            throw bad("--noise", noise, "between 0 and 10")
        }
        if let hidden,
            hidden.count > Network.maximumHiddenLayers
                || hidden.contains(where: { !(1...Network.maximumUnits).contains($0) })
        {
            throw bad(
                "--hidden", hidden,
                "at most \(Network.maximumHiddenLayers) layers of 1 to \(Network.maximumUnits) "
                    + "units")
        }
        if let epochs, !(0...TrainingOptions.maximumEpochs).contains(epochs) {
            throw bad("--epochs", epochs, "between 0 and \(TrainingOptions.maximumEpochs)")
        }
        if let learningRate, !(learningRate.isFinite && learningRate > 0) {
            throw bad("--learning-rate", learningRate, "a finite number above 0")
        }
        if case .size(let n) = batchSize, n < 1 {
            throw bad("--batch-size", n, "\"full\" or at least 1")
        }
    }

    private func applyData(to run: inout RunFile) throws {
        if let data {
            if generator != nil {
                throw ErrorestError.usage("Give either --data or --generator, not both.")
            }
            run.data = .file(URL(fileURLWithPath: data).standardizedFileURL, display: data)
        }
        let tweaks = generator != nil || count != nil || noise != nil || dataSeed != nil
        guard tweaks else { return }
        var (kind, n, sigma, s) = (Generator.wedge, 200, 0.1, UInt64(7))
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
            generator ?? kind, count: count ?? n, noise: noise ?? sigma, seed: dataSeed ?? s)
    }
}

/// Flags that choose what is drawn and how (the run file's `render` keys).
struct RenderFlags: ParsableArguments {
    @Option(help: ArgumentHelp("Pixels of every figure, WxH (key render.size).", valueName: "WxH"))
    var size: ImageSize?

    @Option(
        help: ArgumentHelp(
            "Figures to write, comma-separated: frame, hidden, output, error "
                + "(key render.figures).", valueName: "list"),
        transform: { try Parse.many($0, "figure") as [FigureKind] })
    var figures: [FigureKind]?

    @Option(
        name: [.customLong("format"), .customLong("formats")],
        help: ArgumentHelp(
            "File formats, comma-separated: png, pdf, svg for each snapshot; apng, mp4, gif "
                + "for one animation of them all (key render.formats).",
            valueName: "list"),
        transform: { try Parse.many($0, "format") as [FileFormat] })
    var formats: [FileFormat]?

    @Option(
        help: ArgumentHelp(
            "Colours: lesson (blue = 1, red = 0) or colorblind (key render.palette).",
            valueName: "name"),
        transform: { try Parse.one($0, "palette") as PaletteName })
    var palette: PaletteName?

    @Option(
        name: .customLong("png-compression"), parsing: .unconditional,
        help: ArgumentHelp(
            "zlib level of PNG files, 0 to 9 (key render.pngCompression).", valueName: "level"))
    var pngCompression: Int?

    @Flag(
        name: .customLong("hidden-lines"), inversion: .prefixedNo,
        help: ArgumentHelp(
            "Draw the hidden units' lines faintly on the output panel "
                + "(key render.hiddenLinesOnOutput; on by default)."))
    var hiddenLinesOnOutput: Bool?

    @Flag(
        name: .customLong("log-error"), inversion: .prefixedNo,
        help: "Use a logarithmic error axis (key render.logScaleError).")
    var logScaleError: Bool?

    @Flag(
        inversion: .prefixedNo,
        help: "Print each hidden line's equation w1·x1 + w2·x2 + b = 0 (key render.equations).")
    var equations: Bool?

    @Flag(
        inversion: .prefixedNo,
        help: "Draw the figure's header: run name, epoch, error, legend (key render.header).")
    var header: Bool?

    @Option(
        name: .customLong("error-range"),
        help: ArgumentHelp(
            "The error axis, low,high: one scale shared across runs (key render.errorRange).",
            valueName: "low,high"))
    var errorRange: String?

    /// Applies every flag given to `settings`, checking each value's range (exit 65).
    func apply(to settings: inout RenderSettings) throws {
        if let size {
            let range = RenderOptions.sizeRange
            guard range.contains(size.width), range.contains(size.height) else {
                throw ErrorestError.badInput(
                    "--size is \(size.width)x\(size.height); each side must be "
                        + "\(range.lowerBound) to \(range.upperBound) pixels.")
            }
            settings.options.width = size.width
            settings.options.height = size.height
        }
        if let figures { settings.figures = figures }
        if let formats { settings.formats = formats }
        if let palette { settings.options.palette = palette }
        if let pngCompression {
            guard (0...9).contains(pngCompression) else {
                throw ErrorestError.badInput(
                    "--png-compression is \(pngCompression); it must be 0 to 9.")
            }
            settings.options.pngCompression = pngCompression
        }
        if let hiddenLinesOnOutput { settings.options.hiddenLinesOnOutput = hiddenLinesOnOutput }
        if let logScaleError { settings.options.logScaleError = logScaleError }
        if let equations { settings.options.equations = equations }
        if let header { settings.options.header = header }
        if let errorRange {
            let parts = errorRange.split(separator: ",").map {
                Double($0.trimmingCharacters(in: .whitespaces))
            }
            guard parts.count == 2, let low = parts[0], let high = parts[1], low.isFinite,
                high.isFinite, low >= 0, low < high
            else {
                throw ErrorestError.usage(
                    "--error-range is two errors low,high with 0 ≤ low < high, such as 0,0.8; "
                        + "got \"\(errorRange)\".")
            }
            settings.options.errorRange = low...high
        }
    }
}
