import Foundation
import Testing

@testable import Backprop

@Suite struct PerceptronSurfaceTests {
    /// The lesson's lab: a perceptron on Udacity's 100 points, one point per step, so the bias
    /// moves under the path.
    static func labRun() throws -> TrainingRun {
        let data = try LessonLabTests.labData()
        let network = try Network(
            layers: [Layer(weights: [[-0.5307647566300506, 0.9308051907683095]], biases: [0])])
        var trainer = Trainer(
            network: network, data: data,
            options: TrainingOptions(epochs: 100, learningRate: 0.01, batchSize: .size(1)),
            schedule: .list([0, 10, 50, 100]))
        trainer.recordsTrajectory = true
        return try trainer.train(name: "lab")
    }

    @Test func gridValuesEqualADirectEvaluationTo1e12() throws {
        let run = try Self.labRun()
        for index in run.snapshots.indices {
            let surface = try ErrorSurface(
                run: run, snapshot: index, options: SurfaceOptions(gridSize: 23))
            let bias = run.snapshots[index].layers[0].biases[0]
            #expect(surface.axes == .weights)
            #expect(surface.plane == .perceptronWeights(bias: bias))
            for i in 0..<23 {
                for j in 0..<23 {
                    let direct = LandscapeReference.error(
                        parameters: [surface.grid.u[j], surface.grid.v[i], bias], hidden: [],
                        data: run.data)
                    #expect(abs(surface.grid[row: i, column: j] - direct) <= 1e-12)
                }
            }
        }
    }

    @Test func theFastPathEqualsThePlainPathAndLargeWeightsFallBackToIt() throws {
        let run = try Self.labRun()
        let data = run.data
        for (span, bias) in [(3.0, 0.2), (40.0, -1.5), (1_000.0, 3.0)] {
            let plane = ParameterPlane.perceptronWeights(bias: bias)
            let evaluator = PlaneEvaluator(
                network: try run.network(at: run.snapshots[0]), data: data, plane: plane)
            let u = SurfaceGrid.lattice(-span...span, count: 9)
            let v = SurfaceGrid.lattice((-span / 2)...span, count: 7)
            let fast = evaluator.grid(u: u, v: v)
            let plain = evaluator.plainGrid(u: u, v: v)
            #expect(fast.heights.count == 63)
            for (a, b) in zip(fast.heights, plain.heights) {
                #expect(abs(a - b) <= 1e-12 * max(1, abs(b)))
            }
        }
        // More points than one block of the fast path.
        let many = try Generator.gauss.generate(count: 1_300, noise: 0.3, seed: 4)
        let plane = ParameterPlane.perceptronWeights(bias: 0.4)
        let evaluator = PlaneEvaluator(
            network: try Network(hidden: [], seed: 1), data: many, plane: plane)
        let u = SurfaceGrid.lattice(-5...7, count: 5)
        for (a, b) in zip(
            evaluator.grid(u: u, v: u).heights, evaluator.plainGrid(u: u, v: u).heights)
        {
            #expect(abs(a - b) <= 1e-12 * max(1, abs(b)))
        }
    }

    @Test func theCurrentWeightsSitOnTheSurfaceAtTheirRecordedError() throws {
        let run = try Self.labRun()
        // The same training one epoch longer: its trajectory holds the weights after every
        // snapshot's next epoch, the last one's included.
        let data = try LessonLabTests.labData()
        var longer = Trainer(
            network: try Network(
                layers: [Layer(weights: [[-0.5307647566300506, 0.9308051907683095]], biases: [0])]),
            data: data,
            options: TrainingOptions(epochs: 101, learningRate: 0.01, batchSize: .size(1)),
            schedule: .list([0, 101]))
        longer.recordsTrajectory = true
        let trajectory = try #require(try longer.train(name: "longer").trajectory)
        for index in run.snapshots.indices {
            let surface = try ErrorSurface(run: run, snapshot: index)
            let (current, next) = try surface.step(run: run, snapshot: index)
            let w = run.snapshots[index].layers[0].weights[0]
            #expect(current.u == w[0] && current.v == w[1])
            #expect(abs(current.height - run.snapshots[index].error) <= 1e-9)
            #expect(current.error == run.snapshots[index].error)
            // One point a step: W′ is the weights after the next epoch's 100 steps, projected.
            let after = Array(trajectory.parameters(at: run.snapshots[index].epoch + 1))
            #expect(abs(next.u - after[0]) <= 1e-12)
            #expect(abs(next.v - after[1]) <= 1e-12)
            #expect(next.u != w[0] || next.v != w[1])
        }
    }

    @Test func thePathGapIsTheLargestDistanceFromRecordedErrorsToTheSurface() throws {
        let run = try Self.labRun()
        let trajectory = try #require(run.trajectory)
        for index in run.snapshots.indices {
            let snapshot = run.snapshots[index]
            let surface = try ErrorSurface(
                run: run, snapshot: index, options: SurfaceOptions(gridSize: 5))
            let bias = snapshot.layers[0].biases[0]
            var gap = 0.0
            for epoch in 0...snapshot.epoch {
                let theta = Array(trajectory.parameters(at: epoch))
                let height = LandscapeReference.error(
                    parameters: [theta[0], theta[1], bias], hidden: [], data: run.data)
                gap = max(gap, abs(run.errors[epoch] - height))
            }
            #expect(abs(surface.pathGap(through: snapshot.epoch) - gap) <= 1e-12)
            #expect(surface.path(through: snapshot.epoch).count == snapshot.epoch + 1)
            if snapshot.epoch > 0 { #expect(gap > 0) }  // the bias moved: a real gap
        }
    }

    @Test func theDefaultSpanIsThePathsExtentWithItsMargin() throws {
        let run = try Self.labRun()
        let surface = try ErrorSurface(run: run, snapshot: 3, options: SurfaceOptions(gridSize: 11))
        let w1 = surface.path.map(\.u)
        let w2 = surface.path.map(\.v)
        let margin = 0.25 * max(w1.max()! - w1.min()!, w2.max()! - w2.min()!)
        #expect(surface.grid.u.first! == w1.min()! - margin)
        #expect(surface.grid.u.last! == w1.max()! + margin)
        #expect(surface.grid.v.first! == w2.min()! - margin)
        #expect(surface.grid.v.last! == w2.max()! + margin)
        #expect(surface.grid.u.count == 11 && surface.grid.v.count == 11)
        let fixed = try ErrorSurface(
            run: run, snapshot: 3,
            options: SurfaceOptions(
                gridSize: 3, span: .fixed(Domain(x1: -1...1, x2: 0...4))))
        #expect(fixed.grid.u == [-1, 0, 1] && fixed.grid.v == [0, 2, 4])
    }

    @Test func badOptionsAreRefusedWithASentence() throws {
        let run = try Self.labRun()
        #expect(
            "\(BackpropError.outOfRange(.surfaceGrid, value: "1", rule: "it must be between 2 and 1001"))"
                == "The error surface's grid size is 1; it must be between 2 and 1001.")
        #expect(
            throws: BackpropError.outOfRange(
                .surfaceGrid, value: "1", rule: "it must be between 2 and 1001")
        ) {
            try ErrorSurface(run: run, snapshot: 0, options: SurfaceOptions(gridSize: 1))
        }
        let mlp = try LandscapeReference.run(hidden: [3], epochs: 4)
        #expect(
            throws: BackpropError.outOfRange(
                .surfaceAxes, value: "w1,w2",
                rule: "this network has hidden layers [3], so it must be pca (w1,w2 are a "
                    + "perceptron's weights, hidden: [])")
        ) {
            try ErrorSurface(run: mlp, snapshot: 0, options: SurfaceOptions(axes: .weights))
        }
        #expect(
            throws: BackpropError.badSurface(
                "The run has 4 snapshots; there is no snapshot 5.")
        ) {
            try ErrorSurface(run: run, snapshot: 4)
        }
    }
}
