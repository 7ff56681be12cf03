import Backprop

/// Which value of the network a panel shows.
enum FieldTarget: Equatable, Sendable {
    /// The output's logit `z`; the panel shades `ŷ = σ(z)`.
    case output
    /// Unit `unit` (from 0) of hidden layer `layer` (from 0): its pre-activation `z`.
    case unit(layer: Int, unit: Int)
}

/// One snapshot's weights as flat arrays, for the exact forward pass and the pixel loops.
///
/// `weights[l][j * inputs + i]` is the weight from input `i` to unit `j` of layer `l`; the last
/// layer is the output.
struct PlainNetwork: Sendable {
    /// Widths from the input to the output: `[2, h1, …, 1]`.
    let sizes: [Int]
    let weights: [[Double]]
    let biases: [[Double]]
    let activation: Activation

    init(layers: [Layer], activation: Activation) {
        sizes = [Network.inputs] + layers.map(\.units)
        weights = layers.map { Array($0.weights.joined()) }
        biases = layers.map(\.biases)
        self.activation = activation
    }

    /// The number of hidden layers.
    var hiddenLayers: Int { sizes.count - 2 }

    /// The index of the layer `target` belongs to (the output is the last).
    func layerIndex(of target: FieldTarget) -> Int {
        switch target {
        case .output: return sizes.count - 2
        case .unit(let layer, _): return layer
        }
    }

    /// The line `w1·x1 + w2·x2 + b = 0` of a first-layer unit (or of a perceptron's output).
    func line(unit: Int, layer: Int = 0) -> ImplicitLine {
        let w = weights[layer]
        return ImplicitLine(w1: w[2 * unit], w2: w[2 * unit + 1], b: biases[layer][unit])
    }

    /// The pre-activation `z` of `target` at `(x1, x2)`, evaluated exactly (no table).
    func preactivation(_ target: FieldTarget, _ x1: Double, _ x2: Double) -> Double {
        let last = layerIndex(of: target)
        let unit: Int
        if case .unit(_, let u) = target { unit = u } else { unit = 0 }
        let widest = sizes.max() ?? 2
        return withUnsafeTemporaryAllocation(of: Double.self, capacity: 2 * widest) { scratch in
            guard let base = scratch.baseAddress else { return 0 }
            var a = base
            var next = base + widest
            a[0] = x1
            a[1] = x2
            for l in 0...last {
                let nIn = sizes[l]
                let w = weights[l]
                let b = biases[l]
                if l == last {
                    var z = b[unit]
                    for i in 0..<nIn { z += w[unit * nIn + i] * a[i] }
                    return z
                }
                for j in 0..<sizes[l + 1] {
                    var z = b[j]
                    for i in 0..<nIn { z += w[j * nIn + i] * a[i] }
                    next[j] = activation(z)
                }
                swap(&a, &next)
            }
            return 0
        }
    }

    /// `ŷ` at a point, evaluated exactly.
    func output(_ x1: Double, _ x2: Double) -> Double {
        sigmoid(preactivation(.output, x1, x2))
    }

    /// The activation of a hidden unit at a point, evaluated exactly.
    func activation(_ target: FieldTarget, _ x1: Double, _ x2: Double) -> Double {
        let z = preactivation(target, x1, x2)
        return target == .output ? sigmoid(z) : activation(z)
    }
}
