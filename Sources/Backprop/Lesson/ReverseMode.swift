import Foundation

/// A number that remembers how it was computed, so that ``backward()`` can find `∂out/∂x` for
/// every `x` it came from: reverse-mode automatic differentiation of scalars, as Karpathy's
/// micrograd does it.
///
/// It shares no code with ``Lesson``'s backward pass, which makes it the way to check a gradient:
/// build the error from `Value`s, call ``backward()`` on it, and compare each weight's ``grad``
/// with ``Lesson/backward(_:_:a:z:y:)`` (``Lesson/reverseMode(_:_:on:)`` does this for a network).
///
///     let w = Value(0.5), x = Value(2), b = Value(-1)
///     let e = (w * x + b).σ()
///     e.backward()  // w.grad = σ′(w x + b) · x = 0.3932…
public final class Value {
    /// The number.
    public let data: Double
    /// `∂out/∂self` for the `out` that ``backward()`` was last called on; 0 before.
    public internal(set) var grad = 0.0
    /// The values this one was computed from, each with `∂self/∂input`.
    private let parents: [(value: Value, local: Double)]

    /// A number that depends on nothing (a weight, an input, a constant).
    public init(_ data: Double) {
        self.data = data
        parents = []
    }

    private init(_ data: Double, _ parents: [(value: Value, local: Double)]) {
        self.data = data
        self.parents = parents
    }

    /// `a + b`: `∂/∂a = 1`, `∂/∂b = 1`.
    public static func + (a: Value, b: Value) -> Value {
        Value(a.data + b.data, [(a, 1), (b, 1)])
    }

    /// `a · b`: `∂/∂a = b`, `∂/∂b = a`.
    public static func * (a: Value, b: Value) -> Value {
        Value(a.data * b.data, [(a, b.data), (b, a.data)])
    }

    /// `a + c` for a constant `c`.
    public static func + (a: Value, c: Double) -> Value { a + Value(c) }
    /// `c · a` for a constant `c`.
    public static func * (c: Double, a: Value) -> Value { Value(c) * a }
    /// `−a`.
    public static prefix func - (a: Value) -> Value { -1 * a }
    /// `a − b`.
    public static func - (a: Value, b: Value) -> Value { a + -b }

    /// `e^x`: `∂/∂x = e^x`.
    public func exp() -> Value {
        let e = Foundation.exp(data)
        return Value(e, [(self, e)])
    }

    /// `ln x`: `∂/∂x = 1 / x`.
    public func log() -> Value { Value(Foundation.log(data), [(self, 1 / data)]) }

    /// `tanh x`: `∂/∂x = 1 − tanh² x`.
    public func tanh() -> Value {
        let t = Foundation.tanh(data)
        return Value(t, [(self, 1 - t * t)])
    }

    /// `σ(x) = 1 / (1 + e^(−x))`: `∂/∂x = σ(x) (1 − σ(x))`.
    public func σ() -> Value {
        let s = 1 / (1 + Foundation.exp(-data))
        return Value(s, [(self, s * (1 - s))])
    }

    /// `max(x, 0)`: `∂/∂x = 1` where `x > 0`, else 0.
    public func relu() -> Value { Value(max(data, 0), [(self, data > 0 ? 1 : 0)]) }

    /// Sets ``grad`` of this value and of everything it was computed from to `∂self/∂·`.
    ///
    /// The chain rule, walked from this value down: each value, visited after every value that
    /// used it, passes `grad · ∂value/∂input` to each input. Gradients add up where a value was
    /// used more than once.
    public func backward() {
        var order: [Value] = []
        var seen = Set<ObjectIdentifier>()
        func visit(_ v: Value) {
            guard seen.insert(ObjectIdentifier(v)).inserted else { return }
            for parent in v.parents { visit(parent.value) }
            order.append(v)
        }
        visit(self)
        for v in order { v.grad = 0 }
        grad = 1
        for v in order.reversed() {
            for parent in v.parents { parent.value.grad += parent.local * v.grad }
        }
    }
}

extension Lesson {
    /// The mean error `E` over `points` (each `x` with its label `y`) and its gradient, computed
    /// by reverse mode (``Value``) instead of the backward pass: the check of
    /// ``backward(_:_:a:z:y:)``.
    ///
    /// The network is built again from `Value`s — `zˡ = Wˡ aˡ⁻¹ + bˡ`, `aˡ = g(zˡ)`, the output's
    /// `z` last — and `e = ln(1 + e^z) − y·z` for each point.
    public static func reverseMode(
        _ layers: [Layer], _ g: Activation, on points: [(x: Point, y: Double)]
    ) -> (error: Double, gradient: [Layer]) {
        let w = layers.map { $0.weights.map { $0.map { Value($0) } } }
        let b = layers.map { $0.biases.map { Value($0) } }
        var total = Value(0)
        for (x, y) in points {
            var a = [Value(x.x1), Value(x.x2)]
            for l in layers.indices {
                a = (0..<layers[l].units).map { j in
                    var z = b[l][j]
                    for i in a.indices { z = z + w[l][j][i] * a[i] }
                    guard l < layers.count - 1 else { return z }
                    switch g {
                    case .sigmoid: return z.σ()
                    case .tanh: return z.tanh()
                    case .relu: return z.relu()
                    }
                }
            }
            let z = a[0]
            total = total + ((z.exp() + 1).log() - y * z)
        }
        let mean = (1 / Double(points.count)) * total
        mean.backward()
        let gradient = layers.indices.map { l in
            Layer(weights: w[l].map { $0.map(\.grad) }, biases: b[l].map(\.grad))
        }
        return (mean.data, gradient)
    }
}
