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

    /// The trainer keeps the trajectory exactly when a panel the run's figures place needs it:
    /// not for frames alone, yes for a frame with a landscape panel or a mountain figure, and
    /// also when `train` draws nothing (so that `render` can later).
    @Test func theTrajectoryIsKeptWhenAPlacedPanelNeedsIt() throws {
        let h = try Harness()
        defer { h.cleanUp() }
        _ = try h.write("render:\n  figures: [mountain]\n", to: "mountain.yaml")
        let common = [
            "--generator", "xor", "--count", "30", "--hidden", "2", "--epochs", "20",
            "--snapshots", "0,20", "--quiet",
        ]
        let drawn = ["--size", "160x120", "--surface-grid", "5"]
        let cases: [([String], Bool)] = [
            (["run", "--figures", "frame,hidden,step,diagram,hiddenSpace"] + drawn, false),
            (["run", "--figures", "frame", "--frame-landscape", "mountain"] + drawn, true),
            (["run", "--figures", "output,surface"] + drawn, true),
            (["train", "mountain.yaml"], true),
            (["train"], false),
        ]
        for (index, (arguments, kept)) in cases.enumerated() {
            let out = "out-\(index)"
            let result = try h.errorest(arguments + common + ["--out", out])
            #expect(result.status == 0, "\(arguments): \(result.stderr)")
            let record = try h.json(out + "/run.json")
            #expect((record["trajectory"] != nil) == kept, "\(arguments)")
        }
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
        #expect(
            axes.stderr
                == "errorest: axes.yaml, line 5: \"render.surface.axes\" is w1,w2; this network has "
                + "hidden layers [2], so it must be pca (w1,w2 are a perceptron's weights, "
                + "hidden: []).\n")
    }

    @Test func theSurfaceFlagsSetGridSpanAndAxes() throws {
        let h = try Harness()
        defer { h.cleanUp() }
        let result = try h.errorest([
            "run", "--hidden", "2", "--epochs", "20", "--snapshots", "0,20", "--quiet",
            "--figures", "surface", "--size", "160x120", "--out", "out",
            "--surface-grid", "7", "--surface-span", "-1,2,-3,0.5", "--surface-axes", "pca",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let manifest = try h.json("out/manifest.json")
        let files = try #require(manifest["files"] as? [[String: Any]])
        let surface = try #require(files.first { $0["figure"] as? String == "surface" })
        let panel = try #require((surface["panels"] as? [[String: Any]])?.first)
        #expect(panel["domain"] as? [[Double]] == [[-1, 2], [-3, 0.5]])
        let csv = try #require(surface["data"] as? String)
        let text = String(decoding: try #require(try h.files(under: "out")[csv]), as: UTF8.self)
        #expect(text.components(separatedBy: "\ngrid,").count - 1 == 7 * 7)
    }

    @Test(arguments: [
        (
            ["--surface-axes", "w1,w2"], 65,
            "The choice of error surface axes is w1,w2; this network has hidden layers [2], so it "
                + "must be pca"
        ),
        (["--surface-axes", "tsne"], 64, "--surface-axes"),
        (["--surface-span", "1,2,3"], 64, "\"1,2,3\" is not a span"),
        (["--surface-grid", "many"], 64, "--surface-grid"),
    ])
    func badSurfaceFlagsStopBeforeTraining(flags: [String], status: Int32, message: String) throws {
        let h = try Harness()
        defer { h.cleanUp() }
        let result = try h.errorest(
            ["run", "--hidden", "2", "--epochs", "5", "--figures", "surface", "--out", "out"]
                + flags)
        #expect(result.status == status)
        #expect(result.stderr.contains(message), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: h.url("out").path))
    }
}
