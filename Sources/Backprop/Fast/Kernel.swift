import Foundation

/// Forward and backward passes over flat buffers, four points at a time: the trainer's hot loop.
///
/// This is the fast engine. It computes exactly what ``Lesson`` spells out as plain functions —
/// read `Lesson/Backpropagation.swift` first: the forward pass, the error, the backward pass and
/// the update are the same sums, here over raw buffers of ``Lanes``. The tests hold the two equal
/// to 1e-12 for every epoch's error and every snapshot's weights and gradient.
///
/// Parameters are laid out as ``Network/parameters``: for each layer its weights row by row, then
/// its biases. Points go through in chunks of 64; within a chunk, each unit's activations are a
/// row of 16 ``Lanes``. Sums run in a fixed order, so results are the same on every run. The kernel
/// owns its buffers and frees them when it goes away; it is scratch space, never part of a model.
final class Kernel: TrainingEngine {
    /// Vectors of four points per chunk.
    static let chunkVectors = 16
    static let chunkPoints = 4 * chunkVectors

    let activation: Activation
    let parameterCount: Int
    /// The current weights and biases.
    let parameters: UnsafeMutablePointer<Double>
    /// After ``pass(_:indices:accumulate:)`` with `accumulate`, the summed gradient of the pass;
    /// after ``scaleGradient(by:)``, the mean.
    let gradient: UnsafeMutablePointer<Double>

    let layerCount: Int
    private let width: UnsafeMutablePointer<Int>
    private let weightOffset: UnsafeMutablePointer<Int>
    private let biasOffset: UnsafeMutablePointer<Int>
    /// Where layer `l`'s rows start in `a` and `delta`; row `j` is `chunkVectors` further each.
    let rowOffset: UnsafeMutablePointer<Int>
    /// The chunk's activations, a row per unit of each layer (layer 0: the points' `x1`, `x2`).
    let a: UnsafeMutablePointer<Lanes>
    /// The chunk's `∂E/∂z`, a row per unit of each layer; the top row is `ŷ − y` (`ŷ` after a
    /// prediction).
    let delta: UnsafeMutablePointer<Lanes>
    private let labels: UnsafeMutablePointer<Lanes>
    private let valid: UnsafeMutablePointer<Lanes>
    private let sums: UnsafeMutablePointer<Lanes>
    private let rowCount: Int
    /// The network whose shape and activation the kernel runs.
    let template: Network

    /// Running totals of a pass, lane by lane.
    private struct Totals {
        /// `Σ max(z, 0) − y·z`.
        var linear = Lanes(repeating: 0)
        /// `Π (1 + e^(−|z|))`, times `2^(−512·halvings)` over all lanes.
        var product = Lanes(repeating: 1)
        var halvings = 0
        var correct = Lanes(repeating: 0)
    }

    init(network: Network) {
        template = network
        activation = network.activation
        let sizes = [Network.inputs] + network.layers.map(\.units)
        layerCount = network.layers.count
        width = .allocate(capacity: sizes.count)
        weightOffset = .allocate(capacity: layerCount)
        biasOffset = .allocate(capacity: layerCount)
        rowOffset = .allocate(capacity: sizes.count)
        let layout = ParameterLayout(sizes: sizes)
        var rows = 0
        for l in sizes.indices {
            width[l] = sizes[l]
            rowOffset[l] = rows * Kernel.chunkVectors
            rows += sizes[l]
            if l < layerCount {
                weightOffset[l] = layout.weightOffsets[l]
                biasOffset[l] = layout.biasOffsets[l]
            }
        }
        let p = layout.count
        rowCount = rows
        parameterCount = p
        parameters = .allocate(capacity: p)
        parameters.initialize(from: network.parameters.values, count: p)
        gradient = .allocate(capacity: p)
        gradient.initialize(repeating: 0, count: p)
        sums = .allocate(capacity: p)
        sums.initialize(repeating: Lanes(repeating: 0), count: p)
        let vectors = rows * Kernel.chunkVectors
        a = .allocate(capacity: vectors)
        a.initialize(repeating: Lanes(repeating: 0), count: vectors)
        delta = .allocate(capacity: vectors)
        delta.initialize(repeating: Lanes(repeating: 0), count: vectors)
        labels = .allocate(capacity: Kernel.chunkVectors)
        labels.initialize(repeating: Lanes(repeating: 0), count: Kernel.chunkVectors)
        valid = .allocate(capacity: Kernel.chunkVectors)
        valid.initialize(repeating: Lanes(repeating: 0), count: Kernel.chunkVectors)
    }

    deinit {
        for buffer in [parameters, gradient] { buffer.deallocate() }
        for buffer in [a, delta, labels, valid, sums] { buffer.deallocate() }
        for buffer in [width, weightOffset, biasOffset, rowOffset] { buffer.deallocate() }
    }

    /// Runs the points at `indices` forward and tallies error and accuracy; with `accumulate`,
    /// also leaves the sum of their gradients in `gradient`.
    ///
    /// The error sums `ln(1 + e^z) − y·z = max(z, 0) − y·z + ln(1 + e^(−|z|))`; the logarithms are
    /// taken of running products kept in range by powers of two: four logarithms per pass.
    func pass<Indices: Sequence<Int>>(
        _ data: TrainingData, indices: Indices, accumulate: Bool
    ) -> Tally {
        if accumulate { sums.update(repeating: Lanes(repeating: 0), count: parameterCount) }
        var totals = Totals()
        let x1 = UnsafeMutableRawPointer(a).assumingMemoryBound(to: Double.self)
        let x2 = x1 + Kernel.chunkPoints
        let y = UnsafeMutableRawPointer(labels).assumingMemoryBound(to: Double.self)
        var n = 0
        data.x1.withUnsafeBufferPointer { dataX1 in
            data.x2.withUnsafeBufferPointer { dataX2 in
                data.labels.withUnsafeBufferPointer { dataY in
                    for k in indices {
                        x1[n] = dataX1[k]
                        x2[n] = dataX2[k]
                        y[n] = dataY[k]
                        n += 1
                        if n == Kernel.chunkPoints {
                            chunk(count: n, accumulate: accumulate, totals: &totals)
                            n = 0
                        }
                    }
                }
            }
        }
        if n > 0 { chunk(count: n, accumulate: accumulate, totals: &totals) }
        if accumulate {
            for k in 0..<parameterCount { gradient[k] = Kernel.sum(sums[k]) }
        }
        var logarithm = Double(totals.halvings) * 512 * 0x1.62e42fefa39efp-1
        for lane in 0..<4 { logarithm += log(totals.product[lane]) }
        return Tally(
            error: Kernel.sum(totals.linear) + logarithm, correct: Int(Kernel.sum(totals.correct)))
    }

    /// The lanes added in a fixed order.
    @inline(__always)
    private static func sum(_ v: Lanes) -> Double {
        (v[0] + v[1]) + (v[2] + v[3])
    }

    /// Forward (and, with `accumulate`, backward) through the first `count` points of the chunk.
    @inline(__always)
    private func chunk(count: Int, accumulate: Bool, totals: inout Totals) {
        let vectors = (count + 3) / 4
        let x1 = UnsafeMutableRawPointer(a).assumingMemoryBound(to: Double.self)
        let x2 = x1 + Kernel.chunkPoints
        let y = UnsafeMutableRawPointer(labels).assumingMemoryBound(to: Double.self)
        for p in count..<4 * vectors {  // padding lanes: harmless values, masked out below
            x1[p] = 0
            x2[p] = 0
            y[p] = 0
        }
        for v in 0..<vectors {
            let left = count - 4 * v
            valid[v] = Lanes(repeating: 0).replacing(
                with: 1, where: Lanes(0, 1, 2, 3) .< Double(left))
        }
        forwardHidden(vectors: vectors)
        output(vectors: vectors, totals: &totals)
        if accumulate { backward(vectors: vectors) }
    }

    /// Activations of every hidden layer: `aˡ = g(Wˡ aˡ⁻¹ + bˡ)`.
    @inline(__always)
    func forwardHidden(vectors: Int) {
        let rows = Kernel.chunkVectors
        for l in 0..<layerCount - 1 {
            let nIn = width[l]
            let input = a + rowOffset[l]
            let output = a + rowOffset[l + 1]
            let w = parameters + weightOffset[l]
            let b = parameters + biasOffset[l]
            for j in 0..<width[l + 1] {
                let row = w + j * nIn
                let bias = b[j]
                let out = output + j * rows
                for v in 0..<vectors {
                    out[v] = activation(
                        unitSum(
                            weights: row, bias: bias, inputs: nIn, input: input, stride: rows,
                            vector: v))
                }
            }
        }
    }

    /// The output unit: error and accuracy totals, and `∂E/∂z = ŷ − y` in the top delta row.
    @inline(__always)
    private func output(vectors: Int, totals: inout Totals) {
        let unit = outputUnit
        let d = delta + rowOffset[layerCount]
        let zero = Lanes(repeating: 0)
        let one = Lanes(repeating: 1)
        for v in 0..<vectors {
            let z = unit.logit(v)
            let e = exponential(-magnitude(z))  // shared by ŷ = σ(z) and ln(1 + e^(−|z|))
            let yHat = sigmoid(z, e: e)
            let y = labels[v]
            let mask = valid[v]
            totals.linear += (z.replacing(with: 0, where: z .< 0) - y * z) * mask
            totals.product *= 1 + e * mask
            let predicted = zero.replacing(with: one, where: yHat .> 0.5)
            totals.correct += (1 - magnitude(predicted - y)) * mask
            d[v] = (yHat - y) * mask
        }
        if any(totals.product .> 0x1p512) {
            for lane in 0..<4 where totals.product[lane] > 0x1p512 {
                totals.product[lane] *= 0x1p-512
                totals.halvings += 1
            }
        }
    }

    /// Adds the chunk's gradients to `sums`, from the output layer down.
    @inline(__always)
    private func backward(vectors: Int) {
        let rows = Kernel.chunkVectors
        for l in stride(from: layerCount - 1, through: 0, by: -1) {
            let nIn = width[l]
            let input = a + rowOffset[l]
            let d = delta + rowOffset[l + 1]
            let w = parameters + weightOffset[l]
            let gw = sums + weightOffset[l]
            let gb = sums + biasOffset[l]
            for j in 0..<width[l + 1] {
                let dj = d + j * rows
                var bias = gb[j]
                for v in 0..<vectors { bias += dj[v] }
                gb[j] = bias
                for i in 0..<nIn {
                    let ai = input + i * rows
                    var s = gw[j * nIn + i]
                    for v in 0..<vectors { s += dj[v] * ai[v] }
                    gw[j * nIn + i] = s
                }
            }
            guard l > 0 else { break }
            let below = delta + rowOffset[l]
            let nOut = width[l + 1]
            for i in 0..<nIn {
                let ai = input + i * rows
                for v in 0..<vectors {
                    var s = Lanes(repeating: 0)
                    for j in 0..<nOut { s += w[j * nIn + i] * d[j * rows + v] }
                    below[i * rows + v] = s * activation.derivative(atActivation: ai[v])
                }
            }
        }
    }

    /// The output unit's weights and its inputs in the chunk (the top hidden layer's
    /// activations, or the points for a perceptron).
    struct OutputUnit {
        let input: UnsafeMutablePointer<Lanes>
        let weights: UnsafeMutablePointer<Double>
        let count: Int
        let bias: Double

        /// `z = w·a + b` for vector `v` of the chunk.
        @inline(__always)
        func logit(_ v: Int) -> Lanes {
            unitSum(
                weights: weights, bias: bias, inputs: count, input: input,
                stride: Kernel.chunkVectors, vector: v)
        }
    }

    @inline(__always)
    var outputUnit: OutputUnit {
        let top = layerCount - 1
        return OutputUnit(
            input: a + rowOffset[top], weights: parameters + weightOffset[top], count: width[top],
            bias: parameters[biasOffset[top]])
    }
}

/// One unit's `z = b + Σᵢ wᵢ·aᵢ` for vector `v` (four points): the fast engine's forward sum.
///
/// The terms are added in input order. `input` holds the layer below, one row of `stride` vectors per input; the
/// kernel's layers and output unit and ``ModelEvaluator`` all run it.
@inline(__always)
func unitSum(
    weights row: UnsafePointer<Double>, bias: Double, inputs: Int, input: UnsafePointer<Lanes>,
    stride: Int, vector v: Int
) -> Lanes {
    var z = Lanes(repeating: bias)
    for i in 0..<inputs { z += row[i] * input[i * stride + v] }
    return z
}
