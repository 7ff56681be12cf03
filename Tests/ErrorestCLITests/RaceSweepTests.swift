import Foundation
import Testing

@testable import ErrorestCLI

/// `figures: [race]` on an ordinary sweep: its runs drawn as a race, checked like one.
@Suite struct RaceSweepTests {
    static func file(sweep: String, figures: String) -> String {
        RaceFixture.file(epochs: 20, tail: "sweep:\n  \(sweep)\nfigures: \(figures)\n")
    }

    @Test func aSweepAskingForRaceFiguresDrawsTheRaceSurface() throws {
        let harness = try Harness()
        defer { harness.cleanUp() }
        try harness.write(
            Self.file(sweep: "training.learningRate: [0.5, 2]", figures: "[race]"),
            to: "tiny.yaml")
        let result = try harness.errorest(["sweep", "tiny.yaml", "--out", "sweep"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("2 runners from one W0 (checked bit for bit)"))
        let index = try harness.json("sweep/index.json")
        let figures = try #require(index["figures"] as? [[String: Any]])
        #expect(
            figures.compactMap { $0["figure"] as? String } == [
                "grid", "errors", "raceSurface", "raceMountain",
            ])
        let png = try Data(contentsOf: harness.url("sweep/figures/raceSurface.png"))
        #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]))
        try Schemas.validate([harness.url("sweep/index.json")], against: "sweep-index")
    }

    @Test func aSweepWithoutRaceFiguresDrawsNoRace() throws {
        let harness = try Harness()
        defer { harness.cleanUp() }
        var text = Self.file(sweep: "training.learningRate: [0.5, 2]", figures: "x")
        text = text.replacingOccurrences(of: "figures: x\n", with: "")
        try harness.write(text, to: "tiny.yaml")
        let result = try harness.errorest(["sweep", "tiny.yaml", "--out", "sweep"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(!result.stderr.contains("runners from one W0"))
        let index = try harness.json("sweep/index.json")
        let figures = try #require(index["figures"] as? [[String: Any]])
        #expect(figures.compactMap { $0["figure"] as? String } == ["grid", "errors"])
    }

    @Test func runnersFromOtherStartsAreRefusedAtTheFiguresLineBeforeTraining() throws {
        let harness = try Harness()
        defer { harness.cleanUp() }
        try harness.write(
            Self.file(sweep: "network.init.seed: [1, 2]", figures: "[raceSurface]"),
            to: "tiny.yaml")
        let result = try harness.errorest(["sweep", "tiny.yaml", "--out", "sweep"])
        #expect(result.status == 65)
        #expect(
            result.stderr
                == "errorest: tiny.yaml, line 15: the runner 1_seed-2 starts from other weights "
                + "than 0_seed-1; a race's runners share network.init (vary training.seed for the "
                + "data order).\n")
        #expect(!FileManager.default.fileExists(atPath: harness.url("sweep").path))
    }

    @Test func runnersWithOtherDataAreRefusedBeforeTraining() throws {
        let harness = try Harness()
        defer { harness.cleanUp() }
        try harness.write(
            Self.file(sweep: "data.count: [40, 50]", figures: "[race]"), to: "tiny.yaml")
        let result = try harness.errorest(["sweep", "tiny.yaml", "--out", "sweep"])
        #expect(result.status == 65)
        #expect(
            result.stderr
                == "errorest: tiny.yaml, line 15: the runner 1_count-50 has other data or another "
                + "network than 0_count-40; a race's runners share both (vary training keys "
                + "only).\n")
        #expect(!FileManager.default.fileExists(atPath: harness.url("sweep").path))
    }

    /// `race, raceSurface, …`: every name the list takes.
    static let names = (["race"] + RaceFigure.allCases.map(\.rawValue)).joined(separator: ", ")

    @Test(arguments: [
        (
            "[frame]",
            "tiny.yaml, line 15: \"figures\" lists the text \"frame\"; a sweep's extra "
                + "figures are \(names)."
        ),
        ("[]", "tiny.yaml, line 15: \"figures\" is an empty list; give \(names), or leave it out."),
        (
            "3",
            "tiny.yaml, line 15: \"figures\" should list a sweep's extra figures "
                + "(\(names)); it is a number."
        ),
    ])
    func aBadFiguresListIsNamedAtItsLine(figures: String, message: String) throws {
        let harness = try Harness()
        defer { harness.cleanUp() }
        try harness.write(
            Self.file(sweep: "training.learningRate: [0.5, 2]", figures: figures),
            to: "tiny.yaml")
        let result = try harness.errorest(["sweep", "tiny.yaml", "--out", "sweep"])
        #expect(result.status == 65)
        #expect(result.stderr == "errorest: \(message)\n")
    }
}
