import Foundation

@testable import Backprop

/// An independent evaluation for the landscape tests: sigmoid networks forward with Foundation's
/// `exp` and `log1p`, point by point, from a flat parameter array laid out as
/// `Network.parameters`.
enum LandscapeReference {
    static func error(parameters theta: [Double], hidden: [Int], data: Dataset) -> Double {
        var total = 0.0
        for (point, label) in zip(data.points, data.labels) {
            let z = logit(parameters: theta, hidden: hidden, point: point)
            let y = Double(label)
            total += max(z, 0) - y * z + log1p(exp(-abs(z)))
        }
        return total / Double(data.count)
    }

    static func logit(parameters theta: [Double], hidden: [Int], point: Point) -> Double {
        var a = [point.x1, point.x2]
        var k = 0
        for (index, units) in (hidden + [1]).enumerated() {
            let weightsStart = k
            let biasesStart = k + units * a.count
            var next = [Double](repeating: 0, count: units)
            for j in 0..<units {
                var z = theta[biasesStart + j]
                for i in a.indices { z += theta[weightsStart + j * a.count + i] * a[i] }
                next[j] = index == hidden.count ? z : 1 / (1 + exp(-z))
            }
            k = biasesStart + units
            if index == hidden.count { return next[0] }
            a = next
        }
        return 0
    }

    /// A trained run that keeps its trajectory.
    static func run(
        hidden: [Int], epochs: Int = 60, learningRate: Double = 1, generator: Generator = .xor,
        batchSize: BatchSize = .full, seed: UInt64 = 3, optimizer: OptimizerKind = .sgd,
        l2: Double = 0
    ) throws -> TrainingRun {
        var trainer = Trainer(
            network: try Network(hidden: hidden, seed: seed),
            data: try generator.generate(count: 40, noise: 0.1, seed: 5),
            options: TrainingOptions(
                epochs: epochs, learningRate: learningRate, batchSize: batchSize,
                optimizer: optimizer, l2: l2),
            schedule: .every(20))
        trainer.recordsTrajectory = true
        return try trainer.train(name: "landscape")
    }
}
