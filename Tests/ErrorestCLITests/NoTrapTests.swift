import Foundation
import Testing

/// Inputs that trapped (issue 20, findings 9 and 10): each now ends with a promised exit code.
@Suite struct NoTrapTests {
    static let small = [
        "--size", "64x48", "--epochs", "30", "--snapshots", "linear 3", "--surface-grid", "21",
        "--quiet",
    ]

    /// Finding 9: a path that blows up to 1e300 and NaN draws its surface and mountain (the part
    /// before it left), in figures, in the frame and through `render`.
    @Test(arguments: [
        ["--learning-rate", "1e300", "--figures", "surface,mountain"],
        ["--learning-rate", "1e300", "--frame-landscape", "mountain"],
        ["--learning-rate", "1e300", "--frame-landscape", "surface"],
        [
            "--optimizer", "momentum", "--momentum", "0.999", "--learning-rate", "1e200",
            "--figures", "surface",
        ],
    ])
    func aPathThatBlowsUpIsDrawnWithoutATrap(flags: [String]) throws {
        let h = try Harness()
        defer { h.cleanUp() }
        let run = try h.errorest(["run", "--hidden", "2", "--out", "o"] + flags + Self.small)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(!run.stderr.contains("Fatal error"))
        let record = try h.json("o/run.json")
        let errors = try #require(record["errors"] as? [Any])
        #expect(errors.count == 31)
        let render = try h.errorest([
            "render", "o/run.json", "--figures", "surface,mountain", "--out", "r", "--quiet",
            "--size", "64x48", "--surface-grid", "21",
        ])
        #expect(render.status == 0, "\(render.stderr)")
        let figures = try FileManager.default.contentsOfDirectory(atPath: h.url("r/figures").path)
        #expect(figures.contains { $0.hasPrefix("surface-") && $0.hasSuffix(".png") })
        #expect(figures.contains { $0.hasPrefix("mountain-") && $0.hasSuffix(".png") })
    }

    /// Finding 10: an epoch beyond Int is no snapshot of the record (65), not a trap.
    @Test func anEpochBeyondIntIsNoSnapshot() throws {
        let h = try Harness()
        defer { h.cleanUp() }
        let run = try h.errorest(["run", "--out", "o"] + Self.small)
        #expect(run.status == 0, "\(run.stderr)")
        let render = try h.errorest([
            "render", "o/run.json", "--snapshots", "9223372036854775807", "--out", "r",
        ])
        #expect(render.status == 65)
        #expect(
            render.stderr
                == "errorest: o/run.json has no snapshot at epoch 9223372036854775807; its "
                + "snapshots are at 0, 15, 30.\n")
    }
}
