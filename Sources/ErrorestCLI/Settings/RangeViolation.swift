import Backprop
import Figures

/// A value the library refused as out of range, told where the user gave it.
///
/// The library owns every range rule and names the setting it refuses (``Setting``,
/// ``RenderSetting``); this turns that name into the run file's key or the command line's flag,
/// so each rule is written once.
struct RangeViolation {
    /// The run file's key, as `data.count`.
    var key: String
    /// The flag, as `--count`.
    var flag: String
    /// The refused value as text.
    var value: String
    /// The rule it breaks, as a clause: "it must be between 4 and 1000000".
    var rule: String

    /// The violation an error reports, or `nil` for any other error.
    init?(_ error: any Error) {
        switch error {
        case BackpropError.outOfRange(let setting, let value, let rule):
            (key, flag, self.value, self.rule) = (setting.key, setting.flag, value, rule)
        case FiguresError.outOfRange(let setting, let value, let rule):
            (key, flag, self.value, self.rule) = (setting.key, setting.flag, value, rule)
        default:
            return nil
        }
    }

    /// The problem as a run file states it: `"data.count" is 2; it must be …`.
    var keyProblem: String { "\"\(key)\" is \(value); \(rule)." }

    /// The problem as a flag states it: `--count is 2; it must be …`.
    var flagProblem: String { "\(flag) is \(value); \(rule)." }

    /// Runs `body` (the library's checks of flag values), naming the flag of a refused value.
    static func checkingFlags(_ body: () throws -> Void) throws {
        do {
            try body()
        } catch {
            guard let violation = RangeViolation(error) else { throw error }
            throw ErrorestError.badInput(violation.flagProblem)
        }
    }
}

extension Setting {
    /// The run file's key.
    var key: String {
        switch self {
        case .count: return "data.count"
        case .noise: return "data.noise"
        case .hiddenLayers, .hiddenUnits: return "network.hidden"
        case .epochs: return "training.epochs"
        case .learningRate: return "training.learningRate"
        case .batchSize: return "training.batchSize"
        case .momentum, .beta1, .beta2, .epsilon, .l1, .l2: return "training.\(rawValue)"
        case .surfaceGrid: return "render.surface.grid"
        case .surfaceSpan: return "render.surface.span"
        case .surfaceAxes: return "render.surface.axes"
        }
    }

    /// The command line's flag.
    var flag: String {
        switch self {
        case .count: return "--count"
        case .noise: return "--noise"
        case .hiddenLayers, .hiddenUnits: return "--hidden"
        case .epochs: return "--epochs"
        case .learningRate: return "--learning-rate"
        case .batchSize: return "--batch-size"
        case .momentum, .beta1, .beta2, .epsilon, .l1, .l2: return "--\(rawValue)"
        case .surfaceGrid: return "--surface-grid"
        case .surfaceSpan: return "--surface-span"
        case .surfaceAxes: return "--surface-axes"
        }
    }
}

extension RenderSetting {
    /// The run file's key.
    var key: String {
        switch self {
        case .size: return "render.size"
        case .pngCompression: return "render.pngCompression"
        case .focus: return "render.focus"
        case .frameLandscape: return "render.frameLandscape"
        case .fontSize: return "render.fontSize"
        case .hiddenShading: return "render.hiddenShading"
        case .errorRange: return "render.errorRange"
        case .fps, .holdFirst, .holdLast, .title: return "render.animation.\(rawValue)"
        }
    }

    /// The command line's flag.
    var flag: String {
        switch self {
        case .size: return "--size"
        case .pngCompression: return "--png-compression"
        case .focus: return "--focus"
        case .frameLandscape: return "--frame-landscape"
        case .fontSize: return "--font-size"
        case .hiddenShading: return "--hidden-shading"
        case .errorRange: return "--error-range"
        case .fps: return "--fps"
        case .holdFirst: return "--hold-first"
        case .holdLast: return "--hold-last"
        case .title: return "--title-card"
        }
    }
}
