import Foundation
import Testing

@testable import Backprop

/// `paced N` snapshots keep the optimizer's state too: from every whole-epoch snapshot of a
/// paced momentum or Adam run, `W′` is the trainer's next weights (those of the same training
/// with a snapshot at every epoch).
@Suite struct PacedStepStateTests {
    static func run(
        _ optimizer: OptimizerKind, batchSize: BatchSize, shuffle: Bool,
        schedule: SnapshotSchedule
    ) throws -> TrainingRun {
        let trainer = Trainer(
            network: try Network(hidden: [3], seed: 4),
            data: try Generator.xor.generate(count: 26, noise: 0.1, seed: 9),
            options: TrainingOptions(
                epochs: 60, learningRate: optimizer == .adam ? 0.05 : 0.5, batchSize: batchSize,
                shuffle: shuffle, seed: 2, optimizer: optimizer, l2: 0.001),
            schedule: schedule)
        return try trainer.train(name: "\(optimizer)")
    }

    static let cases: [(OptimizerKind, BatchSize, Bool)] = [
        (.momentum, .full, true), (.adam, .full, true), (.momentum, .size(7), false),
        (.adam, .size(7), false), (.adam, .size(7), true),
    ]

    @Test(arguments: cases)
    func everyWholeEpochSnapshotStepsToTheTrainersNextWeights(
        optimizer: OptimizerKind, batchSize: BatchSize, shuffle: Bool
    ) throws {
        let paced = try Self.run(
            optimizer, batchSize: batchSize, shuffle: shuffle, schedule: .paced(12))
        // Through the record's JSON, as the figures read it.
        let run = try TrainingRun(jsonData: try paced.jsonData(), source: "run.json")
        let every = try Self.run(
            optimizer, batchSize: batchSize, shuffle: shuffle, schedule: .every(1))
        let whole = run.snapshots.filter { $0.stepFraction == nil && $0.epoch < 60 }
        #expect(whole.count >= 6)
        var batches = 1
        if case .size(let size) = batchSize { batches = (26 + size - 1) / size }
        for snapshot in whole {
            let state = try #require(snapshot.optimizerState)
            #expect(state == every.snapshots[snapshot.epoch].optimizerState)
            #expect(state.steps == snapshot.epoch * batches)
            let next = every.snapshots[snapshot.epoch + 1].layers
            let distance = StepStateTests.distance(run.step(from: snapshot), next)
            if batchSize != .full && shuffle {
                // No batch order is kept: one full-batch step with the kept state, as said.
                #expect(run.stepRule(from: snapshot) == .fullBatch(fromRest: false))
            } else {
                #expect(run.stepRule(from: snapshot) == .trainers(batches: batches))
                #expect(distance <= 1e-12, "epoch \(snapshot.epoch)")
            }
        }
    }
}
