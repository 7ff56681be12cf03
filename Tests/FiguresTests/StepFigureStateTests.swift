import Backprop
import Foundation
import Testing

@testable import Figures

/// The step figure's `W′`, as the manifest records it, is the trainer's next weights for every
/// optimizer at every snapshot, full batch and mini-batch: the snapshots keep the optimizer's
/// state and the next epoch's order, and the figure says how many batch steps `W′` is after.
@Suite struct StepFigureStateTests {
    static let cases: [(OptimizerKind, BatchSize)] = OptimizerKind.allCases.flatMap {
        [($0, BatchSize.full), ($0, .size(9))]
    }

    @Test(arguments: cases)
    func theStepFiguresWPrimeIsTheTrainersNextWeightsAtEverySnapshot(
        optimizer: OptimizerKind, batchSize: BatchSize
    ) throws {
        let run = try Trainer(
            network: try Network(hidden: [2], seed: 3),
            data: try Generator.xor.generate(count: 40, noise: 0.05, seed: 7),
            options: TrainingOptions(
                epochs: 8, learningRate: optimizer == .adam ? 0.05 : 1, batchSize: batchSize,
                optimizer: optimizer),
            schedule: .every(1)
        ).train(name: "step")
        let renderer = try FigureRenderer(run: run, options: RenderOptions(width: 240, height: 160))
        for index in 0..<(run.snapshots.count - 1) {
            let figure = try renderer.render(.panel(.step), snapshot: index, format: .svg)
            let panel = try #require(figure.panels.first { $0.kind == .step })
            let after = ParameterVector(try #require(panel.after)).values
            let next = ParameterVector(run.snapshots[index + 1].layers).values
            #expect(after.count == next.count)
            #expect(zip(after, next).allSatisfy { abs($0 - $1) <= 1e-12 })
            #expect(abs(try #require(panel.errorAfter) - run.snapshots[index + 1].error) <= 1e-12)
            let caption = try #require(TrainingStep(run: run, snapshot: run.snapshots[index]))
                .caption
            #expect(caption == (batchSize == .full ? nil : "after the epoch's 5 batch steps"))
        }
    }
}
