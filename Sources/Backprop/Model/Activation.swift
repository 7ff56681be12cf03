import Foundation

/// A hidden layer's activation function `g`; the output unit is always a sigmoid.
public enum Activation: String, CaseIterable, Codable, Sendable {
    case sigmoid
    case tanh
    case relu

    /// `g(z)`.
    @inline(__always)
    public func callAsFunction(_ z: Double) -> Double {
        switch self {
        case .sigmoid: return Backprop.sigmoid(z)
        case .tanh: return hyperbolicTangent(Lanes(repeating: z))[0]
        case .relu: return z > 0 ? z : 0
        }
    }

    /// `g′(z)` written in terms of the activation `a = g(z)`, as backpropagation uses it.
    @inline(__always)
    public func derivative(atActivation a: Double) -> Double {
        switch self {
        case .sigmoid: return a * (1 - a)
        case .tanh: return 1 - a * a
        case .relu: return a > 0 ? 1 : 0
        }
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
public func sigmoid(_ z: Double) -> Double {
    sigmoid(Lanes(repeating: z))[0]
}

/// The cross-entropy of one point from its logit: `ln(1 + e^z) − y·z`, never `log(0)`.
public func crossEntropy(logit z: Double, label y: Double) -> Double {
    // ln(1 + e^z) = max(z, 0) + ln(1 + e^(−|z|))
    max(z, 0) + log1p(exponential(-abs(z))) - y * z
}
