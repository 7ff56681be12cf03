import Backprop
import Testing

@testable import Figures

@Suite struct RowEvaluatorTests {
    /// Random networks of every shape and activation, with weights large enough to saturate.
    static let cases: [([Int], Activation, Double)] = [
        ([], .sigmoid, 1), ([2], .sigmoid, 1), ([4], .sigmoid, 30), ([3, 2], .sigmoid, 3),
        ([4], .tanh, 5), ([3, 2], .tanh, 2), ([4], .relu, 2), ([2, 3, 2], .relu, 1),
    ]

    @Test(arguments: cases)
    func rowsMatchTheExactForwardPass(hidden: [Int], activation: Activation, scale: Double) throws {
        let base = try Network(hidden: hidden, activation: activation, seed: 11)
        var random = SeededRandom(seed: 5)
        let layers = base.layers.map { layer in
            Layer(
                weights: layer.weights.map { $0.map { _ in scale * random.gaussian() } },
                biases: layer.biases.map { _ in random.gaussian() })
        }
        let network = try Network(layers: layers, activation: activation)
        let net = PlainNetwork(layers: layers, activation: activation)
        let width = 301
        let (x1, dx, x2) = (-1.7, 0.0113, 0.37)
        var targets: [FieldTarget] = [.output]
        for (l, units) in hidden.enumerated() {
            for j in 0..<units { targets.append(.unit(layer: l, unit: j)) }
        }
        for target in targets {
            let rows = RowEvaluator(net: net, target: target, width: width)
            rows.evaluate(x1: x1, dx: dx, x2: x2)
            // The shading path works in single precision: still far finer than a shade step
            // (the colour table has 256 entries per unit of z).
            let shading = ShadingRow(net: net, target: target, width: width)
            shading.evaluate(x1: x1, dx: dx, x2: x2)
            for i in 0..<width {
                let x = x1 + Double(i) * dx
                let exact = net.preactivation(target, x, x2)
                #expect(abs(rows.z[i] - exact) <= 1e-11 * max(1, abs(exact)))
                #expect(abs(Double(shading[i]) - exact) <= 1e-3)
            }
        }
        // And the plain forward pass agrees with Backprop's network.
        for i in stride(from: 0, to: width, by: 50) {
            let p = Point(x1 + Double(i) * dx, x2)
            #expect(abs(net.output(p.x1, p.x2) - network.output(at: p)) < 1e-14)
        }
    }

    @Test func logisticRecurrenceIsExactAcrossSaturation() {
        let n = 2000
        let out = UnsafeMutablePointer<Double>.allocate(capacity: n)
        defer { out.deallocate() }
        for (z0, d) in [
            (-80.0, 0.08), (60.0, -0.1), (-3.0, 0.0), (50.0, 0.0), (-0.5, 0.0007), (1, 0.3),
        ] {
            RowEvaluator.logistic(out, z0: z0, d: d, count: n)
            for i in 0..<n {
                let exact = sigmoid(z0 + Double(i) * d)
                #expect(abs(out[i] - exact) < 1e-13)
            }
        }
    }
}
