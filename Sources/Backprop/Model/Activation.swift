import Foundation

/// A hidden layer's activation function `g`; the output unit is always a sigmoid.
///
/// Each activation is described once, here: its value `g(z)` and its derivative `g′` in terms of
/// the activation, both in ``Lanes`` (four numbers at once, as the fast kernel uses them); the
/// one-number forms that the lesson reads are the same code in one lane.
public enum Activation: String, CaseIterable, Codable, Sendable {
    /// `σ(z) = 1 / (1 + e^(−z))`, with `g′ = a (1 − a)`.
    case sigmoid
    /// `tanh z = (e^z − e^(−z)) / (e^z + e^(−z))`, with `g′ = 1 − a²`.
    case tanh
    /// `max(z, 0)`, with `g′ = 1` where `a > 0` and 0 elsewhere.
    case relu

    /// `g(z)` in every lane.
    @inline(__always)
    func callAsFunction(_ z: Lanes) -> Lanes {
        switch self {
        case .sigmoid: return Backprop.sigmoid(z)
        case .tanh: return hyperbolicTangent(z)
        case .relu: return Lanes(repeating: 0).replacing(with: z, where: z .> 0)
        }
    }

    /// `g′(z)` in every lane, written in terms of the activation `a = g(z)`.
    @inline(__always)
    func derivative(atActivation a: Lanes) -> Lanes {
        switch self {
        case .sigmoid: return a * (1 - a)
        case .tanh: return 1 - a * a
        case .relu: return Lanes(repeating: 0).replacing(with: 1, where: a .> 0)
        }
    }

    /// `g(z)`.
    @inline(__always)
    public func callAsFunction(_ z: Double) -> Double {
        self(Lanes(repeating: z))[0]
    }

    /// `g′(z)` written in terms of the activation `a = g(z)`, as backpropagation uses it.
    @inline(__always)
    public func derivative(atActivation a: Double) -> Double {
        derivative(atActivation: Lanes(repeating: a))[0]
    }

    /// The activation level that plays the role of the sigmoid's 0.5: where `z = 0`.
    public var midpoint: Double {
        switch self {
        case .sigmoid: return 0.5
        case .tanh, .relu: return 0
        }
    }
}

/// The logistic function `σ(z) = 1 / (1 + e^(−z))`, accurate for large `|z|` of either sign.
@inline(__always)
package func sigmoid(_ z: Double) -> Double {
    sigmoid(Lanes(repeating: z))[0]
}
