import Foundation

/// The update rule of a run: `sgd`, `momentum` or `adam`, as PyTorch defines them.
public enum OptimizerKind: String, CaseIterable, Codable, Sendable {
    /// Plain gradient descent: `w ← w − η g`.
    case sgd
    /// `torch.optim.SGD(momentum: β)`: `v ← β v + g`, `w ← w − η v` (no dampening, no Nesterov).
    case momentum
    /// `torch.optim.Adam`: running means of `g` and `g²`, bias-corrected, `ε` added to `√v̂`.
    case adam
}

/// The update rule: how a gradient becomes a step of the weights, the same for both engines.
///
/// The optimizer sees the parameters as one list (each layer's weights row by row, then its
/// biases, as ``Network/parameters``). Before the step it adds the regularisation's gradient to
/// the weights' (``Regularisation``; biases are never regularised). Its state — momentum's `v`,
/// Adam's `m`, `v` and step count — holds one number per parameter and starts at zero at the start
/// of every run, so runs repeat exactly; a snapshot keeps it (``OptimizerState``).
public struct Optimizer: Sendable {
    /// The rule and its parameters.
    public let kind: OptimizerKind
    /// The step size η.
    public let learningRate: Double
    /// `β` of momentum; `β₁`, `β₂` and `ε` of Adam.
    public let momentum, beta1, beta2, epsilon: Double
    /// The penalty on the weights.
    public let regularisation: Regularisation
    /// True for the weights, false for the biases, in parameter order.
    let isWeight: [Bool]
    /// Momentum's velocity `v`, or Adam's first moment `m`.
    var first: [Double]
    /// Adam's second moment `v`.
    var second: [Double]
    /// The number of steps taken (Adam's `t`).
    public internal(set) var steps = 0

    /// An optimizer for `options`' rule at the start of a run, for parameters shaped as `layers`.
    public init(_ options: TrainingOptions, shapes layers: [Layer]) {
        kind = options.optimizer
        learningRate = options.learningRate
        momentum = options.momentum
        beta1 = options.beta1
        beta2 = options.beta2
        epsilon = options.epsilon
        regularisation = Regularisation(l1: options.l1, l2: options.l2)
        isWeight = ParameterLayout(layers).isWeight
        let count = kind == .sgd ? 0 : isWeight.count
        first = [Double](repeating: 0, count: count)
        second = [Double](repeating: 0, count: kind == .adam ? count : 0)
    }

    /// Counts a step taken without ``update(_:gradient:)`` (plain gradient descent, by hand).
    mutating func countStep() { steps += 1 }

    /// The penalty of the weights among the parameters `w` (biases excluded).
    public func penalty(_ w: some Collection<Double>) -> Double {
        guard !regularisation.isNone else { return 0 }
        var sum = 0.0
        for (k, w) in w.enumerated() where isWeight[k] { sum += regularisation.penalty(weight: w) }
        return sum
    }

    /// One step of every parameter `w` along its gradient `g` (the data term's), by the rule.
    public mutating func update<Parameters: MutableCollection<Double>>(
        _ w: inout Parameters, gradient g: some RandomAccessCollection<Double>
    ) where Parameters.Index == Int {
        precondition(w.count == isWeight.count && g.count == isWeight.count)
        steps += 1
        let rate = learningRate
        let regularised = !regularisation.isNone
        var gk = g.startIndex
        switch kind {
        case .sgd where !regularised:
            for k in w.indices {
                w[k] -= rate * g[gk]
                gk = g.index(after: gk)
            }
        case .sgd:
            for k in w.indices {
                w[k] -= rate * total(g[gk], w[k], k)
                gk = g.index(after: gk)
            }
        case .momentum:
            for k in w.indices {
                first[k] = momentum * first[k] + total(g[gk], w[k], k)
                w[k] -= rate * first[k]
                gk = g.index(after: gk)
            }
        case .adam:
            // As torch.optim.Adam: w ← w − (η / (1 − β₁ᵗ)) · m / (√v / √(1 − β₂ᵗ) + ε).
            let t = Double(steps)
            let stepSize = rate / (1 - pow(beta1, t))
            let root = (1 - pow(beta2, t)).squareRoot()
            for k in w.indices {
                let gradient = total(g[gk], w[k], k)
                first[k] = beta1 * first[k] + (1 - beta1) * gradient
                second[k] = beta2 * second[k] + (1 - beta2) * gradient * gradient
                w[k] -= stepSize * first[k] / (second[k].squareRoot() / root + epsilon)
                gk = g.index(after: gk)
            }
        }
    }

    /// The gradient of the regularised error at parameter `k`: the data term's `g` plus the
    /// penalty's for a weight.
    @inline(__always)
    private func total(_ g: Double, _ w: Double, _ k: Int) -> Double {
        isWeight[k] ? g + regularisation.gradient(weight: w) : g
    }
}
