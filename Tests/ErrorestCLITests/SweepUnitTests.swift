import Foundation
import Testing

@testable import ErrorestCLI

/// The pieces of a sweep: the digest, the grid's order and names, shards.
@Suite struct SweepUnitTests {
    @Test(arguments: [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        (
            "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
        ),
    ])
    func sha256MatchesTheStandardsExamples(message: String, digest: String) {
        var sha = SHA256()
        sha.update(message)
        #expect(sha.hexDigest() == digest)
    }

    @Test func sha256OfAMillionAs() {
        var sha = SHA256()
        sha.update([UInt8](repeating: 0x61, count: 1_000_000))
        #expect(
            sha.hexDigest() == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    static func sweep(_ yaml: String) throws -> SweepFile {
        let root = try RunFileNode.parseYAML(yaml, file: "s.yaml")
        return try SweepFile(
            root: root, file: "s.yaml", folder: URL(fileURLWithPath: "/tmp"), defaultName: "s")
    }

    @Test func runsAreNestedLoopsWithTheLastKeyFastest() throws {
        let sweep = try Self.sweep(
            """
            sweep:
              training.learningRate: [0.1, 2.0]
              network.hidden: [[2], [8, 8], []]
            """)
        #expect(sweep.count == 6)
        let names = (0..<6).map { sweep.runName(at: $0) }
        #expect(
            names == [
                "0_lr-0.1_hidden-2", "1_lr-0.1_hidden-8x8", "2_lr-0.1_hidden-none",
                "3_lr-2_hidden-2", "4_lr-2_hidden-8x8", "5_lr-2_hidden-none",
            ])
        let run = try sweep.runFile(sweep.choice(at: 4))
        #expect(run.training.learningRate == 2)
        #expect(run.hidden == [8, 8])
        #expect(SweepMerge.position(of: [1, 1], keys: sweep.keys) == 4)
    }

    @Test func aSweepFileInJSONReadsLikeYAML() throws {
        let json = try RunFileNode.parseJSON(
            Data(
                #"{"training": {"epochs": 5}, "sweep": {"training.seed": [1, 2], "render.size": ["64x48", [80, 60]]}}"#
                    .utf8), file: "s.json")
        let sweep = try SweepFile(
            root: json, file: "s.json", folder: URL(fileURLWithPath: "/tmp"), defaultName: "s")
        #expect(sweep.count == 4)
        #expect(sweep.runName(at: 3) == "3_seed-2_size-80x60")
        let run = try sweep.runFile(sweep.choice(at: 3))
        #expect(run.training.seed == 2 && run.training.epochs == 5)
        #expect(run.render.options.width == 80 && run.render.options.height == 60)
    }

    @Test func keysWithTheSameLastPartAreNamedByTheirPaths() throws {
        let sweep = try Self.sweep(
            "sweep:\n  data.seed: [1, 2]\n  training.seed: [3]\n  training.epochs: [5]\n")
        #expect(sweep.runName(at: 1) == "1_data.seed-2_training.seed-3_epochs-5")
    }

    @Test func shardsPartitionTheGrid() throws {
        for n in 1...13 {
            var seen = [Int](repeating: 0, count: 12)
            for i in 1...n {
                let shard = try Shard(index: i, count: n, flag: "--shard")
                for p in 0..<12 where shard.contains(p) { seen[p] += 1 }
            }
            #expect(seen == [Int](repeating: 1, count: 12))
        }
    }

    @Test func aSlurmArrayWithAStepCountsItsTasks() throws {
        let (shard, origin) = try Shard.fromEnvironment(
            [
                "SLURM_ARRAY_TASK_ID": "14", "SLURM_ARRAY_TASK_MIN": "10",
                "SLURM_ARRAY_TASK_STEP": "2", "SLURM_ARRAY_TASK_COUNT": "3",
            ], count: nil)
        #expect(shard == (try Shard(index: 3, count: 3, flag: "")))
        #expect(origin.hasPrefix("shard 3/3 from SLURM_ARRAY_TASK_ID=14"))
    }
}
