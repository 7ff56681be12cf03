import Foundation
import Testing

/// Checks made before training, and messages that say the value given (issue 20, findings 14,
/// 17 and 19).
@Suite struct EarlyChecksTests {
    /// Finding 14: a hidden space over one last-layer unit is refused before 3,000,000 epochs of
    /// training, not after.
    @Test func aHiddenSpaceOfOneUnitIsRefusedBeforeTraining() throws {
        let h = try Harness()
        defer { h.cleanUp() }
        let result = try SweepLimitsTests.errorest(
            h,
            [
                "run", "--hidden", "8,1", "--epochs", "3000000", "--figures", "hiddenSpace",
                "--out", "o", "--quiet",
            ], output: nil, seconds: 20)
        #expect(result.finished, "still training after 20 s")
        #expect(result.status == 65)
        #expect(
            result.stderr
                == "errorest: the built-in lesson: The hidden space needs a last hidden layer of "
                + "at least 2 units; this network's hidden layers are [8, 1].\n")
        #expect(!FileManager.default.fileExists(atPath: h.url("o").path))
    }

    /// Finding 17: a flag the chosen optimizer does not use is refused (64), as its key is.
    @Test(arguments: [
        (["--optimizer", "sgd", "--beta1", "0.5"], "--beta1", "training.beta1", "adam", "sgd"),
        (
            ["--optimizer", "adam", "--momentum", "0.5"], "--momentum", "training.momentum",
            "momentum", "adam"
        ),
        (
            ["--optimizer", "momentum", "--epsilon", "1e-6"], "--epsilon", "training.epsilon",
            "adam", "momentum"
        ),
        (["--beta2", "0.5"], "--beta2", "training.beta2", "adam", "sgd"),
    ])
    func aFlagTheOptimizerDoesNotUseIsRefused(
        flags: [String], flag: String, key: String, owner: String, chosen: String
    ) throws {
        let h = try Harness()
        defer { h.cleanUp() }
        let result = try h.errorest(["run", "--epochs", "3", "--out", "o", "--quiet"] + flags)
        #expect(result.status == 64)
        #expect(
            result.stderr
                == "errorest: \(flag): \"\(key)\" belongs to the \(owner) optimizer; this run's is "
                + "\(chosen) (key training.optimizer). Drop the flag, or choose that optimizer.\n")
        #expect(!FileManager.default.fileExists(atPath: h.url("o").path))
    }

    /// Finding 19: a value just past a limit is shown with every digit, and a field of a
    /// megabyte is not echoed whole.
    @Test func messagesShowTheValueGivenAndNoMore() throws {
        let h = try Harness()
        defer { h.cleanUp() }
        let hold = try h.errorest(["run", "--hold-first=60.0000001", "--format", "apng"])
        #expect(hold.status == 65)
        #expect(
            hold.stderr == "errorest: --hold-first is 60.0000001; it must be 0 to 60 seconds.\n")
        try h.write("1,2," + String(repeating: "x", count: 1_000_000) + "\n", to: "big.csv")
        let csv = try h.errorest(["run", "--data", "big.csv", "--out", "o"])
        #expect(csv.status == 65)
        #expect(
            csv.stderr
                == "errorest: big.csv, line 1: label is \"" + String(repeating: "x", count: 40)
                + "… (1000000 characters)\", which is not a number.\n")
    }

    /// Finding 19: a record's snapshot at epoch −1 is named as such.
    @Test func aSnapshotBeforeEpochZeroIsNamed() throws {
        let h = try Harness()
        defer { h.cleanUp() }
        let run = try h.errorest(["run", "--epochs", "5", "--out", "o", "--quiet"])
        #expect(run.status == 0, "\(run.stderr)")
        var record = try h.json("o/run.json")
        var snapshots = try #require(record["snapshots"] as? [[String: Any]])
        snapshots[0]["epoch"] = -1
        record["snapshots"] = snapshots
        try JSONSerialization.data(withJSONObject: record).write(to: h.url("bad.json"))
        let render = try h.errorest(["render", "bad.json", "--out", "r", "--quiet"])
        #expect(render.status == 65)
        #expect(
            render.stderr.contains("A snapshot is at epoch -1; snapshot epochs count from 0 to 5."),
            "\(render.stderr)")
        #expect(!render.stderr.contains("comes after"))
    }
}
