import Backprop
import Foundation
import Testing

@testable import Figures

/// Issue 21, item 7: one wish magnification for a whole run, so that arrows compare from frame to
/// frame.
@Suite struct OneMagnificationTests {
    @Test func everySnapshotDrawsTheWishAtTheRunsOneFactor() throws {
        let data = try Generator.xor.generate(count: 60, noise: 0.05, seed: 7)
        let run = try Trainer(
            network: try Network(hidden: [3], seed: 1), data: data,
            options: TrainingOptions(epochs: 400, learningRate: 2),
            schedule: .list([0, 5, 20, 60, 150, 400])
        ).train(name: "m")
        // Each snapshot's own factor differs: the run below would jump without one factor.
        let own = Set(
            run.snapshots.map { snapshot in
                let model = ModelEvaluator(layers: snapshot.layers, activation: .sigmoid)
                return FocusPoint(.worst, run: run, snapshot: snapshot, model: model)?
                    .magnification
            })
        #expect(own.count > 1, "\(own)")
        var options = RenderOptions(width: 640, height: 360)
        options.focus = .worst
        let renderer = try FigureRenderer(run: run, options: options)
        var drawn: Set<Double> = []
        for k in run.snapshots.indices {
            let figure = try renderer.render(.frame, snapshot: k, format: .png)
            for panel in figure.panels { if let m = panel.focus?.magnification { drawn.insert(m) } }
        }
        #expect(drawn.count == 1, "\(drawn)")
        // The median of the snapshots' own factors: the middle of the run's scales.
        let sorted = run.snapshots.compactMap { snapshot in
            FocusPoint(
                .worst, run: run, snapshot: snapshot,
                model: ModelEvaluator(layers: snapshot.layers, activation: .sigmoid))?
                .magnification
        }.sorted()
        #expect(drawn.first == sorted[(sorted.count - 1) / 2])
    }
}
