import Backprop
import Figures
import Foundation

/// `manifest.json`: every file a run wrote, and what each one shows.
///
/// The format is described in the "The manifest" article of this module's documentation.
public struct Manifest: Equatable, Sendable, Codable {
    /// The value of `format` in every manifest.
    public static let format = "errorest-manifest"
    /// The version of the format this Errorest writes.
    public static let version = 1

    /// Always `errorest-manifest`.
    public var format: String = Manifest.format
    /// Always 1, this Errorest's version of the format.
    public var version: Int = Manifest.version
    /// The run's name.
    public var name: String
    /// The run record, relative to the folder.
    public var run: String = "run.json"
    /// Frames in order, then the other figures by path.
    public var files: [Entry]
    /// For runs of a sweep: the content hash of the run's settings and data.
    ///
    /// A retried task reads it to tell this run is already done. Absent for other runs.
    public var inputs: String?

    /// A manifest of `files` for the run called `name`; `inputs` is a sweep run's content hash.
    public init(name: String, files: [Entry], inputs: String? = nil) {
        self.name = name
        self.files = files
        self.inputs = inputs
    }

    /// One written figure.
    public struct Entry: Equatable, Sendable, Codable {
        /// Relative to the output folder, with `/` separators.
        public var path: String
        /// Which figure: a frame or a panel on its own.
        public var figure: FigureKind
        /// The file's format.
        public var format: FileFormat
        /// The epoch of the snapshot drawn.
        public var epoch: Int
        /// For a paced frame part-way along the step after `epoch`: how far along it (0 to 1).
        public var stepFraction: Double?
        /// `E(W)` at that epoch.
        public var error: Double
        /// The figure's width in pixels.
        public var width: Int
        /// The figure's height in pixels.
        public var height: Int
        /// Where each panel sits in the figure and what range of data it shows.
        public var panels: [Panel]
        /// The figure's numbers as CSV (surfaces and hidden space), relative to the folder.
        public var data: String?
        /// Animations only: the epoch of each snapshot frame, in order (after the title card, if
        /// there is one), with its step fraction for frames part-way along a step (`4.35`);
        /// `epoch`, `error` and `panels` are those of the last.
        public var epochs: [Double]?

        /// An entry from its values.
        public init(
            path: String, figure: FigureKind, format: FileFormat, epoch: Int, error: Double,
            width: Int, height: Int, panels: [Panel], epochs: [Double]? = nil
        ) {
            self.path = path
            self.figure = figure
            self.format = format
            self.epoch = epoch
            self.error = error
            self.width = width
            self.height = height
            self.panels = panels
            self.epochs = epochs
        }

        /// The entry of a rendered figure written at `path`.
        public init(path: String, figure: RenderedFigure, error: Double) {
            self.init(
                path: path, figure: figure.kind, format: figure.format, epoch: figure.epoch,
                error: error, width: figure.width, height: figure.height,
                panels: figure.panels)
            stepFraction = figure.stepFraction
        }
    }

    /// Where a panel sits in a figure, so a script can find where a data point lands: Figures'
    /// own description, which writes `null` for the layer and unit of non-hidden panels.
    public typealias Panel = PanelInfo

    /// The manifest as JSON: keys sorted and no dates, so the same run gives the same bytes.
    ///
    /// Written an entry at a time, so that memory does not grow with the number of files.
    public func jsonData() throws -> Data {
        try StreamedJSON.manifest(self)
    }

    /// Reads a manifest, or returns `nil` if the bytes are not one of ours.
    public static func read(_ data: Data) -> Manifest? {
        guard let manifest = try? JSONDecoder().decode(Manifest.self, from: data),
            manifest.format == Manifest.format
        else { return nil }
        return manifest
    }

    /// The paths this manifest claims, as the folder's owner may delete them: run record and files.
    var ownedPaths: [String] {
        [run] + files.map(\.path) + Array(Set(files.compactMap(\.data))).sorted()
    }
}

extension Manifest.Entry {
    /// The path of a figure in the output folder: PNG frames of a sequence numbered for ffmpeg
    /// (`frameIndex`), everything else, stills included, by figure and epoch.
    static func path(
        kind: FigureKind, format: FileFormat, epoch: Int, fraction: Double? = nil, frameIndex: Int?,
        names: EpochNames = EpochNames()
    ) -> String {
        if kind == .frame && format == .png, let frameIndex {
            return "frames/frame-" + padded(frameIndex, names.frameDigits) + ".png"
        }
        return "figures/\(kind.rawValue)-epoch-" + names.name(epoch, fraction)
            + ".\(format.rawValue)"
    }

    /// The path of a figure's table (``FigureTable``): surface and mountain figures share one.
    static func dataPath(
        table name: String, epoch: Int, fraction: Double? = nil, names: EpochNames = EpochNames()
    ) -> String {
        "figures/\(name)-epoch-" + names.name(epoch, fraction) + ".csv"
    }

    fileprivate static func padded(_ n: Int, _ width: Int) -> String {
        let digits = String(n)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}

/// How a run's stills name their epochs so that `ls` and shell globs list them in training order,
/// in the C locale and in locales that skip punctuation alike: every epoch with as many digits as
/// the run's last (at least 6: `000289`), and, in a run with snapshots part-way through an epoch,
/// every name with two more digits after a dot (`000004.00`, `000004.35`, `000005.00`).
struct EpochNames: Equatable, Sendable {
    var digits = 6
    var partway = false
    /// The digits of a sequence's frame numbers: 4, or as many as the last frame's.
    var frameDigits = 4

    init() {}

    /// The names of `run`'s stills.
    init(run: TrainingRun) {
        let last = max(run.training.epochs, run.snapshots.map(\.epoch).max() ?? 0)
        digits = max(6, String(last).count)
        partway = run.snapshots.contains { $0.stepFraction != nil }
        frameDigits = max(4, String(max(0, run.snapshots.count - 1)).count)
    }

    /// `000289`, or `000004.35` part-way through epoch 4 (`000004.00` at its start).
    func name(_ epoch: Int, _ fraction: Double?) -> String {
        let whole = Manifest.Entry.padded(epoch, digits)
        guard partway else { return whole + Snapshot.fractionDigits(fraction) }
        // Hundredths, 01 to 99 part-way: never the name of the epoch's start or the next.
        let hundredths = fraction.map { min(99, max(1, Int(($0 * 100).rounded()))) } ?? 0
        return whole + "." + Manifest.Entry.padded(hundredths, 2)
    }
}
