import Foundation
import Testing

/// `render.focus` and `--focus`: the point followed is in the manifest, and bad points are refused.
@Suite struct FocusOptionTests {
    @Test func theFocusPointAndItsWishAreInTheManifest() throws {
        let h = try Harness()
        defer { h.cleanUp() }
        try h.write(
            "name: f\ndata: {count: 40}\ntraining: {epochs: 10}\nsnapshots: [10]\n"
                + "render: {size: [96, 72], figures: [frame, diagram, step], focus: 7}\n",
            to: "f.yaml")
        let result = try h.errorest(["run", "f.yaml", "--quiet", "--out", "out"])
        #expect(result.status == 0, "\(result.stderr)")
        let files = try #require(try h.json("out/manifest.json")["files"] as? [[String: Any]])
        #expect(files.count == 3)
        let panels = files.flatMap { ($0["panels"] as? [[String: Any]]) ?? [] }
        let focused = panels.compactMap { $0["focus"] as? [String: Any] }
        #expect(!focused.isEmpty && focused.allSatisfy { $0["index"] as? Int == 7 })
        #expect(panels.contains { $0["kind"] as? String == "diagram" && $0["edges"] != nil })
        #expect(panels.contains { $0["kind"] as? String == "step" && $0["after"] != nil })
        #expect(panels.contains { $0["wish"] != nil && $0["ghost"] != nil })
    }

    @Test func aBadFocusIsRefusedWithItsKeyOrFlag() throws {
        let h = try Harness()
        defer { h.cleanUp() }
        try h.write("data: {count: 40}\ntraining: {epochs: 3}\n", to: "good.yaml")
        let flag = try h.errorest(["run", "good.yaml", "--focus", "middle", "--quiet"])
        #expect(flag.status == 64)
        #expect(flag.stderr.contains("\"middle\" is not a focus point"), "\(flag.stderr)")
        let outside = try h.errorest(["run", "good.yaml", "--focus", "41", "--quiet"])
        #expect(outside.status == 65)
        #expect(
            outside.stderr.contains(
                "The focus point is number 41; the data has 40 points, numbered from 1."),
            "\(outside.stderr)")
        try h.write("render: {focus: middle}\n", to: "bad.yaml")
        let key = try h.errorest(["run", "bad.yaml", "--quiet"])
        #expect(key.status == 65)
        #expect(key.stderr.contains("line 1: \"render.focus\" should be worst"), "\(key.stderr)")
    }

    /// `render.hiddenShading` and `render.frameDiagram`, as keys and as flags: each hidden panel's
    /// shading and the frame's diagram are in the manifest; without them the manifest is as before.
    @Test func votesAndTheFramesDiagramReachTheManifest() throws {
        let h = try Harness()
        defer { h.cleanUp() }
        try h.write(
            "name: v\ndata: {count: 40}\nnetwork: {hidden: [3, 2]}\ntraining: {epochs: 10}\n"
                + "snapshots: [10]\nrender: {size: [960, 540], hiddenShading: vote, "
                + "frameDiagram: true}\n", to: "v.yaml")
        func panels(_ arguments: [String]) throws -> [[String: Any]] {
            let result = try h.errorest(["run", "v.yaml", "--quiet", "--out", "out"] + arguments)
            #expect(result.status == 0, "\(result.stderr)")
            let files = try #require(try h.json("out/manifest.json")["files"] as? [[String: Any]])
            return files.flatMap { ($0["panels"] as? [[String: Any]]) ?? [] }
        }
        let voting = try panels([])
        let hidden = voting.filter { $0["kind"] as? String == "hidden" }
        #expect(hidden.count == 5)
        // The last hidden layer votes; the first keeps its activation.
        for panel in hidden {
            let expected = panel["layer"] as? Int == 2 ? "vote" : "activation"
            #expect(panel["shading"] as? String == expected, "\(panel)")
        }
        #expect(voting.contains { $0["kind"] as? String == "diagram" && $0["nodes"] != nil })
        let plain = try panels(["--hidden-shading", "activation", "--no-frame-diagram"])
        #expect(
            plain.filter { $0["kind"] as? String == "hidden" }.allSatisfy {
                $0["shading"] as? String == "activation"
            })
        #expect(!plain.contains { $0["kind"] as? String == "diagram" })
        try h.write("data: {count: 40}\ntraining: {epochs: 3}\n", to: "good.yaml")
        let flag = try h.errorest(["run", "good.yaml", "--hidden-shading", "votes", "--quiet"])
        #expect(flag.status == 64 && flag.stderr.contains("votes"), "\(flag.stderr)")
        try h.write("render: {hiddenShading: votes}\n", to: "bad.yaml")
        let key = try h.errorest(["run", "bad.yaml", "--quiet"])
        #expect(key.status == 65)
        #expect(key.stderr.contains("line 1: \"render.hiddenShading\""), "\(key.stderr)")
    }
}
