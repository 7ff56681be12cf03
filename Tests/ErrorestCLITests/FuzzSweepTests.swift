import Foundation
import Synchronization
import Testing

/// The fuzz of ``FuzzTests`` over the inputs added since.
///
/// Seeded mutations of a sweep file run as shards and merged, of shard numbers given by flag and
/// by a batch system's environment, of the landscape samples, and ffmpeg scripts that misbehave
/// in seeded ways. Every case ends with
/// a promised exit code, one stderr line when it fails (none when it succeeds), and nothing of a
/// run left in any `.errorest+` but its live generation.
@Suite struct FuzzSweepTests {
    typealias Random = FuzzTests.Random

    static let sweep = """
        name: fz
        data: {generator: xor, count: 16, noise: 0.1, seed: 1}
        network: {hidden: [2]}
        training: {epochs: 6, learningRate: 2}
        snapshots: linear 2
        render: {size: [48, 32], figures: [output], formats: [png]}
        sweep:
          training.learningRate: [0.5, 2]
          data.seed: [1, 2]

        """

    /// Shard numbers and batch-system indices: edges, overflow, text.
    static let numbers = [
        "1", "2", "0", "-1", "3", "9223372036854775807", "-9223372036854775808",
        "18446744073709551616", "1e3", "x", "", " 1", "2/2", "1/0",
    ]

    /// One case: commands run in order until one fails (`OUT` stands for its own folder).
    struct Case: Sendable {
        var label: String
        var file: String
        var contents: String
        var commands: [[String]]
        var environment: [String: String] = [:]
        var statuses: Set<Int32> = FuzzTests.expected
    }

    /// How a case ended: its last command's status and stderr, and what was left behind.
    static func run(_ c: Case, _ h: Harness, out: String) throws -> FuzzTests.Outcome {
        try h.write(c.contents, to: c.file)
        var last = Harness.Result(status: 0, stdout: Data(), stderr: "")
        for command in c.commands {
            last = try h.errorest(
                command.map { $0 == "OUT" ? out : $0 }, environment: c.environment)
            if last.status != 0 { break }
        }
        var leftovers = try h.leftovers(in: out)
        let runs = h.url(out).appendingPathComponent("runs")
        for name in (try? FileManager.default.contentsOfDirectory(atPath: runs.path)) ?? [] {
            leftovers += try h.leftovers(in: "\(out)/runs/\(name)").map { "\(name)/\($0)" }
        }
        // A status this case does not promise is kept negative, so that it counts as unclean.
        return FuzzTests.Outcome(
            label: c.label, status: c.statuses.contains(last.status) ? last.status : -last.status,
            stderr: last.stderr, leftovers: leftovers)
    }

    /// The cases, drawn in order from one seed.
    static func cases(ffmpeg: Bool) throws -> [Case] {
        var random = Random(state: 20)
        var cases: [Case] = []
        for index in 0..<30 {  // mutated sweep files: two shards, then the merge
            let file = "sweep-\(index).yaml"
            cases.append(
                Case(
                    label: file, file: file, contents: FuzzTests.mutate(Self.sweep, &random),
                    commands: [
                        ["sweep", file, "--out", "OUT", "--shard", "1/2", "--quiet"],
                        ["sweep", file, "--out", "OUT", "--shard", "2/2", "--quiet"],
                        ["sweep", file, "--out", "OUT", "--merge", "--quiet"],
                    ]))
        }
        for index in 0..<20 {  // shard numbers by flag and by environment, listed
            let (i, n) = (random.pick(Self.numbers), random.pick(Self.numbers))
            let variables = [
                ["SLURM_ARRAY_TASK_ID": i, "SLURM_ARRAY_TASK_MIN": n, "SLURM_ARRAY_TASK_COUNT": n],
                ["JOB_COMPLETION_INDEX": i], ["AWS_BATCH_JOB_ARRAY_INDEX": i],
            ]
            let byFlag = index % 2 == 0
            let flags =
                byFlag
                ? ["--shard", "\(i)/\(n)"]
                : ["--shard-from-env"] + (index % 4 == 1 ? ["--shard-count", n] : [])
            cases.append(
                Case(
                    label: "shard \(flags) \(byFlag ? [:] : variables[index % 3])",
                    file: "s.yaml", contents: Self.sweep,
                    commands: [["sweep", "s.yaml", "--out", "OUT", "--list"] + flags],
                    environment: byFlag ? [:] : variables[index % 3]))
        }
        for index in 0..<20 {  // mutated landscape samples, drawn small
            let name = index % 2 == 0 ? "mountain.yaml" : "kilimanjerror.yaml"
            let sample = try String(
                contentsOf: Harness.samples.appendingPathComponent(name), encoding: .utf8)
            let file = "land-\(index).yaml"
            cases.append(
                Case(
                    label: "\(file) from \(name)", file: file,
                    contents: FuzzTests.mutate(sample, &random),
                    commands: [
                        ["run", file, "--out", "OUT", "--surface-grid", "5"] + FuzzTests.small
                    ]))
        }
        guard ffmpeg else { return cases }
        // ffmpeg scripts of one to three seeded behaviours: 69 when it fails, never a hang.
        let behaviours = [
            "exit 0", "exit 1", "exit 139", "kill -9 $$", "cat >/dev/null",
            "eval out=\\${$#}; echo garbage > \"$out\"", "eval out=\\${$#}; mkdir -p \"$out\"",
            "eval out=\\${$#}; : > \"$out\"", "head -c 100000 /dev/zero | tr '\\0' x >&2",
            "sleep 5", "exec /usr/bin/ffmpeg \"$@\"",
        ]
        for index in 0..<12 {
            let script = (0...random.below(3)).map { _ in random.pick(behaviours) }
                .joined(separator: "; ")
            cases.append(
                Case(
                    label: "ffmpeg script \(script)", file: "bin/ffmpeg",
                    contents: "#!/bin/sh\n" + script + "\n",
                    commands: [
                        ["run", "--out", "OUT", "--format", index % 2 == 0 ? "mp4" : "gif"]
                            + FuzzTests.small
                    ],
                    environment: ["PATH": "BIN:/usr/bin:/bin", "ERROREST_FFMPEG_TIMEOUT": "2"],
                    statuses: FuzzTests.expected.union([69])))
        }
        return cases
    }

    @Test func mutatedSweepsShardsLandscapesAndFFmpegsEndCleanly() throws {
        let h = try Harness()
        defer { h.cleanUp() }
        let ffmpeg = AnimationTests.hasFFmpeg || Harness.inCI
        let all = try Self.cases(ffmpeg: ffmpeg)
        let outcomes = Mutex([FuzzTests.Outcome?](repeating: nil, count: all.count))
        // Two lanes, each with its own folders (and its own ffmpeg, so that scripts do not race).
        DispatchQueue.concurrentPerform(iterations: 2) { lane in
            for index in stride(from: lane, to: all.count, by: 2) {
                var c = all[index]
                if c.file == "bin/ffmpeg" {
                    c.file = "bin\(lane)/ffmpeg"
                    c.environment["PATH"] = h.url("bin\(lane)").path + ":/usr/bin:/bin"
                }
                let outcome = Self.runCase(c, h, out: "S\(lane)-\(index)")
                outcomes.withLock { $0[index] = outcome }
            }
        }
        let ended = outcomes.withLock { $0.compactMap { $0 } }
        #expect(ended.count == all.count)
        for outcome in ended where !Self.isClean(outcome) {
            let text = "\(outcome.label): status \(outcome.status), stderr \(outcome.stderr)"
            Issue.record(Comment(rawValue: text + ", left \(outcome.leftovers)"))
        }
        let counts = Dictionary(grouping: ended, by: \.status).mapValues(\.count)
        #expect(counts[0, default: 0] > 5 && counts[65, default: 0] > 5, "\(counts)")
        print("sweep fuzz outcomes by exit status: \(counts.sorted { $0.key < $1.key })")
    }

    /// True if `outcome` ended as promised: ``FuzzTests/Outcome/isClean``, with 69 (ffmpeg
    /// unavailable or failing) among the codes where the case allows it.
    static func isClean(_ outcome: FuzzTests.Outcome) -> Bool {
        guard outcome.status == 69 else { return outcome.isClean }
        var as65 = outcome
        as65.status = 65
        return as65.isClean
    }

    /// One case in its own output folder; a script made executable first.
    static func runCase(_ c: Case, _ h: Harness, out: String) -> FuzzTests.Outcome {
        do {
            if c.file.hasSuffix("/ffmpeg") {
                let url = try h.write(c.contents, to: c.file)
                try FileManager.default.setAttributes(
                    [.posixPermissions: 0o755], ofItemAtPath: url.path)
            }
            return try Self.run(c, h, out: out)
        } catch {
            return FuzzTests.Outcome(label: c.label, status: -1, stderr: "\(error)", leftovers: [])
        }
    }
}
