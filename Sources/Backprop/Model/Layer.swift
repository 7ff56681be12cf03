/// One fully connected layer: `weights[j][i]` is the weight from input `i` to unit `j`.
///
/// The same shape holds a gradient (`∂E/∂W`, `∂E/∂b`) in a snapshot.
public struct Layer: Equatable, Sendable, Codable {
    public var weights: [[Double]]
    public var biases: [Double]

    public init(weights: [[Double]], biases: [Double]) {
        self.weights = weights
        self.biases = biases
    }

    /// A layer of zeros with `units` units of `inputs` inputs each.
    public init(zerosWithUnits units: Int, inputs: Int) {
        weights = Array(repeating: Array(repeating: 0, count: inputs), count: units)
        biases = Array(repeating: 0, count: units)
    }

    /// The number of units.
    public var units: Int { biases.count }

    /// The number of inputs each unit has.
    public var inputs: Int { weights.first?.count ?? 0 }

    /// The number of weights and biases.
    public var parameterCount: Int { units * (inputs + 1) }

    /// True when every weight and bias is a finite number.
    public var isFinite: Bool {
        biases.allSatisfy(\.isFinite) && weights.allSatisfy { $0.allSatisfy(\.isFinite) }
    }

    /// The pre-activations `z = W a + b` for the activations `a` of the layer below.
    public func preactivations(_ a: [Double]) -> [Double] {
        (0..<units).map { j in
            var z = biases[j]
            for i in 0..<inputs { z += weights[j][i] * a[i] }
            return z
        }
    }
}
