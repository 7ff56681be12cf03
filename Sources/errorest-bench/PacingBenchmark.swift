import Backprop
import ErrorestCLI
import Figures
import Foundation

/// The `paced` schedule on the Samples: how evenly the frames change, and what pacing costs.
func runPacingBenchmark() {
    print("pacing: largest / median visible change between consecutive frames (60 frames)")
    let samples = ["lesson.yaml", "xor.yaml", "circle.json", "spiral.yaml", "deep.yaml"]
    for sample in samples {
        do {
            let url = URL(fileURLWithPath: "Samples").appendingPathComponent(sample)
            var file = try RunFile(contentsOf: url)
            var row: [String] = []
            var seconds: [Double] = [.infinity, .infinity, .infinity]
            var runs: [TrainingRun?] = [nil, nil, nil]
            let schedules = [SnapshotSchedule.paced(60), .log(60), .linear(60)]
            // Interleaved, best of 7: the machine is shared and noisy.
            for _ in 0..<7 {
                for (k, schedule) in schedules.enumerated() {
                    file.snapshots = schedule
                    let trainer = try file.trainer()
                    let start = ContinuousClock.now
                    runs[k] = try trainer.train(name: "pacing", domain: file.domain)
                    seconds[k] = min(seconds[k], (ContinuousClock.now - start).seconds)
                }
            }
            for (k, schedule) in schedules.enumerated() {
                let changes = try Pacing.changes(of: runs[k]!).sorted()
                let median = changes[changes.count / 2 - 1] / 2 + changes[changes.count / 2] / 2
                row.append("\(schedule) " + String(format: "%.2f", changes.last! / median))
            }
            print(
                "  \(sample): " + row.joined(separator: ", ")
                    + String(
                        format: "; training %.1f ms with log 60, %.1f ms paced (+%.0f%%)",
                        seconds[1] * 1000, seconds[0] * 1000,
                        (seconds[0] / seconds[1] - 1) * 100))
        } catch {
            print("  \(sample): failed: \(error)")
        }
    }
}

/// Time to assemble an animated PNG from PNG frames already encoded, against their encoding.
func runAnimationBenchmark() {
    do {
        var file = try RunFile(contentsOf: URL(fileURLWithPath: "Samples/lesson.yaml"))
        file.snapshots = .paced(60)
        let run = try file.trainer().train(name: "lesson", domain: file.domain)
        let renderer = try FigureRenderer(run: run, options: RenderOptions())
        var frames: [Data] = []
        let start = ContinuousClock.now
        for k in run.snapshots.indices {
            frames.append(try renderer.render(.frame, snapshot: k, format: .png).data)
        }
        let drawing = (ContinuousClock.now - start).seconds
        let delays = try AnimationOptions().delays(count: frames.count)
        var best = Double.infinity
        var size = 0
        for _ in 0..<5 {
            let t = ContinuousClock.now
            let apng = try APNGWriter.assemble(Array(zip(frames, delays)).map { ($0, $1) })
            best = min(best, (ContinuousClock.now - t).seconds)
            size = apng.count
        }
        let pngs = frames.reduce(0) { $0 + $1.count }
        print(
            String(
                format: "animation: 60 PNG frames at 1280×720 drawn and encoded in %.0f ms; "
                    + "APNG assembled in %.1f ms (+%.1f%%); APNG %.1f MB, PNG frames %.1f MB",
                drawing * 1000, best * 1000, best / drawing * 100, Double(size) / 1e6,
                Double(pngs) / 1e6))
    } catch {
        print("animation benchmark failed: \(error)")
    }
}

extension Duration {
    fileprivate var seconds: Double {
        Double(components.seconds) + Double(components.attoseconds) / 1e18
    }
}
