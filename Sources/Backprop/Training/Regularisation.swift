/// A penalty on the weights (never the biases) added to the error while training.
///
/// `l2: λ` adds `λ/2 · Σ w²` (gradient `λ w`); `l1: λ` adds `λ · Σ |w|` (gradient `λ · sign(w)`, 0
/// at 0). The run record's errors stay the data term, the mean cross-entropy, so that runs with and
/// without a penalty compare; the penalty of every epoch is recorded beside them.
public struct Regularisation: Equatable, Sendable {
    public var l1: Double
    public var l2: Double

    public init(l1: Double = 0, l2: Double = 0) {
        self.l1 = l1
        self.l2 = l2
    }

    /// True when neither penalty is on.
    public var isNone: Bool { l1 == 0 && l2 == 0 }

    /// The penalty of one weight: `λ₂/2 · w² + λ₁ · |w|`.
    @inline(__always)
    public func penalty(weight w: Double) -> Double {
        l2 / 2 * w * w + l1 * abs(w)
    }

    /// The penalty's derivative at one weight: `λ₂ w + λ₁ sign(w)`, with `sign(0) = 0`.
    @inline(__always)
    public func gradient(weight w: Double) -> Double {
        l2 * w + l1 * (w > 0 ? 1 : w < 0 ? -1 : 0)
    }

    /// The penalty of a network's weights.
    public func penalty(_ layers: [Layer]) -> Double {
        layers.map { $0.weights.joined().map(penalty(weight:)).reduce(0, +) }.reduce(0, +)
    }

    /// The penalty's gradient in the shapes of `layers`: zero for every bias.
    public func gradient(_ layers: [Layer]) -> [Layer] {
        layers.map { layer in
            Layer(
                weights: layer.weights.map { $0.map(gradient(weight:)) },
                biases: layer.biases.map { _ in 0 })
        }
    }
}
