import Backprop
import Foundation

/// Error surfaces against the numpy peer (`Samples/peers/peer_surface.py`).
///
/// The same job in the same sitting, one core, timing the grid alone as the peer does:
///
/// - `perceptron`: `E(w1, w2)` with `b = 0.1` on a 400×400 lattice of [−8, 8]², 500 points.
/// - `mlp`: a 101×101 slice of a 2-8-8-1 sigmoid network's error over 500 points, in the plane
///   the peer itself computes (its training, its principal directions, its lattice), read out of
///   the peer's `mlp()` when it starts timing.
///
/// Both sides print the sum of the grid, so the jobs are seen to be the same.
func runSurfaceBenchmark(rounds: Int = 3) {
    let peer: String
    do {
        peer = try requirePeer("peer_surface.py", modules: ["numpy"])
    } catch {
        return fail("surface", error)
    }
    print(
        "Surfaces: the grid alone, one core; best of \(rounds) interleaved rounds (Errorest: best "
            + "of 3 a round), wall and CPU time.")
    print(
        "job                            errorest ms (cpu)    numpy ms (cpu)   ratio wall (cpu)   "
            + "grid sums (errorest, numpy)")
    do {
        let job = try peerJob(peer: peer)
        let data = try Dataset(csv: job.csv, source: "peer points")
        // Perceptron: the peer's lattice and bias.
        let lattice = (0..<400).map { k in k == 399 ? 8.0 : -8.0 + Double(k) * (16.0 / 399) }
        let perceptron = try Network(layers: [Layer(weights: [[0, 0]], biases: [0.1])])
        let network = try Network(layers: job.layers(hidden: [8, 8]))
        let layout = network.parameters.layout
        let plane = ParameterPlane(
            origin: ParameterVector(job.origin, layout: layout),
            first: ParameterVector(job.first, layout: layout),
            second: ParameterVector(job.second, layout: layout))
        let jobs: [(name: String, kind: String, grid: (Bool) -> SurfaceGrid)] = [
            (
                "perceptron 400×400, 500 pts", "perceptron",
                {
                    SurfaceGrid(
                        network: perceptron, data: data, plane: .perceptronWeights(bias: 0.1),
                        u: lattice, v: lattice, plain: $0)
                }
            ),
            (
                "pca 101×101, 2-8-8-1, 500 pts", "mlp",
                {
                    SurfaceGrid(
                        network: network, data: data, plane: plane, u: job.u, v: job.v,
                        plain: $0)
                }
            ),
        ]
        var plainLines: [String] = []
        for job in jobs {
            var ours = Timing()
            var numpy = Timing()
            var plain = Timing()
            var sum = 0.0
            var plainSum = 0.0
            var peerSum = Double.nan
            for _ in 0..<rounds {
                for _ in 0..<3 {
                    ours.add(measure { sum = job.grid(false).heights.reduce(0, +) })
                }
                plain.add(measure { plainSum = job.grid(true).heights.reduce(0, +) })
                let (timing, total) = try peerTiming(peer: peer, kind: job.kind)
                numpy.add(timing)
                peerSum = total
            }
            print(
                job.name.padding(toLength: 30, withPad: " ", startingAt: 0),
                String(
                    format: "%8.1f (%6.1f)  %8.1f (%6.1f)  %6.1f× (%4.1f×)    %.9g, %.9g",
                    ours.wall * 1e3, ours.cpu * 1e3, numpy.wall * 1e3, numpy.cpu * 1e3,
                    numpy.wall / ours.wall, numpy.cpu / ours.cpu, sum, peerSum))
            plainLines.append(
                job.name.padding(toLength: 30, withPad: " ", startingAt: 0)
                    + String(
                        format: "%8.1f (%6.1f)  %8.1f (%6.1f)  %6.1f× (%4.1f×)    %.9g",
                        ours.wall * 1e3, ours.cpu * 1e3, plain.wall * 1e3, plain.cpu * 1e3,
                        plain.wall / ours.wall, plain.cpu / ours.cpu, plainSum))
        }
        print(
            "\nThe fast grids against the plain path (one pass of the fast engine per node), "
                + "same rounds:")
        print(
            "job                               fast ms (cpu)    plain ms (cpu)   plain ÷ fast"
                + "       plain grid sum")
        for line in plainLines { print(line) }
    } catch {
        fail("surface", error)
    }
}

/// The best wall and CPU times seen.
private struct Timing {
    var wall = Double.infinity
    var cpu = Double.infinity

    mutating func add(_ other: Timing) {
        wall = min(wall, other.wall)
        cpu = min(cpu, other.cpu)
    }
}

/// Wall and thread CPU time of one call.
private func measure(_ body: () -> Void) -> Timing {
    func cpuNow() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
    }
    let wall = DispatchTime.now().uptimeNanoseconds
    let cpu = cpuNow()
    body()
    return Timing(
        wall: Double(DispatchTime.now().uptimeNanoseconds - wall) / 1e9, cpu: cpuNow() - cpu)
}

/// One run of the peer: its own wall timing of the grid, and the CPU time of the same span
/// (its `perf_counter` read a second time as `process_time`), numpy on one thread.
private func peerTiming(peer: String, kind: String) throws -> (Timing, Double) {
    // ERROREST_BENCH_OURS=1 times Errorest alone (for profiling).
    if ProcessInfo.processInfo.environment["ERROREST_BENCH_OURS"] != nil {
        return (Timing(wall: .nan, cpu: .nan), .nan)
    }
    let runner = """
        import io, json, os, sys, time, contextlib
        for name in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
            os.environ[name] = "1"
        path = sys.argv[1] + "/peer_surface.py"
        wall, cpu, marks = time.perf_counter, time.process_time, []
        def both():
            marks.append(cpu())
            return wall()
        time.perf_counter = both
        sys.argv = [path, sys.argv[2]]
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            exec(compile(open(path).read(), path, "exec"), {"__name__": "__main__"})
        result = json.loads(out.getvalue())
        result["cpu_s"] = marks[-1] - marks[-2]
        print(json.dumps(result))
        """
    let line = try shell(["python3", "-c", runner, peer, kind])
    guard let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
        let seconds = object["surface_s"] as? Double, let cpu = object["cpu_s"] as? Double,
        let total = object["sum"] as? Double
    else { throw BenchmarkError("peer_surface.py printed \(line)") }
    return (Timing(wall: seconds, cpu: cpu), total)
}

/// The peer's points and its MLP plane, as it has them when it starts timing its grid.
private struct PeerJob: Decodable {
    var csv: String
    var theta: [Double]
    var origin: [Double]
    var first: [Double]
    var second: [Double]
    var u: [Double]
    var v: [Double]

    /// The layers of a 2-h1-h2-1 network from the peer's flat parameters `θ`.
    func layers(hidden: [Int]) throws -> [Layer] {
        ParameterVector(origin, layout: ParameterLayout(sizes: [2] + hidden + [1])).layers
    }
}

private func peerJob(peer: String) throws -> PeerJob {
    // Runs the peer's definitions, then its mlp() until it starts its timer, and reads the
    // plane from that frame: the peer's own numbers, not a copy of its code.
    let script = """
        import json, sys, time
        source = open(sys.argv[1] + "/peer_surface.py").read().split("ap = argparse")[0]
        space = {"__name__": "peer"}
        exec(compile(source, "peer_surface.py", "exec"), space)
        class Args: points = 500; grid = 101; hidden = [8, 8]; epochs = 40; lr = 1.0; seed = 7
        X, y = space["make_points"](500, 7)
        csv = "".join(f"{a!r},{b!r},{int(c)}\\n" for (a, b), c in zip(X.tolist(), y.tolist()))
        class Start(Exception): pass
        def stop(): raise Start()
        space["time"].perf_counter = stop
        try:
            space["mlp"](Args)
        except Start as e:
            f = e.__traceback__.tb_next.tb_frame.f_locals
        print(json.dumps({"csv": csv, "theta": f["theta"].tolist(), "origin": f["theta"].tolist(),
                          "first": f["d1"].tolist(), "second": f["d2"].tolist(),
                          "u": f["a"].tolist(), "v": f["b"].tolist()}))
        """
    let output = try shell(["python3", "-c", script, peer])
    return try JSONDecoder().decode(PeerJob.self, from: Data(output.utf8))
}
