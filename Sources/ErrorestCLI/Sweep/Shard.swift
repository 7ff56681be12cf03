import Foundation

/// A share of a sweep's runs: shard `index` of `count` (both from 1, like Playwright's and Jest's
/// `--shard`) takes the runs whose position in the grid is ≡ index − 1 (mod count).
struct Shard: Equatable, Sendable, CustomStringConvertible {
    var index: Int
    var count: Int

    /// Checks `index` of `count`; `flag` names the source in the message.
    init(index: Int, count: Int, flag: String) throws {
        guard count >= 1 else {
            throw ErrorestError.usage(
                "\(flag): the number of shards is \(count); it must be 1 or more.")
        }
        guard index >= 1 else {
            throw ErrorestError.usage(
                "\(flag): shard \(index)/\(count) does not exist; shards are counted from 1, "
                    + "1/\(count) to \(count)/\(count).")
        }
        guard index <= count else {
            throw ErrorestError.usage(
                "\(flag): shard \(index)/\(count) does not exist; there are \(count) shards, "
                    + "1/\(count) to \(count)/\(count).")
        }
        self.index = index
        self.count = count
    }

    /// Parses `I/N`, as in `--shard 2/4`.
    init(parsing text: String) throws {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let i = Int(parts[0]), let n = Int(parts[1]) else {
            throw ErrorestError.usage(
                "--shard \(text): write the shard as I/N, such as 2/4 (the second of four).")
        }
        try self.init(index: i, count: n, flag: "--shard \(text)")
    }

    /// True when the run at `position` (from 0) belongs to this shard.
    func contains(_ position: Int) -> Bool {
        position % count == index - 1
    }

    var description: String { "\(index)/\(count)" }
}

extension Shard {
    /// The shard a batch engine's array task is, from the variables it sets: Slurm's
    /// `SLURM_ARRAY_TASK_ID` with `SLURM_ARRAY_TASK_MIN` and `SLURM_ARRAY_TASK_COUNT` (and
    /// `SLURM_ARRAY_TASK_STEP`), a Kubernetes Indexed Job's `JOB_COMPLETION_INDEX` with `count`
    /// (the Job's completions), or AWS Batch's `AWS_BATCH_JOB_ARRAY_INDEX` with
    /// `AWS_BATCH_JOB_ARRAY_SIZE` (or `count`).
    ///
    /// Returns the shard and a sentence saying where it came from.
    static func fromEnvironment(_ env: [String: String], count given: Int?) throws
        -> (shard: Shard, origin: String)
    {
        let flag = "--shard-from-env"
        func number(_ name: String) throws -> Int? {
            guard let text = env[name] else { return nil }
            guard let n = Int(text.trimmingCharacters(in: .whitespaces)) else {
                throw ErrorestError.usage("\(flag): \(name) is \"\(text)\", not a whole number.")
            }
            return n
        }
        /// The shard's number (from 1) of an index from 0.
        func next(_ index: Int, _ name: String) throws -> Int {
            let (shard, overflow) = index.addingReportingOverflow(1)
            guard !overflow else {
                throw ErrorestError.usage(
                    "\(flag): \(name) is \(index), beyond any array's last task; check the job.")
            }
            return shard
        }
        func missing(_ name: String, _ set: String) -> ErrorestError {
            .usage(
                "\(flag): \(set) is set but \(name) is not; \(set) alone does not say how many shards there are."
            )
        }
        if let id = try number("SLURM_ARRAY_TASK_ID") {
            guard let count = try number("SLURM_ARRAY_TASK_COUNT") else {
                throw missing("SLURM_ARRAY_TASK_COUNT", "SLURM_ARRAY_TASK_ID")
            }
            guard let first = try number("SLURM_ARRAY_TASK_MIN") else {
                throw ErrorestError.usage(
                    "\(flag): SLURM_ARRAY_TASK_ID is set but SLURM_ARRAY_TASK_MIN is not; "
                        + "the first task's number is needed to count from it.")
            }
            let step = try number("SLURM_ARRAY_TASK_STEP") ?? 1
            let (offset, overflow) = id.subtractingReportingOverflow(first)
            guard !overflow, offset >= 0 else {
                throw ErrorestError.usage(
                    "\(flag): SLURM_ARRAY_TASK_ID \(id) is not a task of the array starting at "
                        + "\(first); check the job's array range.")
            }
            guard step >= 1, offset % step == 0 else {
                throw ErrorestError.usage(
                    "\(flag): SLURM_ARRAY_TASK_ID \(id) is not a task of the array starting at "
                        + "\(first) in steps of \(step).")
            }
            let shard = try Shard(
                index: try next(offset / step, "SLURM_ARRAY_TASK_ID"), count: count, flag: flag)
            return (
                shard,
                "shard \(shard) from SLURM_ARRAY_TASK_ID=\(id) (SLURM_ARRAY_TASK_MIN=\(first), "
                    + "SLURM_ARRAY_TASK_COUNT=\(count))"
            )
        }
        if let index = try number("JOB_COMPLETION_INDEX") {
            guard let count = given else {
                throw ErrorestError.usage(
                    "\(flag): JOB_COMPLETION_INDEX is set but the number of shards is not; "
                        + "give --shard-count with the Job's completions.")
            }
            let shard = try Shard(
                index: try next(index, "JOB_COMPLETION_INDEX"), count: count, flag: flag)
            return (
                shard,
                "shard \(shard) from JOB_COMPLETION_INDEX=\(index) (--shard-count \(count))"
            )
        }
        if let index = try number("AWS_BATCH_JOB_ARRAY_INDEX") {
            guard let count = try number("AWS_BATCH_JOB_ARRAY_SIZE") ?? given else {
                throw ErrorestError.usage(
                    "\(flag): AWS_BATCH_JOB_ARRAY_INDEX is set but AWS_BATCH_JOB_ARRAY_SIZE is "
                        + "not; set it, or give --shard-count with the array's size.")
            }
            let shard = try Shard(
                index: try next(index, "AWS_BATCH_JOB_ARRAY_INDEX"), count: count, flag: flag)
            return (shard, "shard \(shard) from AWS_BATCH_JOB_ARRAY_INDEX=\(index) (size \(count))")
        }
        throw ErrorestError.usage(
            "\(flag): none of SLURM_ARRAY_TASK_ID, JOB_COMPLETION_INDEX or "
                + "AWS_BATCH_JOB_ARRAY_INDEX is set; run inside an array job, or use --shard I/N.")
    }
}
