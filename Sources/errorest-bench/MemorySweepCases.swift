import Foundation

/// The 10,000-run sweep of issue 20's finding 20 (10 learning rates × 10 training seeds × 10
/// initial-weight seeds × 10 data seeds; 100 xor points, 1,000 epochs, 3 frames at 64×48 each)
/// and its merge: 100 grid figures of 10 × 10 runs and one errors figure of 10,000 curves.
extension MemoryBenchmark {
    static let sweepText = """
        name: memory10k
        data: {generator: xor, count: 100, noise: 0.1}
        network: {hidden: [2], activation: sigmoid}
        training: {epochs: 1000}
        snapshots: linear 3
        render: {size: [64, 48], figures: [frame], formats: [png]}
        sweep:
          training.learningRate: [0.5, 1, 1.5, 2, 2.5, 3, 3.5, 4, 4.5, 5]
          training.seed: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]
          network.init.seed: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]
          data.seed: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]

        """

    /// The sweep file in `sweepFolder`'s parent (written each time: the same bytes).
    private func sweepFile() throws -> URL {
        let folder = URL(fileURLWithPath: sweepFolder)
        let file = folder.deletingLastPathComponent().appendingPathComponent(
            folder.lastPathComponent + ".yaml")
        try Data(Self.sweepText.utf8).write(to: file)
        return file
    }

    /// `sweep`: the whole sweep in one process, from an empty folder: every run trained and
    /// rendered, then its index and figures (left in `sweepFolder` for `merge`).
    func sweepCase() throws {
        let file = try sweepFile()
        try? FileManager.default.removeItem(atPath: sweepFolder)
        let child = try Child.run(["sweep", file.path, "--out", sweepFolder, "--quiet"])
        print(
            String(
                format: "sweep of 10,000 runs (100 points, 1,000 epochs, 3 frames each) and its "
                    + "index and 101 figures, one process: peak RSS %.1f MB, %.0f s wall, "
                    + "%.0f s CPU", child.megabytes, child.seconds, child.cpu))
    }

    /// `merge`: `--merge` of the 10,000 finished runs in `sweepFolder` (trained first, in two
    /// shards, when the folder does not hold them), with its index removed so that every
    /// figure is drawn.
    func mergeCase() throws {
        let file = try sweepFile()
        let index = URL(fileURLWithPath: sweepFolder).appendingPathComponent("index.json")
        if !FileManager.default.fileExists(atPath: index.path) {
            try? FileManager.default.removeItem(atPath: sweepFolder)
            for shard in ["1/2", "2/2"] {
                _ = try Child.run([
                    "sweep", file.path, "--shard", shard, "--out", sweepFolder, "--quiet",
                ])
            }
        } else {
            try FileManager.default.removeItem(at: index)
        }
        let child = try Child.run([
            "sweep", file.path, "--merge", "--out", sweepFolder, "--quiet",
        ])
        guard FileManager.default.fileExists(atPath: index.path) else {
            throw BenchmarkError("the merge wrote no index.json in \(sweepFolder)")
        }
        print(
            String(
                format: "merge of the 10,000 runs (index and 101 figures): peak RSS %.1f MB, "
                    + "%.1f s wall, %.1f s CPU", child.megabytes, child.seconds, child.cpu))
    }
}
