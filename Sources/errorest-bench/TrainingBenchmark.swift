import Backprop
import Foundation

/// Epochs per second of full-batch training, against numpy running the peer's `train` function
/// on the same data, network size, epochs and learning rate, in the same sitting.
///
/// Jobs: `xor 200 7` with `hidden: [4]` and `xor 10000 7` with `hidden: [8]`, data made by
/// `Samples/peers/make_data.py`. Errorest trains on one core.
func runTrainingBenchmark() {
    let peer: String
    do {
        peer = try requirePeer("peer_frames.py", modules: ["numpy", "matplotlib"])
    } catch {
        return fail("training", error)
    }
    print("Training: epochs per second, full batch, sigmoid, lr 2 (Errorest on one core).")
    print("job                       errorest ep/s      numpy ep/s     ratio")
    for job in [(points: 200, hidden: 4, epochs: 40_000), (points: 10_000, hidden: 8, epochs: 600)]
    {
        do {
            let csv = try shell(["python3", "\(peer)/make_data.py", "xor", "\(job.points)", "7"])
            let data = try Dataset(csv: csv, source: "xor \(job.points) 7")
            let numpy = try numpyEpochsPerSecond(
                peer: peer, csv: csv, hidden: job.hidden, epochs: job.epochs)
            let ours = try errorestEpochsPerSecond(
                data: data, hidden: job.hidden, epochs: job.epochs)
            let name = "xor \(job.points), hidden [\(job.hidden)]"
            print(
                name.padding(toLength: 24, withPad: " ", startingAt: 0),
                String(format: "%14.0f  %14.0f  %7.1f×", ours, numpy, ours / numpy))
            let adam = try errorestEpochsPerSecond(
                data: data, hidden: job.hidden, epochs: job.epochs, optimizer: .adam)
            let sgd = try errorestEpochsPerSecond(
                data: data, hidden: job.hidden, epochs: job.epochs)
            print(
                "  with adam".padding(toLength: 24, withPad: " ", startingAt: 0),
                String(format: "%14.0f  (sgd again %.0f: adam/sgd %.2f×)", adam, sgd, adam / sgd))
        } catch {
            fail("training", error)
        }
    }
    reportTrainingMemory()
}

/// The best of three timed trainings, in epochs per second.
private func errorestEpochsPerSecond(
    data: Dataset, hidden: Int, epochs: Int, optimizer: OptimizerKind = .sgd
) throws -> Double {
    var best = Double.infinity
    for _ in 0..<3 {
        let trainer = Trainer(
            network: try Network(hidden: [hidden], seed: 1), data: data,
            options: TrainingOptions(
                epochs: epochs, learningRate: optimizer == .adam ? 0.05 : 2, optimizer: optimizer),
            schedule: .linear(50))
        let start = DispatchTime.now().uptimeNanoseconds
        let run = try trainer.train(name: "bench")
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        precondition(run.errors.count == epochs + 1)
        best = min(best, seconds)
    }
    return Double(epochs) / best
}

/// numpy's `train` from the peer, best of three, in epochs per second.
private func numpyEpochsPerSecond(peer: String, csv: String, hidden: Int, epochs: Int) throws
    -> Double
{
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
        "errorest-bench-\(getpid())")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("data.csv").path
    try csv.write(toFile: path, atomically: true, encoding: .utf8)
    let script = """
        import sys, time
        sys.path.insert(0, sys.argv[1])
        import numpy as np
        from peer_frames import load, train
        X, y = load(sys.argv[2]); hidden, epochs = int(sys.argv[3]), int(sys.argv[4])
        snaps = sorted(set(int(round(e)) for e in np.linspace(0, epochs, 50)))
        best = float("inf")
        for _ in range(3):
            t = time.perf_counter(); train(X, y, hidden, epochs, 2.0, 1, snaps)
            best = min(best, time.perf_counter() - t)
        print(epochs / best)
        """
    let output = try shell(["python3", "-c", script, peer, path, "\(hidden)", "\(epochs)"])
    guard let rate = Double(output.trimmingCharacters(in: .whitespacesAndNewlines)) else {
        throw BenchmarkError("numpy printed \(output)")
    }
    return rate
}

/// Peak memory of training for 10× more epochs: only the two series should grow (16 B/epoch).
private func reportTrainingMemory() {
    let me = CommandLine.arguments[0]
    do {
        let small = try shell([me, "train-memory", "100000"])
        let large = try shell([me, "train-memory", "1000000"])
        guard let a = Double(small.trimmingCharacters(in: .whitespacesAndNewlines)),
            let b = Double(large.trimmingCharacters(in: .whitespacesAndNewlines))
        else { throw BenchmarkError("unexpected output \(small) \(large)") }
        print(
            String(
                format: "memory: peak RSS %.1f MB at 100,000 epochs, %.1f MB at 1,000,000 "
                    + "(series alone: +%.1f MB)", a / 1e6, b / 1e6, 900_000 * 16 / 1e6))
    } catch {
        fail("memory", error)
    }
}

/// Trains `xor 200` with `hidden: [4]` for the given epochs and prints the peak RSS in bytes.
func runTrainingMemory(epochs: Int) {
    do {
        let data = try Generator.xor.generate(count: 200, noise: 0.08, seed: 7)
        let trainer = Trainer(
            network: try Network(hidden: [4], seed: 1), data: data,
            options: TrainingOptions(epochs: epochs, learningRate: 2), schedule: .log(60))
        let run = try trainer.train(name: "memory")
        precondition(run.snapshots.count == 60)
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        print(usage.ru_maxrss * 1024)
    } catch {
        print("failed: \(error)")
    }
}
