import ArgumentParser
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// `errorest-bench memory CASE…`: the peak resident memory of whole `errorest` processes.
///
/// Each process is the binary beside this one, its peak read from `wait4`'s `rusage` when it
/// ends, against issue 20's bars. Each case is one figure of the README and the Performance
/// article, reproduced by `errorest-bench memory <case>`.
struct MemoryBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "memory",
        abstract:
            "Peak RSS of errorest processes: train (100,000 and 1,000,000 epochs), list (one "
            + "shard of a 10⁶-run sweep), surface (1,000,000 points, grid 301), sweep (10,000 "
            + "runs), merge (their index and figures).")

    @Argument(help: "Cases: train, list, surface, sweep, merge (train list surface by default).")
    var cases: [String] = ["train", "list", "surface"]

    @Option(help: "Points of the surface run (xor, --hidden 8, grid 301).")
    var points = 1_000_000

    @Option(help: "Grid of the surface run.")
    var grid = 301

    @Option(help: "The 10,000-run sweep's folder, kept for `merge` (made when missing).")
    var sweepFolder = FileManager.default.temporaryDirectory
        .appendingPathComponent("errorest-bench-sweep10k").path

    func validate() throws {
        let known = ["train", "list", "surface", "sweep", "merge"]
        for name in cases where !known.contains(name) {
            throw ValidationError("\(name) is not a case; give \(known.joined(separator: ", ")).")
        }
    }

    func run() {
        do {
            let folder = FileManager.default.temporaryDirectory
                .appendingPathComponent("errorest-bench-memory-\(getpid())")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: folder) }
            print("memory benchmark, load average \(loadAverage())")
            for name in cases {
                switch name {
                case "train": try trainCases(folder)
                case "list": try listCase(folder)
                case "surface": try surfaceCase(folder)
                case "sweep": try sweepCase()
                default: try mergeCase()
                }
                print("  (load average \(loadAverage()))")
            }
        } catch {
            fail("memory", error)
        }
    }

    private func trainCases(_ folder: URL) throws {
        for epochs in [100_000, 1_000_000] {
            let out = folder.appendingPathComponent("train-\(epochs)")
            let child = try Child.run([
                "train", "--epochs", "\(epochs)", "--out", out.path, "--quiet",
            ])
            let record =
                try FileManager.default.attributesOfItem(
                    atPath: out.appendingPathComponent("run.json").resolvingSymlinksInPath().path
                )[.size] as? Int ?? 0
            print(
                String(
                    format: "train, built-in lesson, %d epochs: peak RSS %.1f MB (bar %@), "
                        + "%.1f s, run.json %.1f MB", epochs, child.megabytes,
                    epochs == 1_000_000 ? "100 MB" : "none", child.seconds,
                    Double(record) / 1e6))
        }
    }

    private func listCase(_ folder: URL) throws {
        let values = (1...10).map(String.init).joined(separator: ", ")
        let counts = (20...29).map(String.init).joined(separator: ", ")
        let file = folder.appendingPathComponent("million.yaml")
        let text =
            "training: {epochs: 5}\nsweep:\n  training.seed: [\(values)]\n"
            + "  network.init.seed: [\(values)]\n  data.seed: [\(values)]\n"
            + "  training.epochs: [\(values)]\n  data.count: [\(counts)]\n"
            + "  training.learningRate: [\(values)]\n"
        try Data(text.utf8).write(to: file)
        let child = try Child.run([
            "sweep", file.path, "--list", "--shard", "7/1000", "--out",
            folder.appendingPathComponent("sweep").path,
        ])
        print(
            String(
                format: "sweep of 1,000,000 runs, --list --shard 7/1000 (1,000 runs): %.2f s "
                    + "wall, %.2f s CPU (bar 1 s), peak RSS %.1f MB", child.seconds, child.cpu,
                child.megabytes))
    }

    private func surfaceCase(_ folder: URL) throws {
        let child = try Child.run([
            "run", "--generator", "xor", "--count", "\(points)", "--hidden", "8", "--epochs", "1",
            "--snapshots", "1", "--figures", "surface", "--surface-grid", "\(grid)", "--size",
            "320x240", "--out", folder.appendingPathComponent("surface").path, "--quiet",
        ])
        print(
            String(
                format: "surface, xor %d points, --hidden 8, grid %d, one snapshot: peak RSS "
                    + "%.1f MB (bar 1 GB at 1,000,000 points), %.1f s wall, %.1f s CPU", points,
                grid, child.megabytes, child.seconds, child.cpu))
    }
}

/// One finished `errorest` process: its peak resident memory, wall time and CPU time (user and
/// system; on a shared machine the wall time also counts the waits for a core).
struct Child {
    var peakBytes: Int
    var seconds: Double
    var cpu: Double
    var megabytes: Double { Double(peakBytes) / 1e6 }

    /// Runs the `errorest` beside this binary with `arguments` (output to /dev/null) and waits
    /// for it; fails unless it exits 0.
    static func run(_ arguments: [String]) throws -> Child {
        let binary = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
            .deletingLastPathComponent().appendingPathComponent("errorest").path
        guard FileManager.default.isExecutableFile(atPath: binary) else {
            throw BenchmarkError(
                "no errorest binary beside errorest-bench (swift build -c release)")
        }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let argv = ([binary] + arguments).map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        let start = ContinuousClock.now
        var pid = pid_t()
        let spawned = posix_spawn(&pid, binary, &actions, nil, argv, environ)
        guard spawned == 0 else {
            throw BenchmarkError(
                "errorest could not be started: \(String(cString: strerror(spawned)))")
        }
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) == -1 && errno == EINTR {}
        let seconds = (ContinuousClock.now - start) / .seconds(1)
        guard status & 0x7f == 0, (status >> 8) & 0xff == 0 else {
            throw BenchmarkError(
                "errorest \(arguments.joined(separator: " ")) ended with status \(status)")
        }
        func time(_ t: timeval) -> Double { Double(t.tv_sec) + Double(t.tv_usec) / 1e6 }
        return Child(
            peakBytes: Int(usage.ru_maxrss) * 1024, seconds: seconds,
            cpu: time(usage.ru_utime) + time(usage.ru_stime))
    }
}
