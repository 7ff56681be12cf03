import Backprop
import Foundation
import Testing

@testable import ErrorestCLI

/// Held-out points, optimizers and penalties from run files and flags.
@Suite struct HeldOutTests {
    @Test func theRecordHoldsTestErrorsPenaltiesAndTheOptimizer() throws {
        let h = try Harness()
        defer { h.cleanUp() }
        try h.write(
            "name: held\ndata: {generator: xor, count: 60, test: 0.25}\n"
                + "training: {epochs: 12, optimizer: adam, learningRate: 0.05, l2: 0.01}\n"
                + "snapshots: [0, 12]\n", to: "held.yaml")
        let result = try h.errorest(["train", "held.yaml", "--quiet"])
        #expect(result.status == 0, "\(result.stderr)")
        let record = try h.json("Output/held/run.json")
        let test = try #require(record["test"] as? [String: Any])
        #expect((test["points"] as? [Any])?.count == 15)
        #expect(((record["data"] as? [String: Any])?["points"] as? [Any])?.count == 45)
        #expect((record["testErrors"] as? [Double])?.count == 13)
        #expect((record["testAccuracies"] as? [Double])?.count == 13)
        #expect((record["penalties"] as? [Double])?.allSatisfy { $0 > 0 } == true)
        let training = try #require(record["training"] as? [String: Any])
        #expect(training["optimizer"] as? String == "adam")
        #expect(training["beta2"] as? Double == 0.999 && training["l2"] as? Double == 0.01)
    }

    @Test func testPointsCanComeFromAFile() throws {
        let h = try Harness()
        defer { h.cleanUp() }
        try h.write("0,0,0\n1,1,1\n0.5,0.2,0\n", to: "held-out.csv")
        try h.write(
            "name: file\ndata: {testFile: held-out.csv}\ntraining: {epochs: 3}\n",
            to: "file.yaml")
        let result = try h.errorest(["train", "file.yaml", "--quiet"])
        #expect(result.status == 0, "\(result.stderr)")
        let record = try h.json("Output/file/run.json")
        #expect(((record["test"] as? [String: Any])?["labels"] as? [Int]) == [0, 1, 0])
        let flag = try h.errorest(
            ["train", "file.yaml", "--quiet", "--test-file", "held-out.csv", "--test", "0.2"])
        #expect(flag.status == 64)
    }

    /// The same seeds give the same points, split and first weights whatever trains on them.
    @Test func variantsOfARunShareTheirDataSplitAndInitialWeights() throws {
        let base =
            "data: {generator: moons, count: 80, seed: 5, test: 0.3}\nnetwork: {hidden: [4]}\n"
        let variants = [
            "training: {optimizer: sgd}", "training: {optimizer: momentum, momentum: 0.5}",
            "training: {optimizer: adam, beta1: 0.8}", "training: {l1: 0.01, l2: 0.1}",
            "training: {engine: reference}",
        ]
        let trainers = try variants.map { try RunFileTests.yaml(base + $0).trainer() }
        let first = trainers[0]
        #expect(first.test?.count == 24 && first.data.count == 56)
        for trainer in trainers.dropFirst() {
            #expect(trainer.data == first.data)
            #expect(trainer.test == first.test)
            #expect(trainer.network == first.network)
        }
        let otherSeed = try RunFileTests.yaml(
            base.replacingOccurrences(of: "seed: 5", with: "seed: 6")
        ).trainer()
        #expect(otherSeed.test != first.test)
    }

    @Test(arguments: [
        (
            "training: {beta1: 0.5}",
            "\"training.beta1\" belongs to the adam optimizer; this run's is sgd (key "
                + "training.optimizer)."
        ),
        (
            "training: {optimizer: momentum, momentum: 1.5}",
            "\"training.momentum\" is 1.5; it must be at least 0 and below 1."
        ),
        (
            "training: {l2: -1}",
            "\"training.l2\" is -1.0; it must be a finite number of at least 0."
        ),
        (
            "training: {optimizer: rmsprop}",
            "\"training.optimizer\" is the text \"rmsprop\"; it "
                + "must be one of: sgd, momentum, adam."
        ),
        ("data: {test: 1}", "\"data.test\" is 1.0; it must be above 0 and below 1."),
        (
            "data: {test: 0.2, testFile: t.csv}",
            "\"data\" takes either \"test\" or \"testFile\", not both."
        ),
    ])
    func badKeysNameTheirLine(text: String, message: String) throws {
        let error = try #require(RunFileTests.problem(text))
        #expect(error.problem == message)
        #expect(error.line == 1)
    }
}
