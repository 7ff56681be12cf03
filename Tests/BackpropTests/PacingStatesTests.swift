import Foundation
import Testing

@testable import Backprop

/// Pacing's fast path (states measured straight into a ``StateMatrix``, changes eight at a time)
/// against the plain ``VisibleState`` and ``VisibleState/change(to:)``.
@Suite struct PacingStatesTests {
    /// A short run of `hidden` with a snapshot at every epoch, and its snapshots' parameter rows
    /// laid out as the candidates lay them out: each row followed by as many other numbers.
    static func run(_ hidden: [Int], _ activation: Activation) throws
        -> (run: TrainingRun, network: Network, rows: [Double])
    {
        let network = try Network(hidden: hidden, activation: activation, seed: 4)
        let run = try Trainer(
            network: network,
            data: try Generator.moons.generate(count: 45, noise: 0.1, seed: 3),
            options: TrainingOptions(epochs: 20, learningRate: 2),
            schedule: .list(Array(0...20))
        ).train(name: "states")
        var snapshots = run.snapshots
        // A hidden unit whose line is gone (weights 0): its distances are all ½.
        if !hidden.isEmpty {
            var last = snapshots[snapshots.count - 1]
            last.layers[0].weights[0] = [0, 0]
            snapshots.append(last)
        }
        let rows = snapshots.flatMap { snapshot in
            let row = ParameterVector(snapshot.layers).values
            return row + row.map { -$0 }
        }
        var withRows = run
        withRows.snapshots = snapshots
        return (withRows, network, rows)
    }

    @Test(arguments: [([], Activation.sigmoid), ([3], .sigmoid), ([4, 3], .tanh), ([5], .relu)])
    func fastStatesAndChangesEqualThePlainOnes(hidden: [Int], activation: Activation) throws {
        let (run, network, rows) = try Self.run(hidden, activation)
        let plain = try Pacing.states(of: run, snapshots: run.snapshots)
        let epochs = run.snapshots.map(\.epoch)
        let fast = rows.withUnsafeBufferPointer {
            Pacing.stateMatrix(
                of: $0, stride: 2 * network.parameters.count, network: network, epochs: epochs,
                errors: run.snapshots.map(\.error), run: run)
        }
        let side = StateMatrix(plain)
        #expect(fast.count == plain.count && plain.count >= 21)
        for i in plain.indices {
            for j in plain.indices {
                let expected = plain[i].change(to: plain[j])
                let label = "\(hidden) \(activation): change \(i) → \(j)"
                #expect(abs(fast.change(i, j) - expected) <= 1e-12, "\(label)")
                #expect(side.change(i, j) == expected, "\(label)")
            }
        }
        if !hidden.isEmpty {
            let gone = plain[plain.count - 1].lines.prefix(VisibleState.gridSide)
            #expect(gone.allSatisfy { $0 == 0.5 })
        }
        for count in [2, 5, 9] {
            #expect(Pacing.select(count, from: fast) == Pacing.select(count, from: plain))
        }
    }

    @Test func tilesOfEightMeasureEachStateAsOne() {
        // 19 states: two whole tiles and three in the last, every pair measured in and across
        // tiles; state k's first output is k / 100, everything else 0.
        let states = (0..<19).map { k in
            VisibleState(
                outputs: [Double(k) / 100, 0], firstLayer: (weights: [], biases: []),
                hasHidden: false, domain: Domain(x1: 0...1, x2: 0...1), grid: [], epoch: k,
                lastEpoch: 18,
                error: 0, errorScale: 1)
        }
        let matrix = StateMatrix(states)
        for i in states.indices {
            for j in states.indices {
                #expect(matrix.change(i, j) == states[i].change(to: states[j]))
            }
        }
        #expect(matrix.change(0, 18) > matrix.change(0, 17))
    }
}
