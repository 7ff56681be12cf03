import Foundation
import Testing

/// The landscape samples and keys, end to end: the trajectory kept, the figures and their CSV
/// beside them in the manifest, mistakes named.
@Suite struct LandscapeCommandTests {
    @Test(arguments: [
        ("mountain.yaml", ["--snapshots", "0,50"]),
        ("kilimanjerror.yaml", ["--epochs", "60", "--snapshots", "0,60"]),
    ])
    func landscapeSamplesWriteFiguresDataAndTheTrajectory(sample: String, extra: [String]) throws {
        let h = try Harness()
        defer { h.cleanUp() }
        let path = Harness.samples.appendingPathComponent(sample).path
        let result = try h.errorest(
            ["run", path, "--out", "out", "--quiet", "--size", "160x120"] + extra)
        #expect(result.status == 0, "\(sample): \(result.stderr)")
        let record = try h.json("out/run.json")
        let trajectory = try #require(record["trajectory"] as? [String: Any])
        let epochs = try #require(trajectory["epochs"] as? [Int])
        #expect(epochs.first == 0 && epochs.count == (record["errors"] as? [Double])?.count)
        let manifest = try h.json("out/manifest.json")
        let files = try #require(manifest["files"] as? [[String: Any]])
        let surfaces = files.filter { $0["figure"] as? String == "surface" }
        #expect(surfaces.count == 2)
        let csvPaths = Set(surfaces.compactMap { $0["data"] as? String })
        #expect(csvPaths.count == 2)
        let written = try h.files(under: "out")
        for csv in csvPaths {
            let text = String(decoding: try #require(written[csv]), as: UTF8.self)
            #expect(text.hasPrefix("kind,epoch,u,v,height,error\n"))
            // Every node of the default 101 × 101 grid.
            #expect(text.components(separatedBy: "\ngrid,").count - 1 == 101 * 101)
        }
        let panel = try #require((surfaces[0]["panels"] as? [[String: Any]])?.first)
        #expect(panel["kind"] as? String == "surface")
        #expect((panel["domain"] as? [[Double]])?.count == 2)
    }

    @Test func surfaceKeysAreCheckedWithTheirLine() throws {
        let h = try Harness()
        defer { h.cleanUp() }
        _ = try h.write(
            """
            render:
              figures: [surface]
              surface:
                grid: 1
            """, to: "bad.yaml")
        let result = try h.errorest(["run", "bad.yaml", "--out", "out", "--quiet"])
        #expect(result.status == 65)
        #expect(result.stderr.contains("line 4"))
        #expect(result.stderr.contains("render.surface.grid"))
        _ = try h.write(
            """
            network:
              hidden: [2]
            render:
              figures: [surface]
              surface: { axes: "w1,w2" }
            """, to: "axes.yaml")
        let axes = try h.errorest(["run", "axes.yaml", "--out", "out", "--quiet", "--epochs", "5"])
        #expect(axes.status == 65)
        #expect(axes.stderr.contains("The axes w1,w2 are a perceptron's"))
    }
}
