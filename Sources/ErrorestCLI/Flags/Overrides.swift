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

/// Flags that choose what is drawn and how (the run file's `render` keys).
struct RenderFlags: ParsableArguments {
    @Option(help: ArgumentHelp("Pixels of every figure, WxH (key render.size).", valueName: "WxH"))
    var size: ImageSize?

    @Option(
        help: ArgumentHelp(
            "Figures to write, comma-separated: frame, hidden, output, error, diagram, step, "
                + "surface, mountain, hiddenSpace (key render.figures).", valueName: "list"),
        transform: { try Parse.list($0, of: FigureKind.self, "figure") })
    var figures: [FigureKind]?

    @Option(
        name: [.customLong("format"), .customLong("formats")],
        help: ArgumentHelp(
            "File formats, comma-separated: png, pdf, svg for each snapshot; apng, mp4, gif "
                + "for one animation of them all (key render.formats).",
            valueName: "list"),
        transform: { try Parse.list($0, of: FileFormat.self, "format") })
    var formats: [FileFormat]?

    @Option(
        help: ArgumentHelp(
            "Colours: lesson is blue = 1, red = 0 (key render.palette).",
            valueName: "name"))
    var palette: PaletteName?

    @Option(
        name: .customLong("png-compression"), parsing: .unconditional,
        help: ArgumentHelp(
            "zlib level of PNG files, 0 to 9 (key render.pngCompression).", valueName: "level"))
    var pngCompression: Int?

    @Option(
        name: .customLong("font-size"),
        help: ArgumentHelp(
            "The smallest text in points (pixels in PNG); default: a frame's scales with its "
                + "size, a panel on its own is at least 7 pt placed 8 cm wide "
                + "(key render.fontSize).", valueName: "pt"))
    var fontSize: Double?

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

    @Option(
        help: ArgumentHelp(
            "The point whose wish is drawn: worst, a point's number (from 1), or x1,x2 "
                + "(key render.focus).", valueName: "point"),
        transform: {
            guard let focus = Focus(argument: $0) else {
                throw ValidationError(
                    "\"\($0)\" is not a focus point; use worst, a point's number, or x1,x2.")
            }
            return focus
        })
    var focus: Focus?

    @Option(
        help: ArgumentHelp(
            "Whose wish the diagram shows: point or batch (key render.wish).", valueName: "who"))
    var wish: WishSource?

    @Option(
        name: .customLong("frame-landscape"),
        help: ArgumentHelp(
            "A landscape panel in each frame beside the error curve: surface or mountain "
                + "(key render.frameLandscape).", valueName: "panel"),
        transform: {
            guard let kind = PanelKind(rawValue: $0) else {
                throw ValidationError("\"\($0)\" is not a panel; use surface or mountain.")
            }
            return kind
        })
    var frameLandscape: PanelKind?

    @Option(
        name: .customLong("surface-grid"), parsing: .unconditional,
        help: ArgumentHelp(
            "Nodes per side of the error surface's grid, 2 to 1001; 101 by default "
                + "(key render.surface.grid).", valueName: "n"))
    var surfaceGrid: Int?

    @Option(
        name: .customLong("surface-span"), parsing: .unconditional,
        help: ArgumentHelp(
            "The plane coordinates the error surface covers: u low,u high,v low,v high, or path "
                + "(the path's extent plus a quarter, the default) (key render.surface.span).",
            valueName: "span"),
        transform: { try Parse.span($0).map { .pairs($0) } ?? .path })
    var surfaceSpan: SpanFlag?

    @Option(
        name: .customLong("surface-axes"),
        help: ArgumentHelp(
            "The error surface's axes: w1,w2 (a perceptron's weights) or pca (the training path's "
                + "principal plane, any network); by default w1,w2 for a perceptron, else pca "
                + "(key render.surface.axes).", valueName: "axes"))
    var surfaceAxes: SurfaceAxes?

    /// `--surface-span`'s value: the path's extent, or pairs the library checks.
    enum SpanFlag {
        case path
        case pairs([[Double]])
    }

    @Option(
        name: .customLong("hidden-shading"),
        help: ArgumentHelp(
            "Hidden units shaded by their activation, or by their vote: side × sign of the "
                + "outgoing weight (key render.hiddenShading).", valueName: "mode"))
    var hiddenShading: HiddenShading?

    @Flag(
        name: .customLong("frame-diagram"), inversion: .prefixedNo,
        help: ArgumentHelp(
            "Draw the network diagram in each frame beside the error curve (key "
                + "render.frameDiagram)."))
    var frameDiagram: Bool?

    @Flag(
        inversion: .prefixedNo,
        help: "Draw the figure's header: run name, epoch, error, legend (key render.header).")
    var header: Bool?

    @Option(
        name: .customLong("error-range"),
        help: ArgumentHelp(
            "The error axis, low,high: one scale shared across runs (key render.errorRange).",
            valueName: "low,high"),
        transform: Parse.errorRange)
    var errorRange: [Double]?

    @OptionGroup var animation: AnimationFlags

    /// Applies every flag given to `settings`, checking each value's range (exit 65).
    func apply(to settings: inout RenderSettings) throws {
        try RangeViolation.checkingFlags {
            if let size { try RenderOptions.check(width: size.width, height: size.height) }
            if let pngCompression { try RenderOptions.check(pngCompression: pngCompression) }
            if let fontSize { try RenderOptions.check(fontSize: fontSize) }
            if let errorRange {
                try RenderOptions.check(errorLow: errorRange[0], high: errorRange[1])
            }
            if let frameLandscape {
                var options = RenderOptions()
                options.frameLandscape = frameLandscape
                try options.validate()
            }
            if let surfaceGrid { try SurfaceOptions.check(gridSize: surfaceGrid) }
            if case .pairs(let pairs) = surfaceSpan {
                settings.options.surface.span = try SurfaceOptions.span(pairs)
            }
        }
        if case .path = surfaceSpan { settings.options.surface.span = .pathExtent }
        if let surfaceGrid { settings.options.surface.gridSize = surfaceGrid }
        if let surfaceAxes { settings.options.surface.axes = surfaceAxes }
        if let size {
            settings.options.width = size.width
            settings.options.height = size.height
        }
        if let figures { settings.figures = figures }
        if let formats { settings.formats = formats }
        if let palette { settings.options.palette = palette }
        if let pngCompression { settings.options.pngCompression = pngCompression }
        if let fontSize { settings.options.fontSize = fontSize }
        if let hiddenLinesOnOutput { settings.options.hiddenLinesOnOutput = hiddenLinesOnOutput }
        if let logScaleError { settings.options.logScaleError = logScaleError }
        if let equations { settings.options.equations = equations }
        if let focus { settings.options.focus = focus }
        if let wish { settings.options.wish = wish }
        if let frameLandscape { settings.options.frameLandscape = frameLandscape }
        if let hiddenShading { settings.options.hiddenShading = hiddenShading }
        if let frameDiagram { settings.options.frameDiagram = frameDiagram }
        if let header { settings.options.header = header }
        if let errorRange { settings.options.errorRange = errorRange[0]...errorRange[1] }
        try animation.apply(to: &settings.animation)
    }
}
