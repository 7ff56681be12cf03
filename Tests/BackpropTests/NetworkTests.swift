import Foundation
import Testing

@testable import Backprop

@Suite struct NetworkTests {
    @Test func seededInitHasTheSpecifiedShapesAndScale() throws {
        let network = try Network(hidden: [64, 64], activation: .tanh, seed: 3)
        #expect(network.hidden == [64, 64])
        #expect(network.layers.map(\.units) == [64, 64, 1])
        #expect(network.layers.map(\.inputs) == [2, 64, 64])
        #expect(network.layers.allSatisfy { $0.biases.allSatisfy { $0 == 0 } })
        let second = network.layers[1].weights.joined()
        let variance = second.map { $0 * $0 }.reduce(0, +) / Double(second.count)
        #expect(abs(variance - 1.0 / 64) < 0.1 / 64, "variance \(variance), expected 1/fan_in")
        #expect(try Network(hidden: [64, 64], activation: .tanh, seed: 3) == network)
        #expect(try Network(hidden: [64, 64], activation: .tanh, seed: 4) != network)
    }

    @Test func sizeLimitsAreClearErrors() {
        let tooDeep = Array(repeating: 2, count: 9)
        do {
            _ = try Network(hidden: tooDeep, seed: 1)
            Issue.record("9 hidden layers were accepted")
        } catch {
            #expect(
                "\(error)"
                    == "The list of hidden layer sizes is \(tooDeep); it must have at most 8 layers."
            )
        }
        for hidden in [[65], [0], [3, -1]] {
            #expect(throws: BackpropError.self) { try Network(hidden: hidden, seed: 1) }
        }
        #expect(throws: Never.self) { try Network(hidden: Array(repeating: 64, count: 8), seed: 1) }
    }

    @Test func explicitWeightsAreShapeChecked() throws {
        let ok = try Network(layers: [
            Layer(weights: [[1, 2], [3, 4]], biases: [0, 1]),
            Layer(weights: [[1, -1]], biases: [0]),
        ])
        #expect(ok.hidden == [2])
        let cases: [([Layer], String)] = [
            ([], "A network needs at least its output layer."),
            (
                [Layer(weights: [[1, 2], [3, 4]], biases: [0, 0])],
                "The output layer must have exactly 1 unit; it has 2."
            ),
            (
                [Layer(weights: [[1, 2, 3]], biases: [0])],
                "The output layer, unit 1, has 3 weights; it needs 2, one per input."
            ),
            (
                [
                    Layer(weights: [[1, 2]], biases: [0, 1]),
                    Layer(weights: [[1, 1]], biases: [0]),
                ],
                "Hidden layer 1 has 1 weight rows but 2 biases; it needs one row per unit."
            ),
            (
                [
                    Layer(weights: [[1, 2], [3, 4]], biases: [0, 0]),
                    Layer(weights: [[1]], biases: [0]),
                ],
                "The output layer, unit 1, has 1 weights; it needs 2, one per input."
            ),
            (
                [Layer(weights: [[.nan, 2]], biases: [0])],
                "The output layer has a weight or bias that is not finite."
            ),
        ]
        for (layers, message) in cases {
            do {
                _ = try Network(layers: layers)
                Issue.record("accepted \(layers)")
            } catch {
                #expect("\(error)" == message)
            }
        }
    }

    @Test func forwardPassMatchesTheFormula() throws {
        let network = try Network(
            layers: [
                Layer(weights: [[1, -2], [0.5, 0.25]], biases: [0.1, -0.3]),
                Layer(weights: [[2, -1]], biases: [0.5]),
            ], activation: .tanh)
        let x = Point(0.3, -0.7)
        let h1 = tanh(1 * 0.3 - 2 * -0.7 + 0.1)
        let h2 = tanh(0.5 * 0.3 + 0.25 * -0.7 - 0.3)
        let z = 2 * h1 - h2 + 0.5
        #expect(abs(network.logit(at: x) - z) < 1e-15)
        #expect(abs(network.output(at: x) - 1 / (1 + exp(-z))) < 1e-15)
        let activations = network.activations(at: x)
        #expect(activations.count == 2)
        #expect(abs(activations[0][0] - h1) < 1e-15 && abs(activations[0][1] - h2) < 1e-15)
        let many = network.outputs(at: [x, Point(1, 1), Point(-2, 0)])
        #expect(many.count == 3)
        #expect(many[0] == network.output(at: x))
        #expect(many[2] == network.output(at: Point(-2, 0)))
    }

    @Test(arguments: [[Int](), [3], [4, 3]], Activation.allCases)
    func manyOutputsAreEachPointsForwardPass(hidden: [Int], activation: Activation) throws {
        // 150 points: two whole chunks of 64 and a part-filled third, padded to four lanes.
        let network = try Network(hidden: hidden, activation: activation, seed: 5)
        let points = (0..<150).map { k in
            Point(Double(k % 15) / 3 - 2.5, Double(k / 15) / 2.5 - 2)
        }
        let many = network.outputs(at: points)
        #expect(many.count == points.count)
        for (point, output) in zip(points, many) {
            let expected = network.output(at: point)
            #expect(abs(output - expected) <= 1e-15 * max(1, expected), "at \(point)")
        }
    }

    @Test func parametersRoundTripThroughTheFlatLayout() throws {
        var network = try Network(hidden: [3, 2], seed: 9)
        let flat = network.parameters
        #expect(flat.count == (3 * 2 + 3) + (2 * 3 + 2) + (1 * 2 + 1))
        network.setParameters(flat.map { $0 + 1 })
        #expect(network.parameters.values == flat.map { $0 + 1 })
    }

    @Test func splitMix64MatchesItsReferenceSequence() {
        var random = SeededRandom(seed: 0)
        #expect(random.next() == 0xE220_A839_7B1D_CDAF)
        #expect(random.next() == 0x6E78_9E6A_A1B9_65F4)
        #expect(random.next() == 0x06C4_5D18_8009_454F)
    }

    @Test func shuffleIsAPermutationFixedBySeed() {
        var a = SeededRandom(seed: 42)
        var b = SeededRandom(seed: 42)
        var x = Array(0..<100)
        var y = Array(0..<100)
        a.shuffle(&x)
        b.shuffle(&y)
        #expect(x == y && x != Array(0..<100) && x.sorted() == Array(0..<100))
        var g = SeededRandom(seed: 1)
        let samples = (0..<20_000).map { _ in g.gaussian() }
        let mean = samples.reduce(0, +) / 20_000
        let variance = samples.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / 20_000
        #expect(abs(mean) < 0.03 && abs(variance - 1) < 0.05)
    }
}
