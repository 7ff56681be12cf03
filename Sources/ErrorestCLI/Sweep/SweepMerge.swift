import Backprop
import Figures
import Foundation

/// Writes a sweep's index and comparison figures from the runs' folders, without training.
struct SweepMerge {
    var plan: SweepPlan
    var threads: Int

    /// One comparison figure to draw.
    private struct Job: Sendable {
        var meta: SweepIndex.Figure
        var draw: @Sendable () throws -> Data
    }

    /// Reads every run back, a record at a time (kept whole when `keepRecords`); throws (exit
    /// 66) naming the runs that are not done yet.
    func finishedRuns(keepRecords: Bool = false) throws -> [FinishedRun] {
        var finished: [FinishedRun] = []
        var missing: [String] = []
        for run in plan.runs {
            switch plan.state(of: run) {
            case .pending:
                missing.append(run.name)
            case .failed(let failure):
                finished.append(FinishedRun(planned: run, manifest: nil, failure: failure))
            case .done(let manifest, let record):
                finished.append(
                    FinishedRun(
                        planned: run, summary: RunSummary(record),
                        record: keepRecords ? record : nil,
                        manifest: FinishedRun.ManifestFiles(manifest), failure: nil))
            }
        }
        if !missing.isEmpty {
            let shown = missing.prefix(3).joined(separator: ", ")
            throw ErrorestError.inputMissing(
                "\(missing.count) of \(plan.runs.count) runs of \(plan.sweep.source) are not "
                    + "done in \(plan.displayPath) (\(shown)\(missing.count > 3 ? ", …" : "")); "
                    + "run every shard first.")
        }
        return finished
    }

    /// What a merge wrote: the index (to stream again, for `--json`) and what it lists.
    struct Written {
        var index: SweepIndexWriter
        /// The runs in the index, and the names of those whose training diverged.
        var runs: Int
        var diverged: [String]
        var figures: Int
        /// False when the folder already held exactly this index and its figures.
        var written: Bool
    }

    /// Writes the comparison figures and then the index, unless the folder already holds
    /// exactly these.
    ///
    /// The index is made a run at a time (``SweepIndexWriter``), compared with the earlier one
    /// and written the same way: never held whole.
    func write() throws -> Written {
        let runs = try finishedRuns(keepRecords: !plan.sweep.raceFigures.isEmpty)
        var jobs = figureJobs(runs)
        var animation: RaceAnimation?
        if !plan.sweep.raceFigures.isEmpty {
            let formats = plan.render.formats.filter { !$0.isAnimation }
            let figures = try RaceFigures.jobs(
                runs, plan: plan, formats: formats.isEmpty ? [.png] : formats)
            jobs += figures.jobs.map { Job(meta: $0.meta, draw: $0.draw) }
            animation = figures.animation
        }
        let sweep = plan.sweep
        let head = SweepIndex(
            name: sweep.name,
            keys: sweep.keys.map {
                SweepIndex.Key(key: $0.path, label: $0.label, values: $0.values)
            },
            runs: [],
            figures: jobs.map(\.meta) + (animation?.figures ?? []))
        let index = SweepIndexWriter(head: head, count: runs.count) { i in
            var entry = runs[i].entry
            entry.values = sweep.values(runs[i].planned.choice)
            return entry
        }
        let indexPath = plan.folder.appendingPathComponent(SweepIndex.fileName).path
        var written = Written(
            index: index, runs: runs.count,
            diverged: runs.filter { $0.summary == nil }.map(\.planned.name),
            figures: head.figures.count, written: false)
        if try index.matches(fileAt: indexPath),
            head.figures.allSatisfy({
                FileManager.default.fileExists(
                    atPath: plan.folder.appendingPathComponent($0.path).path)
            })
        {
            return written
        }
        try commit(
            index, jobs: jobs, animation: animation,
            previous: SweepIndex.figures(inFileAt: indexPath) ?? [])
        written.written = true
        return written
    }

    /// Writes the figures and the index into a new generation of the sweep's folder and switches
    /// to it in one `rename(2)`, as a run's folder does: a merge killed at any point leaves the
    /// earlier index and figures whole.
    private func commit(
        _ index: SweepIndexWriter, jobs: [Job], animation: RaceAnimation?,
        previous: [SweepIndex.Figure]
    ) throws {
        let store = try GenerationStore(
            folder: plan.folder, displayPath: plan.displayPath, layout: .sweep)
        defer { store.release() }
        let generation = try store.startGeneration()
        do {
            try draw(jobs, into: generation)
            try animation?.write(
                into: generation, display: plan.displayPath, threads: threads)
            FaultPoint.reach("merge-drawn")
            // The user's own files among the figures are kept; those of the previous index that
            // this one does not list are ours and left behind with its generation.
            let owned = Set(
                jobs.map(\.meta.path) + (animation?.figures.map(\.path) ?? [])
                    + previous.map(\.path))
            let figures = generation.appendingPathComponent("figures")
            var code = FileSystem.linkUnowned(
                in: plan.folder.appendingPathComponent("figures"), under: "figures",
                skipping: owned, into: figures)
            if code == 0 {
                code = try index.write(
                    toFile: generation.appendingPathComponent(SweepIndex.fileName).path)
            }
            rmdir(figures.path)  // an empty one is left out
            if code == 0, FileSystem.syncAll(generation.path) != 0 { code = errno }
            if code != 0 {
                let path = (plan.displayPath as NSString).appendingPathComponent(
                    SweepIndex.fileName)
                throw ErrorestError.writeFailed("Cannot write \(path): \(systemMessage(code)).")
            }
            try store.adoptEarlierLayout()
            FaultPoint.reach("merge-switch")
            try store.switchCurrent(to: generation)
        } catch {
            try? FileManager.default.removeItem(at: generation)
            throw error
        }
        try store.linkEntries()
        store.collectGarbage()
    }

    /// Draws the figures on several threads and writes each whole.
    private func draw(_ jobs: [Job], into generation: URL) throws {
        let plan = self.plan
        do {
            try ParallelFrames.forEach(count: jobs.count, threads: threads) { i in
                let data = try jobs[i].draw()
                let code = FileSystem.write(
                    data, to: generation.appendingPathComponent(jobs[i].meta.path).path)
                if code != 0 {
                    let path = (plan.displayPath as NSString).appendingPathComponent(
                        jobs[i].meta.path)
                    throw ErrorestError.writeFailed("Cannot write \(path): \(systemMessage(code)).")
                }
            }
        } catch {
            throw ErrorestError(error)
        }
    }

    /// The part of a grid figure's name after `grid`: empty for a sweep of one grid, else the
    /// combination's place with as many digits as the last one's and the fixed keys' values,
    /// such as `_1_hidden-16`, so that `ls` lists the grids in the plan's order as it lists the
    /// runs (`hidden-16` would list before `hidden-4`).
    static func gridSuffix(combination: Int, of count: Int, values: [String]) -> String {
        guard count > 1 else { return "" }
        let digits = String(combination)
        let width = String(count - 1).count
        return "_" + String(repeating: "0", count: max(0, width - digits.count)) + digits
            + values.map { "_" + $0 }.joined()
    }

    /// The grid figures (one per combination of the keys beyond the first two) and the errors
    /// figure, in every still format of the sweep (an animation is each run's own; a sweep of
    /// animations alone gets PNG comparisons).
    private func figureJobs(_ runs: [FinishedRun]) -> [Job] {
        let keys = plan.sweep.keys
        let render = plan.render
        let stills = render.formats.filter { !$0.isAnimation }
        let formats = stills.isEmpty ? [FileFormat.png] : stills
        // Columns: whichever of the first two keys has more values (the first on a tie).
        var column = 0
        var row: Int?
        if keys.count > 1 {
            column = keys[1].nodes.count > keys[0].nodes.count ? 1 : 0
            row = 1 - column
        }
        let others = keys.indices.filter { $0 != column && $0 != row }
        let otherCount = others.reduce(1) { $0 * keys[$1].nodes.count }
        let (epoch, snapshots) = SweepMerge.commonEpoch(runs)
        let rowValues =
            row.map { r in
                keys[r].values.enumerated().map { $1.display(position: $0) }
            } ?? [""]
        let columnValues = keys[column].values.enumerated().map { $1.display(position: $0) }
        let (width, height) = SweepFigure.gridSize(
            rows: rowValues.count, columns: columnValues.count, width: render.options.width,
            height: render.options.height)
        var jobs: [Job] = []
        for combination in 0..<otherCount {
            var choice = [Int](repeating: 0, count: keys.count)
            var rest = combination
            for k in others.reversed() {
                choice[k] = rest % keys[k].nodes.count
                rest /= keys[k].nodes.count
            }
            // The cells' runs; their records are read as the figure is drawn.
            var runCells: [[(run: FinishedRun, snapshot: Int)]] = []
            for r in rowValues.indices {
                var line: [(run: FinishedRun, snapshot: Int)] = []
                for c in columnValues.indices {
                    if let row { choice[row] = r }
                    choice[column] = c
                    let finished = runs[SweepMerge.position(of: choice, keys: keys)]
                    line.append((finished, snapshots[finished.planned.position] ?? 0))
                }
                runCells.append(line)
            }
            let cells = runCells
            let fixedKeys = others.map { keys[$0] }
            let fixedText = zip(fixedKeys, others.map { choice[$0] }).map { key, i in
                "\(key.label) = \(key.values[i].display(position: i))"
            }
            let suffix = SweepMerge.gridSuffix(
                combination: combination, of: otherCount,
                values: zip(fixedKeys, others.map { choice[$0] }).map { key, i in
                    "\(key.label)-\(key.values[i].label(position: i))"
                })
            let at = epoch.map { "at epoch \($0)" } ?? "at each run's last snapshot"
            let title =
                "\(plan.sweep.name): the output \(at)"
                + (fixedText.isEmpty ? "" : " (" + fixedText.joined(separator: ", ") + ")")
            let rowKey = row.map { keys[$0].label } ?? ""
            let columnKey = keys[column].label
            let plan = self.plan
            var fixed: [String: RecordValue] = [:]
            for k in others { fixed[keys[k].path] = keys[k].values[choice[k]] }
            for format in formats {
                let meta = SweepIndex.Figure(
                    path: "figures/grid\(suffix).\(format.rawValue)", figure: "grid",
                    format: format, width: width, height: height, columns: keys[column].path,
                    rows: row.map { keys[$0].path }, epoch: epoch,
                    fixed: fixed.isEmpty ? nil : fixed)
                let options = render.options
                jobs.append(
                    Job(meta: meta) {
                        let grid = SweepGrid(
                            title: title, columnKey: columnKey, rowKey: rowKey,
                            columns: columnValues, rows: rowValues,
                            cells: try cells.map { line in
                                try line.map { cell in
                                    // A cell draws no landscape: the path is not kept.
                                    var run = try cell.run.record(in: plan)
                                    run?.trajectory = nil
                                    return SweepGridCell(
                                        run: run, snapshot: cell.snapshot,
                                        note: cell.run.failure.map { SweepMerge.note($0.message) })
                                }
                            })
                        return try SweepFigure.grid(
                            grid, width: width, height: height, palette: options.palette,
                            format: format, pngCompression: options.pngCompression)
                    })
            }
        }
        let groupKey = keys[0]
        let errors = SweepErrors(
            title: "\(plan.sweep.name): the error of every run, by \(groupKey.label)",
            groupKey: groupKey.label,
            groups: groupKey.values.enumerated().map { $1.display(position: $0) },
            curves: runs.compactMap { finished in
                finished.summary.map {
                    SweepCurve(
                        label: finished.planned.name, group: finished.planned.choice[0],
                        errors: $0.errors)
                }
            },
            missing: runs.filter { $0.summary == nil }.count)
        let (errorsWidth, errorsHeight) = SweepFigure.errorsSize(
            width: render.options.width, height: render.options.height)
        for format in formats {
            let options = render.options
            let meta = SweepIndex.Figure(
                path: "figures/errors.\(format.rawValue)", figure: "errors", format: format,
                width: errorsWidth, height: errorsHeight)
            jobs.append(
                Job(meta: meta) {
                    try SweepFigure.errors(
                        errors, width: errorsWidth, height: errorsHeight,
                        palette: options.palette, logScale: options.logScaleError,
                        format: format, pngCompression: options.pngCompression)
                })
        }
        return jobs
    }

    /// What a grid cell says for a failed run: "diverged at epoch N" when the message says so.
    static func note(_ message: String) -> String {
        guard let range = message.range(of: "diverged at epoch ") else { return "diverged" }
        let digits = message[range.upperBound...].prefix { $0.isNumber }
        return digits.isEmpty ? "diverged" : "diverged at: epoch \(digits)"
    }

    /// The grid's position of a choice of values: the last key changes fastest.
    static func position(of choice: [Int], keys: [SweepKey]) -> Int {
        zip(choice, keys).reduce(0) { $0 * $1.1.nodes.count + $1.0 }
    }

    /// The epoch every run has a snapshot of (the last such), and for each run by position the
    /// snapshot to show: that epoch's, or the run's last when there is no common epoch.
    static func commonEpoch(_ runs: [FinishedRun]) -> (Int?, [Int: Int]) {
        let summaries = runs.compactMap(\.summary)
        let shared = summaries.map { Set($0.epochs) }.reduce(nil) {
            (all: Set<Int>?, next) in all.map { $0.intersection(next) } ?? next
        }
        let epoch = shared?.max()
        var snapshots: [Int: Int] = [:]
        for run in runs {
            guard let summary = run.summary else {
                snapshots[run.planned.position] = 0
                continue
            }
            snapshots[run.planned.position] =
                epoch.flatMap { e in summary.epochs.firstIndex(of: e) }
                ?? max(0, summary.epochs.count - 1)
        }
        return (epoch, snapshots)
    }
}
