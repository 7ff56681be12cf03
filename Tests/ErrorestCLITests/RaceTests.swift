import Backprop
import Foundation
import Testing

/// `errorest race`: runners that differ in one training key, from one start, on one surface.
@Suite struct RaceTests {
    static let file = RaceFixture.file(epochs: 40)

    @Test func threeOptimizersRaceFromOneStartOnOneSurface() throws {
        let harness = try Harness()
        defer { harness.cleanUp() }
        try harness.write(Self.file, to: "tiny.yaml")
        let result = try harness.errorest([
            "race", "tiny.yaml", "--vary", "optimizer=sgd,momentum,adam", "--out", "race",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("3 runners from one W0 (checked bit for bit)"))
        let index = try harness.json("race/index.json")
        let runs = try #require(index["runs"] as? [[String: Any]])
        #expect(
            runs.compactMap { $0["name"] as? String } == [
                "0_optimizer-sgd", "1_optimizer-momentum", "2_optimizer-adam",
            ])
        // Every runner's W0, as its record writes it, is the same bytes.
        var records: [TrainingRun] = []
        var starts: Set<[UInt64]> = []
        for run in runs {
            let path = try #require(run["record"] as? String)
            let data = try Data(contentsOf: harness.url("race/" + path))
            let record = try TrainingRun(jsonData: data, source: path)
            records.append(record)
            starts.insert(ParameterVector(record.snapshots[0].layers).values.map(\.bitPattern))
        }
        #expect(starts.count == 1)
        #expect(records.map(\.training.optimizer) == [.sgd, .momentum, .adam])
        let figures = try #require(index["figures"] as? [[String: Any]])
        let race = try #require(figures.first { $0["figure"] as? String == "raceSurface" })
        #expect(race["path"] as? String == "figures/raceSurface.png")
        let png = try Data(contentsOf: harness.url("race/figures/raceSurface.png"))
        #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]))
        // The index states the plane and each path's share and gap: the landscape's own.
        let plane = try #require(race["plane"] as? [String: Any])
        #expect(plane["axes"] as? String == "pca")
        #expect(plane["centre"] as? String == "W0, every runner's start")
        let landscape = try RaceLandscape(
            runs: records, names: records.map(\.name), gridSize: 3)
        let paths = try #require(plane["paths"] as? [[String: Any]])
        #expect(paths.count == 3)
        for (path, expected) in zip(paths, landscape.paths) {
            #expect(path["run"] as? String == expected.name)
            // As JSONSerialization reads the numbers back: to the last digit or so.
            let share = try #require(path["varianceShare"] as? Double)
            let gap = try #require(path["gap"] as? Double)
            #expect(abs(share - expected.varianceShare) <= 1e-12)
            #expect(abs(gap - expected.gap) <= 1e-12)
        }
        let share = try #require(plane["varianceShare"] as? Double)
        #expect(abs(share - (landscape.principal?.varianceShare ?? .nan)) <= 1e-12)
        // The mountain: the same surface in perspective, listed with the same plane.
        let mountain = try #require(figures.first { $0["figure"] as? String == "raceMountain" })
        #expect(mountain["path"] as? String == "figures/raceMountain.png")
        #expect(
            NSDictionary(dictionary: mountain["plane"] as? [String: Any] ?? [:]) == plane
                as NSDictionary)
        let mountainPNG = try Data(contentsOf: harness.url("race/figures/raceMountain.png"))
        #expect(mountainPNG.starts(with: [0x89, 0x50, 0x4E, 0x47]))
    }

    /// The `acTL` frame count of an animated PNG.
    static func frameCount(_ png: Data) -> Int? {
        guard let at = png.firstRange(of: Data("acTL".utf8))?.upperBound else { return nil }
        return png[at..<(at + 4)].reduce(0) { $0 << 8 | Int($1) }
    }

    /// Two processes, one drawing on 1 thread and one on 4: the same files, byte for byte.
    @Test func theRacesAnimationShowsEveryRunnerOnOneClockTheSameBytesEachTime() throws {
        let harness = try Harness()
        defer { harness.cleanUp() }
        try harness.write(Self.file, to: "tiny.yaml")
        var bytes: [[Data]] = []
        for (out, jobs) in [("one", "1"), ("two", "4")] {
            let result = try harness.errorest([
                "race", "tiny.yaml", "--vary", "optimizer=sgd,momentum,adam", "--out", out,
                "--format", "png,apng", "--quiet", "--jobs", jobs,
            ])
            #expect(result.status == 0, "\(result.stderr)")
            let index = try harness.json(out + "/index.json")
            try Schemas.validate([harness.url(out + "/index.json")], against: "sweep-index")
            let figures = try #require(index["figures"] as? [[String: Any]])
            let animation = try #require(
                figures.first { $0["figure"] as? String == "raceAnimation" })
            #expect(animation["path"] as? String == "figures/race-animation.png")
            #expect(animation["format"] as? String == "apng")
            // The clock: every snapshot epoch the runners share (every 10 of 40 epochs).
            #expect(animation["epochs"] as? [Int] == [0, 10, 20, 30, 40])
            #expect(animation["width"] as? Int == 640 && animation["height"] as? Int == 360)
            let png = try Data(contentsOf: harness.url(out + "/figures/race-animation.png"))
            #expect(Self.frameCount(png) == 5)
            // The errors alone: every runner's curve on one axis, as in every sweep.
            #expect(figures.contains { $0["path"] as? String == "figures/errors.png" })
            bytes.append(
                try [png]
                    + ["raceSurface", "raceMountain", "errors"].map {
                        try Data(contentsOf: harness.url("\(out)/figures/\($0).png"))
                    })
        }
        #expect(bytes[0].count == 4 && bytes[0] == bytes[1])
    }

    @Test func runnersFromDifferentStartsAreRefusedBeforeTraining() throws {
        let harness = try Harness()
        defer { harness.cleanUp() }
        try harness.write(Self.file, to: "tiny.yaml")
        let result = try harness.errorest([
            "race", "tiny.yaml", "--vary", "network.init.seed=1,2", "--out", "race",
        ])
        #expect(result.status == 65)
        #expect(
            result.stderr
                == "errorest: tiny.yaml: the runner 1_seed-2 starts from other weights than "
                + "0_seed-1; a race's runners share network.init (vary training.seed for the "
                + "data order).\n")
        #expect(!FileManager.default.fileExists(atPath: harness.url("race").path))
    }

    @Test(arguments: [
        ("optimizer", "--vary \"optimizer\" is not KEY=V1,V2,…"),
        ("optimizer=adam", "--vary optimizer needs at least two values"),
        ("colour=1,2", "--vary: \"colour\" is not a training key"),
    ])
    func aBadVaryIsAUsageError(vary: String, message: String) throws {
        let harness = try Harness()
        defer { harness.cleanUp() }
        try harness.write(Self.file, to: "tiny.yaml")
        let result = try harness.errorest(["race", "tiny.yaml", "--vary", vary])
        #expect(result.status == 64)
        #expect(result.stderr.contains(message), "\(result.stderr)")
    }
}
