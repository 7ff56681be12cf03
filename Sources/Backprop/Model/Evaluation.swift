/// A network measured on a whole dataset: `E(W)`, accuracy and `∇E(W)`.
public struct Evaluation: Equatable, Sendable {
    /// The mean cross-entropy.
    public var error: Double
    /// The fraction of points on their own side of `ŷ = 0.5`.
    public var accuracy: Double
    /// `∇E` over all points, in the shapes of the network's layers.
    public var gradient: [Layer]
}

extension Network {
    /// Measures the network on `data`: the error, the accuracy and the full-set gradient.
    public func evaluate(on data: Dataset) -> Evaluation {
        let kernel = Kernel(network: self)
        let tally = kernel.pass(TrainingData(data), indices: 0..<data.count, accumulate: true)
        kernel.scaleGradient(by: data.count)
        return Evaluation(
            error: tally.error / Double(data.count),
            accuracy: Double(tally.correct) / Double(data.count),
            gradient: kernel.gradientLayers)
    }
}
