import Backprop
import Figures
import Foundation

/// Where a run's points come from.
public enum DataSource: Equatable, Sendable {
    /// A seeded generator (the run file's `data.generator`).
    case generator(Generator, count: Int, noise: Double, seed: UInt64)
    /// A CSV file of `x1,x2,label` rows (relative paths already resolved), and the path to show
    /// in messages.
    case file(URL, display: String)

    /// The points a generator makes unless told otherwise.
    public static let defaultCount = 200
    /// The noise of generated points unless told otherwise.
    public static let defaultNoise = 0.1
    /// The generator's seed unless told otherwise.
    public static let defaultSeed: UInt64 = 7
    /// The points of a run file that names none.
    public static let standard = DataSource.generator(
        .wedge, count: defaultCount, noise: defaultNoise, seed: defaultSeed)
}

/// Where a run's held-out test points come from.
public enum TestSource: Equatable, Sendable {
    /// This share of the points, stratified by label and drawn by the data's seed.
    case share(Double)
    /// A CSV file of `x1,x2,label` rows, and the path to show in messages.
    case file(URL, display: String)
}

/// How the network's first weights are chosen.
public enum Initialization: Equatable, Sendable {
    /// `Normal(0, 1/fan_in)` weights and zero biases from this seed.
    case seed(UInt64)
    /// Explicit weights and biases, hidden layers first and the output layer last.
    case layers([Layer])
}

/// A run file: what to train and how to draw it (see the "The run file" article of the documentation).
///
/// Every field has a default, so an empty file is a valid run.
public struct RunFile: Equatable, Sendable {
    /// The output folder's name; `nil` takes it from the run file's name.
    public var name: String?
    /// Where the points come from (key `data`).
    public var data: DataSource = .standard
    /// Held-out points, measured every epoch and never trained on; `nil` trains on every point.
    public var test: TestSource?
    /// Seeds the split of ``TestSource/share(_:)`` when the points come from a file (a generator's
    /// points are split by the generator's seed).
    public var splitSeed: UInt64 = 7
    /// Units per hidden layer; `nil` means "as the explicit layers say", else `[2]`.
    public var hidden: [Int]?
    /// The hidden layers' activation (key `network.activation`).
    public var activation: Activation = .sigmoid
    /// The first weights (key `network.init`).
    public var initialization: Initialization = .seed(1)
    /// Epochs, learning rate, batches and shuffling (key `training`).
    public var training = TrainingOptions()
    /// The epochs kept as snapshots (key `snapshots`).
    public var snapshots: SnapshotSchedule = .paced(60)
    /// The view of the plane; `nil` is the data's bounds plus a margin.
    public var domain: Domain?
    /// What is drawn and how (key `render`, except `render.domain`).
    public var render = RenderSettings()
    /// The lines of the run file's keys outside `render`, for messages.
    var keyLines = KeyLines()

    /// A run file with every key at its default.
    public init() {}

    /// The hidden layer sizes the run trains.
    public var effectiveHidden: [Int] {
        if let hidden { return hidden }
        if case .layers(let layers) = initialization { return layers.dropLast().map(\.units) }
        return [2]
    }

    /// Loads the points, from the generator or the CSV file.
    public func dataset() throws -> Dataset {
        switch data {
        case .generator(let generator, let count, let noise, let seed):
            return try generator.generate(count: count, noise: noise, seed: seed)
        case .file(let url, let display):
            return try RunFile.points(url, display)
        }
    }

    /// The points trained on and the held-out points, if any.
    public func datasets() throws -> (train: Dataset, test: Dataset?) {
        let all = try dataset()
        switch test {
        case nil: return (all, nil)
        case .file(let url, let display): return (all, try RunFile.points(url, display))
        case .share(let share):
            var seed = splitSeed
            if case .generator(_, _, _, let dataSeed) = data { seed = dataSeed }
            return try all.split(testShare: share, seed: seed)
        }
    }

    /// The points of a CSV file.
    private static func points(_ url: URL, _ display: String) throws -> Dataset {
        let bytes = try readInput(url, what: "data file", display: display, limit: 256 << 20)
        guard let text = String(data: bytes, encoding: .utf8) else {
            throw ErrorestError.badInput("\(display), line 1: the file is not UTF-8 text.")
        }
        do {
            return try Dataset(csv: text, source: display)
        } catch {
            throw ErrorestError(error)
        }
    }

    /// The initial network.
    public func network() throws -> Network {
        switch initialization {
        case .seed(let seed):
            return try Network(hidden: effectiveHidden, activation: activation, seed: seed)
        case .layers(let layers):
            let given = layers.dropLast().map(\.units)
            if let hidden, hidden != given {
                throw BackpropError.badNetwork(
                    "The explicit initial weights have hidden layers \(given), but the network "
                        + "asks for \(hidden).")
            }
            return try Network(layers: layers, activation: activation)
        }
    }

    /// A trainer for this run, after checking every training setting.
    public func trainer() throws -> Trainer {
        try training.validate()
        _ = try snapshots.epochs(through: training.epochs)
        let (data, test) = try datasets()
        return Trainer(
            network: try network(), data: data, test: test, options: training, schedule: snapshots)
    }
}

/// How a run's figures are drawn and which ones are written.
public struct RenderSettings: Equatable, Sendable {
    /// Size, palette, compression and the panels' switches.
    public var options = RenderOptions()
    /// The figures written for every snapshot; `frame` is the composite.
    public var figures: [FigureKind] = [.frame]
    /// The file formats of every figure.
    public var formats: [FileFormat] = [.png]
    /// The timing of the animated formats (`apng`, `mp4`, `gif`).
    public var animation = AnimationOptions()
    /// The lines of the run file's `render` keys, for messages.
    var keyLines = KeyLines()

    public init() {}

    /// What the panels of these figures need, for a network with hidden layer widths `hidden`
    /// over the view `domain` (``RenderOptions/needs(of:hidden:domain:)``).
    public func needs(hidden: [Int], domain: Domain) -> Set<PanelNeed> {
        options.needs(of: figures, hidden: hidden, domain: domain)
    }
}

/// Where a run file wrote its keys, so that a value refused once the data, network or epochs
/// are known (``Pipeline/located(_:in:source:)``) is named at its line.
///
/// Not a setting: any two are equal and `dump` shows none, so comparisons of settings and the
/// sweep's input hashes ignore where a key was written. A flag that sets a key forgets its line.
struct KeyLines: Equatable, Sendable, CustomReflectable {
    private var lines: [String: Int] = [:]

    /// The line of `key` (`render.focus`), when the run file wrote it and no flag replaced it.
    subscript(key: String) -> Int? {
        get { lines[key] }
        set { lines[key] = newValue }
    }

    static func == (_: KeyLines, _: KeyLines) -> Bool { true }

    var customMirror: Mirror { Mirror(self, children: [:]) }
}

/// A run's name: it becomes a folder, so only `[A-Za-z0-9._-]`, and not `.` or `..`.
enum RunName {
    static func isValid(_ name: String) -> Bool {
        !name.isEmpty && name.count <= 120 && name != "." && name != ".."
            && name.unicodeScalars.allSatisfy {
                $0.isASCII
                    && (CharacterSet.alphanumerics.contains($0)
                        || "._-".unicodeScalars.contains($0))
            }
    }

    /// The reason a name is refused, as a sentence fragment.
    static func problem(_ name: String) -> String {
        "the name \"\(name)\" must be 1 to 120 letters, digits, dots, dashes or underscores "
            + "(it names the output folder)."
    }

    /// The default name for a run file: its file name without the extension, or "run".
    static func fromFile(_ url: URL) -> String {
        let stem = url.deletingPathExtension().lastPathComponent
        return isValid(stem) ? stem : "run"
    }
}
