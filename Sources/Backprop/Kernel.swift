/// Forward and backward passes over flat buffers: the trainer's hot loop.
///
/// Parameters are laid out as ``Network/parameters``: for each layer its weights row by row, then
/// its biases. The kernel owns its buffers and frees them when it goes away; it is internal
/// scratch space, never part of the model's value.
final class Kernel {
    /// Layer widths from the input to the output: `[2, h1, …, 1]`.
    let sizes: [Int]
    let activation: Activation
    let parameterCount: Int
    /// The running sum (or, after ``scaleGradient(by:)``, the mean) of the points' gradients.
    let gradient: UnsafeMutablePointer<Double>
    let parameters: UnsafeMutablePointer<Double>

    private let layerCount: Int
    private let width: UnsafeMutablePointer<Int>
    private let weightOffset: UnsafeMutablePointer<Int>
    private let biasOffset: UnsafeMutablePointer<Int>
    private let activationOffset: UnsafeMutablePointer<Int>
    private let a: UnsafeMutablePointer<Double>
    private let delta: UnsafeMutablePointer<Double>
    private var template: Network

    /// Per-pass totals: the summed cross-entropy and the number of points on the right side.
    struct Tally {
        var error: Double = 0
        var correct: Int = 0
    }

    init(network: Network) {
        template = network
        activation = network.activation
        sizes = [Network.inputs] + network.layers.map(\.units)
        layerCount = network.layers.count
        width = .allocate(capacity: sizes.count)
        weightOffset = .allocate(capacity: layerCount)
        biasOffset = .allocate(capacity: layerCount)
        activationOffset = .allocate(capacity: sizes.count)
        var p = 0
        var q = 0
        for l in 0..<sizes.count {
            width[l] = sizes[l]
            activationOffset[l] = q
            q += sizes[l]
            if l < layerCount {
                weightOffset[l] = p
                p += sizes[l + 1] * sizes[l]
                biasOffset[l] = p
                p += sizes[l + 1]
            }
        }
        parameterCount = p
        parameters = .allocate(capacity: p)
        gradient = .allocate(capacity: p)
        a = .allocate(capacity: q)
        delta = .allocate(capacity: q)
        a.initialize(repeating: 0, count: q)
        delta.initialize(repeating: 0, count: q)
        gradient.initialize(repeating: 0, count: p)
        let flat = network.parameters
        parameters.initialize(from: flat, count: p)
    }

    deinit {
        for buffer in [parameters, gradient, a, delta] { buffer.deallocate() }
        for buffer in [width, weightOffset, biasOffset, activationOffset] { buffer.deallocate() }
    }

    /// The current parameters as a network value.
    var network: Network {
        var copy = template
        copy.setParameters(Array(UnsafeBufferPointer(start: parameters, count: parameterCount)))
        return copy
    }

    /// The current gradient in the network's layer shapes.
    var gradientLayers: [Layer] {
        var copy = template
        copy.setParameters(Array(UnsafeBufferPointer(start: gradient, count: parameterCount)))
        return copy.layers
    }

    /// True when every parameter is a finite number.
    var parametersAreFinite: Bool {
        var sum = 0.0
        for k in 0..<parameterCount { sum += parameters[k] * 0 }
        return sum == 0  // 0·x is NaN exactly when x is infinite or NaN
    }

    func zeroGradient() {
        gradient.update(repeating: 0, count: parameterCount)
    }

    func scaleGradient(by count: Int) {
        let n = Double(count)
        for k in 0..<parameterCount { gradient[k] /= n }
    }

    /// One step of gradient descent: `W ← W − η ∇E`.
    func step(learningRate: Double) {
        for k in 0..<parameterCount { parameters[k] -= learningRate * gradient[k] }
    }

    /// Runs one point forward and returns the output's logit; `a` then holds every activation.
    @inline(__always)
    private func forward(_ x1: Double, _ x2: Double) -> Double {
        a[0] = x1
        a[1] = x2
        var logit = 0.0
        for l in 0..<layerCount {
            let nIn = width[l]
            let nOut = width[l + 1]
            let input = a + activationOffset[l]
            let output = a + activationOffset[l + 1]
            let w = parameters + weightOffset[l]
            let b = parameters + biasOffset[l]
            for j in 0..<nOut {
                let row = w + j * nIn
                var z = b[j]
                for i in 0..<nIn { z += row[i] * input[i] }
                if l == layerCount - 1 {
                    logit = z
                    output[j] = sigmoid(z)
                } else {
                    output[j] = activation(z)
                }
            }
        }
        return logit
    }

    /// Adds the gradient of one point's cross-entropy (after ``forward(_:_:)``) to `gradient`.
    @inline(__always)
    private func backward(label y: Double) {
        let top = layerCount
        delta[activationOffset[top]] = a[activationOffset[top]] - y  // ∂E/∂z_out = ŷ − y
        for l in stride(from: layerCount - 1, through: 0, by: -1) {
            let nIn = width[l]
            let nOut = width[l + 1]
            let input = a + activationOffset[l]
            let d = delta + activationOffset[l + 1]
            let w = parameters + weightOffset[l]
            let gw = gradient + weightOffset[l]
            let gb = gradient + biasOffset[l]
            for j in 0..<nOut {
                let dj = d[j]
                gb[j] += dj
                let row = gw + j * nIn
                for i in 0..<nIn { row[i] += dj * input[i] }
            }
            guard l > 0 else { break }
            let below = delta + activationOffset[l]
            for i in 0..<nIn {
                var s = 0.0
                for j in 0..<nOut { s += w[j * nIn + i] * d[j] }
                below[i] = s * activation.derivative(atActivation: input[i])
            }
        }
    }

    /// Runs the points at `indices` forward, tallies error and accuracy, and when `accumulate`
    /// is set adds their gradients to `gradient`.
    @inline(__always)
    func pass<Indices: Sequence<Int>>(
        _ data: TrainingData, indices: Indices, accumulate: Bool
    ) -> Tally {
        var tally = Tally()
        let output = a + activationOffset[layerCount]
        for k in indices {
            let y = data.labels[k]
            let z = forward(data.x1[k], data.x2[k])
            tally.error += crossEntropy(logit: z, label: y)
            if (output[0] > 0.5) == (y == 1) { tally.correct += 1 }
            if accumulate { backward(label: y) }
        }
        return tally
    }

    /// `ŷ` at each point.
    func outputs(at points: [Point]) -> [Double] {
        points.map { sigmoid(forward($0.x1, $0.x2)) }
    }
}

/// A dataset as flat arrays of doubles, as the kernel reads it.
struct TrainingData {
    let x1: [Double]
    let x2: [Double]
    let labels: [Double]

    init(_ dataset: Dataset) {
        x1 = dataset.points.map(\.x1)
        x2 = dataset.points.map(\.x2)
        labels = dataset.labels.map(Double.init)
    }
}
