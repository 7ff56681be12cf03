import Foundation
import Testing

/// Every file in Samples/ runs, kept small with flags so debug builds stay quick.
@Suite struct SampleTests {
    /// Runs a sample run file with `extra` flags and returns the run record.
    static func run(_ sample: String, _ extra: [String]) throws -> [String: Any] {
        let h = try Harness()
        defer { h.cleanUp() }
        let path = Harness.samples.appendingPathComponent(sample).path
        let result = try h.errorest(["run", path, "--out", "out", "--quiet"] + extra)
        #expect(result.status == 0, "\(sample): \(result.stderr)")
        let files = try h.files(under: "out")
        #expect(files["manifest.json"] != nil)
        // Every Sample's record and manifest hold exactly what their schemas document.
        try Schemas.validate([h.url("out/run.json")], against: "run-record")
        try Schemas.validate([h.url("out/manifest.json")], against: "manifest")
        return try h.json("out/run.json")
    }

    @Test(arguments: [
        "lesson.yaml", "xor.yaml", "circle.json", "spiral.yaml", "deep.yaml", "optimizers.yaml",
        "overfit.yaml", "wish.yaml", "perceptron-step.yaml",
    ])
    func runFileSamplesRun(_ sample: String) throws {
        let record = try Self.run(
            sample, ["--size", "64x48", "--epochs", "20", "--snapshots", "linear 2"])
        let errors = try #require(record["errors"] as? [Double])
        #expect(errors.count == 21)
        #expect(errors[20] < errors[0])
    }

    @Test func theOverfitSampleHoldsOutHalfThePointsAndItsTestErrorTurnsUp() throws {
        let record = try Self.run("overfit.yaml", ["--size", "64x48", "--snapshots", "0,3000"])
        let test = try #require(record["testErrors"] as? [Double])
        let errors = try #require(record["errors"] as? [Double])
        let lowest = try #require(test.indices.min { test[$0] < test[$1] })
        #expect(lowest > 0 && lowest < 500 && test[3000] > test[lowest] * 2)
        #expect(errors[3000] < errors[lowest])
        let regularised = try Self.run(
            "overfit.yaml", ["--size", "64x48", "--snapshots", "0,3000", "--l2", "0.01"])
        let cured = try #require(regularised["testErrors"] as? [Double])
        #expect(cured[3000] < test[3000] / 2)
    }

    @Test func theGradientDescentLabIsReproduced() throws {
        // The whole lab (100 epochs, one point at a time) with two snapshots drawn.
        let record = try Self.run(
            "gradient-descent.yaml", ["--size", "64x48", "--snapshots", "0,100"])
        let errors = try #require(record["errors"] as? [Double])
        let accuracies = try #require(record["accuracies"] as? [Double])
        // The lab's printed "Epoch 0" and "Epoch 90" (our epochs 1 and 91).
        #expect(abs(errors[1] - 0.7135845195381634) <= 1e-12)
        #expect(abs(errors[91] - 0.3379273658879921) <= 1e-12)
        #expect(accuracies[91] == 0.94)
        #expect((record["network"] as? [String: Any])?["hidden"] as? [Int] == [])
    }

    @Test func thePrintSetIsPDFAndSVGWithoutFrames() throws {
        let h = try Harness()
        defer { h.cleanUp() }
        let path = Harness.samples.appendingPathComponent("print.yaml").path
        let result = try h.errorest(
            [
                "run", path, "--out", "out", "--size", "96x72", "--epochs", "40", "--snapshots",
                "0,40", "--quiet",
            ])
        #expect(result.status == 0, "\(result.stderr)")
        let files = try h.files(under: "out").keys.filter { $0.hasPrefix("figures/") }
        #expect(files.count == 3 * 2 * 2)
        #expect(files.allSatisfy { $0.hasSuffix(".pdf") || $0.hasSuffix(".svg") })
        #expect(!FileManager.default.fileExists(atPath: h.url("out/frames").path))
    }

    @Test func theSweepSampleRunsEveryRateAndSeed() throws {
        let h = try Harness()
        defer { h.cleanUp() }
        let path = Harness.samples.appendingPathComponent("sweep.yaml").path
        let result = try h.errorest(
            [
                "sweep", path, "--out", "sweep", "--size", "48x32", "--epochs", "10",
                "--snapshots", "0,10", "--quiet",
            ])
        #expect(result.status == 0, "\(result.stderr)")
        let index = try h.json("sweep/index.json")
        let runs = try #require(index["runs"] as? [[String: Any]])
        #expect(runs.count == 15)
        for (n, run) in runs.enumerated() {
            let rate = [0.05, 0.5, 2, 8, 50][n / 3]
            let values = try #require(run["values"] as? [String: Any])
            #expect(values["training.learningRate"] as? Double == rate)
            #expect(values["network.init.seed"] as? Int == 10 + n % 3)
            let name = try #require(run["name"] as? String)
            let record = try h.json("sweep/runs/\(name)/run.json")
            #expect(
                (record["training"] as? [String: Any])?["learningRate"] as? Double == rate)
        }
        #expect(FileManager.default.fileExists(atPath: h.url("sweep/figures/grid.png").path))
        // The index, and every run's record and manifest, hold what their schemas document.
        try Schemas.validate([h.url("sweep/index.json")], against: "sweep-index")
        let folders = runs.compactMap { $0["name"] as? String }.map { h.url("sweep/runs/\($0)") }
        try Schemas.validate(
            folders.map { $0.appendingPathComponent("run.json") }, against: "run-record")
        try Schemas.validate(
            folders.map { $0.appendingPathComponent("manifest.json") }, against: "manifest")
    }

    @Test(arguments: [
        ("race-optimizers.yaml", ["0_optimizer-sgd", "1_optimizer-momentum", "2_optimizer-adam"]),
        ("race-learning-rates.yaml", ["0_lr-0.5", "1_lr-2", "2_lr-8", "3_lr-50"]),
    ])
    func theRaceSamplesRunEveryRunnerFromOneStart(_ sample: String, names: [String]) throws {
        let h = try Harness()
        defer { h.cleanUp() }
        let path = Harness.samples.appendingPathComponent(sample).path
        let result = try h.errorest(
            [
                "race", path, "--out", "race", "--size", "64x48", "--epochs", "20",
                "--snapshots", "every 5", "--quiet",
            ])
        #expect(result.status == 0, "\(result.stderr)")
        let index = try h.json("race/index.json")
        let runs = try #require(index["runs"] as? [[String: Any]])
        #expect(runs.compactMap { $0["name"] as? String } == names)
        let figures = try #require(index["figures"] as? [[String: Any]])
        #expect(figures.contains { $0["figure"] as? String == "raceSurface" })
        #expect(FileManager.default.fileExists(atPath: h.url("race/figures/raceSurface.png").path))
        try Schemas.validate([h.url("race/index.json")], against: "sweep-index")
        let records = runs.compactMap { $0["record"] as? String }.map { h.url("race/" + $0) }
        try Schemas.validate(records, against: "run-record")
        // One start: the first snapshot's layers of every runner, as written, are equal.
        let starts = try records.map { url -> String in
            let record = try JSONSerialization.jsonObject(with: Data(contentsOf: url))
            let snapshots = (record as? [String: Any])?["snapshots"] as? [[String: Any]]
            let layers = try #require(snapshots?.first?["layers"])
            return String(
                decoding: try JSONSerialization.data(withJSONObject: layers, options: .sortedKeys),
                as: UTF8.self)
        }
        #expect(Set(starts).count == 1)
    }

    static let hasNumpy: Bool = {
        guard let h = try? Harness() else { return false }
        defer { h.cleanUp() }
        let result = try? h.run("/usr/bin/env", ["python3", "-c", "import numpy"])
        return result?.status == 0
    }()

    @Test(.enabled(if: hasNumpy || Harness.inCI, "needs python3 with numpy"))
    func thePythonSampleTrainsElsewhereAndErrorestDrawsIt() throws {
        let h = try Harness()
        defer { h.cleanUp() }
        let binary = try #require(Harness.binary)
        let script = Harness.samples.appendingPathComponent("numpy_run.py").path
        let result = try h.run(
            "/usr/bin/env",
            [
                "python3", script, "--out", "np", "--epochs", "60", "--snapshots", "4",
                "--size", "48x32", "--quiet",
            ],
            environment: ["ERROREST": binary.path])
        #expect(result.status == 0, "\(result.stderr)")
        let record = try h.json("np/run.json")
        #expect(record["format"] as? String == "errorest-run")
        let manifest = try h.json("np/manifest.json")
        let files = try #require(manifest["files"] as? [[String: Any]])
        #expect(files.count == (record["snapshots"] as? [Any])?.count)
        #expect(files.allSatisfy { ($0["path"] as? String)?.hasPrefix("frames/") == true })
    }
}
