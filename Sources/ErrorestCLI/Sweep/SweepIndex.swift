import Backprop
import Figures
import Foundation

/// `index.json` in a sweep's folder: every run with its values, outcome and files, and the
/// comparison figures.
///
/// Keys sorted and no dates or timings, so the same sweep gives the same
/// bytes however it was sharded.
struct SweepIndex: Codable, Equatable, Sendable {
    static let fileName = "index.json"
    var format = "errorest-sweep"
    var version = 1
    var name: String
    /// How positions are counted.
    var order =
        "runs are every combination of the keys' values, as nested loops over the keys in the "
        + "order written: the first key changes slowest, the last fastest; position counts from 0"
    var keys: [Key]
    var runs: [Run]
    var figures: [Figure]

    /// A swept key and its values.
    struct Key: Codable, Equatable, Sendable {
        var key: String
        /// What run names call it.
        var label: String
        var values: [RecordValue]
    }

    /// One run of the grid.
    struct Run: Codable, Equatable, Sendable {
        var position: Int
        var name: String
        /// Relative to the sweep's folder.
        var folder: String
        var values: [String: RecordValue]
        /// The content hash of its settings and data.
        var inputs: String
        /// `done`, or `diverged` when training diverged (then `message` says where).
        var status: String
        var message: String?
        /// The run record and manifest, relative to the sweep's folder.
        var record: String?
        var manifest: String?
        /// `E(W)` and accuracy after the last epoch.
        var error: Double?
        var accuracy: Double?
        /// Every figure the run wrote, relative to the sweep's folder.
        var files: [String]
    }

    /// A comparison figure.
    struct Figure: Codable, Equatable, Sendable {
        var path: String
        /// `grid`, `errors` or (a race's) `raceSurface`, `raceMountain` or `raceAnimation`.
        var figure: String
        var format: FileFormat
        var width: Int
        var height: Int
        /// For grids: the keys of the columns and rows, the epoch shown (nil when each run's
        /// last), and the values of the other keys.
        var columns: String?
        var rows: String?
        var epoch: Int?
        var fixed: [String: RecordValue]?
        /// For a race's `raceSurface` and `raceMountain`: its plane and each runner's path on it.
        var plane: RaceFigures.Plane?
        /// For a race's `raceAnimation`: the shared clock, the epoch every runner shows in each
        /// frame, in order.
        var epochs: [Int]?
    }

    func jsonData() throws -> Data {
        try JSONText.data(self)
    }

    static func read(_ data: Data) -> SweepIndex? {
        guard let index = try? JSONDecoder().decode(SweepIndex.self, from: data),
            index.format == "errorest-sweep"
        else { return nil }
        return index
    }
}

/// A finished run of the sweep, as the merge reads it back.
///
/// The merge holds what each run's entry and the errors figure need (``RunSummary``), not the
/// run records: a grid figure reads its own cells' records again as it is drawn, so a merge of
/// 10,000 runs holds a figure's records per thread, not every run's. Race figures keep the runs'
/// records whole (their landscape needs every path at once).
struct FinishedRun: Sendable {
    var planned: PlannedRun
    /// What the merge needs of the run record, or `nil` when training diverged.
    var summary: RunSummary?
    /// The whole run record, kept only when the sweep draws race figures.
    var record: TrainingRun?
    /// What the index lists of its manifest (not the figures' panels and scales).
    var manifest: ManifestFiles?
    var failure: RunFailure?

    /// A run's record file and the files its manifest lists, relative to its folder.
    struct ManifestFiles: Sendable {
        var run: String
        var files: [String]

        init(_ manifest: Manifest) {
            run = manifest.run
            files = manifest.files.map(\.path)
        }
    }

    /// Its entry in the index.
    var entry: SweepIndex.Run {
        let run = planned
        return SweepIndex.Run(
            position: run.position, name: run.name, folder: run.folder,
            values: [:], inputs: run.inputs, status: summary == nil ? "diverged" : "done",
            message: failure?.message, record: manifest.map { "\(run.folder)/\($0.run)" },
            manifest: manifest.map { _ in "\(run.folder)/manifest.json" },
            error: summary?.errors.last, accuracy: summary?.accuracy,
            files: manifest?.files.map { "\(run.folder)/\($0)" } ?? [])
    }

    /// The run record (read again from the run's folder unless kept), or `nil` when training
    /// diverged.
    func record(in plan: SweepPlan) throws -> TrainingRun? {
        if let record { return record }
        guard summary != nil, let manifest else { return nil }
        let url = plan.url(of: planned).appendingPathComponent(manifest.run)
        guard let bytes = FileManager.default.contents(atPath: url.path) else {
            throw ErrorestError.inputMissing(
                "\((plan.display(of: planned) as NSString).appendingPathComponent(manifest.run)) "
                    + "was removed during the merge; merge again.")
        }
        return try TrainingRun(jsonData: bytes, source: plan.display(of: planned))
    }
}

/// What a merge keeps of a finished run's record: the error after every epoch (the errors
/// figure), the last accuracy, the snapshots' epochs (the grid's common epoch) and where the
/// error went against its start (the race's legend and summary line): 8 bytes an epoch,
/// whatever the run's points, snapshots and network.
struct RunSummary: Sendable {
    var errors: [Double]
    var accuracy: Double?
    var epochs: [Int]

    init(_ run: TrainingRun) {
        errors = run.errors
        accuracy = run.accuracies.last
        epochs = run.snapshots.map(\.epoch)
    }

    /// The one trend every sentence and legend about this run reads, of ``errors`` as the
    /// record's own (``Backprop/TrainingRun/errorTrend``).
    var trend: ErrorTrend? { ErrorTrend(errors: errors) }
}
