import Foundation
import Testing

/// A sweep's size and its standard output (issue 20, findings 8, 13, 16 and 19): shards planned
/// lazily, every write to stdout checked (74, never a signal), an empty shard said as such.
@Suite struct SweepLimitsTests {
    /// Runs `errorest` with stdout at `output`, giving up after `seconds`.
    static func errorest(
        _ h: Harness, _ arguments: [String], output: FileHandle?, seconds: Double
    ) throws -> (status: Int32, signalled: Bool, stderr: String, finished: Bool) {
        let process = Process()
        process.executableURL = try #require(Harness.binary)
        process.arguments = arguments
        process.currentDirectoryURL = h.folder
        process.standardOutput = output
        let errors = h.url("stderr.txt")
        _ = FileManager.default.createFile(atPath: errors.path, contents: nil)
        process.standardError = try FileHandle(forWritingTo: errors)
        try process.run()
        let deadline = Date().addingTimeInterval(seconds)
        while process.isRunning && Date() < deadline { usleep(10_000) }
        let finished = !process.isRunning
        if !finished { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
        return (
            process.terminationStatus, process.terminationReason == .uncaughtSignal,
            try String(contentsOf: errors, encoding: .utf8), finished
        )
    }

    /// The name of the run at `position` (of 10¹²) whose training seed is `seed`.
    static func name(_ position: Int, _ seed: Int) -> String {
        let digits = String(position)
        return String(repeating: "0", count: 12 - digits.count) + digits
            + "_training.seed-\(seed)_network.init.seed-1_data.seed-1_epochs-3"
    }

    /// Finding 13: one shard of a sweep of 10¹² runs is listed at once; nothing is made for the
    /// other shards' runs.
    @Test func aShardOfATrillionRunsIsListedAtOnce() throws {
        let h = try Harness()
        defer { h.cleanUp() }
        let values = (1...1000).map(String.init).joined(separator: ", ")
        try h.write(
            "training: {epochs: 5}\nsweep:\n  training.seed: [\(values)]\n"
                + "  network.init.seed: [\(values)]\n  data.seed: [\(values)]\n"
                + "  training.epochs: [\(values)]\n", to: "t.yaml")
        let out = h.url("out.txt")
        _ = FileManager.default.createFile(atPath: out.path, contents: nil)
        let started = Date()
        let result = try Self.errorest(
            h, ["sweep", "t.yaml", "--list", "--shard", "3/500000000000"],
            output: try FileHandle(forWritingTo: out), seconds: 30)
        #expect(result.finished, "listing one shard of 10¹² runs took over 30 s")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(Date().timeIntervalSince(started) < 30)
        let lines = try String(contentsOf: out, encoding: .utf8).split(separator: "\n")
        #expect(
            lines == [
                "2\t\(Self.name(2, 1))\tOutput/t/runs/\(Self.name(2, 1))\tpending",
                "500000000002\t\(Self.name(500_000_000_002, 501))\tOutput/t/runs/\(Self.name(500_000_000_002, 501))\tpending",
            ])
    }

    /// Findings 8 and 16: stdout full, closed, or a pipe nobody reads: 74 and one line, never a
    /// trap or a signal.
    @Test func everyWriteToStandardOutputIsChecked() throws {
        let h = try Harness()
        defer { h.cleanUp() }
        try h.write(
            "training: {epochs: 5}\nrender: {size: [64, 48]}\nsweep:\n  training.seed: [1, 2]\n",
            to: "s.yaml")
        let binary = try #require(Harness.binary).path
        func shell(_ line: String) throws -> Harness.Result {
            try h.run("/bin/sh", ["-c", line])
        }
        let cases: [(String, String)] = [
            ("sweep s.yaml --list >/dev/full", "No space left on device"),
            ("sweep s.yaml --list >&-", "Bad file descriptor"),
            ("sweep s.yaml --quiet --json >/dev/full", "No space left on device"),
        ]
        for (line, reason) in cases {
            let result = try shell("'\(binary)' \(line)")
            #expect(result.status == 74, "\(line): \(result.stderr)")
            #expect(
                result.stderr == "errorest: Cannot write to standard output: \(reason).\n",
                "\(line)")
        }
        // A pipe whose reader has gone.
        let pipe = Pipe()
        try pipe.fileHandleForReading.close()
        let closed = try Self.errorest(
            h, ["sweep", "s.yaml", "--list"], output: pipe.fileHandleForWriting, seconds: 60)
        #expect(!closed.signalled)
        #expect(closed.status == 74)
        #expect(closed.stderr == "errorest: Cannot write to standard output: Broken pipe.\n")
    }

    /// Finding 19: a shard beyond the sweep's runs says so, and makes no folder.
    @Test func anEmptyShardSaysItHasNoRuns() throws {
        let h = try Harness()
        defer { h.cleanUp() }
        try h.write("sweep:\n  training.seed: [1, 2]\n", to: "s.yaml")
        let result = try h.errorest(["sweep", "s.yaml", "--shard", "50/100", "--out", "o"])
        #expect(result.status == 0)
        #expect(
            result.stderr
                == "s shard 50/100: this shard has no runs (s.yaml has 2 runs, fewer than 100 "
                + "shards); nothing written.\n")
        #expect(!FileManager.default.fileExists(atPath: h.url("o").path))
    }
}
