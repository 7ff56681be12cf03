import Foundation

extension Lesson {
    /// The logistic function `σ(z) = 1 / (1 + e^(−z))`, by Foundation's `exp`.
    ///
    /// For `z < 0` it is written `e^z / (1 + e^z)`, the same number, so that `e^(−z)` never
    /// overflows.
    public static func σ(_ z: Double) -> Double {
        z >= 0 ? 1 / (1 + exp(-z)) : exp(z) / (1 + exp(z))
    }

    /// The hidden activation `a = g(z)`: `σ(z)`, `tanh z` (Foundation's) or `max(z, 0)`.
    public static func g(_ activation: Activation, _ z: Double) -> Double {
        switch activation {
        case .sigmoid: return σ(z)
        case .tanh: return tanh(z)
        case .relu: return max(z, 0)
        }
    }

    /// The derivative `g′(z)` written in terms of the activation `a = g(z)`: `a (1 − a)` for the
    /// sigmoid, `1 − a²` for tanh, and for ReLU 1 where `a > 0`, else 0.
    public static func gPrime(_ activation: Activation, atActivation a: Double) -> Double {
        switch activation {
        case .sigmoid: return a * (1 - a)
        case .tanh: return 1 - a * a
        case .relu: return a > 0 ? 1 : 0
        }
    }

    /// The cross-entropy of one point from its logit `z`: `e = −y ln σ(z) − (1 − y) ln(1 − σ(z))`,
    /// computed as `ln(1 + e^z) − y·z = max(z, 0) + ln(1 + e^(−|z|)) − y·z`, never `ln 0`.
    public static func crossEntropy(logit z: Double, label y: Double) -> Double {
        max(z, 0) + log1p(exp(-abs(z))) - y * z
    }
}
