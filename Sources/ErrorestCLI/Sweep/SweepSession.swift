import Backprop
import Foundation

/// The steps `errorest sweep` and `errorest race` share once the sweep file is read: plan the
/// runs with the command line's flags, train those pending, write the index and figures, and
/// say what happened.
///
/// A race is a sweep whose file asks for race figures (``SweepFile/raceFigures``): the plan
/// checks its runners' shared start and the merge draws its figures.
struct SweepSession {
    var training: TrainingFlags
    var render: RenderFlags
    var output: OutputOptions
    /// Threads in all.
    var threads: Int
    var started = ContinuousClock.now

    /// Plans the runs of `sweep` in `shard` (every run when nil) with the flags applied;
    /// throws the first mistake found, before anything is written.
    func plan(_ sweep: SweepFile, shard: Shard? = nil) throws -> SweepPlan {
        try SweepPlan(sweep, out: output.out, shard: shard) { file in
            try training.apply(to: &file)
            try render.apply(to: &file.render)
        }
    }

    /// The runs of `runs` whose folders do not hold them yet.
    func pending(_ runs: [PlannedRun], of plan: SweepPlan) -> [PlannedRun] {
        runs.filter {
            if case .pending = plan.state(of: $0) { return true }
            return false
        }
    }

    /// Trains and renders `runs`, several at once.
    func train(_ runs: [PlannedRun], of plan: SweepPlan) throws -> SweepRunner.Outcome {
        try SweepRunner(plan: plan, threads: threads, quiet: output.quiet).run(runs)
    }

    /// What a whole run of a sweep did, before its index: "3 runs trained and rendered, 1
    /// diverged, 2 already done".
    static func summary(_ outcome: SweepRunner.Outcome, planned: Int, pending: Int) -> String {
        var summary = "\(outcome.done) run\(outcome.done == 1 ? "" : "s") trained and rendered"
        if !outcome.diverged.isEmpty { summary += ", \(outcome.diverged.count) diverged" }
        if planned > pending { summary += ", \(planned - pending) already done" }
        return summary
    }

    /// Writes the index and figures (unless they are already as they would be) and reports.
    func writeIndex(_ plan: SweepPlan, label: String, ran: String?) throws {
        let merge = try SweepMerge(plan: plan, threads: threads).write()
        if output.json { try merge.index.stream { try StandardStreams.writeOutput($0) } }
        guard !output.quiet else { return }
        let diverged = merge.diverged
        let what =
            merge.written
            ? "index.json and \(merge.figures) comparison figures written"
            : "index.json and figures already up to date; nothing written"
        var race = ""
        if !plan.sweep.raceFigures.isEmpty {
            race = "; \(merge.runs) runners from one W0 (checked bit for bit)"
            if !diverged.isEmpty { race += ", \(diverged.joined(separator: ", ")) diverged" }
            // Runners that trained to the end with their error above its start: not "diverged",
            // which names training that stopped (see ErrorTrend).
            for run in try SweepMerge(plan: plan, threads: threads).finishedRuns() {
                guard let words = run.summary?.trend?.endedAboveWords else { continue }
                race += "; \(run.planned.name): \(words)"
            }
        }
        printError(
            "\(label): \(ran.map { "\($0); " } ?? "")\(merge.runs) runs in the index"
                + (diverged.isEmpty ? "" : " (\(diverged.count) diverged)") + race
                + "; \(what) in \(plan.displayPath) \(timing(nil))")
    }

    /// The time since the command started, and the rate of `runs` when given.
    func timing(_ runs: Int?) -> String {
        let elapsed = ContinuousClock.now - started
        let seconds =
            Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        if let runs, runs > 0, seconds > 0 {
            return String(format: "(%.1f s, %.2f runs/s)", seconds, Double(runs) / seconds)
        }
        return String(format: "(%.1f s)", seconds)
    }
}
