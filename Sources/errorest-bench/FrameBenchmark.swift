import Backprop
import CPNG
import Dispatch
import ErrorestCLI
import Figures
import Foundation

/// Frame drawing against PNG encoding (issues 3 and 25).
///
/// `swift run -c release errorest-bench frames [--data FILE.csv] [--frames N] [--size WxH]
/// [--compression 0…9] [--run FILE]`
/// trains the benchmark network (4 sigmoid hidden units, 2000 epochs, η = 2) on 200 xor points
/// (or the run file's run, drawn with its render settings: `--run Samples/lesson.yaml` for the
/// lesson's frames) and times 1280×720 composite frames: whole PNG frames, drawing alone and the
/// PNG encoding alone on the same pixels and settings, then all frames in parallel, and resident
/// memory as frames go by.
/// `--focus worst` draws the worst point's wishes; `--frame-diagram` adds the diagram to the
/// frames, `--vote` shades hidden units by their vote; `--figure diagram` (or `step`, …) times
/// that figure instead of the frame.
/// `--gallery DIR` instead writes sample figures of several networks to DIR for looking at.
func runFrameBenchmark(_ settings: FrameBenchmark.Settings) {
    do {
        if let folder = settings.gallery {
            try writeGallery(to: URL(fileURLWithPath: folder))
            return
        }
        if let rounds = settings.drawOnly {
            try drawOnly(rounds: rounds)
            return
        }
        try benchmarkFrames(
            run: settings.run, data: settings.data, frames: settings.frames, width: settings.width,
            height: settings.height, compression: settings.compression, focus: settings.focus,
            figure: settings.figure, frameDiagram: settings.frameDiagram, vote: settings.vote)
    } catch {
        fail("frame", error)
    }
}

private func seconds(_ body: () throws -> Void) rethrows -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    try body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

/// Wall-clock and CPU seconds of `body`.
private func timed(_ body: () throws -> Void) rethrows -> (wall: Double, cpu: Double) {
    let cpu = threadCPUSeconds()
    let wall = try seconds(body)
    return (wall, threadCPUSeconds() - cpu)
}

/// Resident memory in MiB, from /proc/self/statm.
private func residentMiB() -> Double {
    guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else {
        return 0
    }
    let fields = text.split(separator: " ")
    guard fields.count > 1, let pages = Double(fields[1]) else { return 0 }
    return pages * Double(sysconf(Int32(_SC_PAGESIZE))) / 1_048_576
}

private func benchmarkFrames(
    run runFile: String?, data path: String?, frames: Int, width: Int, height: Int,
    compression: Int, focus: Focus?, figure: FigureKind, frameDiagram: Bool, vote: Bool
) throws {
    var options = RenderOptions(width: width, height: height)
    let trainer: Trainer
    var name = "xor"
    if let runFile {
        let file = try RunFile(contentsOf: URL(fileURLWithPath: runFile))
        trainer = try file.trainer()
        options = file.render.options
        name = file.name ?? URL(fileURLWithPath: runFile).deletingPathExtension().lastPathComponent
    } else {
        let data =
            try path.map { try Dataset(contentsOf: URL(fileURLWithPath: $0)) }
            ?? Generator.xor.generate(count: 200, noise: 0.08, seed: 7)
        trainer = Trainer(
            network: try Network(hidden: [4], seed: 1), data: data,
            options: TrainingOptions(epochs: 2000, learningRate: 2), schedule: .linear(frames))
    }
    var run: TrainingRun?
    let trainTime = try seconds { run = try trainer.train(name: name) }
    guard let run else { return }
    options.pngCompression = compression
    options.focus = focus
    options.frameDiagram = frameDiagram
    options.hiddenShading = vote ? .vote : nil
    let renderer = try FigureRenderer(run: run, options: options)
    let count = run.snapshots.count
    print(
        "\(figure.rawValue): \(count) of \(options.width)×\(options.height), \(name), hidden "
            + "\(run.network.hidden), \(run.data.count) points"
            + (focus == nil ? "" : ", with a focus point")
            + (frameDiagram ? ", the diagram" : "") + (vote ? ", vote shading" : "") + "; "
            + "training \(String(format: "%.1f", trainTime * 1000)) ms")
    _ = try renderer.render(figure, snapshot: count - 1, format: .png)  // warm caches and fonts

    // Three rounds over every snapshot; each figure is timed whole (render to PNG bytes), then
    // drawn alone and encoded alone on those very pixels. The fastest round counts, by
    // the wall clock and by the thread's CPU time (steadier on a shared machine).
    typealias Times = (whole: Double, draw: Double, encode: Double)
    var best: Times = (.infinity, .infinity, .infinity)
    var bestCPU: Times = (.infinity, .infinity, .infinity)
    var bytes = 0
    for _ in 0..<3 {
        var round: Times = (0, 0, 0)
        var cpu: Times = (0, 0, 0)
        bytes = 0
        for k in 0..<count {
            let whole = try timed {
                bytes += try renderer.render(figure, snapshot: k, format: .png).data.count
            }
            var raster: RasterFigure?
            let draw = try timed { raster = try renderer.raster(figure, snapshot: k) }
            let encode = try timed { _ = try raster?.encodePNG() }
            round = (round.whole + whole.wall, round.draw + draw.wall, round.encode + encode.wall)
            cpu = (cpu.whole + whole.cpu, cpu.draw + draw.cpu, cpu.encode + encode.cpu)
        }
        best = (
            min(best.whole, round.whole), min(best.draw, round.draw), min(best.encode, round.encode)
        )
        bestCPU = (
            min(bestCPU.whole, cpu.whole), min(bestCPU.draw, cpu.draw),
            min(bestCPU.encode, cpu.encode)
        )
    }
    let perFrame = best.whole / Double(count) * 1000
    let perDraw = best.draw / Double(count) * 1000
    let perEncode = best.encode / Double(count) * 1000
    print(
        String(
            format: "whole PNG frame      %7.2f ms  (%d KiB average)", perFrame,
            bytes / count / 1024))
    print(String(format: "drawing only         %7.2f ms", perDraw))
    print(
        String(format: "encode only          %7.2f ms", perEncode)
            + "  (level \(options.pngCompression): \(levelName(options.pngCompression)))")
    print(String(format: "frame / drawing      %7.2f    (bar: ≤ 2)", perFrame / perDraw))
    print(
        String(
            format: "CPU: frame %.2f ms, drawing %.2f ms, encode %.2f ms; frame / drawing %.2f",
            bestCPU.whole / Double(count) * 1000, bestCPU.draw / Double(count) * 1000,
            bestCPU.encode / Double(count) * 1000, bestCPU.whole / bestCPU.draw))
    print("load average \(loadAverage())")
    let encodeCPU = bestCPU.encode / Double(count) * 1000
    let kib = bytes / count / 1024
    let ratio = bestCPU.whole / bestCPU.draw
    func verdict(_ met: Bool) -> String { met ? "met" : "missed" }
    print(
        String(format: "issue 25's bars (CPU): encode %.2f ms", encodeCPU)
            + " (≤ 3: \(verdict(encodeCPU <= 3))), \(kib) KiB a frame (≤ 302, libpng's level 3"
            + " adaptive when filed: \(verdict(kib <= 302))), "
            + String(format: "frame / drawing %.2f", ratio) + " (≤ 2: \(verdict(ratio <= 2)))")

    let cores = ProcessInfo.processInfo.activeProcessorCount
    let failures = Failures()
    let parallel = seconds {
        DispatchQueue.concurrentPerform(iterations: count) { k in
            do {
                _ = try renderer.render(.frame, snapshot: k, format: .png)
            } catch {
                failures.add()
            }
        }
    }
    print(
        String(
            format: "parallel on %d cores  %7.1f frames/s (%d failures)", cores,
            Double(count) / parallel, failures.count))

    let before = residentMiB()
    for round in 0..<4 {
        for k in 0..<count { _ = try renderer.render(.frame, snapshot: k, format: .png) }
        print(
            String(
                format: "resident after %4d more frames: %6.1f MiB (started %6.1f)",
                (round + 1) * count, residentMiB(), before))
    }
}

/// What writes PNG compression level `level`: the row encoder or libdeflate at a level.
private func levelName(_ level: Int) -> String {
    String(cString: cpng_level_name(Int32(level)))
}

/// Draws the benchmark frames `rounds` times without encoding: for profiling the drawing.
private func drawOnly(rounds: Int) throws {
    let data = try Generator.xor.generate(count: 200, noise: 0.08, seed: 7)
    let run = try Trainer(
        network: try Network(hidden: [4], seed: 1), data: data,
        options: TrainingOptions(epochs: 2000, learningRate: 2), schedule: .linear(50)
    ).train(name: "xor")
    let renderer = try FigureRenderer(run: run, options: RenderOptions())
    var best = Double.infinity
    for _ in 0..<rounds {
        best = min(
            best,
            try seconds {
                for k in run.snapshots.indices { _ = try renderer.raster(.frame, snapshot: k) }
            })
    }
    print(
        String(
            format: "drawing only: %.2f ms per frame (best of %d rounds)",
            best * 1000 / Double(run.snapshots.count), rounds))
}

/// Counts failed frames of the parallel run.
private final class Failures: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0
    func add() {
        lock.lock()
        value += 1
        lock.unlock()
    }
    var count: Int {
        lock.lock()
        defer { lock.unlock() }
        return value
    }
}

/// Writes frames and panels of several networks at two sizes for looking at.
private func writeGallery(to folder: URL) throws {
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let cases: [(String, Generator, [Int], Activation, Int, Double)] = [
        ("perceptron", .gauss, [], .sigmoid, 300, 0.5),
        ("wedge-2", .wedge, [2], .sigmoid, 2000, 1),
        ("xor-4", .xor, [4], .sigmoid, 2000, 2),
        ("circle-8", .circle, [8], .sigmoid, 2000, 2),
        ("spiral-3-2", .spiral, [3, 2], .sigmoid, 3000, 2),
        ("xor-4-tanh", .xor, [4], .tanh, 1000, 0.5),
        ("moons-4-relu", .moons, [4], .relu, 1000, 0.3),
        ("circle-24-6", .circle, [24, 6], .sigmoid, 500, 1),
    ]
    for (name, generator, hidden, activation, epochs, rate) in cases {
        let data = try generator.generate(count: 200, noise: 0.08, seed: 7)
        let network = try Network(hidden: hidden, activation: activation, seed: 1)
        let run = try Trainer(
            network: network, data: data,
            options: TrainingOptions(epochs: epochs, learningRate: rate),
            schedule: .list([0, 30, epochs / 3, epochs])
        ).train(name: name)
        let last = 3
        for (w, h) in [(1280, 720), (640, 360), (720, 1000)] {
            let renderer = try FigureRenderer(run: run, options: RenderOptions(width: w, height: h))
            for kind in FigureKind.drawn(hidden: hidden) {
                let figure = try renderer.render(kind, snapshot: last, format: .png)
                try figure.data.write(
                    to: folder.appendingPathComponent("\(name)-\(kind.rawValue)-\(w).png"))
            }
            let early = try renderer.render(.frame, snapshot: 1, format: .png)
            try early.data.write(to: folder.appendingPathComponent("\(name)-frame-early-\(w).png"))
            let middle = try renderer.render(.frame, snapshot: 2, format: .png)
            try middle.data.write(to: folder.appendingPathComponent("\(name)-frame-mid-\(w).png"))
        }
        let variant = RenderOptions(
            palette: .colorblind, hiddenLinesOnOutput: false, logScaleError: true, equations: true)
        for (w, h) in [(1280, 720), (640, 360)] {
            var options = variant
            (options.width, options.height) = (w, h)
            let renderer = try FigureRenderer(run: run, options: options)
            for kind in [FigureKind.frame, .panel(.hidden), .panel(.error)] {
                try renderer.render(kind, snapshot: last, format: .png).data.write(
                    to: folder.appendingPathComponent("\(name)-\(kind.rawValue)-options-\(w).png"))
            }
        }
        let renderer = try FigureRenderer(run: run, options: RenderOptions())
        for format in [FileFormat.pdf, .svg] {
            let figure = try renderer.render(.frame, snapshot: last, format: format)
            try figure.data.write(
                to: folder.appendingPathComponent("\(name)-frame.\(format.rawValue)"))
        }
    }
    print("gallery written to \(folder.path)")
}
