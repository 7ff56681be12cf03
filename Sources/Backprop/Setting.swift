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
    /// Momentum's β.
    case momentum
    /// Adam's β₁.
    case beta1
    /// Adam's β₂.
    case beta2
    /// Adam's ε.
    case epsilon
    /// The strength of the L1 penalty on the weights.
    case l1
    /// The strength of the L2 penalty on the weights.
    case l2
    /// Nodes per side of an error surface's grid.
    case surfaceGrid
    /// The rectangle of plane coordinates an error surface covers.
    case surfaceSpan
    /// The two directions an error surface is drawn over.
    case surfaceAxes

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
        case .momentum: return "the optimizer's momentum"
        case .beta1: return "the optimizer's beta1"
        case .beta2: return "the optimizer's beta2"
        case .epsilon: return "the optimizer's epsilon"
        case .l1: return "the L1 penalty"
        case .l2: return "the L2 penalty"
        case .surfaceGrid: return "the error surface's grid size"
        case .surfaceSpan: return "the error surface's span"
        case .surfaceAxes: return "the choice of error surface axes"
        }
    }
}

extension Double {
    /// The number as a message shows it: `10` rather than `10.0` when it is whole.
    var plainText: String {
        rounded() == self && abs(self) < 1e15 ? String(Int(self)) : String(self)
    }
}
