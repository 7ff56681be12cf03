import Backprop
import Figures
import Foundation

/// Where a run's points come from.
public enum DataSource: Equatable, Sendable {
    /// A seeded generator (SPEC §4 `data.generator`).
    case generator(Generator, count: Int, noise: Double, seed: UInt64)
    /// A CSV file of `x1,x2,label` rows (relative paths already resolved), and the path to show
    /// in messages.
    case file(URL, display: String)
}

/// How the network's first weights are chosen.
public enum Initialization: Equatable, Sendable {
    /// `Normal(0, 1/fan_in)` weights and zero biases from this seed.
    case seed(UInt64)
    /// Explicit weights and biases, hidden layers first and the output layer last.
    case layers([Layer])
}

/// A run file (SPEC §4): what to train and how to draw it.
///
/// Every field has a default, so an empty file is a valid run.
public struct RunFile: Equatable, Sendable {
    /// The output folder's name; `nil` takes it from the run file's name.
    public var name: String?
    public var data: DataSource = .generator(.wedge, count: 200, noise: 0.1, seed: 7)
    /// Units per hidden layer; `nil` means "as the explicit layers say", else `[2]`.
    public var hidden: [Int]?
    public var activation: Activation = .sigmoid
    public var initialization: Initialization = .seed(1)
    public var training = TrainingOptions()
    public var snapshots: SnapshotSchedule = .paced(60)
    /// The view of the plane; `nil` is the data's bounds plus a margin.
    public var domain: Domain?
    public var render = RenderSettings()

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
            guard let bytes = FileManager.default.contents(atPath: url.path) else {
                throw ErrorestError.inputMissing(
                    "The data file \(display) does not exist or cannot be read.")
            }
            guard let text = String(data: bytes, encoding: .utf8) else {
                throw ErrorestError.badInput("\(display), line 1: the file is not UTF-8 text.")
            }
            do {
                return try Dataset(csv: text, source: display)
            } catch {
                throw ErrorestError(error)
            }
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
        return Trainer(
            network: try network(), data: try dataset(), options: training, schedule: snapshots)
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

    public init() {}
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
