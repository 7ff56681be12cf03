import Foundation
import Testing

/// Issue 21, item 10: a list flag takes negative numbers as the README writes them, and a key
/// takes the values its flag takes.
@Suite struct ListFlagTests {
    /// `--domain -2,2,-2,2` and `--focus -0.5,0.25`, with a space as the README writes them, not
    /// only with `=`.
    @Test func listFlagsTakeNegativeNumbers() throws {
        let h = try Harness()
        defer { h.cleanUp() }
        try h.write(
            "name: n\ndata: {count: 40}\ntraining: {epochs: 4}\nsnapshots: [4]\n"
                + "render: {size: [96, 72], figures: [output]}\n", to: "n.yaml")
        let result = try h.errorest(
            [
                "run", "n.yaml", "--quiet", "--out", "out", "--domain", "-2,2,-2,2", "--focus",
                "-0.5,0.25", "--error-range", "0,0.8",
            ])
        #expect(result.status == 0, "\(result.stderr)")
        let record = try h.json("out/run.json")
        #expect(record["domain"] as? [[Double]] == [[-2, 2], [-2, 2]])
        // The same point followed as with `--focus=-0.5,0.25`, the form that worked before.
        let joined = try h.errorest(
            [
                "run", "n.yaml", "--quiet", "--out", "joined", "--domain=-2,2,-2,2",
                "--focus=-0.5,0.25",
            ])
        #expect(joined.status == 0, "\(joined.stderr)")
        func focus(_ folder: String) throws -> [Double]? {
            let files = try #require(
                try h.json(folder + "/manifest.json")["files"] as? [[String: Any]])
            let panels = files.flatMap { ($0["panels"] as? [[String: Any]]) ?? [] }
            return panels.compactMap { $0["focus"] as? [String: Any] }.first?["point"] as? [Double]
        }
        #expect(try focus("out") != nil && focus("out") == focus("joined"))
    }

    /// `render.surface.span: path` in a run file, as `--surface-span path` on the command line.
    @Test func theSpanKeyTakesPathLikeItsFlag() throws {
        let h = try Harness()
        defer { h.cleanUp() }
        let base =
            "name: s\ndata: {count: 40}\ntraining: {epochs: 4}\nsnapshots: [4]\n"
            + "render: {size: [96, 72], figures: [surface], surface: {grid: 5, span: "
        try h.write(base + "path}}\n", to: "path.yaml")
        let key = try h.errorest(["run", "path.yaml", "--quiet", "--out", "key"])
        #expect(key.status == 0, "\(key.stderr)")
        try h.write(base + "[[-1, 1], [-1, 1]]}}\n", to: "flag.yaml")
        let flag = try h.errorest(
            ["run", "flag.yaml", "--quiet", "--out", "flag", "--surface-span", "path"])
        #expect(flag.status == 0, "\(flag.stderr)")
        let pictures = try h.files(under: "key").filter { $0.key.hasSuffix(".png") }
        #expect(pictures.count == 1)
        #expect(pictures == (try h.files(under: "flag").filter { $0.key.hasSuffix(".png") }))
        try h.write(base + "hill}}\n", to: "bad.yaml")
        let bad = try h.errorest(["run", "bad.yaml", "--quiet"])
        #expect(bad.status == 65)
        #expect(
            bad.stderr.contains(
                "line 5: \"render.surface.span\" should be path or [[u low, u high], [v low, v high]]."
            ), "\(bad.stderr)")
    }
}
