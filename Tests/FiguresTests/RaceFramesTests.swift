import Backprop
import Foundation
import Testing

@testable import Figures

/// A race's animation frames on one clock: frame `k` shows every runner at the clock's `k`th
/// epoch, as the frame itself records, and the same runs give the same bytes.
@Suite struct RaceFramesTests {
    /// SGD, momentum and Adam from one start on xor, with snapshots every `every[i]` epochs.
    static func runs(every: [Int] = [10, 10, 10]) throws -> [TrainingRun] {
        try Fixtures.race(every: every)
    }

    static func frames(_ runs: [TrainingRun]) throws -> RaceFrames {
        let names = runs.map(\.name)
        return RaceFrames(
            landscape: try RaceLandscape(runs: runs, names: names, gridSize: 21),
            runners: names.map { RaceRunner(label: "optimizer = \($0)") }, runs: runs,
            title: "race", width: 640, height: 360)
    }

    @Test func everyFrameShowsEveryRunnerAtTheClocksEpochAtItsRecordedWeights() throws {
        let runs = try Self.runs()
        let frames = try Self.frames(runs)
        #expect(frames.clock == [0, 10, 20, 30, 40, 50, 60])
        let w0 = ParameterVector(runs[0].snapshots[0].layers).values
        let (a, b) = (frames.landscape.plane.first.values, frames.landscape.plane.second.values)
        for (k, epoch) in frames.clock.enumerated() {
            let frame = try frames.frame(k)
            #expect(frame.figure.epoch == epoch)
            #expect(frame.runners.map(\.run) == runs.map(\.name))
            #expect(frame.runners.allSatisfy { $0.epoch == epoch }, "frame \(k)")
            for (runner, run) in zip(frame.runners, runs) {
                // The ball: the runner's own snapshot of the epoch, projected independently.
                let snapshot = try #require(run.snapshots.first { $0.epoch == epoch })
                let d = zip(ParameterVector(snapshot.layers).values, w0).map { $0 - $1 }
                let u = zip(d, a).map { $0 * $1 }.reduce(0, +)
                let v = zip(d, b).map { $0 * $1 }.reduce(0, +)
                #expect(abs(runner.u - u) <= 1e-9 && abs(runner.v - v) <= 1e-9)
                #expect(runner.error == run.errors[epoch])
            }
            // One output panel per runner, then the curves, whose axis spans every epoch.
            #expect(frame.figure.panels.map(\.kind) == [.output, .output, .output, .error])
            #expect(frame.figure.panels.last?.domain[0] == [0, 60])
        }
    }

    @Test func theClockIsTheEpochsEveryRunnerKeepsASnapshotOf() throws {
        let runs = try Self.runs(every: [10, 15, 10])
        let frames = try Self.frames(runs)
        #expect(frames.clock == [0, 30, 60])
        let frame = try frames.frame(1)
        #expect(frame.runners.map(\.epoch) == [30, 30, 30])
    }

    @Test func theSameRunsGiveTheSameFramesByteForByte() throws {
        let first = try Self.frames(try Self.runs())
        let second = try Self.frames(try Self.runs())
        for k in [0, 3, first.clock.count - 1] {
            let data = try first.frame(k).figure.data
            #expect(data.starts(with: [0x89, 0x50, 0x4E, 0x47]))
            #expect(try second.frame(k).figure.data == data, "frame \(k)")
        }
    }
}
