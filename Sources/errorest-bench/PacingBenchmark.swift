import Backprop
import ErrorestCLI
import Figures
import Foundation

/// The Samples whose frames make an animation (a schedule, not a list of chosen epochs), and the
/// runs of the sample sweep at each learning rate (first seed).
func pacingSamples() throws -> [(name: String, file: RunFile)] {
    let names = [
        "lesson.yaml", "xor.yaml", "circle.json", "spiral.yaml", "deep.yaml",
        "gradient-descent.yaml", "mountain.yaml", "kilimanjerror.yaml", "optimizers.yaml",
        "overfit.yaml",
    ]
    var samples = try names.map { name in
        (
            name,
            try RunFile(contentsOf: samplesFolder().appendingPathComponent(name))
        )
    }
    // The sweep file's runs: its run file without the sweep block, at each swept rate.
    let text = try String(
        contentsOf: samplesFolder().appendingPathComponent("sweep.yaml"), encoding: .utf8)
    let base = text.components(separatedBy: "\nsweep:")[0]
    let url = FileManager.default.temporaryDirectory.appendingPathComponent(
        "errorest-bench-sweep-\(getpid()).yaml")
    try base.write(to: url, atomically: true, encoding: .utf8)
    defer { try? FileManager.default.removeItem(at: url) }
    for rate in [0.05, 0.5, 2, 8, 50] {
        var file = try RunFile(contentsOf: url)
        file.training.learningRate = rate
        file.initialization = .seed(10)
        samples.append(("sweep.yaml η=\(String(format: "%g", rate))", file))
    }
    return samples
}

/// The `paced` schedule on the Samples: how evenly the frames change, and what pacing costs.
func runPacingBenchmark() {
    print("pacing: largest / median visible change between consecutive frames (60 frames)")
    let samples: [(name: String, file: RunFile)]
    do {
        samples = try pacingSamples()
    } catch {
        fail("pacing", error)
        return
    }
    for (sample, original) in samples {
        do {
            var file = original
            var row: [String] = []
            var seconds: [Double] = [.infinity, .infinity, .infinity]
            var runs: [TrainingRun?] = [nil, nil, nil]
            let schedules = [SnapshotSchedule.paced(60), .log(60), .linear(60)]
            // Interleaved, best of 7 or of as many as fit in about half a second per schedule
            // (up to 200): the machine is shared and noisy, and a run of a few milliseconds
            // needs many tries to find its quiet time. Each round's paced and log tries run back
            // to back, so their ratio sees the same load: the median of those ratios is the
            // cost reported beside the best times' ratio.
            var rounds = 7
            var round = 0
            var paired: [Double] = []
            while round < rounds {
                round += 1
                var times = [Double](repeating: 0, count: schedules.count)
                for (k, schedule) in schedules.enumerated() {
                    file.snapshots = schedule
                    let trainer = try file.trainer()
                    let start = ContinuousClock.now
                    runs[k] = try trainer.train(name: "pacing", domain: file.domain)
                    times[k] = (ContinuousClock.now - start).seconds
                    seconds[k] = min(seconds[k], times[k])
                }
                paired.append(times[0] / times[1])
                if round == 1 { rounds = max(7, min(200, Int(0.5 / max(seconds[0], 1e-4)))) }
            }
            for (k, schedule) in schedules.enumerated() {
                guard let run = runs[k] else { continue }
                let ratio = try Pacing.unevenness(of: run)
                row.append("\(schedule) " + String(format: "%.2f", ratio))
                if case .paced = schedule {
                    let partway = run.snapshots.filter { $0.stepFraction != nil }.count
                    row[row.count - 1] += " (\(partway) part-way)"
                }
            }
            print(
                "  \(sample): " + row.joined(separator: ", ")
                    + String(
                        format:
                            "; training %.1f ms with log 60, %.1f ms paced (%+.0f%%, best of %d;"
                            + " median of paired tries %+.0f%%)",
                        seconds[1] * 1000, seconds[0] * 1000,
                        (seconds[0] / seconds[1] - 1) * 100, rounds,
                        (paired.sorted()[paired.count / 2] - 1) * 100))
        } catch {
            fail("pacing (\(sample))", error)
        }
    }
}

/// Time to assemble an animated PNG from PNG frames already encoded, against their encoding.
func runAnimationBenchmark() {
    do {
        var file = try RunFile(contentsOf: samplesFolder().appendingPathComponent("lesson.yaml"))
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
        fail("animation", error)
    }
}

extension Duration {
    fileprivate var seconds: Double {
        Double(components.seconds) + Double(components.attoseconds) / 1e18
    }
}
