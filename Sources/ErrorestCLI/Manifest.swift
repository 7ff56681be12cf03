import Figures
import Foundation

/// `manifest.json` (SPEC §8): every file a run wrote, and what each one shows.
public struct Manifest: Equatable, Sendable, Codable {
    public static let format = "errorest-manifest"
    public static let version = 1

    public var format: String = Manifest.format
    public var version: Int = Manifest.version
    /// The run's name.
    public var name: String
    /// The run record, relative to the folder.
    public var run: String = "run.json"
    /// Frames in order, then the other figures by path.
    public var files: [Entry]

    public init(name: String, files: [Entry]) {
        self.name = name
        self.files = files
    }

    /// One written figure.
    public struct Entry: Equatable, Sendable, Codable {
        /// Relative to the output folder, with `/` separators.
        public var path: String
        public var figure: FigureKind
        public var format: FileFormat
        public var epoch: Int
        /// `E(W)` at that epoch.
        public var error: Double
        public var width: Int
        public var height: Int
        public var panels: [Panel]
        /// Animations only: the epoch of each snapshot frame, in order (after the title card, if
        /// there is one); `epoch`, `error` and `panels` are those of the last.
        public var epochs: [Int]?

        public init(
            path: String, figure: FigureKind, format: FileFormat, epoch: Int, error: Double,
            width: Int, height: Int, panels: [Panel], epochs: [Int]? = nil
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
        }
    }

    /// Where a panel sits in a figure, so a script can find where a data point lands: Figures'
    /// own description, which writes `null` for the layer and unit of non-hidden panels.
    public typealias Panel = PanelInfo

    /// The manifest as JSON: keys sorted and no dates, so the same run gives the same bytes.
    public func jsonData() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var data = try encoder.encode(self)
        data.append(0x0A)
        return data
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
        [run] + files.map(\.path)
    }
}

extension Manifest.Entry {
    /// The path of a figure in the output folder: PNG frames as a numbered sequence for ffmpeg,
    /// everything else by figure and epoch.
    static func path(kind: FigureKind, format: FileFormat, epoch: Int, frameIndex: Int) -> String {
        if kind == .frame && format == .png {
            return "frames/frame-" + padded(frameIndex, 4) + ".png"
        }
        return "figures/\(kind.rawValue)-epoch-" + padded(epoch, 6) + ".\(format.rawValue)"
    }

    private static func padded(_ n: Int, _ width: Int) -> String {
        let digits = String(n)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
