import Foundation
import Testing

@testable import Backprop

/// Pacing measures only the candidates where the picture moves (``Pacing/coarseToFine``), and
/// still places its frames evenly.
@Suite struct CoarseToFineTests {
    /// A run that learns in its first epochs and then barely moves for hundreds, with a snapshot
    /// at every epoch, and its snapshots' parameter rows laid out as the candidates lay them out.
    static func plateau(_ schedule: SnapshotSchedule = .list(Array(0...600))) throws -> (
        run: TrainingRun, network: Network, rows: [Double]
    ) {
        let network = try Network(hidden: [3], activation: .tanh, seed: 4)
        let run = try Trainer(
            network: network,
            data: try Generator.moons.generate(count: 40, noise: 0.1, seed: 3),
            options: TrainingOptions(epochs: 600, learningRate: 0.3),
            schedule: schedule
        ).train(name: "plateau")
        let rows = run.snapshots.flatMap { snapshot in
            let row = ParameterVector(snapshot.layers).values
            return row + row.map { _ in 0 }
        }
        return (run, network, rows)
    }

    @Test func aLongPlateauIsMeasuredCoarselyAndStillPacedEvenly() throws {
        let (run, network, rows) = try Self.plateau()
        let count = 30
        let epochs = run.snapshots.map(\.epoch)
        let (measured, states) = rows.withUnsafeBufferPointer {
            Pacing.coarseToFine(
                $0, stride: 2 * network.parameters.count,
                parameterCount: network.parameters.count, network: network, epochs: epochs,
                errors: run.snapshots.map(\.error), count: count, run: run)
        }
        // Fewer than half the candidates measured; the first and last always, in order.
        #expect(measured.count < epochs.count / 2)
        #expect(measured.first == 0 && measured.last == epochs.count - 1)
        #expect(zip(measured, measured.dropFirst()).allSatisfy { $0 < $1 })
        // Each measured state is the candidate's own, as the plain path measures it.
        let plain = try Pacing.states(of: run, snapshots: run.snapshots)
        for (i, a) in measured.enumerated() {
            for (j, b) in measured.enumerated() where j % 7 == 0 {
                let expected = plain[a].change(to: plain[b])
                #expect(abs(states.change(i, j) - expected) <= 1e-12, "change \(a) → \(b)")
            }
        }
        // The frames chosen among them are even by the plain measure, as among all candidates.
        let chosen = Pacing.select(count, from: states).map { measured[$0] }
        #expect(chosen.count == count)
        let coarse = Pacing.unevenness(chosen, of: plain)
        let all = Pacing.unevenness(Pacing.select(count, from: plain), of: plain)
        #expect(coarse <= 2, "coarse-to-fine unevenness \(coarse), all candidates \(all)")
        // And the whole `paced` schedule, part-way frames and all, is as even.
        let paced = try Self.plateau(.paced(count)).run
        #expect(paced.snapshots.count == count)
        #expect(try Pacing.unevenness(of: paced) <= 2)
    }

    @Test func aChangeIsTheSameNumberAsItsLaneOfATile() throws {
        let (run, _, _) = try Self.plateau()
        let states = StateMatrix(try Pacing.states(of: run, snapshots: run.snapshots))
        for i in Swift.stride(from: 0, to: states.count, by: 37) {
            for j in 0..<states.count {
                #expect(states.change(i, j) == states.changes(i, tile: j / 8)[j % 8])
            }
        }
    }
}
