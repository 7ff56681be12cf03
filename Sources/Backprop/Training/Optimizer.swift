/// The update rule: how a gradient becomes a step of the weights, the same for both engines.
///
/// The optimizer sees the parameters as one list (each layer's weights row by row, then its
/// biases, as ``Network/parameters``) and keeps whatever state its rule needs, one number per
/// parameter, from zero at the start of every run, so that runs repeat exactly. Today's rule is
/// plain gradient descent, which needs no state.
public struct Optimizer: Sendable {
    /// The step size η.
    public let learningRate: Double

    /// An optimizer at the start of a run for `parameterCount` weights and biases.
    public init(learningRate: Double, parameterCount: Int) {
        self.learningRate = learningRate
    }

    /// An optimizer for `options`' update rule and learning rate, at the start of a run.
    public init(_ options: TrainingOptions, parameterCount: Int) {
        self.init(learningRate: options.learningRate, parameterCount: parameterCount)
    }

    /// One step of every parameter `w` along its gradient `g`: plain gradient descent,
    /// `w ← w − η g`.
    public mutating func update<Parameters: MutableCollection<Double>>(
        _ w: inout Parameters, gradient g: some RandomAccessCollection<Double>
    ) where Parameters.Index == Int {
        precondition(w.count == g.count, "one gradient component per parameter")
        var k = g.startIndex
        for i in w.indices {
            w[i] -= learningRate * g[k]
            k = g.index(after: k)
        }
    }
}
