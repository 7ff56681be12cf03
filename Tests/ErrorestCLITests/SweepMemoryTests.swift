import Foundation
import Testing

/// Issue 20, finding 20: a sweep's merge holds each run's error series, not its run record (a
/// 10,000-run sweep's merge took 1.26 GB), so its memory grows by a few bytes an epoch a run.
@Suite struct SweepMemoryTests {
    /// Trains a sweep of `seeds` runs as one shard (no merge), then merges it; returns the
    /// merge's peak resident memory in kB.
    ///
    /// Each run keeps its path for the surface: 2,001 epochs × 105 parameters, 1.7 MB.
    static func merge(_ h: Harness, seeds: Int) throws -> Int {
        let name = "s\(seeds)"
        let file = try h.write(
            """
            data: {generator: xor, count: 8}
            network: {hidden: [8, 8]}
            training: {epochs: 2000}
            snapshots: linear 2
            render: {size: [64, 48], figures: [surface], surface: {grid: 5}}
            sweep:
              training.seed: [\((1...seeds).map(String.init).joined(separator: ", "))]

            """, to: "\(name).yaml")
        let out = h.url(name).path
        let trained = try h.errorest([
            "sweep", file.path, "--shard", "1/1", "--out", out, "--quiet",
        ])
        #expect(trained.status == 0, "\(trained.stderr)")
        let merged = try MemoryTests.peakAtExit([
            "sweep", file.path, "--merge", "--jobs", "1", "--out", out, "--quiet",
        ])
        #expect(merged.status == 0)
        #expect(FileManager.default.fileExists(atPath: h.url("\(name)/index.json").path))
        return merged.kB
    }

    /// A merge's peak memory grows by its runs' error series, not by their records.
    ///
    /// Thirty-two runs more: their error series add about 500 KB; their records, held at once,
    /// would add over 50 MB (eight runs more added over 13 MB). The bar, 20 MB, is twice the
    /// most the two peaks were seen to differ by on a loaded machine (9.5 MB, with eight runs
    /// more, where their series add 128 KB).
    @Test func aMergeHoldsNoRunRecords() throws {
        let h = try Harness()
        defer { h.cleanUp() }
        let few = try Self.merge(h, seeds: 2)
        let many = try Self.merge(h, seeds: 34)
        #expect(few > 0 && many > 0)
        #expect(many - few < 20_000, "merge of 2 runs: \(few) kB; of 34 runs: \(many) kB")
    }
}
