import Foundation
import Testing

@testable import ErrorestCLI

/// Issue 21, item 8: the run record keeps the render block it was drawn with, and
/// `errorest render` starts from it; each flag changes only what it names.
@Suite struct RenderKeepsLookTests {
    static let runFile =
        "name: look\ndata: {count: 40}\nnetwork: {hidden: [3]}\ntraining: {epochs: 12}\n"
        + "snapshots: [0, 12]\nrender: {size: [200, 150], focus: worst, hiddenShading: vote, "
        + "frameDiagram: true, surface: {grid: 9}, animation: {fps: 5}}\n"

    @Test func theRecordKeepsTheRenderBlockAsARunFileWritesIt() throws {
        let h = try Harness()
        defer { h.cleanUp() }
        try h.write(Self.runFile, to: "look.yaml")
        let result = try h.errorest(["run", "look.yaml", "--quiet", "--out", "run"])
        #expect(result.status == 0, "\(result.stderr)")
        let render = try #require(try h.json("run/run.json")["render"] as? [String: Any])
        #expect(render["size"] as? [Int] == [200, 150])
        #expect(render["focus"] as? String == "worst")
        #expect(render["hiddenShading"] as? String == "vote")
        #expect(render["frameDiagram"] as? Bool == true)
        #expect((render["surface"] as? [String: Any])?["grid"] as? Int == 9)
        #expect((render["animation"] as? [String: Any])?["fps"] as? Int == 5)
        #expect(render["figures"] as? [String] == ["frame"])
        // Read back, the block is the settings it was written from.
        var settings = RenderSettings()
        settings.options.width = 200
        settings.options.height = 150
        settings.options.focus = .index(3)
        settings.options.surface.span = .fixed(.init(x1: -1...1, x2: 0...2))
        settings.options.errorRange = 0...2
        settings.animation.title = 1.5
        let back = try RenderSettings(recorded: settings.recorded, source: "r.json")
        #expect(back == settings)
        // `train` draws nothing and keeps no block.
        let trained = try h.errorest(["train", "look.yaml", "--quiet", "--out", "trained"])
        #expect(trained.status == 0, "\(trained.stderr)")
        #expect(try h.json("trained/run.json")["render"] == nil)
    }

    @Test func renderWithoutFlagsDrawsTheRunsOwnFrames() throws {
        let h = try Harness()
        defer { h.cleanUp() }
        try h.write(Self.runFile, to: "look.yaml")
        let ran = try h.errorest(["run", "look.yaml", "--quiet", "--out", "run"])
        #expect(ran.status == 0, "\(ran.stderr)")
        let drawn = try h.errorest(["render", "run/run.json", "--quiet", "--out", "again"])
        #expect(drawn.status == 0, "\(drawn.stderr)")
        let before = try h.files(under: "run/frames")
        let after = try h.files(under: "again/frames")
        #expect(before.count == 2 && before == after, "the same frames, byte for byte")

        // A flag changes what it names; the focus and the diagram stay.
        let shaded = try h.errorest([
            "render", "run/run.json", "--quiet", "--out", "shaded", "--hidden-shading",
            "activation", "--size", "480x270",
        ])
        #expect(shaded.status == 0, "\(shaded.stderr)")
        let files = try #require(try h.json("shaded/manifest.json")["files"] as? [[String: Any]])
        let panels = files.flatMap { ($0["panels"] as? [[String: Any]]) ?? [] }
        let hidden = panels.filter { $0["kind"] as? String == "hidden" }
        #expect(hidden.count == 6 && hidden.allSatisfy { $0["shading"] as? String == "activation" })
        #expect(hidden.allSatisfy { $0["focus"] != nil }, "the record's focus point is followed")
    }

    @Test func aBadRenderBlockIsRefusedNamingTheKey() throws {
        let h = try Harness()
        defer { h.cleanUp() }
        try h.write(Self.runFile, to: "look.yaml")
        let ran = try h.errorest(["run", "look.yaml", "--quiet", "--out", "run"])
        #expect(ran.status == 0, "\(ran.stderr)")
        let text = try String(contentsOf: h.url("run/run.json"), encoding: .utf8)
        let bad = text.replacingOccurrences(
            of: "\"hiddenShading\" : \"vote\"", with: "\"hiddenShading\" : \"votes\"")
        #expect(bad != text)
        try h.write(bad, to: "bad/run.json")
        let result = try h.errorest(["render", "bad/run.json", "--quiet"])
        #expect(result.status == 65)
        #expect(
            result.stderr.contains("bad/run.json (its render block)")
                && result.stderr.contains("render.hiddenShading"), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: h.url("bad/manifest.json").path))
    }
}
