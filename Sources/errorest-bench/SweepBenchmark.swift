import Backprop
import Figures
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// The sweep of issue 11: 45 runs (5 learning rates × 3 seeds × 3 widths), each 200 points,
/// 2000 epochs and 20 frames at 640×360, through the `errorest` binary built beside this one;
/// then the grid figure (5 × 3 output panels) drawn alone.
func runSweepBenchmark() {
    do {
        try sweepThroughput()
        try gridRendering()
    } catch {
        fail("sweep", error)
    }
}

private let sweepFile = """
    name: bench45
    data: {generator: wedge, count: 200, noise: 0.05, seed: 3}
    network: {hidden: [2], activation: sigmoid}
    training: {epochs: 2000, learningRate: 2.0}
    snapshots: linear 20
    render: {size: [640, 360], figures: [frame], formats: [png]}
    sweep:
      training.learningRate: [0.05, 0.5, 2, 8, 50]
      network.init.seed: [10, 11, 12]
      network.hidden: [[2], [4], [8]]

    """

/// CPU seconds of this process's finished children (user + system).
private func childrenCPU() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_CHILDREN.rawValue, &usage)
    func seconds(_ t: timeval) -> Double { Double(t.tv_sec) + Double(t.tv_usec) / 1e6 }
    return seconds(usage.ru_utime) + seconds(usage.ru_stime)
}

/// CPU seconds of the calling thread.
private func threadCPU() -> Double {
    var t = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t)
    return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
}

private func sweepThroughput() throws {
    let binary = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        .deletingLastPathComponent().appendingPathComponent("errorest").path
    guard FileManager.default.isExecutableFile(atPath: binary) else {
        throw BenchmarkError("no errorest binary beside errorest-bench (swift build -c release)")
    }
    let folder = FileManager.default.temporaryDirectory
        .appendingPathComponent("errorest-bench-sweep-\(getpid())")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let file = folder.appendingPathComponent("bench45.yaml")
    try Data(sweepFile.utf8).write(to: file)
    let cores = ProcessInfo.processInfo.activeProcessorCount
    let cpuBefore = childrenCPU()
    let start = ContinuousClock.now
    try shell([
        binary, "sweep", file.path, "--out", folder.appendingPathComponent("out").path,
        "--quiet",
    ])
    let wall = (ContinuousClock.now - start) / .seconds(1)
    let cpu = childrenCPU() - cpuBefore
    print("sweep: 45 runs (200 points, 2000 epochs, 20 frames at 640×360 each) + index + figures")
    print(
        String(
            format: "  %.2f s wall, %.2f runs/s; CPU %.2f s = %.0f%% of %d cores", wall,
            45 / wall, cpu, 100 * cpu / (wall * Double(cores)), cores))
    print(
        String(
            format: "  CPU per run %.3f s: %.1f runs/s if the %d cores were ours alone",
            cpu / 45, 45 / cpu * Double(cores), cores))
}

private func gridRendering() throws {
    let data = try Generator.wedge.generate(count: 200, noise: 0.05, seed: 3)
    var cells: [[SweepGridCell]] = []
    for seed in [10, 11, 12] as [UInt64] {
        var row: [SweepGridCell] = []
        for rate in [0.05, 0.5, 2, 8, 50] {
            let run = try Trainer(
                network: try Network(hidden: [4], activation: .sigmoid, seed: seed), data: data,
                options: TrainingOptions(epochs: 2000, learningRate: rate),
                schedule: .linear(20)
            ).train(name: "lr-\(rate)_seed-\(seed)")
            row.append(SweepGridCell(run: run, snapshot: run.snapshots.count - 1))
        }
        cells.append(row)
    }
    let grid = SweepGrid(
        title: "bench45: the output at epoch 2000 (hidden = [4])", columnKey: "lr",
        rowKey: "seed", columns: ["0.05", "0.5", "2", "8", "50"], rows: ["10", "11", "12"],
        cells: cells)
    let (w, h) = SweepFigure.gridSize(rows: 3, columns: 5, width: 640, height: 360)
    for format in FileFormat.allCases where !format.isAnimation {
        var walls: [Double] = []
        var cpus: [Double] = []
        for _ in 0..<5 {
            let cpu0 = threadCPU()
            let start = ContinuousClock.now
            _ = try SweepFigure.grid(grid, width: w, height: h, format: format)
            walls.append((ContinuousClock.now - start) / .seconds(1))
            cpus.append(threadCPU() - cpu0)
        }
        print(
            String(
                format: "grid %@ %d×%d, 5 × 3 panels: median %.0f ms wall, %.0f ms CPU",
                format.rawValue, w, h, 1000 * walls.sorted()[2], 1000 * cpus.sorted()[2]))
    }
}
