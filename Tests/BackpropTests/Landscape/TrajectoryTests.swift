import Foundation
import Testing

@testable import Backprop

@Suite struct TrajectoryTests {
    @Test func recordsWithoutATrajectoryAreWrittenAsBefore() throws {
        var trainer = Trainer(
            network: try Network(hidden: [2], seed: 1),
            data: try Generator.wedge.generate(count: 30, noise: 0.1, seed: 7),
            options: TrainingOptions(epochs: 20), schedule: .every(10))
        let plain = try trainer.train(name: "x")
        #expect(plain.trajectory == nil)
        let text = String(decoding: try plain.jsonData(), as: UTF8.self)
        #expect(!text.contains("trajectory"))
        trainer.recordsTrajectory = true
        let kept = try trainer.train(name: "x")
        // Keeping the trajectory changes nothing else in the record.
        var stripped = kept
        stripped.trajectory = nil
        #expect(try stripped.jsonData() == plain.jsonData())
        let back = try TrainingRun(jsonData: try kept.jsonData(), source: "run.json")
        #expect(back == kept)
        #expect(
            try TrainingRun(jsonData: try plain.jsonData(), source: "run.json").trajectory == nil)
    }

    @Test func aPerceptronKeepsEveryEpochAndEachRowIsThatEpochsNetwork() throws {
        let run = try LandscapeReference.run(
            hidden: [], epochs: 50, learningRate: 0.5, generator: .wedge, batchSize: .size(7))
        let trajectory = try #require(run.trajectory)
        #expect(trajectory.every == 1)
        #expect(trajectory.epochs == Array(0...50))
        #expect(trajectory.parameterCount == 3)
        for snapshot in run.snapshots {
            let row = Array(trajectory.parameters(at: snapshot.epoch))
            #expect(row == (try run.network(at: snapshot)).parameters.values)
        }
        for epoch in [0, 13, 50] {
            var network = try run.network(at: run.snapshots[0])
            network.setParameters(Array(trajectory.parameters(at: epoch)))
            #expect(network.evaluate(on: run.data).error == run.errors[epoch])
        }
    }

    @Test func largeNetworksThinOutToTheStatedStrideKeepingSnapshotsAndTheLastEpoch() throws {
        #expect(Trajectory.stride(parameterCount: 3, epochs: 9_999_999, isPerceptron: true) == 1)
        #expect(Trajectory.stride(parameterCount: 4_000, epochs: 999, isPerceptron: false) == 1)
        #expect(Trajectory.stride(parameterCount: 4_000, epochs: 1_000, isPerceptron: false) == 2)
        #expect(Trajectory.stride(parameterCount: 100, epochs: 99_999, isPerceptron: false) == 3)
        // 2-64-60-1: 4,153 parameters; 1,000 epochs would keep 1001 × 4153 > 4,000,000 numbers.
        var trainer = Trainer(
            network: try Network(hidden: [64, 60], seed: 1),
            data: try Generator.xor.generate(count: 4, noise: 0.1, seed: 7),
            options: TrainingOptions(epochs: 1_000), schedule: .list([0, 333, 1_000]))
        trainer.recordsTrajectory = true
        let run = try trainer.train(name: "wide")
        let trajectory = try #require(run.trajectory)
        #expect(trajectory.every == 2)
        #expect(
            trajectory.epochs == Set(stride(from: 0, through: 1_000, by: 2)).union([333]).sorted())
        #expect(trajectory.values.count == trajectory.count * 4_153)
        #expect(trajectory.values.count <= Trajectory.budget + 4_153 * 3)
    }

    @Test func inconsistentTrajectoriesAreRejectedWithASentence() throws {
        var run = try LandscapeReference.run(hidden: [], epochs: 4)
        let good = try #require(run.trajectory)
        #expect(good.parameters(at: 4).layout == ParameterLayout(sizes: [2, 1]))
        // Rows as long as another network's parameters, as a record might have them.
        var object = try #require(
            try JSONSerialization.jsonObject(with: run.jsonData()) as? [String: Any])
        object["trajectory"] = [
            "every": 1, "epochs": good.epochs, "parameters": good.epochs.map { _ in [0, 0] },
        ]
        let short = try JSONSerialization.data(withJSONObject: object)
        #expect(
            throws: BackpropError.badRunRecord(
                "run.json: The trajectory has 2 parameters per epoch; the network has 3.")
        ) {
            try TrainingRun(jsonData: short, source: "run.json")
        }
        run.trajectory = Trajectory(
            every: 1, epochs: [0, 2, 1, 3, 4],
            parameters: (0..<5).map { _ in ParameterVector([0, 0, 0], layout: good.layout) },
            layout: good.layout)
        #expect(
            throws: BackpropError.badRunRecord(
                "The trajectory must keep rising epochs from 0 to 4.")
        ) {
            try run.validate()
        }
        let ragged = Data(
            #"{"every": 1, "epochs": [0, 1], "parameters": [[1, 2, 3], [1, 2]]}"#.utf8)
        #expect(throws: BackpropError.badRunRecord("The trajectory has rows of different lengths."))
        {
            try JSONDecoder().decode(Trajectory.Rows.self, from: ragged)
        }
    }
}
