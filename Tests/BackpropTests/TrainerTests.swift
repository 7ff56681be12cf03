import Foundation
import Testing

@testable import Backprop

@Suite struct TrainerTests {
    static func trainer(
        seed: UInt64 = 1, batchSize: BatchSize = .full, shuffle: Bool = false,
        trainingSeed: UInt64 = 1,
        epochs: Int = 50, learningRate: Double = 1
    ) throws -> Trainer {
        Trainer(
            network: try Network(hidden: [4], seed: seed),
            data: try Generator.xor.generate(count: 60, noise: 0.05, seed: 7),
            options: TrainingOptions(
                epochs: epochs, learningRate: learningRate, batchSize: batchSize, shuffle: shuffle,
                seed: trainingSeed),
            schedule: .every(10))
    }

    @Test func epochZeroIsTheInitialNetworkAndSeriesCoverEveryEpoch() throws {
        let trainer = try Self.trainer()
        let run = try trainer.train(name: "x")
        #expect(run.errors.count == 51 && run.accuracies.count == 51)
        #expect(run.snapshots.map(\.epoch) == [0, 10, 20, 30, 40, 50])
        #expect(run.snapshots[0].layers == trainer.network.layers)
        #expect(run.errors[0] == trainer.network.evaluate(on: trainer.data).error)
        #expect(run.errors.last! < run.errors.first!)
    }

    @Test func fullBatchIsPlainGradientDescent() throws {
        let trainer = try Self.trainer(epochs: 3)
        let run = try trainer.train(name: "x")
        var layers = trainer.network.layers
        for _ in 0..<3 {
            let gradient = try Network(layers: layers).evaluate(on: trainer.data).gradient
            for l in layers.indices {
                for j in 0..<layers[l].units {
                    layers[l].biases[j] -= 1 * gradient[l].biases[j]
                    for i in 0..<layers[l].inputs {
                        layers[l].weights[j][i] -= 1 * gradient[l].weights[j][i]
                    }
                }
            }
        }
        let final = run.snapshots.last!.layers
        #expect(run.snapshots.last!.epoch == 3)
        for (a, b) in zip(
            Network(unchecked: final).parameters, Network(unchecked: layers).parameters)
        {
            #expect(abs(a - b) <= 1e-15 * max(1, abs(b)))
        }
    }

    @Test func miniBatchesOfTheWholeSetEqualFullBatch() throws {
        let full = try Self.trainer(batchSize: .full).train(name: "x")
        let whole = try Self.trainer(batchSize: .size(60)).train(name: "x")
        let bigger = try Self.trainer(batchSize: .size(1000)).train(name: "x")
        #expect(full.errors == whole.errors && whole.errors == bigger.errors)
    }

    @Test func miniBatchesTakeOneStepPerBatch() throws {
        // With m = 60 and B = 25 there are 3 steps per epoch (25, 25, 10): one epoch of B = 25
        // equals three hand-made steps on those slices.
        let trainer = try Self.trainer(batchSize: .size(25), epochs: 1)
        let run = try trainer.train(name: "x")
        var network = trainer.network
        for range in [0..<25, 25..<50, 50..<60] {
            let slice = try Dataset(
                points: Array(trainer.data.points[range]), labels: Array(trainer.data.labels[range])
            )
            let g = network.evaluate(on: slice).gradient
            network.setParameters(
                zip(network.parameters, Network(unchecked: g).parameters).map { $0 - $1 })
        }
        #expect(run.snapshots.last!.layers == network.layers)
    }

    @Test func shuffleIsReproducibleAndSeeded() throws {
        let a = try Self.trainer(batchSize: .size(8), shuffle: true, trainingSeed: 3).train(
            name: "x")
        let b = try Self.trainer(batchSize: .size(8), shuffle: true, trainingSeed: 3).train(
            name: "x")
        let c = try Self.trainer(batchSize: .size(8), shuffle: true, trainingSeed: 4).train(
            name: "x")
        let ordered = try Self.trainer(batchSize: .size(8), shuffle: false).train(name: "x")
        #expect(a == b)
        #expect(a.errors != c.errors)
        #expect(a.errors != ordered.errors)
    }

    @Test func divergenceStopsTrainingNamingTheEpoch() throws {
        do {
            _ = try Self.trainer(epochs: 100, learningRate: 1e307).train(name: "x")
            Issue.record("training with η = 1e307 did not diverge")
        } catch let error as BackpropError {
            guard case .diverged(let epoch, let rate) = error else {
                Issue.record("unexpected \(error)")
                return
            }
            #expect(epoch >= 1 && epoch <= 100 && rate == 1e307)
            #expect("\(error)".hasPrefix("Training diverged at epoch \(epoch):"))
            #expect("\(error)".hasSuffix("Try a learning rate smaller than 1e+307."))
        }
    }

    @Test func badOptionsAreRefused() throws {
        let cases: [(TrainingOptions, String)] = [
            (
                TrainingOptions(epochs: -1),
                "The number of epochs is -1; it must be between 0 and 10000000."
            ),
            (
                TrainingOptions(learningRate: 0),
                "The learning rate is 0.0; it must be above 0."
            ),
            (
                TrainingOptions(learningRate: .nan),
                "The learning rate is nan; it must be a finite number."
            ),
            (
                TrainingOptions(batchSize: .size(0)),
                "The batch size is 0; it must be \"full\" or at least 1."
            ),
        ]
        for (options, message) in cases {
            var trainer = try Self.trainer()
            trainer.options = options
            do {
                _ = try trainer.train(name: "x")
                Issue.record("accepted \(options)")
            } catch {
                #expect("\(error)" == message)
            }
        }
    }

    @Test func progressIsReportedUpToTheLastEpoch() throws {
        var seen: [Int] = []
        _ = try Self.trainer(epochs: 30).train(name: "x") { seen.append($0) }
        #expect(seen == Array(1...30))
    }

    @Test func zeroEpochsRecordsTheInitialNetwork() throws {
        let run = try Self.trainer(epochs: 0).train(name: "x")
        #expect(run.errors.count == 1 && run.snapshots.map(\.epoch) == [0])
    }
}

extension Network {
    /// A network from layers known to be well formed (tests only).
    init(unchecked layers: [Layer]) {
        self = try! Network(layers: layers)
    }
}
