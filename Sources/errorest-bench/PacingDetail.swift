import Backprop
import ErrorestCLI
import Foundation

/// One Sample's paced run in detail: paced and log training times side by side (best of
/// `ERROREST_TRIES` each, 4 by default: `ERROREST_TRIES=200` for a run of a few milliseconds),
/// what the plain path's steps cost on every candidate, then every frame's epoch and the visible
/// change from the frame before (`errorest-bench pacing-detail xor.yaml`).
func runPacingDetail(_ sample: String) {
    do {
        var file = try RunFile(
            contentsOf: samplesFolder().appendingPathComponent(sample))
        file.snapshots = .paced(60)
        let tries = Int(ProcessInfo.processInfo.environment["ERROREST_TRIES"] ?? "") ?? 4
        var logFile = file
        logFile.snapshots = .log(60)
        let trainers = [("paced 60", try file.trainer()), ("log 60", try logFile.trainer())]
        var best = [Duration](repeating: .seconds(1_000_000), count: trainers.count)
        var run = try trainers[0].1.train(name: "p", domain: file.domain)
        for _ in 0..<tries {
            for (k, trainer) in trainers.enumerated() {
                let start = ContinuousClock.now
                let trained = try trainer.1.train(name: "p", domain: file.domain)
                best[k] = min(best[k], ContinuousClock.now - start)
                if k == 0 { run = trained }
            }
        }
        for (k, trainer) in trainers.enumerated() {
            print("training with \(trainer.0): best of \(tries)", best[k])
        }
        var t = ContinuousClock.now
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
