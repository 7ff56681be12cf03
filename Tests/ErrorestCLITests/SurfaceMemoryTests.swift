import Foundation
import Testing

/// A surface's memory is bounded by its tiles, not by points × grid: the reproducer
/// (100,000 points, grid 301, `--hidden 8` under a 4 GB address-space limit) scaled down to
/// seconds by cutting a small surface into tiles of 4 KiB.
@Suite struct SurfaceMemoryTests {
    static let arguments = [
        "run", "--generator", "moons", "--count", "400", "--hidden", "8", "--epochs", "10",
        "--snapshots", "0,10", "--figures", "surface", "--surface-grid", "21", "--size",
        "160x120", "--quiet",
    ]

    /// Under `ulimit -v 4000000` with 4 KiB tiles the run ends with 0 and writes the same
    /// figures and grid CSVs, byte for byte, as the run with one tile and no limit.
    @Test func aSurfaceInSmallTilesUnderAnAddressSpaceLimitIsTheSurfaceDrawnWhole() throws {
        let h = try Harness()
        defer { h.cleanUp() }
        let binary = try #require(Harness.binary, "the errorest binary was not built")
        let limited = try h.run(
            "/bin/sh",
            ["-c", "ulimit -v 4000000 && exec \"$0\" \"$@\"", binary.path]
                + Self.arguments + ["--out", "tiled"],
            environment: ["ERROREST_SURFACE_TILE_BYTES": "4096"])
        #expect(limited.status == 0, "\(limited.stderr)")
        let whole = try h.errorest(Self.arguments + ["--out", "whole"])
        #expect(whole.status == 0, "\(whole.stderr)")
        let tiled = try h.files(under: "tiled").filter { $0.key.hasPrefix("figures/") }
        let reference = try h.files(under: "whole").filter { $0.key.hasPrefix("figures/") }
        #expect(tiled.keys.contains { $0.hasSuffix(".png") })
        #expect(tiled.keys.contains { $0.hasSuffix(".csv") })
        #expect(tiled.keys.sorted() == reference.keys.sorted())
        for (name, bytes) in reference {
            #expect(tiled[name] == bytes, "\(name) differs")
        }
    }
}
