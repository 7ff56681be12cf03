import Foundation
import Testing

@testable import Backprop

/// Each snapshot keeps what the optimizer remembered (momentum's velocity, Adam's moments and
/// step count) and, for shuffled mini-batches, the next epoch's order: so the step `W → W′`
/// drawn from any snapshot is the trainer's own, for every rule, full batch and mini-batch.
@Suite struct StepStateTests {
    /// `max |a − b|` over two parameter lists.
    static func distance(_ a: [Layer], _ b: [Layer]) -> Double {
        let (x, y) = (ParameterVector(a).values, ParameterVector(b).values)
        return x.count == y.count ? zip(x, y).map { abs($0 - $1) }.max() ?? 0 : .infinity
    }

    /// Why `run` is refused, or "" when it is not.
    static func refusal(_ run: TrainingRun) -> String {
        do {
            try run.validate()
            return ""
        } catch {
            return (error as? BackpropError)?.description ?? "\(error)"
        }
    }

    /// A run of `epochs` epochs with a snapshot at every epoch.
    static func run(
        _ optimizer: OptimizerKind, batchSize: BatchSize, shuffle: Bool = true,
        engine: Engine = .fast, epochs: Int = 12
    ) throws -> TrainingRun {
        let rate = optimizer == .adam ? 0.05 : 0.5
        let trainer = Trainer(
            network: try Network(hidden: [3], seed: 4),
            data: try Generator.xor.generate(count: 26, noise: 0.1, seed: 9),
            options: TrainingOptions(
                epochs: epochs, learningRate: rate, batchSize: batchSize, shuffle: shuffle,
                seed: 2, engine: engine, optimizer: optimizer, l2: 0.001),
            schedule: .every(1))
        return try trainer.train(name: "\(optimizer)")
    }

    static let cases: [(OptimizerKind, BatchSize, Bool, Engine)] = OptimizerKind.allCases.flatMap {
        [
            ($0, .full, true, .fast), ($0, .size(7), true, .fast), ($0, .size(7), false, .fast),
            ($0, .size(5), true, .reference),
        ]
    }

    @Test(arguments: cases)
    func theStepFromEverySnapshotEndsAtTheTrainersNextWeights(
        optimizer: OptimizerKind, batchSize: BatchSize, shuffle: Bool, engine: Engine
    ) throws {
        let trained = try Self.run(
            optimizer, batchSize: batchSize, shuffle: shuffle, engine: engine)
        // Through the record's JSON, as the figures read it.
        let run = try TrainingRun(jsonData: try trained.jsonData(), source: "run.json")
        #expect(run == trained)
        #expect(run.snapshots.map(\.epoch) == Array(0...12))
        var batches = 1
        if case .size(let size) = batchSize { batches = (26 + size - 1) / size }
        for (snapshot, following) in zip(run.snapshots, run.snapshots.dropFirst()) {
            #expect(run.stepRule(from: snapshot) == .trainers(batches: batches))
            #expect(Self.distance(run.step(from: snapshot), following.layers) <= 1e-12)
            #expect((snapshot.optimizerState == nil) == (optimizer == .sgd))
            #expect((snapshot.batchOrder != nil) == (batchSize != .full && shuffle))
            if optimizer != .sgd {
                #expect(snapshot.optimizerState?.steps == snapshot.epoch * batches)
            }
        }
    }

    @Test func momentumsVelocityIsTheLastStepOverTheRate() throws {
        // W(e+1) = W(e) − η v(e+1), so the velocity kept at epoch e+1 is (W(e) − W(e+1)) / η.
        let run = try Self.run(.momentum, batchSize: .full)
        for (before, snapshot) in zip(run.snapshots, run.snapshots.dropFirst()) {
            let w = ParameterVector(before.layers).values
            let w2 = ParameterVector(snapshot.layers).values
            let velocity = try #require(snapshot.optimizerState?.velocity)
            for k in w.indices {
                #expect(abs(velocity[k] - (w[k] - w2[k]) / 0.5) <= 1e-9)
            }
        }
        #expect(run.snapshots[0].optimizerState?.velocity?.allSatisfy { $0 == 0 } == true)
    }

    @Test func adamsMomentsKeepTheirRunningMeansFromZero() throws {
        let run = try Self.run(.adam, batchSize: .full)
        let first = try #require(run.snapshots[1].optimizerState)
        // After one step m = (1 − β₁) g₀ and v = (1 − β₂) g₀², g₀ the regularised gradient.
        let g = ParameterVector(run.snapshots[0].gradient).values
        let w = ParameterVector(run.snapshots[0].layers).values
        let isWeight = ParameterLayout(run.snapshots[0].layers).isWeight
        for k in g.indices {
            let total = g[k] + (isWeight[k] ? 0.001 * w[k] : 0)
            #expect(abs((first.m?[k] ?? .nan) - 0.1 * total) <= 1e-15)
            #expect(abs((first.v?[k] ?? .nan) - 0.001 * total * total) <= 1e-15)
        }
        #expect(first.steps == 1)
    }

    @Test func aRecordWhoseStateDoesNotFitItsRunIsRefused() throws {
        var run = try Self.run(.adam, batchSize: .size(7), epochs: 2)
        run.snapshots[1].optimizerState?.v?.removeLast()
        #expect(
            Self.refusal(run)
                == "The snapshot of epoch 1's optimizer state has a v of 12 numbers; it needs 13 "
                + "finite ones, one per parameter.")
        run = try Self.run(.adam, batchSize: .size(7), epochs: 2)
        run.snapshots[0].batchOrder?[0] = 1
        #expect(
            Self.refusal(run).hasSuffix(
                "must list each of the 26 points once, and only in a shuffled mini-batch run."))
        run = try Self.run(.sgd, batchSize: .full, epochs: 2)
        run.snapshots[0].optimizerState = OptimizerState(steps: 0, velocity: [0])
        #expect(Self.refusal(run).hasSuffix("has a velocity, which sgd does not keep."))
    }

    @Test func aSnapshotWithoutStateSaysItsStepStartsFromRest() throws {
        var run = try Self.run(.momentum, batchSize: .full)
        run.snapshots[3].optimizerState = nil
        #expect(run.stepRule(from: run.snapshots[3]) == .fullBatch(fromRest: true))
        #expect(Self.distance(run.step(from: run.snapshots[3]), run.snapshots[4].layers) > 1e-6)
        // Epoch 0 starts from rest anyway: an older record's first step is the trainer's.
        run.snapshots[0].optimizerState = nil
        #expect(Self.distance(run.step(from: run.snapshots[0]), run.snapshots[1].layers) <= 1e-12)
    }
}
