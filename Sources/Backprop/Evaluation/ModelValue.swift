/// Which value of a network a figure asks for at a point of the plane.
package enum ModelValue: Hashable, Sendable {
    /// The output's logit `z`, where `ŷ = σ(z)`.
    case output
    /// The pre-activation `z` of unit `unit` (from 0) of hidden layer `layer` (from 0).
    case unit(layer: Int, unit: Int)

    /// The unit asked for within its layer: 0 for the output.
    var unitIndex: Int {
        switch self {
        case .output: return 0
        case .unit(_, let unit): return unit
        }
    }
}
