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
    /// Every layer's weights and then its biases, one layer after another, for the pointwise
    /// forward pass (one array to reach instead of two per layer).
    private let parameters: [Double]
    /// Where each layer's weights start in ``parameters``.
    private let offsets: [Int]
    /// The widest layer, inputs included.
    private let widest: Int

    init(layers: [Layer], activation: Activation) {
        sizes = [Network.inputs] + layers.map(\.units)
        weights = layers.map { Array($0.weights.joined()) }
        biases = layers.map(\.biases)
        self.activation = activation
        var parameters: [Double] = []
        var offsets: [Int] = []
        for (w, b) in zip(weights, biases) {
            offsets.append(parameters.count)
            parameters += w + b
        }
        self.parameters = parameters
        self.offsets = offsets
        widest = sizes.max() ?? 2
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
    ///
    /// Hidden activations are applied to four units at a time by Backprop's lane functions,
    /// which give each lane the very bits the one-value functions give.
    func preactivation(_ target: FieldTarget, _ x1: Double, _ x2: Double) -> Double {
        let last = layerIndex(of: target)
        let unit: Int
        if case .unit(_, let u) = target { unit = u } else { unit = 0 }
        let sizes = self.sizes
        let offsets = self.offsets
        let g = activation
        // Room for a layer's activations rounded up to whole lanes, twice.
        let room = (widest + 3) / 4 * 4
        return parameters.withUnsafeBufferPointer { p in
            withUnsafeTemporaryAllocation(of: Double.self, capacity: 2 * room) { scratch in
                guard let base = scratch.baseAddress else { return 0 }
                var a = base
                var next = base + room
                a[0] = x1
                a[1] = x2
                for l in 0...last {
                    let nIn = sizes[l]
                    let w = offsets[l]
                    let b = w + nIn * sizes[l + 1]
                    func z(_ j: Int) -> Double {
                        var z = p[b + j]
                        for i in 0..<nIn { z += p[w + j * nIn + i] * a[i] }
                        return z
                    }
                    if l == last { return z(unit) }
                    let units = sizes[l + 1]
                    for j in stride(from: 0, to: units, by: 4) {
                        var zs = Lanes(repeating: 0)
                        for k in 0..<min(4, units - j) { zs[k] = z(j + k) }
                        let out: Lanes
                        switch g {
                        case .sigmoid: out = sigmoid(zs)
                        case .tanh: out = hyperbolicTangent(zs)
                        case .relu: out = zs.replacing(with: 0, where: .!(zs .> 0))
                        }
                        for k in 0..<4 { next[j + k] = out[k] }
                    }
                    swap(&a, &next)
                }
                return 0
            }
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
