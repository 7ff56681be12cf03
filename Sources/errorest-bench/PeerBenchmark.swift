import CPNG
import Figures
import Foundation

/// The whole job, whole process against whole process: `errorest run` against the peer
/// (`Samples/peers/peer_frames.py`, numpy + matplotlib) on the same data, network, epochs, frame
/// count and size, in the same sitting.
///
/// The job is the README's side-by-side one: `make_data.py xor 200 7`, 4 hidden units, 2000
/// epochs, learning rate 2, 50 frames at 1280×720. Errorest is timed with all cores and with
/// `--jobs 1`; each timing is the best of `repeats` runs.
func runPeerBenchmark(repeats: Int = 3) {
    let errorest = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        .appendingPathComponent("errorest").path
    guard FileManager.default.isExecutableFile(atPath: errorest) else {
        return fail("peer", BenchmarkError("build errorest first (swift build -c release)"))
    }
    let peer: String
    do {
        peer = try requirePeer("peer_frames.py", modules: ["numpy", "matplotlib"])
    } catch {
        return fail("peer", error)
    }
    let folder = FileManager.default.temporaryDirectory
        .appendingPathComponent("errorest-peer-\(getpid())")
    defer { try? FileManager.default.removeItem(at: folder) }
    do {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let data = folder.appendingPathComponent("xor.csv").path
        try shell(["python3", "\(peer)/make_data.py", "xor", "200", "7"])
            .write(toFile: data, atomically: true, encoding: .utf8)
        let runFile = folder.appendingPathComponent("peer-job.json").path
        try """
        {"name": "peer-job", "data": {"file": "xor.csv"},
         "network": {"hidden": [4], "activation": "sigmoid", "init": {"seed": 1}},
         "training": {"epochs": 2000, "learningRate": 2, "batchSize": "full"},
         "snapshots": "linear 50",
         "render": {"size": [1280, 720], "figures": ["frame"], "formats": ["png"]}}
        """.write(toFile: runFile, atomically: true, encoding: .utf8)
        let out = folder.appendingPathComponent("errorest-out").path
        let all = try bestTime(repeats) {
            try shell([errorest, "run", runFile, "--out", out, "--quiet"])
        }
        let one = try bestTime(repeats) {
            try shell([errorest, "run", runFile, "--out", out, "--quiet", "--jobs", "1"])
        }
        let names = try FileManager.default.contentsOfDirectory(atPath: out + "/frames")
        let frames = names.count
        let bytes = try names.reduce(0) { total, name in
            let attributes = try FileManager.default.attributesOfItem(
                atPath: out + "/frames/" + name)
            return total + ((attributes[.size] as? Int) ?? 0)
        }
        let peerOut = folder.appendingPathComponent("peer-out").path
        var peerReport = ""
        let numpy = try bestTime(max(1, repeats - 1)) {
            peerReport = try shell([
                "python3", "\(peer)/peer_frames.py", "--data", data, "--hidden", "4", "--epochs",
                "2000", "--lr", "2", "--frames", "50", "--size", "1280x720", "--out", peerOut,
            ])
        }
        let peerFrames = try FileManager.default.contentsOfDirectory(atPath: peerOut).count
        let level = RenderOptions().pngCompression
        print("Whole job: xor 200, hidden [4], 2000 epochs, 50 frames at 1280×720 (best of runs)")
        print(
            "  PNG level \(level) (\(String(cString: cpng_level_name(Int32(level))))), "
                + "\(bytes / max(1, frames) / 1024) KiB a frame; load average \(loadAverage())")
        print(
            String(
                format: "  errorest run, all cores   %7.2f s  %7.1f frames/s", all,
                Double(frames) / all))
        print(
            String(
                format: "  errorest run, --jobs 1    %7.2f s  %7.1f frames/s", one,
                Double(frames) / one))
        print(
            String(
                format: "  peer (numpy+matplotlib)   %7.2f s  %7.1f frames/s", numpy,
                Double(peerFrames) / numpy))
        print("  peer's own report: \(peerReport.trimmingCharacters(in: .whitespacesAndNewlines))")
        print(
            String(
                format: "  ratio (frames per second): %.1f× all cores, %.1f× one core (bar: ≥ 60×)",
                (Double(frames) / all) / (Double(peerFrames) / numpy),
                (Double(frames) / one) / (Double(peerFrames) / numpy)))
    } catch {
        fail("peer", error)
    }
}

/// The shortest wall-clock time of `repeats` runs of `body`, in seconds.
private func bestTime(_ repeats: Int, _ body: () throws -> Void) throws -> Double {
    var best = Double.infinity
    for _ in 0..<repeats {
        let start = DispatchTime.now().uptimeNanoseconds
        try body()
        best = min(best, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
    }
    return best
}
