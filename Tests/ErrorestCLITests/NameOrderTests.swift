import Backprop
import Figures
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

    @Test(arguments: [FigureKind.frame, .panel(.output)])
    func aMillionEpochsSortAfter999999(_ kind: FigureKind) throws {
        var run = try Generator.xor.generate(count: 8, noise: 0, seed: 1).trainedBriefly()
        run.training.epochs = 1_000_000
        let names = EpochNames(run: run)
        let order = [0, 1, 999_999, 1_000_000].map {
            Manifest.Entry.path(kind: kind, format: .png, epoch: $0, frameIndex: nil, names: names)
        }
        #expect(order[3] == "figures/\(kind.rawValue)-epoch-1000000.png")
        for listing in Self.listed(order) { #expect(listing == order) }
    }

    /// A sequence of more than 10,000 frames: `frame-10000.png` lists after `frame-9999.png`.
    @Test func framesOfALongSequenceSortInOrder() throws {
        var run = try Generator.xor.generate(count: 8, noise: 0, seed: 1).trainedBriefly()
        run.snapshots = Array(repeating: run.snapshots[0], count: 10_001)
        let names = EpochNames(run: run)
        let order = [0, 9, 9_999, 10_000].map {
            Manifest.Entry.path(kind: .frame, format: .png, epoch: 0, frameIndex: $0, names: names)
        }
        #expect(order[0] == "frames/frame-00000.png" && order[3] == "frames/frame-10000.png")
        for listing in Self.listed(order) { #expect(listing == order) }
        // Up to 10,000 frames the names keep their four digits.
        run.snapshots = Array(run.snapshots.prefix(10_000))
        #expect(
            Manifest.Entry.path(
                kind: .frame, format: .png, epoch: 0, frameIndex: 9_999,
                names: EpochNames(run: run)) == "frames/frame-9999.png")
    }

    /// Sweep runs list in the plan's order whatever their values: `lr-50` after `lr-8`, the
    /// 11th run after the 10th, the last of 10¹² after the first.
    @Test func sweepRunsSortInThePlansOrder() throws {
        func sweep(_ block: String) throws -> SweepFile {
            try SweepFile(
                root: try RunFileNode.parseYAML(
                    "training: {epochs: 5}\nsweep:\n" + block, file: "s"),
                file: "s.yaml", folder: URL(fileURLWithPath: "/tmp"), defaultName: "s")
        }
        let rates = try sweep(
            "  training.learningRate: [0.5, 2, 8, 50]\n  training.seed: [3, 1, 2]\n")
        let names = (0..<rates.count).map { rates.runName(at: $0) }
        #expect(
            names.prefix(4) == [
                "00_lr-0.5_seed-3", "01_lr-0.5_seed-1", "02_lr-0.5_seed-2", "03_lr-2_seed-3",
            ])
        #expect(names.last == "11_lr-50_seed-2")
        for listing in Self.listed(names) { #expect(listing == names) }
        let values = (1...1000).map(String.init).joined(separator: ", ")
        let huge = try sweep(
            "  training.seed: [\(values)]\n  network.init.seed: [\(values)]\n"
                + "  data.seed: [\(values)]\n  training.epochs: [\(values)]\n")
        let far = [0, 9, 10, 999_999_999_999].map { huge.runName(at: $0) }
        #expect(far[3].hasPrefix("999999999999_training.seed-1000_"))
        for listing in Self.listed(far) { #expect(listing == far) }
        let one = try sweep("  training.seed: [5]\n")
        #expect(one.runName(at: 0) == "0_seed-5")
    }

    /// A sweep of more than two keys draws one grid per combination of the rest; their names
    /// list in the plan's order too (`hidden-16` after `hidden-4`), and a lone grid keeps `grid`.
    @Test func gridFiguresSortInThePlansOrder() throws {
        let hidden = ["4", "16", "64"].map { "hidden-\($0)" }
        let names = hidden.indices.map {
            "grid" + SweepMerge.gridSuffix(combination: $0, of: 3, values: [hidden[$0]]) + ".png"
        }
        #expect(names == ["grid_0_hidden-4.png", "grid_1_hidden-16.png", "grid_2_hidden-64.png"])
        for listing in Self.listed(names) { #expect(listing == names) }
        let many = [0, 9, 10, 11].map {
            SweepMerge.gridSuffix(combination: $0, of: 12, values: ["seed-\(100 - $0)"])
        }
        #expect(many == ["_00_seed-100", "_09_seed-91", "_10_seed-90", "_11_seed-89"])
        for listing in Self.listed(many) { #expect(listing == many) }
        #expect(SweepMerge.gridSuffix(combination: 0, of: 1, values: []) == "")
    }

    /// Folders named by values alone, by an earlier Errorest, are never written into or
    /// removed: the sweep trains its runs under the new names beside them.
    @Test func foldersOfTheEarlierNamesAreLeftAlone() throws {
        let h = try Harness()
        defer { h.cleanUp() }
        try h.write(
            "name: four\ntraining: {epochs: 5}\nsnapshots: linear 2\nrender: {size: [64, 48]}\n"
                + "sweep:\n  training.learningRate: [0.5, 8]\n  training.seed: [1, 2]\n",
            to: "four.yaml")
        var old: [String: [String: Data]] = [:]
        for name in ["lr-0.5_seed-1", "lr-8_seed-2"] {
            try h.write("an earlier run's record\n", to: "Output/four/runs/\(name)/run.json")
            try h.write("{}\n", to: "Output/four/runs/\(name)/manifest.json")
            old[name] = try h.files(under: "Output/four/runs/\(name)")
        }
        let result = try h.errorest(["sweep", "four.yaml", "--quiet"])
        #expect(result.status == 0, "\(result.stderr)")
        for (name, files) in old {
            #expect(try h.files(under: "Output/four/runs/\(name)") == files)
        }
        let folders = try FileManager.default.contentsOfDirectory(
            atPath: h.url("Output/four/runs").path
        ).filter { !$0.hasPrefix(".") }.sorted()
        #expect(
            folders == [
                "0_lr-0.5_seed-1", "1_lr-0.5_seed-2", "2_lr-8_seed-1", "3_lr-8_seed-2",
                "lr-0.5_seed-1", "lr-8_seed-2",
            ])
        let index = try h.json("Output/four/index.json")
        let runs = try #require(index["runs"] as? [[String: Any]])
        #expect(runs.compactMap { $0["status"] as? String } == ["done", "done", "done", "done"])
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
