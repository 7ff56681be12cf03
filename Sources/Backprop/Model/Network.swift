/// A multi-layer perceptron on 2-D points: hidden layers of `activation`, one sigmoid output.
///
/// A value type: copying a network is taking a snapshot of it. `layers` holds the hidden layers
/// first and the single-unit output layer last; `hidden: []` is the lesson's single perceptron.
public struct Network: Equatable, Sendable {
    /// The most hidden layers a network may have.
    public static let maximumHiddenLayers = 8
    /// The most units a hidden layer may have.
    public static let maximumUnits = 64
    /// Every network reads points of the plane.
    public static let inputs = 2

    public private(set) var layers: [Layer]
    public let activation: Activation

    /// Units per hidden layer.
    public var hidden: [Int] { layers.dropLast().map(\.units) }

    /// A network with weights drawn from `Normal(0, 1/fan_in)` and zero biases, fixed by `seed`.
    public init(hidden: [Int], activation: Activation = .sigmoid, seed: UInt64) throws {
        try Network.check(hidden: hidden)
        var random = SeededRandom(seed: seed)
        var layers: [Layer] = []
        var inputs = Network.inputs
        for units in hidden + [1] {
            let scale = 1 / Double(inputs).squareRoot()
            var layer = Layer(zerosWithUnits: units, inputs: inputs)
            for j in 0..<units {
                for i in 0..<inputs { layer.weights[j][i] = scale * random.gaussian() }
            }
            layers.append(layer)
            inputs = units
        }
        self.layers = layers
        self.activation = activation
    }

    /// A network with explicit weights, after checking every shape and value.
    public init(layers: [Layer], activation: Activation = .sigmoid) throws {
        guard let output = layers.last else {
            throw BackpropError.badNetwork("A network needs at least its output layer.")
        }
        guard output.units == 1 else {
            throw BackpropError.badNetwork(
                "The output layer must have exactly 1 unit; it has \(output.units).")
        }
        try Network.check(hidden: layers.dropLast().map(\.units))
        var inputs = Network.inputs
        for (index, layer) in layers.enumerated() {
            let name = index == layers.count - 1 ? "The output layer" : "Hidden layer \(index + 1)"
            guard layer.weights.count == layer.units else {
                throw BackpropError.badNetwork(
                    "\(name) has \(layer.weights.count) weight rows but \(layer.units) biases; "
                        + "it needs one row per unit.")
            }
            if let row = layer.weights.firstIndex(where: { $0.count != inputs }) {
                throw BackpropError.badNetwork(
                    "\(name), unit \(row + 1), has \(layer.weights[row].count) weights; it needs "
                        + "\(inputs), one per input.")
            }
            guard layer.isFinite else {
                throw BackpropError.badNetwork("\(name) has a weight or bias that is not finite.")
            }
            inputs = layer.units
        }
        self.layers = layers
        self.activation = activation
    }

    /// Checks the hidden layer sizes against ``maximumHiddenLayers`` and ``maximumUnits``.
    public static func check(hidden: [Int]) throws {
        guard hidden.count <= maximumHiddenLayers else {
            throw BackpropError.outOfRange(
                .hiddenLayers, value: "\(hidden)",
                rule: "it must have at most \(maximumHiddenLayers) layers")
        }
        if let bad = hidden.first(where: { !(1...maximumUnits).contains($0) }) {
            throw BackpropError.outOfRange(
                .hiddenUnits, value: "\(bad)", rule: "it must be between 1 and \(maximumUnits)")
        }
    }

    /// Every weight and bias as one vector `θ` (``ParameterVector``).
    public var parameters: ParameterVector { ParameterVector(layers) }

    /// Replaces every parameter from `θ` laid out as ``parameters``.
    mutating func setParameters(_ theta: some Sequence<Double>) {
        layers = ParameterVector(theta, layout: ParameterLayout(layers)).layers
    }

    /// The activations of every layer at `point`: hidden layers, then `[ŷ]` last, by the fast
    /// engine's arithmetic (``ModelEvaluator``), the bits every figure draws.
    public func activations(at point: Point) -> [[Double]] {
        ModelEvaluator(self).activations(point.x1, point.x2)
    }

    /// The output's logit `z` at `point`.
    public func logit(at point: Point) -> Double {
        ModelEvaluator(self).preactivation(.output, point.x1, point.x2)
    }

    /// `ŷ`, the probability that `point` is blue.
    public func output(at point: Point) -> Double {
        sigmoid(logit(at: point))
    }

    /// `ŷ` at many points, by the same fast kernel the trainer uses.
    public func outputs(at points: [Point]) -> [Double] {
        Kernel(network: self).outputs(at: points)
    }
}
