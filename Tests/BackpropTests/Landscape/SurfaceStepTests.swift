import Foundation
import Testing

@testable import Backprop

/// The surfaces' arrow `W → W′` is the trainer's own step: the run's optimizer, checked against
/// the weights the trainer went on to (its trajectory) and, where a snapshot lacks the
/// optimizer's state, against the first step from rest written out by hand.
@Suite struct SurfaceStepTests {
    /// `max |a − b|`.
    static func distance(_ a: some Collection<Double>, _ b: some Collection<Double>) -> Double {
        zip(a, b).map { abs($0 - $1) }.max() ?? .infinity
    }

    @Test(arguments: [
        (OptimizerKind.sgd, 0.0, 2.0), (.sgd, 0.01, 2.0), (.momentum, 0.0, 0.5), (.adam, 0.0, 0.05),
    ])
    func theArrowEndsAtTheTrainersNextWeights(optimizer: OptimizerKind, l2: Double, rate: Double)
        throws
    {
        let run = try LandscapeReference.run(
            hidden: [3], epochs: 60, learningRate: rate, optimizer: optimizer, l2: l2)
        let trajectory = try #require(run.trajectory)
        #expect(trajectory.every == 1)
        let surface = try ErrorSurface(run: run, snapshot: 0, options: SurfaceOptions(gridSize: 3))
        for (index, snapshot) in run.snapshots.enumerated() where snapshot.epoch < 60 {
            let trainers = run.stepIsTheTrainers(from: snapshot)
            #expect(trainers)
            let following = Array(trajectory.parameters(at: snapshot.epoch + 1))
            #expect(
                Self.distance(ParameterVector(run.step(from: snapshot)).values, following) <= 1e-12)
            // Drawn: the projection of the trainer's next weights, at its recorded error.
            let (_, next) = try surface.step(run: run, snapshot: index)
            let (u, v) = surface.plane.coordinates(of: following)
            #expect(abs(next.u - u) <= 1e-12 && abs(next.v - v) <= 1e-12)
            #expect(next.epoch == snapshot.epoch + 1)
            #expect(abs(next.error - run.errors[snapshot.epoch + 1]) <= 1e-12)
        }
    }

    @Test(arguments: [OptimizerKind.momentum, .adam])
    func laterSnapshotsStepFromTheTrainersState(optimizer: OptimizerKind) throws {
        let run = try LandscapeReference.run(
            hidden: [2], epochs: 40, learningRate: 0.1, optimizer: optimizer)
        let snapshot = run.snapshots[1]
        #expect(snapshot.epoch == 20 && run.stepIsTheTrainers(from: snapshot))
        let following = Array(try #require(run.trajectory).parameters(at: 21))
        #expect(Self.distance(ParameterVector(run.step(from: snapshot)).values, following) <= 1e-12)
        // Without the state the step would start from rest: momentum's first step is plain
        // descent, Adam's η·g / (|g| + ε); not the trainer's, whose state had built up.
        var bare = snapshot
        bare.optimizerState = nil
        #expect(!run.stepIsTheTrainers(from: bare))
        let w = ParameterVector(snapshot.layers).values
        let g = ParameterVector(snapshot.gradient).values
        let expected = zip(w, g).map { w, g in
            optimizer == .momentum ? w - 0.1 * g : w - 0.1 * g / (abs(g) + 1e-8)
        }
        #expect(Self.distance(ParameterVector(run.step(from: bare)).values, expected) <= 1e-12)
        #expect(Self.distance(expected, following) > 1e-6)
    }

    @Test func aMiniBatchRunsArrowIsTheNextEpochsBatchSteps() throws {
        let run = try LandscapeReference.run(hidden: [], epochs: 20, batchSize: .size(7))
        let snapshot = run.snapshots[0]
        #expect(run.stepRule(from: snapshot) == .trainers(batches: 6))
        let following = Array(try #require(run.trajectory).parameters(at: 1))
        #expect(Self.distance(ParameterVector(run.step(from: snapshot)).values, following) <= 1e-12)
    }
}
