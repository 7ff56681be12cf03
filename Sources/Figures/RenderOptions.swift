import Backprop

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
    /// The error surface E over two directions of weight space, from above: level curves, the
    /// path and the step to W′ ("Mt. Errorest", "Mt. Kilimanjerror").
    case surface
    /// The same surface as a mountain in perspective, the path walking down it.
    case mountain
    /// The points in the last hidden layer's activations, with the output's straight boundary.
    case hiddenSpace
}

/// A file format; the raw value is the file extension.
public enum FileFormat: String, CaseIterable, Sendable, Codable {
    case png
    case pdf
    case svg
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
    /// Prints `w1·x1 + w2·x2 + b = 0` on each first-layer hidden panel.
    public var equations: Bool = false
    /// The error surface's grid, span and axes (`surface` and `mountain` figures and panels).
    public var surface = SurfaceOptions()
    /// A landscape panel in each frame, beside the error curve: `surface`, `mountain` or nil.
    public var frameLandscape: PanelKind? = nil

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
        guard RenderOptions.compressionRange.contains(pngCompression) else {
            throw FiguresError.badOption(
                "The PNG compression level must be 0 to 9; got \(pngCompression).")
        }
        if let frameLandscape, frameLandscape != .surface, frameLandscape != .mountain {
            throw FiguresError.badOption(
                "A frame's landscape panel is surface or mountain; got \(frameLandscape.rawValue).")
        }
    }
}
