import Foundation
import Testing

/// Bad sweep input: one line naming the problem, exit 64 (usage) or 65 (the file).
@Suite struct SweepErrorTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var label: String
        var file = "sweep:\n  training.seed: [1, 2]\n"
        var arguments: [String] = []
        var environment: [String: String] = [:]
        var status: Int32
        var message: String

        var testDescription: String { label }
    }

    static let cases: [Case] = [
        Case(
            label: "unknown key", file: "sweep:\n  training.learnignRate: [1, 2]\n", status: 65,
            message: "s.yaml, line 2: unknown key \"learnignRate\" in \"training\""),
        Case(
            label: "empty value list", file: "training: {epochs: 5}\nsweep:\n  training.seed: []\n",
            status: 65,
            message: "s.yaml, line 3: \"sweep.training.seed\" has an empty list of values"),
        Case(
            label: "a value out of range", file: "sweep:\n  training.epochs: [10, -1]\n",
            status: 65, message: "s.yaml, line 2: \"training.epochs\" is -1"),
        Case(
            label: "a sweep file over the run file's 4 MiB limit",
            file: "sweep:\n  training.seed: [1, 2]\n"
                + String(repeating: "# padding\n", count: 420_000),
            status: 65, message: "The sweep file s.yaml is larger than 4 MB"),
        Case(
            label: "no sweep block", file: "training: {epochs: 5}\n", status: 65,
            message: "s.yaml: there is no \"sweep\" block"),
        Case(
            label: "a value twice", file: "sweep:\n  training.seed: [1, 2, 1]\n", status: 65,
            message: "s.yaml, line 2: \"sweep.training.seed\" lists the value 1 twice."),
        Case(
            label: "not a list", file: "sweep:\n  training.seed: 3\n", status: 65,
            message: "\"sweep.training.seed\" should be a list of values; it is a number."),
        Case(
            label: "sweeping the name", file: "sweep:\n  name: [a, b]\n", status: 65,
            message: "\"sweep.name\" cannot be swept"),
        Case(
            label: "shard 0/4", arguments: ["--shard", "0/4"], status: 64,
            message: "--shard 0/4: shard 0/4 does not exist; shards are counted from 1"),
        Case(
            label: "shard 5/4", arguments: ["--shard", "5/4"], status: 64,
            message: "--shard 5/4: shard 5/4 does not exist; there are 4 shards"),
        Case(
            label: "shard text", arguments: ["--shard", "two"], status: 64,
            message: "--shard two: write the shard as I/N"),
        Case(
            label: "no engine's variables", arguments: ["--shard-from-env"], status: 64,
            message: "--shard-from-env: none of SLURM_ARRAY_TASK_ID, JOB_COMPLETION_INDEX or "
                + "AWS_BATCH_JOB_ARRAY_INDEX is set"),
        Case(
            label: "Slurm without a count", arguments: ["--shard-from-env"],
            environment: ["SLURM_ARRAY_TASK_ID": "2", "SLURM_ARRAY_TASK_MIN": "0"], status: 64,
            message: "SLURM_ARRAY_TASK_ID is set but SLURM_ARRAY_TASK_COUNT is not"),
        Case(
            label: "Kubernetes without a count", arguments: ["--shard-from-env"],
            environment: ["JOB_COMPLETION_INDEX": "2"], status: 64,
            message: "JOB_COMPLETION_INDEX is set but the number of shards is not"),
        Case(
            label: "both shard flags", arguments: ["--shard", "1/2", "--shard-from-env"],
            status: 64, message: "Give either --shard or --shard-from-env, not both."),
        Case(
            label: "more runs than an Int counts (issue 20, finding 6)",
            file: "sweep:\n"
                + (1...20).map { "  k\($0).x: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]\n" }.joined(),
            status: 65,
            message: "s.yaml, line 1: \"sweep\" makes more runs than can be counted (more than "
                + "9223372036854775807, from 20 keys); sweep fewer keys or values."),
        Case(
            label: "Slurm's task id beyond Int (issue 20, finding 7)",
            arguments: ["--shard-from-env"],
            environment: [
                "SLURM_ARRAY_TASK_ID": "9223372036854775807", "SLURM_ARRAY_TASK_MIN": "-1",
                "SLURM_ARRAY_TASK_COUNT": "3",
            ], status: 64,
            message: "--shard-from-env: SLURM_ARRAY_TASK_ID 9223372036854775807 is not a task of "
                + "the array starting at -1; check the job's array range."),
        Case(
            label: "Kubernetes' last index (issue 20, finding 7)",
            arguments: ["--shard-from-env", "--shard-count", "3"],
            environment: ["JOB_COMPLETION_INDEX": "9223372036854775807"], status: 64,
            message: "--shard-from-env: JOB_COMPLETION_INDEX is 9223372036854775807, beyond any "
                + "array's last task; check the job."),
        Case(
            label: "AWS Batch's last index (issue 20, finding 7)", arguments: ["--shard-from-env"],
            environment: [
                "AWS_BATCH_JOB_ARRAY_INDEX": "9223372036854775807", "AWS_BATCH_JOB_ARRAY_SIZE": "3",
            ], status: 64,
            message: "--shard-from-env: AWS_BATCH_JOB_ARRAY_INDEX is 9223372036854775807, beyond "
                + "any array's last task; check the job."),
        Case(
            label: "2 and 2.0 are one value twice (issue 20, finding 18)",
            file: "sweep:\n  training.learningRate: [2, 2.0]\n", status: 65,
            message: "s.yaml, line 2: \"sweep.training.learningRate\" lists the value 2 twice."),
        Case(
            label: "a flag that sets the swept key (issue 20, finding 2)",
            file: "sweep:\n  training.epochs: [5, 6]\n", arguments: ["--epochs", "7"], status: 64,
            message: "--epochs sets training.epochs, which s.yaml (line 2) sweeps; drop the flag, "
                + "or the key from the sweep block."),
        Case(
            label: "merge before the runs", arguments: ["--merge"], status: 66,
            message: "2 of 2 runs of s.yaml are not done in Output/s"),
    ]

    /// The batch engines' variables, removed so the tests see only the ones they set.
    static let engineVariables = [
        "SLURM_ARRAY_TASK_ID", "SLURM_ARRAY_TASK_MIN", "SLURM_ARRAY_TASK_COUNT",
        "SLURM_ARRAY_TASK_STEP", "JOB_COMPLETION_INDEX", "AWS_BATCH_JOB_ARRAY_INDEX",
        "AWS_BATCH_JOB_ARRAY_SIZE",
    ]

    @Test(arguments: cases)
    func badSweepInput(_ c: Case) throws {
        let harness = try Harness()
        defer { harness.cleanUp() }
        try harness.write(c.file, to: "s.yaml")
        let binary = try #require(Harness.binary).path
        let unset = Self.engineVariables.flatMap { ["-u", $0] }
        let settings = c.environment.map { "\($0.key)=\($0.value)" }
        let result = try harness.run(
            "/usr/bin/env", unset + settings + [binary, "sweep", "s.yaml"] + c.arguments)
        #expect(result.status == c.status)
        #expect(result.stderr.hasPrefix("errorest: "))
        #expect(result.stderr.contains(c.message), "\(result.stderr)")
        #expect(result.stderr.split(separator: "\n").count == 1)
        #expect(!FileManager.default.fileExists(atPath: harness.url("Output").path))
    }
}
