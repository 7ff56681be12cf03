/// A setting of a run that has a range of allowed values.
///
/// ``BackpropError/outOfRange(_:value:rule:)`` names the setting it refuses, so that a caller
/// can point to where the value came from (a run file's key and line, or a command-line flag).
public enum Setting: String, CaseIterable, Sendable {
    /// How many points a generator makes.
    case count
    /// The standard deviation of a generator's noise.
    case noise
    /// The hidden layer sizes, for their number of layers.
    case hiddenLayers
    /// How many units a hidden layer has.
    case hiddenUnits
    /// How many passes over the data training makes.
    case epochs
    /// The step size η.
    case learningRate
    /// How many points each gradient step averages over.
    case batchSize

    /// The setting in words, for messages: "the number of epochs".
    public var summary: String {
        switch self {
        case .count: return "the number of generated points"
        case .noise: return "the generator's noise"
        case .hiddenLayers: return "the list of hidden layer sizes"
        case .hiddenUnits: return "the number of units in a hidden layer"
        case .epochs: return "the number of epochs"
        case .learningRate: return "the learning rate"
        case .batchSize: return "the batch size"
        }
    }
}

extension Double {
    /// The number as a message shows it: `10` rather than `10.0` when it is whole.
    var plainText: String {
        rounded() == self && abs(self) < 1e15 ? String(Int(self)) : String(self)
    }
}
