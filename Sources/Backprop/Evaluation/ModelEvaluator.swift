/// One snapshot's network, evaluated where a figure asks: `ŷ`, a unit's `z`, the activations
/// of every unit, or a whole row of values at equally spaced points.
///
/// It runs the fast engine's forward pass (``unitSum(weights:bias:inputs:input:stride:vector:)``,
/// the sum the kernel trains with, and each activation's lane form: the kernel's σ and tanh), so
/// a figure draws the bits the trainer has; ``Network/activations(at:)``,
/// ``Network/logit(at:)`` and ``Network/output(at:)`` are answered by it. The lesson's forward
/// pass (``Lesson/forward(_:_:at:)``, Foundation's `exp` and `tanh`) agrees with it to rounding.
/// ``FastRow`` is the one single-precision evaluator beside it, for shading pixels, and is tested
/// against it.
package struct ModelEvaluator: Sendable {
    /// Every weight and bias, `θ`, laid out by ``ParameterLayout``; the last layer is the output.
    package let parameters: ParameterVector
    package let activation: Activation

    package init(layers: [Layer], activation: Activation) {
        parameters = ParameterVector(layers)
        self.activation = activation
    }

    package init(_ network: Network) {
        self.init(layers: network.layers, activation: network.activation)
    }

    /// Widths from the input to the output: `[2, h1, …, 1]`.
    package var sizes: [Int] { parameters.layout.sizes }

    /// The number of hidden layers.
    package var hiddenLayers: Int { sizes.count - 2 }

    /// The index of the layer `value` belongs to (the output is the last).
    package func layerIndex(of value: ModelValue) -> Int {
        switch value {
        case .output: return sizes.count - 2
        case .unit(let layer, _): return layer
        }
    }

    /// The weights into unit `unit` of layer `layer` (the output is layer `hiddenLayers`).
    package func weights(layer: Int, unit: Int) -> ArraySlice<Double> {
        parameters.weights(layer: layer, unit: unit)
    }

    /// The pre-activation `z` of `value` at `(x1, x2)`: the forward pass in one lane.
    package func preactivation(_ value: ModelValue, _ x1: Double, _ x2: Double) -> Double {
        var z = 0.0
        forward(
            value, vectors: 1,
            points: {
                $0[0] = Lanes(repeating: x1)
                $1[0] = Lanes(repeating: x2)
            },
            result: { z = $0[0][0] })
        return z
    }

    /// `ŷ`, the probability that `(x1, x2)` is blue.
    package func output(_ x1: Double, _ x2: Double) -> Double {
        sigmoid(preactivation(.output, x1, x2))
    }

    /// The activation of `value` at a point: `ŷ` for the output, `g(z)` for a hidden unit.
    package func activation(_ value: ModelValue, _ x1: Double, _ x2: Double) -> Double {
        let z = preactivation(value, x1, x2)
        return value == .output ? sigmoid(z) : activation(z)
    }

    /// Every unit's activation at a point: the hidden layers, then `[ŷ]` last.
    package func activations(_ x1: Double, _ x2: Double) -> [[Double]] {
        (0...hiddenLayers).map { l in
            let value: (Int) -> ModelValue = {
                l == hiddenLayers ? .output : .unit(layer: l, unit: $0)
            }
            return (0..<sizes[l + 1]).map { activation(value($0), x1, x2) }
        }
    }

    /// The pre-activation `z` of `value` at `(x1 + i·dx, x2)` for `i` in `0..<count`: a row of
    /// a field.
    package func preactivations(
        _ value: ModelValue, x1: Double, dx: Double, x2: Double, count: Int
    ) -> [Double] {
        guard count > 0 else { return [] }
        return [Double](unsafeUninitializedCapacity: count) { out, initialized in
            preactivations(value, x1: x1, dx: dx, x2: x2, into: out)
            initialized = count
        }
    }

    /// Writes `z` of `value` at `(x1 + i·dx, x2)` for every `i` of `out`: the forward pass four
    /// points at a time, as ``preactivation(_:_:_:)`` runs it for one.
    package func preactivations(
        _ value: ModelValue, x1: Double, dx: Double, x2: Double,
        into out: UnsafeMutableBufferPointer<Double>
    ) {
        let count = out.count
        guard count > 0 else { return }
        let vectors = (count + 3) / 4
        forward(
            value, vectors: vectors,
            points: { first, second in
                for v in 0..<vectors {
                    first[v] = x1 + (Lanes(0, 1, 2, 3) + Double(4 * v)) * dx
                    second[v] = Lanes(repeating: x2)
                }
            },
            result: { z in
                for i in 0..<count { out[i] = z[i / 4][i % 4] }
            })
    }

    /// `z` of `value` at each of `points`, four points to a vector: for each point the bits
    /// ``preactivation(_:_:_:)`` gives it alone (the lanes never mix).
    package func preactivations(_ value: ModelValue, at points: [Point]) -> [Double] {
        guard let last = points.last else { return [] }
        let vectors = (points.count + 3) / 4
        var out = [Double](repeating: 0, count: points.count)
        forward(
            value, vectors: vectors,
            points: { first, second in
                for v in 0..<vectors {
                    for lane in 0..<4 {
                        // The last vector's spare lanes repeat the last point.
                        let p = 4 * v + lane < points.count ? points[4 * v + lane] : last
                        first[v][lane] = p.x1
                        second[v][lane] = p.x2
                    }
                }
            },
            result: { z in
                for i in out.indices { out[i] = z[i / 4][i % 4] }
            })
        return out
    }

    /// The forward pass up to `value` for `vectors` groups of four points.
    ///
    /// `points` writes the points' `x1` and `x2` rows, `result` reads `value`'s `z` row. Layer by
    /// layer, each unit's `z = b + Σ w·a` by the kernel's
    /// ``unitSum(weights:bias:inputs:input:stride:vector:)``, then `g(z)` below the layer of
    /// `value`.
    private func forward(
        _ value: ModelValue, vectors: Int,
        points: (UnsafeMutablePointer<Lanes>, UnsafeMutablePointer<Lanes>) -> Void,
        result: (UnsafePointer<Lanes>) -> Void
    ) {
        let last = layerIndex(of: value)
        let layout = parameters.layout
        let g = activation
        // The activations of the layer below and of the one being made, a row per unit.
        let room = vectors * (sizes[0...last].max() ?? 2)
        withUnsafeTemporaryAllocation(of: Lanes.self, capacity: 2 * room) { scratch in
            guard var below = scratch.baseAddress else { return }
            var above = below + room
            points(below, below + vectors)
            parameters.values.withUnsafeBufferPointer { theta in
                guard let theta = theta.baseAddress else { return }
                for l in 0...last {
                    let units =
                        l == last ? value.unitIndex...value.unitIndex : 0...(sizes[l + 1] - 1)
                    for j in units {
                        let row = theta + layout.weight(layer: l, unit: j, input: 0)
                        let bias = theta[layout.bias(layer: l, unit: j)]
                        let z = above + (l == last ? 0 : j * vectors)
                        for v in 0..<vectors {
                            let sum = unitSum(
                                weights: row, bias: bias, inputs: sizes[l], input: below,
                                stride: vectors, vector: v)
                            z[v] = l == last ? sum : g(sum)
                        }
                    }
                    swap(&below, &above)
                }
            }
            result(below)
        }
    }
}
