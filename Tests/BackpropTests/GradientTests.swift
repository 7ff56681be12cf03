import Foundation
import Testing

@testable import Backprop

/// Backpropagation against central finite differences and an independent reverse-mode autodiff.
@Suite struct GradientTests {
    static let shapes: [[Int]] = [[], [3], [4, 3]]

    static func data() throws -> Dataset {
        try Generator.moons.generate(count: 24, noise: 0.1, seed: 3)
    }

    static func network(_ hidden: [Int], _ activation: Activation) throws -> Network {
        // Nonzero biases so every term of the gradient is exercised.
        var layers = try Network(hidden: hidden, activation: activation, seed: 11).layers
        var random = SeededRandom(seed: 5)
        for l in layers.indices {
            layers[l].biases = layers[l].biases.map { _ in 0.3 * random.gaussian() }
        }
        return try Network(layers: layers, activation: activation)
    }

    static func error(_ network: Network, _ data: Dataset) -> Double {
        network.evaluate(on: data).error
    }

    /// Largest component-wise difference relative to the larger of the two gradient norms.
    static func relativeError(_ a: [Double], _ b: [Double]) -> Double {
        let scale = max(
            a.map { $0 * $0 }.reduce(0, +).squareRoot(), b.map { $0 * $0 }.reduce(0, +).squareRoot()
        )
        return zip(a, b).map { abs($0 - $1) }.max().map { $0 / max(scale, 1e-300) } ?? 0
    }

    static func flat(_ layers: [Layer]) -> [Double] {
        ParameterVector(layers).values
    }

    @Test(arguments: shapes, Activation.allCases)
    func gradientMatchesCentralFiniteDifferences(hidden: [Int], activation: Activation) throws {
        let data = try Self.data()
        let network = try Self.network(hidden, activation)
        let analytic = Self.flat(network.evaluate(on: data).gradient)
        let parameters = network.parameters
        var numeric: [Double] = []
        let h = 1e-6
        for k in parameters.indices {
            var plus = network
            var minus = network
            var p = parameters
            p[k] += h
            plus.setParameters(p)
            p[k] -= 2 * h
            minus.setParameters(p)
            numeric.append((Self.error(plus, data) - Self.error(minus, data)) / (2 * h))
        }
        #expect(analytic.count == network.parameters.count)
        let relative = Self.relativeError(analytic, numeric)
        #expect(relative <= 1e-6, "relative error \(relative)")
    }

    @Test(arguments: shapes, Activation.allCases)
    func gradientMatchesIndependentAutodiff(hidden: [Int], activation: Activation) throws {
        let data = try Self.data()
        let network = try Self.network(hidden, activation)
        let evaluation = network.evaluate(on: data)
        let reference = referenceErrorAndGradient(
            layers: network.layers, activation: activation, data: data)
        #expect(abs(evaluation.error - reference.error) <= 1e-12 * reference.error)
        let relative = Self.relativeError(
            Self.flat(evaluation.gradient), Self.flat(reference.gradient))
        #expect(relative <= 1e-9, "relative error \(relative)")
    }

    @Test func snapshotGradientIsTheFullSetGradientAtItsWeights() throws {
        let data = try Self.data()
        for batchSize in [BatchSize.full, .size(5)] {
            let trainer = Trainer(
                network: try Self.network([3], .tanh), data: data,
                options: TrainingOptions(epochs: 20, learningRate: 0.5, batchSize: batchSize),
                schedule: .list([0, 7, 20]))
            let run = try trainer.train(name: "g")
            #expect(run.snapshots.map(\.epoch) == [0, 7, 20])
            for snapshot in run.snapshots {
                let evaluation = try run.network(at: snapshot).evaluate(on: data)
                #expect(snapshot.gradient == evaluation.gradient)
                #expect(snapshot.error == evaluation.error)
                #expect(snapshot.error == run.errors[snapshot.epoch])
                #expect(snapshot.accuracy == run.accuracies[snapshot.epoch])
            }
        }
    }

    @Test func crossEntropyIsStableForLargeLogits() {
        #expect(Lesson.crossEntropy(logit: 800, label: 1) == 0)
        #expect(abs(Lesson.crossEntropy(logit: 800, label: 0) - 800) < 1e-9)
        #expect(abs(Lesson.crossEntropy(logit: -800, label: 1) - 800) < 1e-9)
        #expect(Lesson.crossEntropy(logit: -800, label: 0) == 0)
        #expect(sigmoid(-800) == 0 && sigmoid(800) == 1 && sigmoid(0) == 0.5)
        #expect(abs(Lesson.crossEntropy(logit: 0, label: 1) - log(2)) < 1e-15)
    }
}
