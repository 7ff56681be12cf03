import Backprop
import ErrorestCLI
import Foundation

/// One Sample's paced run in detail: the cost of each step of pacing, then every frame's epochs
/// and the visible change from the frame before (`errorest-bench pacing-detail xor.yaml`).
func runPacingDetail(_ sample: String) {
    do {
        var file = try RunFile(
            contentsOf: URL(fileURLWithPath: "Samples").appendingPathComponent(sample))
        file.snapshots = .paced(60)
        let trainer = try file.trainer()
        var t = ContinuousClock.now
        var run = try trainer.train(name: "p", domain: file.domain)
        for _ in 0..<(Int(ProcessInfo.processInfo.environment["REPS"] ?? "4") ?? 4) {
            t = ContinuousClock.now
            run = try trainer.train(name: "p", domain: file.domain)
            print("paced train", ContinuousClock.now - t)
        }
        var logFile = file
        logFile.snapshots = .log(60)
        let logTrainer = try logFile.trainer()
        for _ in 0..<(Int(ProcessInfo.processInfo.environment["REPS"] ?? "4") ?? 4) {
            t = ContinuousClock.now
            _ = try logTrainer.train(name: "p", domain: file.domain)
            print("log train", ContinuousClock.now - t)
        }
        if ProcessInfo.processInfo.environment["PT"] != nil { return }
        file.snapshots = .list(Pacing.candidates(count: 60, last: file.training.epochs))
        t = ContinuousClock.now
        let dense = try file.trainer().train(name: "p", domain: file.domain)
        print("dense train", ContinuousClock.now - t, dense.snapshots.count)
        t = ContinuousClock.now
        let states = try Pacing.states(of: dense, snapshots: dense.snapshots)
        print("states", ContinuousClock.now - t)
        t = ContinuousClock.now
        _ = Pacing.select(60, from: states)
        print("select", ContinuousClock.now - t)
        let changes = try Pacing.changes(of: run)
        for (k, c) in changes.enumerated() {
            print(
                run.snapshots[k].epochLabel, "->", run.snapshots[k + 1].epochLabel,
                String(format: "%.4f", c))
        }
    } catch { print(error) }
}
