import Backprop
import Foundation
import Testing

@testable import ErrorestCLI

/// Issue 21, item 9: the stills' names list in training order with `ls` and shell globs, whole
/// and part-way epochs, any epoch count.
@Suite struct NameOrderTests {
    /// The order of `names` as `ls` gives it in the C locale (bytes) and in a locale that skips
    /// punctuation (as en_US.UTF-8 does at first).
    static func listed(_ names: [String]) -> [[String]] {
        let letters = { (s: String) in s.filter { $0.isLetter || $0.isNumber } }
        return [names.sorted(), names.sorted { letters($0) < letters($1) }]
    }

    @Test func aMillionEpochsSortAfter999999() throws {
        var run = try Generator.xor.generate(count: 8, noise: 0, seed: 1).trainedBriefly()
        run.training.epochs = 1_000_000
        let names = EpochNames(run: run)
        let order = [0, 1, 999_999, 1_000_000].map {
            Manifest.Entry.path(
                kind: .panel(.output), format: .png, epoch: $0, frameIndex: nil, names: names)
        }
        #expect(order[3] == "figures/output-epoch-1000000.png")
        for listing in Self.listed(order) { #expect(listing == order) }
    }

    @Test func partWayEpochsSortBetweenTheirWholeEpochs() throws {
        let h = try Harness()
        defer { h.cleanUp() }
        let xor = Harness.samples.appendingPathComponent("xor.yaml").path
        let result = try h.errorest([
            "run", xor, "--epochs", "60", "--snapshots", "paced 12", "--size", "64x48",
            "--figures", "output", "--out", "p", "--quiet",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let manifest = try h.json("p/manifest.json")
        let files = try #require(manifest["files"] as? [[String: Any]])
        // Training order: by epoch, then by the step's fraction (a whole epoch first).
        let inOrder = files.sorted {
            let a = ($0["epoch"] as? Int ?? 0, $0["stepFraction"] as? Double ?? 0)
            let b = ($1["epoch"] as? Int ?? 0, $1["stepFraction"] as? Double ?? 0)
            return a < b
        }.compactMap { $0["path"] as? String }
        #expect(files.contains { $0["stepFraction"] != nil }, "the run has part-way snapshots")
        #expect(Set(inOrder).count == inOrder.count)
        for listing in Self.listed(inOrder) { #expect(listing == inOrder) }
    }
}

extension Dataset {
    /// A run of two epochs on these points, for its record's shapes.
    fileprivate func trainedBriefly() throws -> TrainingRun {
        try Trainer(
            network: try Network(hidden: [2], seed: 1), data: self,
            options: TrainingOptions(epochs: 2, learningRate: 1), schedule: .list([0, 2])
        ).train(name: "n")
    }
}
