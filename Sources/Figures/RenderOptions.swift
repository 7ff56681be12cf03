import Backprop
import Foundation

/// The data point a figure follows: the one whose wish it draws.
public enum Focus: Sendable, Equatable {
    /// The point with the largest error at the snapshot drawn.
    case worst
    /// The data's point number `n`, counted from 1.
    case index(Int)
    /// The data point nearest to these coordinates.
    case near(x1: Double, x2: Double)
    /// A point that is not in the data, with its label: the lesson's "point coming in", whose
    /// wish is drawn (as if it were trained on) although training never saw it.
    case visitor(x1: Double, x2: Double, label: Int)

    /// `worst`, a point's number (from 1), or coordinates `x1,x2`; nil for anything else.
    public init?(argument text: String) {
        let parts = text.trimmingCharacters(in: CharacterSet(charactersIn: "[] "))
            .split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        if parts == ["worst"] {
            self = .worst
        } else if parts.count == 1, let n = Int(parts[0]) {
            self = .index(n)
        } else if parts.count == 2, let x1 = Double(parts[0]), let x2 = Double(parts[1]),
            x1.isFinite, x2.isFinite
        {
            self = .near(x1: x1, x2: x2)
        } else {
            return nil
        }
    }
}

/// Whose wish the diagram's edges show.
public enum WishSource: String, CaseIterable, Sendable, Codable {
    /// The focus point's own step, `−η ∂e/∂w`.
    case point
    /// The whole batch's step, `−η ∂E/∂w`, the step training takes.
    case batch
    /// No wish: the focus point is drawn and ringed without ghost lines, arrows or changes (the
    /// lesson's feedforward, before any point is asked what it wants).
    case none
}

/// How the hidden units' panels are arranged in a frame and in the `hidden` figure.
public enum HiddenLayout: String, CaseIterable, Sendable, Codable {
    /// A portrait frame's units in a column beside the error curve; anything else in the number
    /// of columns that makes the plots largest.
    case auto
    /// Each layer's units side by side, one row per layer.
    case row
    /// The units one above the other, in one column.
    case column
}

/// How hidden panels shade a unit.
public enum HiddenShading: String, CaseIterable, Sendable, Codable {
    /// The unit's own activation: blue where `z > 0`, the unit as a model of its own.
    case activation
    /// What the unit tells the output: its side of its line times the sign of its outgoing
    /// weight, `sign(v)·z`, blue where it pushes `ŷ` up. Units that feed `ŷ` directly (the last
    /// hidden layer, the only one of a one-layer network) show it; deeper layers' units keep
    /// their activation.
    case vote
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
    /// A self-contained web page of the PNG frames with a slider, play and the numbers of every
    /// point (the lesson page).
    case html

    /// True for the formats that hold a whole sequence of frames.
    public var isAnimation: Bool { self == .apng || self == .mp4 || self == .gif || self == .html }

    /// The animations made of the frames' pixels: apng, mp4 and gif (not the html page).
    public var isMovie: Bool { isAnimation && self != .html }

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
    /// The allowed PNG compression levels.
    public static let compressionRange = 0...9
    /// The allowed sizes of the smallest text, in points (pixels in PNG).
    public static let fontSizeRange = 4.0...200.0

    public var width: Int = 1280
    public var height: Int = 720
    public var palette: PaletteName = .lesson
    /// The PNG compression level, 0 (stored) to 9 (smallest): 1 to 3 Errorest's row encoder
    /// (greedy; greedy with two positions per hash bucket; lazy with two), 4 to 8 libdeflate's
    /// level of the same number (zlib's scale), 9 its smallest, 12.
    ///
    /// The default, 2, compresses the lesson's frames in about three quarters of the time of
    /// the earlier default (the row encoder's lazy level, then 3) and 1–2% smaller; 3 is 1–2%
    /// smaller than 2 and 1.3–1.6 times as slow; libdeflate's 4 and 6 are 1–16% smaller and
    /// 1.7–3.3 times as slow; 9 is over 100 times as slow, for archives (measured on the
    /// Samples' figures: see the article on PNG files, `errorest-bench png`).
    public var pngCompression: Int = RenderOptions.defaultPNGCompression
    /// The PNG compression level when none is given: the row encoder's greedy level with two
    /// positions per bucket of its hash table.
    public static let defaultPNGCompression = 2
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
    /// Draws a legend strip under a print panel drawn without its header (``header`` `false`);
    /// `false` leaves the panel alone for a printed caption to key.
    public var legend: Bool = true
    /// Prints `w1·x1 + w2·x2 + b = 0` on each first-layer hidden panel.
    public var equations: Bool = false
    /// The size of the smallest text (tick labels, legends, notes, equations) in points in PDF
    /// and SVG, pixels in PNG; panel titles are 1.22× and the header 1.65× as large.
    ///
    /// `nil` chooses it: frames scale the 1280×720 design's 11.5 to their size (a portrait frame
    /// to its short side); a panel on its own (`hidden`, `output`, `error`) is laid out for print
    /// with its smallest text at least 1/32 of its page's width, so that it is at least 7 pt when
    /// the figure is placed 8 cm wide (226.8 pt), and at least 10.6 pt at 12 cm.
    public var fontSize: Double? = nil
    /// The error surface's grid, span and axes (`surface` and `mountain` figures and panels).
    public var surface = SurfaceOptions()
    /// A landscape panel in each frame, beside the error curve: `surface`, `mountain` or nil.
    public var frameLandscape: PanelKind? = nil
    /// The point whose wish is drawn; none by default (the diagram then shows the batch's).
    public var focus: Focus?
    /// Whose wish the diagram's edges show; the focus point's when there is one.
    ///
    /// `none` draws the focus point without any wish.
    public var wish: WishSource?
    /// The factor every wish is drawn magnified by; nil for the run's one factor.
    ///
    /// The run's factor is 1, 2 or 5 times a power of ten, so that the arrows show; 1 draws the
    /// ghost line `W′` where the point's own full step puts it.
    public var wishMagnification: Double?
    /// How hidden units are shaded; nil is `activation`, unstated in titles and the manifest.
    public var hiddenShading: HiddenShading?
    /// Draws the network diagram in each frame, beside the error curve, where it fits.
    public var frameDiagram: Bool = false
    /// How the hidden units' panels are arranged: a row per layer, a column, or `auto`, a column
    /// beside the error curve in a portrait frame and else the arrangement with the largest plots.
    public var hiddenLayout: HiddenLayout = .auto

    public init() {}

    public init(
        width: Int = 1280, height: Int = 720, palette: PaletteName = .lesson,
        pngCompression: Int = RenderOptions.defaultPNGCompression,
        hiddenLinesOnOutput: Bool = true, logScaleError: Bool = false,
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

    /// Checks the size, the compression level and the frame's landscape panel; called before
    /// anything is allocated.
    public func validate() throws {
        try RenderOptions.check(width: width, height: height)
        try RenderOptions.check(pngCompression: pngCompression)
        if let fontSize { try RenderOptions.check(fontSize: fontSize) }
        if let frameLandscape, !frameLandscape.needs.contains(.landscape) {
            let landscapes = PanelKind.allCases.filter { $0.needs.contains(.landscape) }
            throw FiguresError.outOfRange(
                .frameLandscape, value: frameLandscape.rawValue,
                rule: "it must be " + landscapes.map(\.rawValue).joined(separator: " or "))
        }
        if let errorRange {
            try RenderOptions.check(errorLow: errorRange.lowerBound, high: errorRange.upperBound)
        }
    }

    /// Checks a figure size: each side within ``sizeRange``.
    public static func check(width: Int, height: Int) throws {
        guard sizeRange.contains(width), sizeRange.contains(height) else {
            throw FiguresError.outOfRange(
                .size, value: "\(width)x\(height)",
                rule: "each side must be \(sizeRange.lowerBound) to \(sizeRange.upperBound) pixels")
        }
    }

    /// Checks an error axis: two finite errors, `0 ≤ low < high`.
    public static func check(errorLow low: Double, high: Double) throws {
        guard low.isFinite, high.isFinite, low >= 0, high > low else {
            throw FiguresError.outOfRange(
                .errorRange, value: "[" + String(format: "%g, %g", low, high) + "]",
                rule: "it must be two finite errors low, high with 0 ≤ low < high")
        }
    }

    /// Checks a PNG compression level: within ``compressionRange``.
    public static func check(pngCompression: Int) throws {
        guard compressionRange.contains(pngCompression) else {
            throw FiguresError.outOfRange(
                .pngCompression, value: "\(pngCompression)",
                rule: "it must be \(compressionRange.lowerBound) to \(compressionRange.upperBound)")
        }
    }
}

extension RenderOptions {
    /// Checks a text size: within ``fontSizeRange``.
    public static func check(fontSize: Double) throws {
        guard fontSizeRange.contains(fontSize) else {
            throw FiguresError.outOfRange(
                .fontSize,
                value: fontSize.isFinite ? String(format: "%g", fontSize) : "not a finite number",
                rule: "it must be between \(Int(fontSizeRange.lowerBound)) and "
                    + "\(Int(fontSizeRange.upperBound)) points")
        }
    }
}

/// A render option with a key and a flag of its own; one with a range of allowed values is
/// named by ``FiguresError/outOfRange(_:value:rule:)`` so that a caller can point to where it
/// was given.
public enum RenderSetting: String, CaseIterable, Sendable {
    /// The figure's width and height in pixels.
    case size
    /// The PNG compression level.
    case pngCompression
    /// The point whose wish is drawn, by its number from 1.
    case focus
    /// The landscape panel of a frame: surface or mountain.
    case frameLandscape
    /// The size of the smallest text, in points.
    case fontSize
    /// How hidden units are shaded: activation or vote.
    case hiddenShading
    /// The error axis shared across runs, `[low, high]`.
    case errorRange
    /// An animation's frames a second.
    case fps
    /// Seconds an animation holds its first snapshot.
    case holdFirst
    /// Seconds an animation holds its last snapshot.
    case holdLast
    /// Seconds of an animation's title card.
    case title

    /// The setting in words, for messages.
    public var summary: String {
        switch self {
        case .size: return "figure size"
        case .pngCompression: return "PNG compression level"
        case .focus: return "focus point"
        case .frameLandscape: return "frame's landscape panel"
        case .fontSize: return "text size"
        case .hiddenShading: return "hidden units' shading"
        case .errorRange: return "error axis range"
        case .fps: return "animation's frames per second"
        case .holdFirst: return "animation's hold of the first snapshot"
        case .holdLast: return "animation's hold of the last snapshot"
        case .title: return "animation's title card"
        }
    }
}
