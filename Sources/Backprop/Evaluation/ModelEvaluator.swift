/// One snapshot's network, evaluated where a figure asks: `ŷ`, a unit's `z`, the activations
/// of every unit, or a whole row of values at equally spaced points.
///
/// This is the plain path, and ``Network/activations(at:)``, ``Network/logit(at:)`` and
/// ``Network/output(at:)`` are answered by it: `z = b + Σ w·a` in input order, `g(z)` by each
/// activation's lane form (the kernel's σ and tanh), so a figure draws the bits the trainer has.
/// The lesson's forward pass (``Lesson/forward(_:_:at:)``, Foundation's `exp` and `tanh`) agrees
/// with it to rounding. ``FastRow`` is the one fast evaluator beside it, for
/// shading pixels, and is tested against it.
///
/// `weights[l][j * inputs + i]` is the weight from input `i` to unit `j` of layer `l`; the last
/// layer is the output.
public struct ModelEvaluator: Sendable {
    /// Widths from the input to the output: `[2, h1, …, 1]`.
    public let sizes: [Int]
    /// Each layer's weights, row by row (one row per unit).
    public let weights: [[Double]]
    public let biases: [[Double]]
    public let activation: Activation

    public init(layers: [Layer], activation: Activation) {
        sizes = [Network.inputs] + layers.map(\.units)
        weights = layers.map { Array($0.weights.joined()) }
        biases = layers.map(\.biases)
        self.activation = activation
    }

    public init(_ network: Network) {
        self.init(layers: network.layers, activation: network.activation)
    }

    /// The number of hidden layers.
    public var hiddenLayers: Int { sizes.count - 2 }

    /// The index of the layer `value` belongs to (the output is the last).
    package func layerIndex(of value: ModelValue) -> Int {
        switch value {
        case .output: return sizes.count - 2
        case .unit(let layer, _): return layer
        }
    }

    /// The weights into unit `unit` of layer `layer` (the output is layer `hiddenLayers`).
    public func weights(layer: Int, unit: Int) -> ArraySlice<Double> {
        let inputs = sizes[layer]
        return weights[layer][(unit * inputs)..<((unit + 1) * inputs)]
    }

    /// The pre-activation `z` of `value` at `(x1, x2)`.
    ///
    /// Layer by layer, four units at a time: `z = b + Σ w·a` in input order, then `g(z)` by
    /// the activation's lane form.
    public func preactivation(_ value: ModelValue, _ x1: Double, _ x2: Double) -> Double {
        let last = layerIndex(of: value)
        let widest = ((sizes[0...last].max() ?? 2) + 3) / 4 * 4
        return withUnsafeTemporaryAllocation(of: Double.self, capacity: 2 * widest) { scratch in
            guard var below = scratch.baseAddress else { return 0 }
            var above = below + widest
            (below[0], below[1]) = (x1, x2)
            for l in 0..<last {
                let inputs = sizes[l]
                weights[l].withUnsafeBufferPointer { w in
                    for j in stride(from: 0, to: sizes[l + 1], by: 4) {
                        var z = Lanes(repeating: 0)
                        for k in 0..<min(4, sizes[l + 1] - j) {
                            z[k] = biases[l][j + k]
                            for i in 0..<inputs { z[k] += w[(j + k) * inputs + i] * below[i] }
                        }
                        let a = activation(z)
                        for k in 0..<min(4, sizes[l + 1] - j) { above[j + k] = a[k] }
                    }
                }
                swap(&below, &above)
            }
            let j = value.unitIndex
            let inputs = sizes[last]
            var z = biases[last][j]
            for i in 0..<inputs { z += weights[last][j * inputs + i] * below[i] }
            return z
        }
    }

    /// `ŷ`, the probability that `(x1, x2)` is blue.
    public func output(_ x1: Double, _ x2: Double) -> Double {
        sigmoid(preactivation(.output, x1, x2))
    }

    /// The activation of `value` at a point: `ŷ` for the output, `g(z)` for a hidden unit.
    public func activation(_ value: ModelValue, _ x1: Double, _ x2: Double) -> Double {
        let z = preactivation(value, x1, x2)
        return value == .output ? sigmoid(z) : activation(z)
    }

    /// Every unit's activation at a point: the hidden layers, then `[ŷ]` last.
    public func activations(_ x1: Double, _ x2: Double) -> [[Double]] {
        (0...hiddenLayers).map { l in
            let value: (Int) -> ModelValue = {
                l == hiddenLayers ? .output : .unit(layer: l, unit: $0)
            }
            return (0..<sizes[l + 1]).map { activation(value($0), x1, x2) }
        }
    }

    /// The pre-activation `z` of `value` at `(x1 + i·dx, x2)` for `i` in `0..<count`: a row of
    /// a field.
    public func preactivations(
        _ value: ModelValue, x1: Double, dx: Double, x2: Double, count: Int
    ) -> [Double] {
        guard count > 0 else { return [] }
        return [Double](unsafeUninitializedCapacity: count) { out, initialized in
            preactivations(value, x1: x1, dx: dx, x2: x2, into: out)
            initialized = count
        }
    }

    /// Writes `z` of `value` at `(x1 + i·dx, x2)` for every `i` of `out`.
    ///
    /// Layer by layer, four points at a time: `z = b + Σ w·a` in input order, then `g(z)` by
    /// the activation's lane form, as ``preactivation(_:_:_:)`` does for one point.
    public func preactivations(
        _ value: ModelValue, x1: Double, dx: Double, x2: Double,
        into out: UnsafeMutableBufferPointer<Double>
    ) {
        let count = out.count
        guard count > 0 else { return }
        let last = layerIndex(of: value)
        let wanted = value.unitIndex
        let lanes = (count + 3) / 4
        // The activations of the layer below and the one being made, `units × lanes` each.
        let room = lanes * (sizes[0...last].max() ?? 2)
        withUnsafeTemporaryAllocation(of: Lanes.self, capacity: 2 * room) { scratch in
            guard var below = scratch.baseAddress else { return }
            var above = below + room
            for k in 0..<lanes {
                let i = Lanes(0, 1, 2, 3) + Double(4 * k)
                below[k] = x1 + i * dx
                below[lanes + k] = Lanes(repeating: x2)
            }
            for l in 0...last {
                let inputs = sizes[l]
                let units = l == last ? wanted...wanted : 0...(sizes[l + 1] - 1)
                weights[l].withUnsafeBufferPointer { w in
                    for j in units {
                        let z = above + (l == last ? 0 : j * lanes)
                        z.update(repeating: Lanes(repeating: biases[l][j]), count: lanes)
                        for i in 0..<inputs {
                            let (weight, a) = (w[j * inputs + i], below + i * lanes)
                            for k in 0..<lanes { z[k] += weight * a[k] }
                        }
                        if l < last { activate(z, count: lanes) }
                    }
                }
                swap(&below, &above)
            }
            for i in 0..<count { out[i] = below[i / 4][i % 4] }
        }
    }

    /// `g(z)` in place over `count` lanes, by the activation's one description.
    private func activate(_ z: UnsafeMutablePointer<Lanes>, count: Int) {
        let g = activation
        for k in 0..<count { z[k] = g(z[k]) }
    }
}
