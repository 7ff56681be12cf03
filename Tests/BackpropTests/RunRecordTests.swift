import Foundation
import Testing

@testable import Backprop

@Suite struct RunRecordTests {
    static func run(seed: UInt64 = 1) throws -> TrainingRun {
        let trainer = Trainer(
            network: try Network(hidden: [3, 2], activation: .tanh, seed: seed),
            data: try Generator.moons.generate(count: 40, noise: 0.1, seed: 2),
            options: TrainingOptions(
                epochs: 40, learningRate: 0.7, batchSize: .size(16), shuffle: true),
            schedule: .log(8))
        return try trainer.train(name: "moons")
    }

    @Test func sameRunFileGivesByteIdenticalRecordsAndOtherSeedsDoNot() throws {
        let a = try Self.run().jsonData()
        let b = try Self.run().jsonData()
        let c = try Self.run(seed: 2).jsonData()
        #expect(a == b)
        #expect(a != c)
    }

    @Test func recordReadsBackBitIdentically() throws {
        let run = try Self.run()
        let data = try run.jsonData()
        let back = try TrainingRun(jsonData: data, source: "run.json")
        #expect(back == run)
        #expect(zip(back.errors, run.errors).allSatisfy { $0.bitPattern == $1.bitPattern })
        let weights = { (r: TrainingRun) in
            r.snapshots.flatMap { s in s.layers.flatMap { $0.weights.joined() } }
        }
        #expect(zip(weights(back), weights(run)).allSatisfy { $0.bitPattern == $1.bitPattern })
        #expect(try back.jsonData() == data)
    }

    @Test func recordHasTheDocumentedShape() throws {
        let data = try Self.run().jsonData()
        let object = try JSONSerialization.jsonObject(with: data) as! [String: Any]
        #expect(
            Set(object.keys) == [
                "format", "version", "name", "network", "training", "data", "domain", "errors",
                "accuracies", "snapshots",
            ])
        #expect(object["format"] as? String == "errorest-run")
        #expect(object["version"] as? Int == 1)
        let network = object["network"] as! [String: Any]
        #expect(network["inputs"] as? Int == 2 && network["hidden"] as? [Int] == [3, 2])
        #expect(network["activation"] as? String == "tanh")
        let training = object["training"] as! [String: Any]
        #expect(training["batchSize"] as? Int == 16 && training["shuffle"] as? Bool == true)
        let snapshot = (object["snapshots"] as! [[String: Any]])[0]
        // Shuffled mini-batches: the snapshot keeps the next epoch's order; plain descent keeps
        // no optimizer state.
        #expect(
            Set(snapshot.keys) == [
                "epoch", "error", "accuracy", "layers", "gradient", "batchOrder",
            ])
        #expect((snapshot["batchOrder"] as? [Int])?.sorted() == Array(0..<40))
        let points = (object["data"] as! [String: Any])["points"] as! [[Double]]
        #expect(points.count == 40 && points[0].count == 2)
        #expect((object["domain"] as! [[Double]]).count == 2)
    }

    @Test func fullBatchIsWrittenAsTheWordFull() throws {
        var run = try Self.run()
        run.training.batchSize = .full
        for s in run.snapshots.indices { run.snapshots[s].batchOrder = nil }
        let text = String(decoding: try run.jsonData(), as: UTF8.self)
        #expect(text.contains("\"batchSize\" : \"full\""))
        #expect(try TrainingRun(jsonData: run.jsonData(), source: "r").training.batchSize == .full)
    }

    @Test func inconsistentRecordsAreRefusedWithASentence() throws {
        let good = try Self.run()
        var cases: [(TrainingRun, String)] = []
        var r = good
        r.format = "other"
        cases.append((r, "r.json: The format is \"other\"; a run record's is \"errorest-run\"."))
        r = good
        r.errors.removeLast()
        cases.append(
            (r, "r.json: A run of 40 epochs has 41 errors and accuracies; this one has 40 and 41."))
        r = good
        r.snapshots[1].layers[0].weights[0].append(1)
        cases.append(
            (
                r,
                "r.json: The snapshot of epoch 1: Hidden layer 1, unit 1, has 3 weights; it needs 2, one per input."
            ))
        r = good
        r.snapshots.swapAt(0, 1)
        cases.append((r, "r.json: Snapshot epochs must rise from 0 to 40; 0 comes after 1."))
        r = good
        r.snapshots[0].gradient.removeLast()
        cases.append(
            (
                r,
                "r.json: The snapshot of epoch 0 has a gradient whose shape or numbers do not match its layers."
            ))
        r = good
        r.network.hidden = [3]
        cases.append((r, "r.json: The snapshot of epoch 0 has hidden layers [3, 2], not [3]."))
        // Weights part-way along a step: a fraction between 0 and 1, in order, a step that ends
        // within the run, and a test error only there.
        r = good
        r.snapshots[0].stepFraction = 1.5
        cases.append(
            (
                r,
                "r.json: The snapshot of epoch 0 has a step fraction of 1.5; it must be between 0 and 1, and the step must end by epoch 40."
            ))
        r = good
        r.snapshots[r.snapshots.count - 1].stepFraction = 0.5
        cases.append(
            (
                r,
                "r.json: The snapshot of epoch 40 has a step fraction of 0.5; it must be between 0 and 1, and the step must end by epoch 40."
            ))
        r = good
        r.snapshots[0].stepFraction = 0.5
        r.snapshots.insert(good.snapshots[0], at: 1)
        cases.append((r, "r.json: Snapshot epochs must rise from 0 to 40; 0 comes after 0.5."))
        r = good
        r.snapshots[0].testError = 0.3
        cases.append(
            (
                r,
                "r.json: The snapshot of epoch 0 has a test error, which only a snapshot part-way along a step of a run with test points has."
            ))
        for (record, message) in cases {
            do {
                _ = try TrainingRun(jsonData: record.jsonData(), source: "r.json")
                Issue.record("accepted: \(message)")
            } catch {
                #expect("\(error)" == message)
            }
        }
    }

    @Test func malformedJSONIsNamed() {
        let cases: [(String, String)] = [
            ("{", "r.json: the file is not valid JSON."),
            ("{}", "r.json: the key \"format\" is missing."),
            (#"{"format": 3}"#, "r.json: \"format\" should be a string."),
        ]
        for (text, message) in cases {
            do {
                _ = try TrainingRun(jsonData: Data(text.utf8), source: "r.json")
                Issue.record("accepted \(text)")
            } catch {
                #expect("\(error)" == message)
            }
        }
    }
}
