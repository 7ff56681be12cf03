import Foundation
import Testing

@testable import Backprop

/// The fast kernel against the lesson's plain functions (the reference engine): the same run to
/// 1e-12, epoch by epoch and snapshot by snapshot.
@Suite struct EngineTests {
    static let shapes: [[Int]] = [[], [3], [4, 3]]
    static let batches: [(BatchSize, Bool)] = [(.full, false), (.size(7), true)]

    /// `|a − b| ≤ 1e-12 · max(1, |b|)`.
    static func close(_ a: Double, _ b: Double) -> Bool {
        abs(a - b) <= 1e-12 * max(1, abs(b))
    }

    static func flat(_ layers: [Layer]) -> [Double] {
        ParameterVector(layers).values
    }

    static func run(
        _ hidden: [Int], _ activation: Activation, batch: BatchSize, shuffle: Bool, engine: Engine
    ) throws -> TrainingRun {
        let trainer = Trainer(
            network: try Network(hidden: hidden, activation: activation, seed: 4),
            data: try Generator.moons.generate(count: 45, noise: 0.1, seed: 3),
            options: TrainingOptions(
                epochs: 25, learningRate: 0.5, batchSize: batch, shuffle: shuffle, seed: 9,
                engine: engine),
            schedule: .list([0, 1, 10, 25]))
        return try trainer.train(name: "engines")
    }

    @Test(arguments: shapes, Activation.allCases)
    func fastEqualsReference(hidden: [Int], activation: Activation) throws {
        for (batch, shuffle) in Self.batches {
            let fast = try Self.run(
                hidden, activation, batch: batch, shuffle: shuffle, engine: .fast)
            let reference = try Self.run(
                hidden, activation, batch: batch, shuffle: shuffle, engine: .reference)
            let label = "\(hidden) \(activation) \(batch)"
            #expect(fast.errors.count == reference.errors.count)
            for (e, (a, b)) in zip(fast.errors, reference.errors).enumerated() {
                #expect(Self.close(a, b), "\(label): error of epoch \(e): \(a) vs \(b)")
            }
            #expect(fast.accuracies == reference.accuracies, "\(label)")
            #expect(fast.snapshots.map(\.epoch) == [0, 1, 10, 25])
            #expect(fast.snapshots.map(\.epoch) == reference.snapshots.map(\.epoch))
            for (f, r) in zip(fast.snapshots, reference.snapshots) {
                for (a, b) in zip(Self.flat(f.layers), Self.flat(r.layers)) {
                    #expect(Self.close(a, b), "\(label): weight at epoch \(f.epoch)")
                }
                for (a, b) in zip(Self.flat(f.gradient), Self.flat(r.gradient)) {
                    #expect(Self.close(a, b), "\(label): gradient at epoch \(f.epoch)")
                }
            }
            #expect(reference.training.engine == .reference)
        }
    }

    @Test func theLessonsGradientIsTheIndependentAutodiffs() throws {
        let data = try GradientTests.data()
        for hidden in Self.shapes {
            for activation in Activation.allCases {
                let network = try GradientTests.network(hidden, activation)
                let sums = Lesson.sum(
                    network.layers, activation, on: data, indices: 0..<data.count)
                let reference = referenceErrorAndGradient(
                    layers: network.layers, activation: activation, data: data)
                let n = Double(data.count)
                #expect(Self.close(sums.error / n, reference.error))
                let relative = GradientTests.relativeError(
                    Self.flat(sums.gradient).map { $0 / n }, Self.flat(reference.gradient))
                #expect(relative <= 1e-9, "\(hidden) \(activation): \(relative)")
            }
        }
    }

    @Test func theEngineIsRecordedOnlyWhenItIsNotTheDefault() throws {
        let fast = try JSONEncoder().encode(TrainingOptions())
        let reference = try JSONEncoder().encode(TrainingOptions(engine: .reference))
        #expect(!String(decoding: fast, as: UTF8.self).contains("engine"))
        #expect(String(decoding: reference, as: UTF8.self).contains("\"engine\":\"reference\""))
        #expect(try JSONDecoder().decode(TrainingOptions.self, from: fast).engine == .fast)
        #expect(
            try JSONDecoder().decode(TrainingOptions.self, from: reference).engine == .reference)
    }

    @Test func theReferenceEngineReproducesTheLab() throws {
        let data = try LessonLabTests.labData()
        let network = try Network(
            layers: [Layer(weights: [[-0.5307647566300506, 0.9308051907683095]], biases: [0])])
        let run = try Trainer(
            network: network, data: data,
            options: TrainingOptions(
                epochs: 100, learningRate: 0.01, batchSize: .size(1), engine: .reference),
            schedule: .list([0, 100])
        ).train(name: "lab")
        for (k, expected) in LessonLabTests.printed.enumerated() {
            let epoch = 1 + 10 * k
            #expect(abs(run.errors[epoch] - expected.loss) <= 1e-12, "epoch \(epoch)")
            #expect(run.accuracies[epoch] == expected.accuracy, "epoch \(epoch)")
        }
    }
}
