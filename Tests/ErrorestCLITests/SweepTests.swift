import Foundation
import Testing

/// `errorest sweep`: a grid of runs from one file, sharded over separate processes, merged into
/// one index and comparison figures.
@Suite struct SweepTests {
    /// Twelve tiny runs: four learning rates × three initial seeds.
    static let twelve = """
        name: twelve
        training:
          epochs: 30
        snapshots: linear 3
        render:
          size: [64, 48]
        sweep:
          training.learningRate: [0.5, 2, 8, 32]
          network.init.seed: [1, 2, 3]

        """

    /// Every file under `path` with its bytes, and the modification times.
    static func tree(_ harness: Harness, _ path: String) throws -> [String: Data] {
        try harness.files(under: path)
    }

    static func mtimes(_ harness: Harness, _ path: String) throws -> [String: Date] {
        var result: [String: Date] = [:]
        let root = harness.url(path)
        let enumerator = FileManager.default.enumerator(atPath: root.path)
        while let relative = enumerator?.nextObject() as? String {
            let attributes = try FileManager.default.attributesOfItem(
                atPath: root.appendingPathComponent(relative).path)
            result[relative] = attributes[.modificationDate] as? Date
        }
        return result
    }

    @Test func theWholeSweepWritesEveryRunAnIndexAndFigures() throws {
        let harness = try Harness()
        defer { harness.cleanUp() }
        try harness.write(Self.twelve, to: "twelve.yaml")
        let result = try harness.errorest(["sweep", "twelve.yaml", "--quiet"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.isEmpty)
        let index = try harness.json("Output/twelve/index.json")
        let runs = try #require(index["runs"] as? [[String: Any]])
        #expect(runs.count == 12)
        // Positions in nested-loop order: the last key changes fastest.
        #expect(
            runs.map { $0["name"] as? String }.prefix(4) == [
                "00_lr-0.5_seed-1", "01_lr-0.5_seed-2", "02_lr-0.5_seed-3", "03_lr-2_seed-1",
            ])
        for (position, run) in runs.enumerated() {
            #expect(run["position"] as? Int == position)
            let name = try #require(run["name"] as? String)
            let values = try #require(run["values"] as? [String: Any])
            #expect(values.count == 2)
            // Every figure listed is on disk, and the final error is the run record's.
            let files = try #require(run["files"] as? [String])
            #expect(files.count == 3)
            for file in files {
                #expect(
                    FileManager.default.fileExists(
                        atPath: harness.url("Output/twelve/\(file)").path))
            }
            let record = try harness.json("Output/twelve/runs/\(name)/run.json")
            let errors = try #require(record["errors"] as? [Double])
            #expect(run["error"] as? Double == errors.last)
            let manifest = try harness.json("Output/twelve/runs/\(name)/manifest.json")
            #expect(manifest["inputs"] as? String == run["inputs"] as? String)
        }
        // --json prints the same index on stdout, and a second whole sweep writes nothing.
        let again = try harness.errorest(["sweep", "twelve.yaml", "--json"])
        #expect(again.stdout == (try Data(contentsOf: harness.url("Output/twelve/index.json"))))
        #expect(again.stderr.contains("already up to date; nothing written"))
        let figures = try #require(index["figures"] as? [[String: Any]])
        #expect(
            figures.map { $0["path"] as? String } == ["figures/grid.png", "figures/errors.png"])
        let grid = try Data(contentsOf: harness.url("Output/twelve/figures/grid.png"))
        let size = try #require(pngSize(grid))
        #expect(size.width == figures[0]["width"] as? Int)
        #expect(size.height == figures[0]["height"] as? Int)
    }

    @Test(arguments: [1, 3, 4, 7])
    func theUnionOfShardsIsTheWholeSweep(shards: Int) throws {
        let harness = try Harness()
        defer { harness.cleanUp() }
        try harness.write(Self.twelve, to: "twelve.yaml")
        let whole = try harness.errorest(["sweep", "twelve.yaml", "--out", "whole", "--quiet"])
        #expect(whole.status == 0, "\(whole.stderr)")
        for i in 1...shards {
            let shard = try harness.errorest([
                "sweep", "twelve.yaml", "--out", "parts", "--shard", "\(i)/\(shards)", "--quiet",
            ])
            #expect(shard.status == 0, "\(shard.stderr)")
        }
        // The shards write runs only; the index comes with the merge.
        #expect(!FileManager.default.fileExists(atPath: harness.url("parts/index.json").path))
        let runsOnly = try Self.tree(harness, "parts")
        #expect(runsOnly.keys.allSatisfy { $0.hasPrefix("runs/") })
        let merge = try harness.errorest([
            "sweep", "twelve.yaml", "--out", "parts", "--merge", "--quiet",
        ])
        #expect(merge.status == 0, "\(merge.stderr)")
        let a = try Self.tree(harness, "whole")
        let b = try Self.tree(harness, "parts")
        #expect(a.keys.sorted() == b.keys.sorted())
        for (path, bytes) in a { #expect(b[path] == bytes, "\(path) differs") }
    }

    @Test func aFinishedShardWritesNothingAndSaysSo() throws {
        let harness = try Harness()
        defer { harness.cleanUp() }
        try harness.write(Self.twelve, to: "twelve.yaml")
        let first = try harness.errorest(["sweep", "twelve.yaml", "--shard", "2/4"])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stderr.contains("3 runs trained and rendered"))
        let before = try Self.tree(harness, "Output")
        let times = try Self.mtimes(harness, "Output")
        let again = try harness.errorest(["sweep", "twelve.yaml", "--shard", "2/4"])
        #expect(again.status == 0)
        #expect(
            again.stderr
                == "twelve shard 2/4: all 3 runs are already done in Output/twelve; "
                + "nothing written.\n")
        #expect(try Self.tree(harness, "Output") == before)
        #expect(try Self.mtimes(harness, "Output") == times)
    }

    @Test func aChangedSettingRunsAgain() throws {
        let harness = try Harness()
        defer { harness.cleanUp() }
        try harness.write(Self.twelve, to: "twelve.yaml")
        _ = try harness.errorest(["sweep", "twelve.yaml", "--shard", "1/4", "--quiet"])
        let again = try harness.errorest([
            "sweep", "twelve.yaml", "--shard", "1/4", "--noise", "0.2",
        ])
        #expect(again.status == 0)
        #expect(again.stderr.contains("3 runs trained and rendered"))
    }

    @Test func aShardKilledMidwayCompletesWhenRunAgain() throws {
        let harness = try Harness()
        defer { harness.cleanUp() }
        // Slow enough runs that the kill lands part way, one at a time.
        let file = Self.twelve.replacingOccurrences(of: "name: twelve", with: "name: slow")
            .replacingOccurrences(of: "epochs: 30", with: "epochs: 2000")
            .replacingOccurrences(of: "linear 3", with: "linear 8")
            .replacingOccurrences(of: "[64, 48]", with: "[120, 90]")
        try harness.write(file, to: "slow.yaml")
        let binary = try #require(Harness.binary)
        let process = Process()
        process.executableURL = binary
        process.arguments = ["sweep", "slow.yaml", "--shard", "1/3", "--jobs", "1", "--quiet"]
        process.currentDirectoryURL = harness.folder
        try process.run()
        let runs = harness.url("Output/slow/runs")
        let deadline = Date().addingTimeInterval(120)
        func finished() -> Int {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: runs.path)) ?? []
            return names.filter {
                FileManager.default.fileExists(
                    atPath: runs.appendingPathComponent("\($0)/manifest.json").path)
            }.count
        }
        while finished() < 1 && process.isRunning && Date() < deadline { usleep(20_000) }
        #expect(process.isRunning, "the shard ended before it could be killed")
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        let done = finished()
        #expect(done >= 1 && done < 4)

        let again = try harness.errorest(["sweep", "slow.yaml", "--shard", "1/3", "--jobs", "1"])
        #expect(again.status == 0, "\(again.stderr)")
        #expect(
            again.stderr.contains("\(4 - done) runs trained and rendered, \(done) already done"))
        let reference = try harness.errorest([
            "sweep", "slow.yaml", "--shard", "1/3", "--out", "reference", "--quiet",
        ])
        #expect(reference.status == 0)
        let a = try Self.tree(harness, "reference")
        let b = try Self.tree(harness, "Output/slow")
        #expect(a.keys.sorted() == b.keys.sorted())
        for (path, bytes) in a { #expect(b[path] == bytes, "\(path) differs") }
    }

    @Test func aDivergingRunIsRecordedAndTheOthersGoOn() throws {
        let harness = try Harness()
        defer { harness.cleanUp() }
        try harness.write(
            """
            network: {hidden: [8, 8], activation: relu}
            training: {epochs: 20}
            snapshots: linear 2
            render: {size: [64, 48]}
            sweep:
              training.learningRate: [0.5, 1e200]

            """, to: "d.yaml")
        let result = try harness.errorest(["sweep", "d.yaml"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("(1 diverged)"))
        let index = try harness.json("Output/d/index.json")
        let runs = try #require(index["runs"] as? [[String: Any]])
        #expect(runs.map { $0["status"] as? String } == ["done", "diverged"])
        #expect((runs[1]["message"] as? String)?.contains("Training diverged at epoch") == true)
        // A retry does not train the diverging run again.
        let again = try harness.errorest(["sweep", "d.yaml", "--shard", "1/1"])
        #expect(again.stderr.contains("all 2 runs are already done"))
    }

    @Test func shardsFromBatchEnginesVariables() throws {
        let harness = try Harness()
        defer { harness.cleanUp() }
        try harness.write(Self.twelve, to: "twelve.yaml")
        func listed(_ environment: [String: String], _ extra: [String] = []) throws -> (
            [String], String
        ) {
            let result = try harness.errorest(
                ["sweep", "twelve.yaml", "--list", "--shard-from-env"] + extra,
                environment: environment)
            #expect(result.status == 0, "\(result.stderr)")
            let names = result.stdoutText.split(separator: "\n").map {
                String($0.split(separator: "\t")[1])
            }
            return (names, result.stderr)
        }
        let slurm = try listed([
            "SLURM_ARRAY_TASK_ID": "6", "SLURM_ARRAY_TASK_MIN": "5", "SLURM_ARRAY_TASK_COUNT": "4",
        ])
        #expect(slurm.0 == ["01_lr-0.5_seed-2", "05_lr-2_seed-3", "09_lr-32_seed-1"])
        #expect(slurm.1.contains("shard 2/4 from SLURM_ARRAY_TASK_ID=6"))
        let kubernetes = try listed(["JOB_COMPLETION_INDEX": "0"], ["--shard-count", "5"])
        #expect(kubernetes.0 == ["00_lr-0.5_seed-1", "05_lr-2_seed-3", "10_lr-32_seed-2"])
        #expect(kubernetes.1.contains("shard 1/5 from JOB_COMPLETION_INDEX=0"))
        let aws = try listed(["AWS_BATCH_JOB_ARRAY_INDEX": "6", "AWS_BATCH_JOB_ARRAY_SIZE": "7"])
        #expect(aws.0 == ["06_lr-8_seed-1"])
        #expect(aws.1.contains("shard 7/7 from AWS_BATCH_JOB_ARRAY_INDEX=6"))
    }

    /// GNU parallel, where it is installed (`apt-get install parallel`; `.ci/run` installs it).
    static let parallel = ["/usr/bin/parallel", "/usr/local/bin/parallel"].first {
        FileManager.default.isExecutableFile(atPath: $0)
    }

    @Test(
        .enabled(
            if: parallel != nil || Harness.inCI,
            "GNU parallel is not installed (apt-get install parallel)"))
    func shardsAsSeparateProcessesUnderGNUParallel() throws {
        let parallel = try #require(Self.parallel)
        let harness = try Harness()
        defer { harness.cleanUp() }
        try harness.write(Self.twelve, to: "twelve.yaml")
        let binary = try #require(Harness.binary).path
        let shards = try harness.run(
            parallel,
            [
                "--will-cite", "--halt", "now,fail=1", binary, "sweep", "twelve.yaml", "--out",
                "parts", "--quiet", "--jobs", "1", "--shard", "{}/4", ":::", "1", "2", "3", "4",
            ])
        #expect(shards.status == 0, "\(shards.stderr)")
        let merge = try harness.errorest(["sweep", "twelve.yaml", "--out", "parts", "--merge"])
        #expect(merge.status == 0, "\(merge.stderr)")
        let whole = try harness.errorest(["sweep", "twelve.yaml", "--out", "whole", "--quiet"])
        #expect(whole.status == 0)
        #expect(try Self.tree(harness, "parts") == Self.tree(harness, "whole"))
    }
}
