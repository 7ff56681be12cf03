/// Which figure to draw: a panel on its own, or the composite frame.
public enum FigureKind: String, CaseIterable, Sendable, Codable {
    /// The composite: header, hidden units, output and error curve.
    case frame
    /// Every hidden unit of the snapshot in a grid.
    case hidden
    /// The output `ŷ` with its 0.5 boundary.
    case output
    /// The error curve with the current epoch marked.
    case error
}

/// A file format: a still of one snapshot (`png`, `pdf`, `svg`, the raw value being the file
/// extension), or an animation of every snapshot (`apng`, `mp4`, `gif`).
public enum FileFormat: String, CaseIterable, Sendable, Codable {
    case png
    case pdf
    case svg
    /// An animated PNG written by Errorest.
    case apng
    /// H.264 video, made by ffmpeg from the animated PNG.
    case mp4
    /// An animated GIF, made by ffmpeg from the animated PNG.
    case gif

    /// True for the formats that hold a whole sequence of frames.
    public var isAnimation: Bool { self == .apng || self == .mp4 || self == .gif }

    /// The file extension: an animated PNG is a `.png` file.
    public var fileExtension: String { self == .apng ? "png" : rawValue }
}

/// A named set of colours for classes and probabilities.
public enum PaletteName: String, CaseIterable, Sendable, Codable {
    /// The lesson's colours: blue is label 1, red is label 0.
    case lesson
    /// Blue and orange, distinct for the common colour-vision deficiencies, with shaped markers.
    case colorblind
}

/// How figures are drawn: size, palette, compression and what to show.
public struct RenderOptions: Sendable, Equatable {
    /// The allowed pixels per side.
    public static let sizeRange = 16...16384
    /// The allowed zlib compression levels.
    public static let compressionRange = 0...9

    public var width: Int = 1280
    public var height: Int = 720
    public var palette: PaletteName = .lesson
    /// The zlib level of PNG files, 0 (none) to 9 (smallest).
    ///
    /// The default, 3, is zlib's best fast level: on a 1280×720 frame it encodes about twice as
    /// fast as level 6 for files about a fifth larger (near the size of matplotlib's frames),
    /// and encoding is most of the cost of a frame. Animations want speed; use 9 for archives.
    public var pngCompression: Int = 3
    /// Draws each first-layer hidden line faintly on the output panel.
    public var hiddenLinesOnOutput: Bool = true
    /// Draws the error axis on a logarithmic scale.
    public var logScaleError: Bool = false
    /// The error axis, bottom to top; `nil` chooses it from the run.
    ///
    /// The chosen axis is robust to spikes: a few epochs above the 99th percentile are clipped,
    /// with a mark. Give a range to share one scale across runs.
    public var errorRange: ClosedRange<Double>? = nil
    /// Draws the figure's header (run name, epoch, error, accuracy, legend); `false` for panels
    /// that a printed caption describes.
    public var header: Bool = true
    /// Prints `w1·x1 + w2·x2 + b = 0` on each first-layer hidden panel.
    public var equations: Bool = false

    public init() {}

    public init(
        width: Int = 1280, height: Int = 720, palette: PaletteName = .lesson,
        pngCompression: Int = 3, hiddenLinesOnOutput: Bool = true, logScaleError: Bool = false,
        equations: Bool = false
    ) {
        self.width = width
        self.height = height
        self.palette = palette
        self.pngCompression = pngCompression
        self.hiddenLinesOnOutput = hiddenLinesOnOutput
        self.logScaleError = logScaleError
        self.equations = equations
    }

    /// Checks the size and the compression level; called before anything is allocated.
    public func validate() throws {
        guard RenderOptions.sizeRange.contains(width), RenderOptions.sizeRange.contains(height)
        else {
            throw FiguresError.badSize(width: width, height: height)
        }
        if let range = errorRange {
            guard range.lowerBound.isFinite, range.upperBound.isFinite, range.lowerBound >= 0,
                range.upperBound > range.lowerBound
            else {
                throw FiguresError.badOption(
                    "The error range must be two finite errors, low ≥ 0 below high; got "
                        + "[\(range.lowerBound), \(range.upperBound)].")
            }
        }
        guard RenderOptions.compressionRange.contains(pngCompression) else {
            throw FiguresError.badOption(
                "The PNG compression level must be 0 to 9; got \(pngCompression).")
        }
    }
}
