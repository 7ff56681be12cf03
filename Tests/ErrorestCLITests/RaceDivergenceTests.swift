import Backprop
import Foundation
import Testing

@testable import ErrorestCLI
@testable import Figures

/// `Samples/race-learning-rates.yaml`: η = 50 trains to the end with its error above its start
/// and the race says so, in words that are true of its record; the other runners are not said
/// to, and no runner is called "diverged" (that word names training that stopped).
@Suite struct RaceDivergenceTests {
    @Test func theLargestStepEndsAboveItsStartAndTheRaceSaysSoTruly() throws {
        let h = try Harness()
        defer { h.cleanUp() }
        let path = Harness.samples.appendingPathComponent("race-learning-rates.yaml").path
        let result = try h.errorest([
            "race", path, "--out", "race", "--size", "64x48", "--epochs", "30",
            "--snapshots", "every 5",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        var records: [String: TrainingRun] = [:]
        for name in ["0_lr-0.5", "1_lr-2", "2_lr-8", "3_lr-50"] {
            let data = try Data(contentsOf: h.url("race/runs/\(name)/run.json"))
            records[name] = try TrainingRun(jsonData: data, source: name)
        }
        // The definition, recomputed from the recorded errors: ended above its start.
        for (name, run) in records {
            let errors = run.errors
            let ended = try #require(errors.last) > errors[0]
            #expect(ended == (name == "3_lr-50"), "\(name)")
            #expect(result.stderr.contains("; \(name): E ended at ") == ended, "\(name)")
            let legend = RaceRunner.trendLines(run.errorTrend)
            #expect((legend.first?.hasPrefix("E ended at ") ?? false) == ended, "\(legend)")
        }
        // Every run trained to the end: none diverged, and the line never says it.
        #expect(!result.stderr.contains("diverged"), "\(result.stderr)")
        let fifty = try #require(records["3_lr-50"])
        let errors = fifty.errors
        let e0 = String(format: "%.4g", errors[0])
        let last = String(format: "%.4g", try #require(errors.last))
        #expect(
            result.stderr.contains(
                "; 3_lr-50: E ended at \(last), above its start \(e0);"),
            "\(result.stderr)")
        // The legend's lines: the epoch from which every error is above the start, the peak.
        let since = try #require(
            errors.indices.first { e in errors[e...].allSatisfy { $0 > errors[0] } })
        let peak = try #require(errors.max())
        let peakEpoch = try #require(errors.firstIndex(of: peak))
        #expect(
            RaceRunner.trendLines(fifty.errorTrend) == [
                "E ended at \(Ticks.fixed(errors[errors.count - 1], decimals: 3)),",
                "above its start \(Ticks.fixed(errors[0], decimals: 3))",
                "from epoch \(since) on;",
                "peak \(Ticks.fixed(peak, decimals: 3)) (epoch \(peakEpoch))",
            ])
        // The weights stayed finite: training did not diverge (stop on a non-finite number).
        let weights = ParameterVector(fifty.snapshots[fifty.snapshots.count - 1].layers).values
        #expect(weights.allSatisfy { $0.isFinite })
    }

    /// A runner whose weights blow up has no path; the race draws the others.
    ///
    /// A step of 1e300 leaves weights of 1e299: finite, so training goes on to the end, but past
    /// what the race's plane can hold (its sums of squares overflow, and the index could not be
    /// written: "Unable to encode Double.nan"). That runner's legend says why it has no path.
    @Test func aRunnerWhoseWeightsBlowUpHasNoPathAndTheRaceDrawsTheRest() throws {
        let h = try Harness()
        defer { h.cleanUp() }
        let file = try h.write(
            """
            name: blown
            data: {generator: wedge, count: 40, noise: 0.05, seed: 3}
            network: {hidden: [2], init: {seed: 31}}
            training: {epochs: 20, learningRate: 0.5}
            snapshots: linear 3
            render: {size: [160, 90], figures: [frame], formats: [png]}
            race:
              training.learningRate: [0.5, 1e300]

            """, to: "blown.yaml")
        let result = try h.errorest(["race", file.path, "--out", "race"])
        #expect(result.status == 0, "\(result.stderr)")
        let blown = try TrainingRun(
            jsonData: Data(contentsOf: h.url("race/runs/1_lr-1e300/run.json")), source: "blown")
        let largest = RaceLandscape.largestWeight(of: blown)
        #expect(largest > RaceLandscape.largestDrawnWeight && largest.isFinite)
        // The legend's note states the largest weight the record holds (6e299 here).
        let planned = PlannedRun(
            position: 1, name: "1_lr-1e300", choice: [1], file: RunFile(), inputs: "",
            folder: "runs/1_lr-1e300")
        #expect(
            RaceFigures.note(FinishedRun(planned: planned, record: blown))
                == "blew up, no path: |w| \(String(format: "%.0e", largest).replacing("e+", with: "e"))"
        )
        let calm = try TrainingRun(
            jsonData: Data(contentsOf: h.url("race/runs/0_lr-0.5/run.json")), source: "calm")
        #expect(RaceFigures.note(FinishedRun(planned: planned, record: calm)) == nil)
        let index = try h.json("race/index.json")
        let figures = try #require(index["figures"] as? [[String: Any]])
        let surface = try #require(figures.first { $0["figure"] as? String == "raceSurface" })
        let plane = try #require(surface["plane"] as? [String: Any])
        let paths = try #require(plane["paths"] as? [[String: Any]])
        #expect(paths.compactMap { $0["run"] as? String } == ["0_lr-0.5"])
        #expect(FileManager.default.fileExists(atPath: h.url("race/figures/raceSurface.png").path))
        #expect(FileManager.default.fileExists(atPath: h.url("race/figures/raceMountain.png").path))
        try Schemas.validate([h.url("race/index.json")], against: "sweep-index")
    }
}
