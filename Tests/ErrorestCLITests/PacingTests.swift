import Backprop
import ErrorestCLI
import Foundation
import Testing

/// `snapshots: paced N`, measured on the Samples as a lesson author would train them.
@Suite struct PacingTests {
    /// The largest and the median visible change between consecutive frames, for `schedule`,
    /// on a Sample cut to `epochs` epochs (debug builds train slowly; `errorest-bench pacing`
    /// measures the whole Samples in release).
    static func smoothness(_ sample: String, _ schedule: SnapshotSchedule, epochs: Int) throws
        -> (ratio: Double, frames: Int)
    {
        var file = try RunFile(contentsOf: Harness.samples.appendingPathComponent(sample))
        file.snapshots = schedule
        file.training.epochs = epochs
        let run = try file.trainer().train(name: "pacing", domain: file.domain)
        let changes = try Pacing.changes(of: run).sorted()
        let median = (changes[(changes.count - 1) / 2] + changes[changes.count / 2]) / 2
        return ((changes.last ?? 0) / median, run.snapshots.count)
    }

    @Test func theLessonsPacedFramesChangeByAboutTheSameVisibleAmount() throws {
        let paced = try Self.smoothness("lesson.yaml", .paced(60), epochs: 2000)
        let log = try Self.smoothness("lesson.yaml", .log(60), epochs: 2000)
        let linear = try Self.smoothness("lesson.yaml", .linear(60), epochs: 2000)
        #expect(paced.frames == 60)
        #expect(paced.ratio <= 2, "paced 60: the largest change is \(paced.ratio) × the median")
        #expect(log.ratio > 5 && linear.ratio > 50)
    }

    @Test(arguments: [("xor.yaml", 400), ("circle.json", 300)])
    func pacingIsSmootherThanLogAndLinear(_ sample: String, _ epochs: Int) throws {
        // Short runs whose first epoch alone moves the picture more than a paced step: pacing
        // cannot split one epoch, but it still evens out the rest.
        let paced = try Self.smoothness(sample, .paced(30), epochs: epochs)
        let log = try Self.smoothness(sample, .log(30), epochs: epochs)
        let linear = try Self.smoothness(sample, .linear(30), epochs: epochs)
        #expect(paced.frames == 30)
        #expect(paced.ratio < log.ratio && paced.ratio < linear.ratio, "\(sample)")
    }

    @Test func pacedSnapshotsAreSnapshotsOfTheSameTraining() throws {
        // The paced run's snapshots, error series and weights are those of a run that lists the
        // same epochs: pacing only chooses which epochs to keep.
        var file = try RunFile(contentsOf: Harness.samples.appendingPathComponent("xor.yaml"))
        file.training.epochs = 300
        file.snapshots = .paced(12)
        let paced = try file.trainer().train(name: "x")
        let epochs = paced.snapshots.map(\.epoch)
        #expect(epochs.count == 12 && epochs.first == 0 && epochs.last == 300)
        #expect(epochs == epochs.sorted() && Set(epochs).count == 12)
        file.snapshots = .list(epochs)
        let listed = try file.trainer().train(name: "x")
        #expect(listed == paced)
    }

    @Test func pacingPutsFramesWhereThePictureMoves() throws {
        // States that do not move for 50 candidates, then move steadily for 50: the frames go
        // to the moving half.
        let network = try Network(hidden: [1], activation: .sigmoid, seed: 1)
        let domain = try Domain(x1: [-1, 1], x2: [-1, 1])
        func state(_ shift: Double) throws -> VisibleState {
            var layers = network.layers
            layers[0].biases[0] = shift
            return VisibleState(
                network: try Network(layers: layers, activation: .sigmoid), domain: domain,
                epoch: 0, lastEpoch: 0, error: 0, errorScale: 1)
        }
        let states = try (0..<100).map { try state($0 < 50 ? 0 : Double($0 - 49) * 0.02) }
        let chosen = Pacing.select(11, from: states)
        #expect(chosen.first == 0 && chosen.last == 99)
        #expect(chosen.dropFirst().allSatisfy { $0 >= 50 })
        #expect(Pacing.select(200, from: states) == Array(0..<100))
        #expect(Pacing.select(1, from: states) == [0])
    }

    @Test func pacedParsesAndIsTheDefault() throws {
        #expect(try SnapshotSchedule(parsing: "paced 60") == .paced(60))
        #expect(SnapshotSchedule.paced(60).description == "paced 60")
        #expect(throws: BackpropError.self) { try SnapshotSchedule(parsing: "paced") }
        #expect(throws: BackpropError.self) {
            try SnapshotSchedule.paced(20_000).epochs(through: 10)
        }
        #expect(RunFile().snapshots == .paced(60))
    }
}
