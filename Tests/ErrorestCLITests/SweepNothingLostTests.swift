import Foundation
import Testing

/// A sweep loses or mislabels no run (issue 20, findings 1–4): every run has a folder of its
/// own, a flag never silently replaces the values the index names, a killed merge leaves the
/// earlier one whole, and a run whose record is damaged is done again.
@Suite struct SweepNothingLostTests {
    static let four = """
        name: four
        training:
          epochs: 20
        snapshots: linear 2
        render:
          size: [64, 48]
        sweep:
          training.learningRate: [0.5, 8]
          network.init.seed: [1, 2]

        """

    /// Finding 1: `a-b.csv` and `a_b.csv` both read `a.b.csv`; each gets a run of its own.
    @Test func textValuesThatReadAlikeNameTwoRuns() throws {
        let h = try Harness()
        defer { h.cleanUp() }
        try h.write("0,0,0\n1,1,1\n0.5,0.2,0\n0.1,0.9,1\n", to: "a-b.csv")
        try h.write("0,0,1\n1,1,0\n0.5,0.2,1\n0.3,0.9,0\n", to: "a_b.csv")
        try h.write(
            "training: {epochs: 5}\nrender: {size: [64, 48]}\nsweep:\n"
                + "  data.file: [a-b.csv, a_b.csv]\n", to: "s.yaml")
        let result = try h.errorest(["sweep", "s.yaml", "--quiet"])
        #expect(result.status == 0, "\(result.stderr)")
        let index = try h.json("Output/s/index.json")
        let runs = try #require(index["runs"] as? [[String: Any]])
        let names = runs.compactMap { $0["name"] as? String }
        #expect(names.count == 2 && Set(names).count == 2, "\(names)")
        // Each run's folder holds its own data: the labels of the two files differ.
        var labels: [[Int]] = []
        for name in names {
            #expect(name.dropFirst(2).hasPrefix("file-a.b.csv."), "\(name)")
            let record = try h.json("Output/s/runs/\(name)/run.json")
            let data = try #require(record["data"] as? [String: Any])
            labels.append(try #require(data["labels"] as? [Int]))
        }
        #expect(labels.count == 2 && labels[0] != labels[1])
        // A second sweep finds both done.
        let again = try h.errorest(["sweep", "s.yaml"])
        #expect(again.status == 0, "\(again.stderr)")
        #expect(again.stderr.contains("already up to date; nothing written"), "\(again.stderr)")
    }

    /// Finding 2: a flag that sets a key the sweep varies is refused (64) before anything is
    /// trained, naming the flag, the key and its line.
    @Test func aFlagThatSetsASweptKeyIsRefused() throws {
        let h = try Harness()
        defer { h.cleanUp() }
        try h.write(Self.four, to: "four.yaml")
        let result = try h.errorest(["sweep", "four.yaml", "--learning-rate", "3"])
        #expect(result.status == 64)
        #expect(
            result.stderr
                == "errorest: --learning-rate sets training.learningRate, which four.yaml "
                + "(line 8) sweeps; drop the flag, or the key from the sweep block.\n")
        #expect(!FileManager.default.fileExists(atPath: h.url("Output").path))
        // A flag that sets a key the sweep leaves alone is applied to every run.
        let epochs = try h.errorest(["sweep", "four.yaml", "--epochs", "10", "--quiet"])
        #expect(epochs.status == 0, "\(epochs.stderr)")
    }

    /// The files of a merge as a reader sees them: the index and figures.
    static func merged(_ h: Harness) throws -> [String: Data] {
        try h.files(under: "Output/four").filter { !$0.key.hasPrefix("runs/") }
    }

    /// A finished sweep whose index and figures were then changed, so a merge rewrites them all:
    /// returns the earlier merge's files and those the new one writes.
    static func stalemerge(_ h: Harness) throws -> (old: [String: Data], new: [String: Data]) {
        try h.write(four, to: "four.yaml")
        let first = try h.errorest(["sweep", "four.yaml", "--quiet"])
        #expect(first.status == 0, "\(first.stderr)")
        let new = try merged(h)
        #expect(new.count == 3)  // index.json, figures/grid.png, figures/errors.png
        for path in new.keys {
            try Data("an earlier merge's \(path)\n".utf8).write(to: h.url("Output/four/\(path)"))
        }
        return (try merged(h), new)
    }

    /// Finding 3: a merge killed before its switch leaves the earlier merge whole; after the
    /// switch, the new one.
    @Test(arguments: ["merge-drawn", "merge-switch"])
    func aKilledMergeLeavesTheEarlierOneWhole(point: String) throws {
        let h = try Harness()
        defer { h.cleanUp() }
        let (old, new) = try Self.stalemerge(h)
        let killed = try h.errorest(
            ["sweep", "four.yaml", "--merge", "--quiet"],
            environment: ["ERROREST_FAULT": "\(point):KILL"])
        #expect(killed.status != 0)
        #expect(try Self.merged(h) == old)
        let again = try h.errorest(["sweep", "four.yaml", "--merge", "--quiet"])
        #expect(again.status == 0, "\(again.stderr)")
        #expect(try Self.merged(h) == new)
        #expect(try h.leftovers(in: "Output/four") == [])
    }

    /// Finding 3: killed at random moments (seeded), a merge leaves the earlier merge or the
    /// new one, never a mixture.
    @Test func mergesKilledAtRandomMomentsLeaveOneMergeWhole() throws {
        let h = try Harness()
        defer { h.cleanUp() }
        let (old, new) = try Self.stalemerge(h)
        let binary = try #require(Harness.binary)
        var random = FuzzTests.Random(state: 20)
        for _ in 0..<8 {
            let process = Process()
            process.executableURL = binary
            process.arguments = ["sweep", "four.yaml", "--merge", "--quiet"]
            process.currentDirectoryURL = h.folder
            process.standardError = FileHandle.nullDevice
            try process.run()
            usleep(UInt32(random.next() % 400_000))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            let now = try Self.merged(h)
            #expect(now == old || now == new, "a mixture: \(now.keys.sorted())")
            // Back to the earlier merge for the next kill.
            if now == new {
                for path in new.keys {
                    try Data("an earlier merge's \(path)\n".utf8).write(
                        to: h.url("Output/four/\(path)"))
                }
            }
        }
        #expect(try h.leftovers(in: "Output/four").count <= 1)
    }

    /// Finding 4: a damaged `run.json` under an intact manifest is a run to do again, not a
    /// done run that makes every merge fail.
    @Test func aDamagedRunRecordIsDoneAgain() throws {
        let h = try Harness()
        defer { h.cleanUp() }
        try h.write(Self.four, to: "four.yaml")
        let first = try h.errorest(["sweep", "four.yaml", "--quiet"])
        #expect(first.status == 0, "\(first.stderr)")
        let index = try Data(contentsOf: h.url("Output/four/index.json"))
        let record = h.url("Output/four/runs/3_lr-8_seed-2/run.json")
        let bytes = try Data(contentsOf: record)
        try bytes.prefix(bytes.count / 2).write(to: record)
        let list = try h.errorest(["sweep", "four.yaml", "--list"])
        #expect(
            list.stdoutText.contains("3\t3_lr-8_seed-2\tOutput/four/runs/3_lr-8_seed-2\tpending"))
        let again = try h.errorest(["sweep", "four.yaml"])
        #expect(again.status == 0, "\(again.stderr)")
        #expect(again.stderr.contains("1 run trained and rendered, 3 already done"))
        #expect(try Data(contentsOf: record) == bytes)
        #expect(try Data(contentsOf: h.url("Output/four/index.json")) == index)
    }
}
