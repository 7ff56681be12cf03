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
        return (try Pacing.unevenness(of: run), run.snapshots.count)
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
        // shows that step in parts, and evens out the rest.
        let paced = try Self.smoothness(sample, .paced(30), epochs: epochs)
        let log = try Self.smoothness(sample, .log(30), epochs: epochs)
        let linear = try Self.smoothness(sample, .linear(30), epochs: epochs)
        #expect(paced.frames == 30)
        #expect(paced.ratio <= 2, "\(sample): paced 30 is \(paced.ratio)")
        #expect(paced.ratio < log.ratio && paced.ratio < linear.ratio, "\(sample)")
    }

    @Test func pacedSnapshotsAreSnapshotsOfTheSameTraining() throws {
        // Pacing only chooses where the frames are on the path the weights took: an epoch's
        // own weights, or weights part-way along the one full-batch step after an epoch,
        // W + t (W′ − W), with their own error, accuracy and gradient as the lesson computes
        // them. The weights of every epoch involved come from a run that lists them.
        var file = try RunFile(contentsOf: Harness.samples.appendingPathComponent("xor.yaml"))
        file.training.epochs = 300
        file.snapshots = .paced(20)
        let paced = try file.trainer().train(name: "x")
        let g = paced.network.activation
        let times = paced.snapshots.map(\.time)
        #expect(times.count == 20 && times.first == 0 && times.last == 300)
        #expect(zip(times, times.dropFirst()).allSatisfy { $0 < $1 })
        let partway = paced.snapshots.filter { $0.stepFraction != nil }
        #expect(!partway.isEmpty, "xor's first step is shown in parts")
        let epochs = Set(
            paced.snapshots.flatMap { s in [s.epoch] + (s.stepFraction == nil ? [] : [s.epoch + 1])
            })
        file.snapshots = .list(epochs.sorted())
        let listed = try file.trainer().train(name: "x")
        #expect(listed.errors == paced.errors && listed.accuracies == paced.accuracies)
        func whole(_ epoch: Int) throws -> Snapshot {
            try #require(listed.snapshots.first { $0.epoch == epoch })
        }
        let m = Double(paced.data.count)
        for snapshot in paced.snapshots {
            guard let t = snapshot.stepFraction else {
                #expect(snapshot == (try whole(snapshot.epoch)))
                continue
            }
            #expect((t * 20).rounded() == t * 20 && t > 0 && t < 1)
            let w = try whole(snapshot.epoch).layers
            let next = try whole(snapshot.epoch + 1).layers
            var layers = w
            for l in layers.indices {
                for j in 0..<layers[l].units {
                    for i in 0..<layers[l].inputs {
                        let a = w[l].weights[j][i]
                        layers[l].weights[j][i] = a + t * (next[l].weights[j][i] - a)
                    }
                    let b = w[l].biases[j]
                    layers[l].biases[j] = b + t * (next[l].biases[j] - b)
                }
            }
            #expect(snapshot.layers == layers)
            let sums = Lesson.sum(layers, g, on: paced.data, indices: 0..<paced.data.count)
            // Measured by the run's engine (the fast one), equal to the lesson's sums to 1e-12.
            func close(_ a: Double, _ b: Double) -> Bool { abs(a - b) <= 1e-12 * max(1, abs(b)) }
            #expect(close(snapshot.error, sums.error / m))
            #expect(snapshot.accuracy == Double(sums.correct) / m)
            let gradient = ParameterVector(sums.gradient).values.map { $0 / m }
            let actual = ParameterVector(snapshot.gradient).values
            #expect(actual.count == gradient.count && zip(actual, gradient).allSatisfy(close))
            #expect(snapshot.testError == nil)
        }
        // The record reads back as it was written.
        let back = try TrainingRun(jsonData: try paced.jsonData(), source: "run.json")
        #expect(back == paced)
    }

    /// The lesson trained for `epochs` in batches of `batchSize`, `paced` frames.
    static func miniBatchLesson(epochs: Int, batchSize: Int, paced: Int) throws -> RunFile {
        var file = try RunFile(contentsOf: Harness.samples.appendingPathComponent("lesson.yaml"))
        file.training.epochs = epochs
        file.training.batchSize = .size(batchSize)
        file.snapshots = .paced(paced)
        return file
    }

    @Test func aMiniBatchEpochIsShownAfterSomeOfItsBatches() throws {
        // A mini-batch epoch is many steps: a frame part-way through it has the trainer's own
        // weights after that share of its batches. Here 20 batches of 10 points in order, plain
        // descent: the weights after j batches are the epoch's start moved by j lesson steps.
        var file = try Self.miniBatchLesson(epochs: 100, batchSize: 10, paced: 20)
        file.training.shuffle = false
        let paced = try file.trainer().train(name: "x")
        #expect(paced.snapshots.count == 20)
        let partway = paced.snapshots.filter { $0.stepFraction != nil }
        #expect(!partway.isEmpty, "the first epoch is shown in parts")
        file.snapshots = .list(Array(Set(partway.map(\.epoch))).sorted())
        let listed = try file.trainer().train(name: "x")
        for snapshot in partway {
            let t = try #require(snapshot.stepFraction)
            let batches = Int((t * 20).rounded())
            #expect((1..<20).contains(batches) && Double(batches) / 20 == t)
            var layers = try #require(listed.snapshots.first { $0.epoch == snapshot.epoch }).layers
            var optimizer = Optimizer(file.training, shapes: layers)
            for batch in 0..<batches {
                let sums = Lesson.sum(
                    layers, .sigmoid, on: paced.data, indices: (10 * batch)..<(10 * batch + 10))
                let mean = sums.gradient.map { layer in
                    var layer = layer
                    layer.weights = layer.weights.map { $0.map { $0 / 10 } }
                    layer.biases = layer.biases.map { $0 / 10 }
                    return layer
                }
                Lesson.update(&layers, gradient: mean, optimizer: &optimizer)
            }
            let expected = ParameterVector(layers).values
            let actual = ParameterVector(snapshot.layers).values
            #expect(zip(expected, actual).allSatisfy { abs($0 - $1) <= 1e-12 * max(1, abs($0)) })
            let sums = Lesson.sum(snapshot.layers, .sigmoid, on: paced.data, indices: 0..<200)
            #expect(abs(snapshot.error - sums.error / 200) <= 1e-12)
        }
    }

    @Test(arguments: Engine.allCases)
    func aMiniBatchEpochsGradientIsMeasuredOnlyForTheChosenFrames(engine: Engine) throws {
        // With mini-batches, training computes no gradient for the thousands of candidates;
        // pacing measures it afterwards for the frames it keeps. Each whole-epoch frame is then
        // exactly the snapshot a run listing that epoch takes: weights, gradient, E, accuracy.
        var file = try Self.miniBatchLesson(epochs: 300, batchSize: 16, paced: 15)
        file.training.engine = engine
        let paced = try file.trainer().train(name: "x")
        let whole = paced.snapshots.filter { $0.stepFraction == nil }
        #expect(paced.snapshots.count == 15 && whole.count >= 3, "\(whole.map(\.epoch))")
        file.snapshots = .list(whole.map(\.epoch))
        let listed = try file.trainer().train(name: "x")
        #expect(whole == listed.snapshots)
        #expect(whole.allSatisfy { $0.gradient.contains { $0.biases.contains { $0 != 0 } } })
    }

    @Test func aFramePartWayAlongAStepSaysWhereItIs() throws {
        // The header reads "epoch 0.55", the manifest has the step fraction, the animation's
        // epochs have it, and a still of such a snapshot has its own name.
        let h = try Harness()
        defer { h.cleanUp() }
        let xor = Harness.samples.appendingPathComponent("xor.yaml").path
        let result = try h.errorest([
            "run", xor, "--epochs", "300", "--snapshots", "paced 20", "--size", "64x48",
            "--figures", "frame,error", "--formats", "png,apng", "--out", "xor", "--quiet",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let run = try TrainingRun(
            jsonData: try Data(contentsOf: h.url("xor/run.json")), source: "run.json")
        let partway = try #require(run.snapshots.firstIndex { $0.stepFraction != nil })
        let snapshot = run.snapshots[partway]
        let label = snapshot.epochLabel
        #expect(label.contains(".") && Double(label) == snapshot.time)
        let manifest = try h.json("xor/manifest.json")
        let files = try #require(manifest["files"] as? [[String: Any]])
        let frame = try #require(
            files.first {
                $0["path"] as? String == String(format: "frames/frame-%04d.png", partway)
            })
        #expect(frame["epoch"] as? Int == snapshot.epoch)
        #expect(frame["stepFraction"] as? Double == snapshot.stepFraction)
        // In a run with part-way snapshots every still's name has two digits of the step.
        let step = String(format: "%.2f", snapshot.stepFraction ?? 0).dropFirst()
        let still =
            "figures/error-epoch-" + String(format: "%06d", snapshot.epoch) + step + ".png"
        #expect(files.contains { $0["path"] as? String == still && $0["stepFraction"] != nil })
        let animation = try #require(files.first { $0["format"] as? String == "apng" })
        #expect(animation["epochs"] as? [Double] == run.snapshots.map(\.time))
        // A still of it, asked for as its header writes it.
        let still2 = try h.errorest([
            "render", "xor/run.json", "--snapshots", label, "--size", "64x48", "--quiet",
        ])
        #expect(still2.status == 0, "\(still2.stderr)")
        let name =
            "xor/figures/frame-epoch-" + String(format: "%06d", snapshot.epoch) + step + ".png"
        #expect(FileManager.default.fileExists(atPath: h.url(name).path), "\(name)")
        // The PNG's title says where the frame is.
        let png = try Data(
            contentsOf: h.url("xor/frames/" + String(format: "frame-%04d.png", partway)))
        #expect(String(decoding: png, as: UTF8.self).contains("frame at epoch \(label)"))
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
