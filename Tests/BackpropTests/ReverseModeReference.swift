import Foundation

@testable import Backprop

/// An independent reference for gradients: a tiny reverse-mode autodiff over scalars.
///
/// In the manner of micrograd, it shares no code with the kernel: its own graph, its own
/// activations, Foundation's `exp`, `log` and `tanh`.
final class Value {
    let data: Double
    var grad = 0.0
    private let parents: [(Value, Double)]  // (input, ∂self/∂input)

    init(_ data: Double, _ parents: [(Value, Double)] = []) {
        self.data = data
        self.parents = parents
    }

    static func + (a: Value, b: Value) -> Value { Value(a.data + b.data, [(a, 1), (b, 1)]) }
    static func * (a: Value, b: Value) -> Value {
        Value(a.data * b.data, [(a, b.data), (b, a.data)])
    }

    func sigmoid() -> Value {
        let s = 1 / (1 + Foundation.exp(-data))
        return Value(s, [(self, s * (1 - s))])
    }

    func tanh() -> Value {
        let t = Foundation.tanh(data)
        return Value(t, [(self, 1 - t * t)])
    }

    func relu() -> Value { Value(max(data, 0), [(self, data > 0 ? 1 : 0)]) }

    /// `ln(1 + e^z) − y·z`, the per-point cross-entropy from the logit.
    func crossEntropy(label y: Double) -> Value {
        let softplus = Foundation.log(1 + Foundation.exp(data))
        let dsoftplus = 1 / (1 + Foundation.exp(-data))
        return Value(softplus - y * data, [(self, dsoftplus - y)])
    }

    /// Back-propagates from this node (seeded with 1) through a topological order.
    func backward() {
        var order: [Value] = []
        var seen = Set<ObjectIdentifier>()
        func visit(_ v: Value) {
            guard seen.insert(ObjectIdentifier(v)).inserted else { return }
            for (p, _) in v.parents { visit(p) }
            order.append(v)
        }
        visit(self)
        grad = 1
        for v in order.reversed() {
            for (p, local) in v.parents { p.grad += local * v.grad }
        }
    }
}

/// The mean cross-entropy of a network built from `Value`s, and its gradient, by the reference.
func referenceErrorAndGradient(
    layers: [Layer], activation: Activation, data: Dataset
) -> (error: Double, gradient: [Layer]) {
    let w = layers.map { $0.weights.map { $0.map { Value($0) } } }
    let b = layers.map { $0.biases.map { Value($0) } }
    var total = Value(0)
    for (point, label) in zip(data.points, data.labels) {
        var a = [Value(point.x1), Value(point.x2)]
        for l in layers.indices {
            a = (0..<layers[l].units).map { j in
                var z = b[l][j]
                for i in a.indices { z = z + w[l][j][i] * a[i] }
                guard l < layers.count - 1 else { return z }
                switch activation {
                case .sigmoid: return z.sigmoid()
                case .tanh: return z.tanh()
                case .relu: return z.relu()
                }
            }
        }
        total = total + a[0].crossEntropy(label: Double(label))
    }
    let mean = total * Value(1 / Double(data.count))
    mean.backward()
    let gradient = layers.indices.map { l in
        Layer(weights: w[l].map { $0.map(\.grad) }, biases: b[l].map(\.grad))
    }
    return (mean.data, gradient)
}
