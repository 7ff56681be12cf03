import Testing

@testable import Backprop

/// The model evaluation that figures call: the plain path gives the network's own values, and
/// the fast single-precision rows agree with it within their stated tolerance.
@Suite struct ModelEvaluatorTests {
    /// Random networks of every shape and activation, with weights large enough to saturate.
    static let cases: [([Int], Activation, Double)] = [
        ([], .sigmoid, 1), ([2], .sigmoid, 1), ([4], .sigmoid, 30), ([3, 2], .sigmoid, 3),
        ([4], .tanh, 5), ([3, 2], .tanh, 2), ([4], .relu, 2), ([2, 3, 2], .relu, 1),
    ]

    static func network(_ hidden: [Int], _ activation: Activation, scale: Double) throws
        -> Network
    {
        let base = try Network(hidden: hidden, activation: activation, seed: 11)
        var random = SeededRandom(seed: 5)
        let layers = base.layers.map { layer in
            Layer(
                weights: layer.weights.map { $0.map { _ in scale * random.gaussian() } },
                biases: layer.biases.map { _ in random.gaussian() })
        }
        return try Network(layers: layers, activation: activation)
    }

    static func values(_ hidden: [Int]) -> [ModelValue] {
        var values: [ModelValue] = [.output]
        for (l, units) in hidden.enumerated() {
            for j in 0..<units { values.append(.unit(layer: l, unit: j)) }
        }
        return values
    }

    @Test(arguments: cases)
    func pointsGiveTheNetworksOwnBits(hidden: [Int], activation: Activation, scale: Double)
        throws
    {
        let network = try Self.network(hidden, activation, scale: scale)
        let model = ModelEvaluator(network)
        for k in 0..<40 {
            let p = Point(-1.7 + 0.091 * Double(k), 0.37 - 0.05 * Double(k))
            #expect(model.preactivation(.output, p.x1, p.x2) == network.logit(at: p))
            #expect(model.output(p.x1, p.x2) == network.output(at: p))
            #expect(model.activations(p.x1, p.x2) == network.activations(at: p))
            // The lesson's forward pass (Foundation's exp and tanh) agrees to rounding.
            let z = Lesson.forward(network.layers, activation, at: p).z
            #expect(abs(z - network.logit(at: p)) <= 1e-12 * max(1, abs(z)))
        }
    }

    /// The figures' values run the fast engine's forward pass: `ŷ` is the kernel's bit for bit
    /// (150 points: two whole chunks of 64 and a part-filled third), and every unit's activation
    /// is the lesson's plain forward pass (Foundation's `exp` and `tanh`) to 1e-12.
    @Test(arguments: cases)
    func valuesAreTheKernelsBitsAndTheLessonsTo1e12(
        hidden: [Int], activation: Activation, scale: Double
    ) throws {
        let network = try Self.network(hidden, activation, scale: scale)
        let model = ModelEvaluator(network)
        let points = (0..<150).map { k in
            Point(Double(k % 15) / 3 - 2.5, Double(k / 15) / 2.5 - 2)
        }
        let kernel = network.outputs(at: points)
        for (p, trained) in zip(points, kernel) {
            #expect(model.output(p.x1, p.x2).bitPattern == trained.bitPattern, "at \(p)")
            let lesson = Lesson.forward(network.layers, activation, at: p)
            let values = model.activations(p.x1, p.x2)
            for (l, layer) in values.dropLast().enumerated() {
                for (j, a) in layer.enumerated() {
                    let plain = lesson.a[l + 1][j]
                    #expect(abs(a - plain) <= 1e-12 * max(1, abs(plain)), "unit \(j) of \(l)")
                }
            }
            let plain = Lesson.σ(lesson.z)
            #expect(abs(values[values.count - 1][0] - plain) <= 1e-12 * max(1, plain))
        }
    }

    @Test(arguments: cases)
    func rowsAreThePointsSideBySide(hidden: [Int], activation: Activation, scale: Double)
        throws
    {
        let model = ModelEvaluator(try Self.network(hidden, activation, scale: scale))
        let (x1, dx, x2) = (-1.7, 0.0113, 0.37)
        for value in Self.values(hidden) {
            let row = model.preactivations(value, x1: x1, dx: dx, x2: x2, count: 301)
            #expect(row.count == 301)
            for (i, z) in row.enumerated() {
                #expect(z == model.preactivation(value, x1 + Double(i) * dx, x2))
            }
        }
    }

    /// The fast path works in single precision: still far finer than a shade step.
    ///
    /// The colour table has 256 entries per unit of z. The plain path it is measured against
    /// (`ERROREST_PLAIN_ROWS=1`) is the fast engine's own pass, rounded to single precision.
    @Test(arguments: cases)
    func fastRowsAgreeWithThePlainPathTo1e3(
        hidden: [Int], activation: Activation, scale: Double
    ) throws {
        let model = ModelEvaluator(try Self.network(hidden, activation, scale: scale))
        let width = 301
        let (x1, dx, x2) = (-1.7, 0.0113, 0.37)
        for value in Self.values(hidden) {
            let fast = FastRow(net: model, target: value, width: width, plain: false)
            let plain = FastRow(net: model, target: value, width: width, plain: true)
            fast.evaluate(x1: x1, dx: dx, x2: x2)
            plain.evaluate(x1: x1, dx: dx, x2: x2)
            for i in 0..<width {
                let exact = model.preactivation(value, x1 + Double(i) * dx, x2)
                #expect(abs(Double(fast[i]) - exact) <= 1e-3)
                #expect(plain[i] == Float(exact))
            }
        }
    }
}
